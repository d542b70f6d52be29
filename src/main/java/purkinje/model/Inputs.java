package purkinje.model;

/**
 * Synaptic inputs to a Purkinje cell: excitatory parallel fibres (from granule cells), inhibitory
 * molecular-layer interneurons, and the climbing fibre (complex spikes). Absent inputs are null;
 * {@link #NONE} is a cell driven by its pacemaking current and noise only.
 */
public record Inputs(PoissonInput parallelFibres, PoissonInput interneurons, ClimbingFibre climbingFibre) {
    public static final Inputs NONE = new Inputs(null, null, null);

    /** True when any input delivers events. */
    public boolean any() {
        return active(parallelFibres) || active(interneurons)
                || (climbingFibre != null && climbingFibre.isActive());
    }

    static boolean active(PoissonInput p) {
        return p != null && p.isActive();
    }

    public boolean hasClimbingFibre() {
        return climbingFibre != null && climbingFibre.isActive();
    }
}
