package purkinje.analysis.theory;

/**
 * Firing rate of the leaky integrate-and-fire neuron driven by a low-pass filtered
 * (Ornstein-Uhlenbeck) noise current with short correlation time {@code tau_s << tau_m},
 * after Fourcaud &amp; Brunel 2002 (Neural Comput 14:2057; see also Brunel,
 * Chance, Fourcaud &amp; Abbott 2001, Phys Rev Lett 86:2186).
 *
 * <p><b>Formula.</b> To first order in {@code k = sqrt(tau_s/tau_m)} the synaptic filtering
 * is equivalent to white noise with threshold and reset both shifted upwards by
 * {@code sigma (alpha/2) k}, {@code alpha = sqrt(2) |zeta(1/2)| = 2.0652}:
 * <pre>
 *   1/nu = t_ref + tau_m sqrt(pi) Integral_{y_r + alpha k/2}^{y_th + alpha k/2} erfcx(-u) du,
 *   y_th = (V_th - E_L - mu)/sigma,  y_r = (V_reset - E_L - mu)/sigma,
 * </pre>
 * i.e. the Siegert formula of {@link WhiteNoiseLif} with effective levels
 * {@code V_th,eff = V_th + sigma alpha k / 2} and {@code V_reset,eff = V_reset + sigma alpha k / 2}.
 *
 * <p><b>Which sigma.</b> The model is {@code tau_m dV/dt = -(V - E_L) + mu + eta(t)} with
 * {@code eta} an OU process (in mV: {@code eta = I_noise/g_L}) of standard deviation
 * {@code s = sigma_I/g_L} and correlation time {@code tau_s}, i.e.
 * {@code <eta(t) eta(t')> = s^2 exp(-|t - t'|/tau_s)}. The white noise of the same total
 * intensity (same integral of the autocorrelation, {@code 2 s^2 tau_s}) is
 * {@code sigma sqrt(tau_m) xi(t)} with {@code sigma^2 tau_m = 2 s^2 tau_s}, so
 * <pre>   sigma^2 = 2 s^2 tau_s / tau_m.</pre>
 * This {@code sigma} is the one in the Fourcaud-Brunel formula. Filtering the OU process
 * through the membrane (transfer {@code 1/(1 + i w tau_m)}) gives the free-membrane variance
 * {@code sigma_V^2 = (1/2pi) Int 2 s^2 tau_s / ((1 + w^2 tau_s^2)(1 + w^2 tau_m^2)) dw
 * = s^2 tau_s / (tau_m + tau_s)}. With the free-membrane standard deviation {@code sigma_V}
 * as the user parameter, therefore
 * <pre>   sigma = sqrt(2) sigma_V sqrt(1 + tau_s/tau_m),</pre>
 * which tends to the white-noise value {@code sqrt(2) sigma_V} as {@code tau_s -> 0}; at
 * {@code tau_s = 0} the result is exactly {@link WhiteNoiseLif#rateHz}.
 *
 * <p><b>Validity.</b> The correction is first order in {@code sqrt(tau_s/tau_m)}; it is
 * accurate for {@code tau_s/tau_m} up to about 0.1 and degrades beyond.
 *
 * <p><b>Direction of the effect.</b> At fixed white-noise-equivalent {@code sigma} the
 * upward shift of threshold and reset always lowers the rate. At fixed {@code sigma_V}
 * (this API) the larger equivalent {@code sigma} partly compensates; for the reference cell
 * ({@code tau_m = 20 ms}, threshold 15 mV, reset 0, {@code t_ref = 2 ms}, {@code sigma_V = 4 mV})
 * and {@code tau_s = 1 ms} the rate is still lower than with white noise both above and
 * below threshold (see the unit tests).
 */
public final class ColouredNoiseLif {

    /** {@code alpha = sqrt(2) |zeta(1/2)|}, zeta(1/2) = -1.4603545088095868. */
    public static final double ALPHA = Math.sqrt(2.0) * 1.4603545088095868;

    private ColouredNoiseLif() {
    }

    /**
     * Fourcaud-Brunel firing rate for OU current noise.
     *
     * @param cell cell parameters
     * @param muMv mean drive {@code mu = I/g_L} in mV
     * @param sigmaVMv standard deviation of the free membrane potential in mV (&gt;= 0)
     * @param tauNoiseMs correlation time {@code tau_s} of the noise current in ms (&gt;= 0)
     * @return rate in Hz
     */
    public static double rateHz(LifTheoryCell cell, double muMv, double sigmaVMv, double tauNoiseMs) {
        WhiteNoiseLif.checkDrive(muMv, sigmaVMv);
        checkTau(tauNoiseMs);
        if (sigmaVMv == 0.0) {
            return DeterministicLif.rateHz(cell, muMv);
        }
        double sigma = equivalentWhiteSigmaMv(cell, sigmaVMv, tauNoiseMs);
        double shift = 0.5 * ALPHA * Math.sqrt(tauNoiseMs / cell.tauMs());
        double yth = (cell.thresholdAboveRestMv() - muMv) / sigma + shift;
        double yr = (cell.resetAboveRestMv() - muMv) / sigma + shift;
        return 1000.0 * WhiteNoiseLif.rateKhz(cell.tauMs(), cell.tRefMs(), yr, yth);
    }

    /**
     * White-noise amplitude {@code sigma} (Brunel convention, mV) equivalent to an OU noise
     * current that produces free-membrane standard deviation {@code sigmaVMv}:
     * {@code sigma = sqrt(2) sigma_V sqrt(1 + tau_s/tau_m)} (see the class documentation).
     */
    public static double equivalentWhiteSigmaMv(LifTheoryCell cell, double sigmaVMv, double tauNoiseMs) {
        WhiteNoiseLif.checkDrive(0.0, sigmaVMv);
        checkTau(tauNoiseMs);
        return Math.sqrt(2.0) * sigmaVMv * Math.sqrt(1.0 + tauNoiseMs / cell.tauMs());
    }

    /**
     * Free-membrane standard deviation produced by an OU current of standard deviation
     * {@code sigmaIPa} (pA) and correlation time {@code tau_s}:
     * {@code sigma_V = (sigma_I/g_L) sqrt(tau_s/(tau_m + tau_s))}.
     *
     * @param cell cell parameters
     * @param sigmaIPa current noise standard deviation in pA (&gt;= 0)
     * @param gLeakNs leak conductance in nS (&gt; 0)
     * @param tauNoiseMs correlation time in ms (&gt;= 0)
     * @return sigma_V in mV
     */
    public static double freeMembraneSigmaMv(LifTheoryCell cell, double sigmaIPa, double gLeakNs,
                                             double tauNoiseMs) {
        if (!(sigmaIPa >= 0.0) || Double.isInfinite(sigmaIPa)) {
            throw new IllegalArgumentException("current noise sigma_I must be non-negative and finite, got " + sigmaIPa + " pA");
        }
        if (!(gLeakNs > 0.0) || Double.isInfinite(gLeakNs)) {
            throw new IllegalArgumentException("leak conductance g_L must be positive and finite, got " + gLeakNs + " nS");
        }
        checkTau(tauNoiseMs);
        return sigmaIPa / gLeakNs * Math.sqrt(tauNoiseMs / (cell.tauMs() + tauNoiseMs));
    }

    private static void checkTau(double tauNoiseMs) {
        if (!(tauNoiseMs >= 0.0) || Double.isInfinite(tauNoiseMs)) {
            throw new IllegalArgumentException(
                    "noise correlation time tau_s must be non-negative and finite, got " + tauNoiseMs + " ms");
        }
    }
}
