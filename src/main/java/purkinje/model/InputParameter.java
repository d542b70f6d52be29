package purkinje.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Input parameters that the MEIS1 mapping may change (e.g. "fewer granule-cell inputs":
 * {@code meis1: {inputs.parallel_fibres.rate: 0.5}}), by their config paths. Rates, weights,
 * time constants and the pause are scaled by a factor; the pause potential, a membrane potential,
 * is shifted in mV (as the cell's potentials, {@link CellParameter#isPotential()}).
 */
public enum InputParameter {
    PF_RATE("inputs.parallel_fibres.rate"),
    PF_WEIGHT("inputs.parallel_fibres.weight"),
    PF_TAU_SYN("inputs.parallel_fibres.tau_syn"),
    IN_RATE("inputs.interneurons.rate"),
    IN_WEIGHT("inputs.interneurons.weight"),
    IN_TAU_SYN("inputs.interneurons.tau_syn"),
    CF_RATE("inputs.climbing_fibre.rate"),
    CF_PAUSE("inputs.climbing_fibre.pause"),
    CF_PAUSE_POTENTIAL("inputs.climbing_fibre.pause_potential");

    private final String path;

    InputParameter(String path) {
        this.path = path;
    }

    public String configPath() {
        return path;
    }

    /** True for the pause potential: MEIS1 shifts it in mV instead of scaling it. */
    public boolean isPotential() {
        return this == CF_PAUSE_POTENTIAL;
    }

    public static Optional<InputParameter> byPath(String path) {
        return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
    }

    /**
     * The inputs with this parameter moved: multiplied by {@code factorOrShift}, or, for the pause
     * potential, shifted by it in mV. Absent inputs stay absent.
     */
    Inputs change(Inputs in, double factorOrShift) {
        PoissonInput pf = in.parallelFibres();
        PoissonInput inh = in.interneurons();
        ClimbingFibre cf = in.climbingFibre();
        double f = factorOrShift;
        String input = path.substring(0, path.lastIndexOf('.'));
        if (input.endsWith("parallel_fibres") && pf == null || input.endsWith("interneurons") && inh == null
                || input.endsWith("climbing_fibre") && cf == null) {
            // an effect on an input the run does not have would be no effect at all, silently
            throw new InvalidParameterException("meis1." + path + " acts on " + input + ", which the config does not "
                    + "have; add the input under 'inputs:', or remove the entry");
        }
        switch (this) {
            case PF_RATE -> pf = pf == null ? null : pf.withRate(pf.ratePerSynapseHz() * f);
            case PF_WEIGHT -> pf = pf == null ? null : pf.withWeight(pf.weightPa() * f);
            case PF_TAU_SYN -> pf = pf == null ? null : pf.withTau(pf.tauSynMs() * f);
            case IN_RATE -> inh = inh == null ? null : inh.withRate(inh.ratePerSynapseHz() * f);
            case IN_WEIGHT -> inh = inh == null ? null : inh.withWeight(inh.weightPa() * f);
            case IN_TAU_SYN -> inh = inh == null ? null : inh.withTau(inh.tauSynMs() * f);
            case CF_RATE -> cf = cf == null ? null : cf.withRate(cf.rateHz() * f);
            case CF_PAUSE -> cf = cf == null ? null : cf.withPause(cf.pauseMs() * f);
            case CF_PAUSE_POTENTIAL -> {
                if (cf != null && f != 0) {
                    if (Double.isNaN(cf.pausePotentialMv())) {
                        // the default follows V_reset: shifting "V_reset" here would be a second V_reset rule
                        throw new InvalidParameterException("meis1." + path + " shifts the pause potential, but "
                                + "inputs.climbing_fibre.pause_potential is not set (it follows V_reset): set it, "
                                + "or shift V_reset with meis1.V_reset");
                    }
                    cf = cf.withPausePotential(cf.pausePotentialMv() + f);
                }
            }
            default -> throw new AssertionError(this);
        }
        return new Inputs(pf, inh, cf);
    }
}
