package purkinje.model;

/**
 * Gaussian current noise, stated as what a user can picture (MODEL.md).
 *
 * <p>{@code sigmaVMv} is the standard deviation of the free membrane potential (no threshold);
 * {@code tauMs} is the correlation time of the noise current: 0 means white noise
 * (tau_m dV/dt = -(V - E_L) + mu + sigma sqrt(tau_m) xi with sigma = sqrt(2) sigma_v, Brunel 2000),
 * &gt; 0 an Ornstein-Uhlenbeck current whose standard deviation sigma_I is chosen so that
 * Var(V) = (sigma_I / g_L)^2 tau / (tau_m + tau) equals sigma_v^2. Stating the noise this way keeps
 * it independent of dt.
 *
 * @param sigmaVMv free-membrane standard deviation (mV), 0 (no noise) to {@link #MAX_SIGMA_V_MV}
 * @param tauMs    noise correlation time (ms), 0 (white noise) to {@link #MAX_TAU_MS}; a run also
 *                 refuses 0 &lt; tau &lt; {@code RunConfig.MIN_NOISE_TAU_STEPS} dt
 */
public record NoiseParameters(double sigmaVMv, double tauMs) {

    /** MODEL.md default: 2 mV white noise (assumption). */
    public static final NoiseParameters DEFAULTS = new NoiseParameters(2, 0);

    /**
     * Largest free-membrane standard deviation accepted (mV): 100 mV is the whole operating range
     * of a membrane; sigma_v = 1e308 mV overflowed sigma_v^2 and gave any rate from 0.1 to 1000 Hz.
     */
    public static final double MAX_SIGMA_V_MV = 100;
    /** Longest noise correlation time accepted (ms): as for tau_m, 100 s (a constant current over any run). */
    public static final double MAX_TAU_MS = CellParameters.MAX_TAU_M_MS;

    public NoiseParameters {
        Checks.nonNegative("noise.sigma_v", sigmaVMv, "mV");
        Checks.nonNegative("noise.tau", tauMs, "ms");
        if (sigmaVMv > MAX_SIGMA_V_MV) {
            throw new InvalidParameterException("noise.sigma_v must be at most " + Checks.num(MAX_SIGMA_V_MV)
                    + " mV (the standard deviation of the free membrane potential; 100 mV is a membrane's whole "
                    + "range), was " + Checks.num(sigmaVMv) + " mV");
        }
        if (tauMs > MAX_TAU_MS) {
            throw new InvalidParameterException("noise.tau must be at most " + Checks.num(MAX_TAU_MS)
                    + " ms (100 s: a noise current that slow is constant over any run), was " + Checks.num(tauMs) + " ms");
        }
    }

    public boolean isWhite() {
        return tauMs == 0;
    }
}
