package purkinje.fit;

import purkinje.model.CellParameter;
import purkinje.model.CellParameters;
import purkinje.model.Inputs;
import purkinje.model.PoissonInput;

/**
 * One MEIS1-dependent quantity a hypothesis lets differ between the mutant and the reference
 * (the MEIS1 semantics of the config: a potential takes an additive shift in mV, a positive
 * quantity a factor). The fit works in a coordinate on the whole real line: the shift itself, or
 * the natural log of the factor, searched within {@link #low()} to {@link #high()}.
 */
public enum Effect {
    /** Pacemaking current I_pace times a factor (the mutant's whole drive distribution scales). */
    I_PACE("I_pace", "pacemaking current", true, "x wild type", Math.log(0.1), Math.log(10)),
    /** Spike threshold V_th plus a shift. */
    V_TH("V_th", "spike threshold", false, "mV", -15, 15),
    /** Leak conductance g_L times a factor, at fixed C_m: tau_m = C_m / g_L divided by it. */
    G_L("g_L", "leak conductance", true, "x wild type", Math.log(0.1), Math.log(10)),
    /** Rate of every parallel-fibre synapse times a factor (only with parallel fibres in the config). */
    PF_RATE("parallel_fibres.rate", "parallel-fibre rate", true, "x wild type", Math.log(0.02), Math.log(50));

    /** The value of "no change": factor 1 or shift 0 (coordinate 0 either way). */
    public static final double NO_CHANGE = 0;

    private final String parameter;
    private final String description;
    private final boolean factor;
    private final String unit;
    private final double low;
    private final double high;

    Effect(String parameter, String description, boolean factor, String unit, double low, double high) {
        this.parameter = parameter;
        this.description = description;
        this.factor = factor;
        this.unit = unit;
        this.low = low;
        this.high = high;
    }

    /** The parameter's name in outputs, e.g. {@code V_th}. */
    public String parameter() {
        return parameter;
    }

    /** Plain words, e.g. "spike threshold". */
    public String description() {
        return description;
    }

    /** True for a factor (coordinate ln f), false for a shift in mV (coordinate = shift). */
    public boolean isFactor() {
        return factor;
    }

    /** Unit of the reported value: "x wild type" for a factor, "mV" for a shift. */
    public String unit() {
        return unit;
    }

    /** Lower end of the search range, in the fit coordinate. */
    public double low() {
        return low;
    }

    /** Upper end of the search range, in the fit coordinate. */
    public double high() {
        return high;
    }

    /** The reported value (factor or shift in mV) of a fit coordinate. */
    public double value(double coordinate) {
        return factor ? Math.exp(coordinate) : coordinate;
    }

    /** The cell with this effect applied (I_PACE acts on the drive, not here); throws if impossible. */
    CellParameters apply(CellParameters cell, double coordinate) {
        return switch (this) {
            case V_TH -> cell.with(CellParameter.V_TH, cell.vThresholdMv() + coordinate);
            case G_L -> cell.with(CellParameter.TAU_M, cell.tauMs() / Math.exp(coordinate));
            case I_PACE, PF_RATE -> cell;
        };
    }

    /** The inputs with this effect applied (only PF_RATE changes them). */
    Inputs apply(Inputs inputs, double coordinate) {
        if (this != PF_RATE || inputs.parallelFibres() == null) {
            return inputs;
        }
        PoissonInput pf = inputs.parallelFibres();
        return new Inputs(pf.withRate(pf.ratePerSynapseHz() * Math.exp(coordinate)), inputs.interneurons(),
                inputs.climbingFibre());
    }
}
