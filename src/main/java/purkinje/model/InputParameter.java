package purkinje.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Input parameters that the MEIS1 mapping may scale (e.g. "fewer granule-cell inputs":
 * {@code meis1: {inputs.parallel_fibres.rate: 0.5}}), by their config paths.
 */
public enum InputParameter {
    PF_RATE("inputs.parallel_fibres.rate"),
    PF_WEIGHT("inputs.parallel_fibres.weight"),
    PF_TAU_SYN("inputs.parallel_fibres.tau_syn"),
    IN_RATE("inputs.interneurons.rate"),
    IN_WEIGHT("inputs.interneurons.weight"),
    IN_TAU_SYN("inputs.interneurons.tau_syn"),
    CF_RATE("inputs.climbing_fibre.rate"),
    CF_PAUSE("inputs.climbing_fibre.pause");

    private final String path;

    InputParameter(String path) {
        this.path = path;
    }

    public String configPath() {
        return path;
    }

    public static Optional<InputParameter> byPath(String path) {
        return Arrays.stream(values()).filter(p -> p.path.equals(path)).findFirst();
    }

    /** The inputs with this parameter multiplied by {@code factor} (absent inputs stay absent). */
    Inputs scale(Inputs in, double factor) {
        PoissonInput pf = in.parallelFibres();
        PoissonInput inh = in.interneurons();
        ClimbingFibre cf = in.climbingFibre();
        switch (this) {
            case PF_RATE -> pf = pf == null ? null : pf.withRate(pf.ratePerSynapseHz() * factor);
            case PF_WEIGHT -> pf = pf == null ? null : pf.withWeight(pf.weightPa() * factor);
            case PF_TAU_SYN -> pf = pf == null ? null : pf.withTau(pf.tauSynMs() * factor);
            case IN_RATE -> inh = inh == null ? null : inh.withRate(inh.ratePerSynapseHz() * factor);
            case IN_WEIGHT -> inh = inh == null ? null : inh.withWeight(inh.weightPa() * factor);
            case IN_TAU_SYN -> inh = inh == null ? null : inh.withTau(inh.tauSynMs() * factor);
            case CF_RATE -> cf = cf == null ? null : cf.withRate(cf.rateHz() * factor);
            case CF_PAUSE -> cf = cf == null ? null : cf.withPause(cf.pauseMs() * factor);
            default -> throw new AssertionError(this);
        }
        return new Inputs(pf, inh, cf);
    }
}
