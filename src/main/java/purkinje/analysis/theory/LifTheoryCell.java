package purkinje.analysis.theory;

/**
 * Parameters of a leaky integrate-and-fire cell as needed by the analytical rate
 * formulas: {@code tau_m dV/dt = -(V - E_L) + mu + sigma sqrt(tau_m) xi(t)}, spike when
 * {@code V} reaches {@code V_th}, reset to {@code V_reset}, absolute refractory period
 * {@code t_ref} (Brunel 2000, J Comput Neurosci 8:183, convention).
 *
 * @param tauMs membrane time constant {@code tau_m = C_m / g_L} in ms (&gt; 0)
 * @param tRefMs absolute refractory period in ms (&gt;= 0)
 * @param eLeakMv leak reversal (resting) potential {@code E_L} in mV
 * @param vThresholdMv spike threshold {@code V_th} in mV
 * @param vResetMv reset potential {@code V_reset} in mV (&lt; {@code V_th})
 */
public record LifTheoryCell(double tauMs, double tRefMs, double eLeakMv, double vThresholdMv,
                            double vResetMv) {

    /** Validates the parameters. */
    public LifTheoryCell {
        if (!(tauMs > 0.0) || Double.isInfinite(tauMs)) {
            throw new IllegalArgumentException(
                    "membrane time constant tau_m must be positive and finite, got " + tauMs + " ms");
        }
        if (!(tRefMs >= 0.0) || Double.isInfinite(tRefMs)) {
            throw new IllegalArgumentException(
                    "refractory period t_ref must be non-negative and finite, got " + tRefMs + " ms");
        }
        if (!Double.isFinite(eLeakMv)) {
            throw new IllegalArgumentException("leak reversal potential E_L must be finite, got " + eLeakMv + " mV");
        }
        if (!Double.isFinite(vThresholdMv) || !Double.isFinite(vResetMv)) {
            throw new IllegalArgumentException("threshold and reset potentials must be finite, got V_th = "
                    + vThresholdMv + " mV, V_reset = " + vResetMv + " mV");
        }
        if (!(vResetMv < vThresholdMv)) {
            throw new IllegalArgumentException("reset potential V_reset (" + vResetMv
                    + " mV) must lie below the spike threshold V_th (" + vThresholdMv + " mV)");
        }
    }

    /** Threshold relative to rest, {@code theta = V_th - E_L} in mV. */
    public double thresholdAboveRestMv() {
        return vThresholdMv - eLeakMv;
    }

    /** Reset relative to rest, {@code V_r = V_reset - E_L} in mV (may be negative). */
    public double resetAboveRestMv() {
        return vResetMv - eLeakMv;
    }
}
