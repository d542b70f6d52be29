package purkinje.engine;

import purkinje.model.ClimbingFibre;
import purkinje.model.Inputs;
import purkinje.model.PoissonInput;

/**
 * The constants of one cell as the step needs them: membrane, threshold and reset, and which
 * drives act on it (white noise, an Ornstein-Uhlenbeck noise current, exponential synaptic
 * currents, a climbing fibre), in any combination.
 *
 * @param vInfMv       V_inf = E_L + I_pace / g_L, the potential the membrane relaxes to
 * @param sigmaVMv     free-membrane standard deviation of the noise (0: none)
 * @param tauNoiseMs   noise correlation time (0: white noise)
 * @param excitatory   parallel fibres (null: none)
 * @param inhibitory   interneurons (null: none; the weight is subtracted)
 * @param climbing     climbing fibre (null: none)
 */
record CellModel(double tauMs, double capacitancePf, double vInfMv, double vThresholdMv, double vResetMv,
                 double tRefMs, double sigmaVMv, double tauNoiseMs, PoissonInput excitatory,
                 PoissonInput inhibitory, ClimbingFibre climbing) {

    static CellModel of(double tauMs, double capacitancePf, double vInfMv, double vThresholdMv, double vResetMv,
                        double tRefMs, double sigmaVMv, double tauNoiseMs, Inputs inputs) {
        Inputs in = inputs == null ? Inputs.NONE : inputs;
        return new CellModel(tauMs, capacitancePf, vInfMv, vThresholdMv, vResetMv, tRefMs, sigmaVMv, tauNoiseMs,
                active(in.parallelFibres()), active(in.interneurons()),
                in.hasClimbingFibre() ? in.climbingFibre() : null);
    }

    private static PoissonInput active(PoissonInput p) {
        return p != null && p.isActive() ? p : null;
    }

    /** Net mean synaptic current in pA: the parallel fibres' N r w tau_syn minus the interneurons'. */
    double meanSynapticCurrentPa() {
        return (excitatory == null ? 0 : excitatory.meanCurrentPa()) - (inhibitory == null ? 0 : inhibitory.meanCurrentPa());
    }

    /** White membrane noise: the Brownian-bridge crossing test applies. */
    boolean white() {
        return sigmaVMv > 0 && tauNoiseMs == 0;
    }

    /** An Ornstein-Uhlenbeck noise current. */
    boolean colouredNoise() {
        return sigmaVMv > 0 && tauNoiseMs > 0;
    }

    /** Only white noise or none: the one-cell path then takes its shorter step call. */
    boolean whiteNoiseOnly() {
        return !colouredNoise() && excitatory == null && inhibitory == null && climbing == null;
    }
}
