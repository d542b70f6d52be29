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
 * @param sigmaVMv free-membrane standard deviation (mV), &gt;= 0 (0: no noise)
 * @param tauMs    noise correlation time (ms), &gt;= 0 (0: white noise)
 */
public record NoiseParameters(double sigmaVMv, double tauMs) {

    /** MODEL.md default: 2 mV white noise (assumption). */
    public static final NoiseParameters DEFAULTS = new NoiseParameters(2, 0);

    public NoiseParameters {
        Checks.nonNegative("noise.sigma_v", sigmaVMv, "mV");
        Checks.nonNegative("noise.tau", tauMs, "ms");
    }

    public boolean isWhite() {
        return tauMs == 0;
    }
}
