package purkinje.analysis.theory;

/**
 * Noise-free f-I curve of the leaky integrate-and-fire neuron
 * ({@code tau_m dV/dt = -(V - E_L) + mu}, {@code mu = I / g_L} in mV).
 *
 * <p>Starting from {@code V_reset}, the membrane relaxes towards {@code E_L + mu}; if
 * {@code mu > theta = V_th - E_L} it reaches threshold after
 * {@code T = tau_m ln((mu - (V_reset - E_L)) / (mu - (V_th - E_L)))}, so the rate is
 * {@code f = 1 / (t_ref + T)}; otherwise it never fires. See e.g. Tuckwell 1988,
 * <i>Introduction to Theoretical Neurobiology</i> vol. 2, or Brunel 2000 (J Comput
 * Neurosci 8:183) as the {@code sigma -> 0} limit of the Siegert formula.
 */
public final class DeterministicLif {

    private DeterministicLif() {
    }

    /**
     * Deterministic firing rate.
     *
     * @param cell cell parameters
     * @param muMv mean drive {@code mu = I/g_L} in mV
     * @return rate in Hz; 0 at or below rheobase
     */
    public static double rateHz(LifTheoryCell cell, double muMv) {
        if (Double.isNaN(muMv)) {
            throw new IllegalArgumentException("mean drive mu must not be NaN");
        }
        double theta = cell.thresholdAboveRestMv();
        if (!(muMv > theta)) {
            return 0.0;
        }
        if (Double.isInfinite(muMv)) {
            return cell.tRefMs() > 0.0 ? 1000.0 / cell.tRefMs() : Double.POSITIVE_INFINITY;
        }
        double vr = cell.resetAboveRestMv();
        // ln((mu - vr)/(mu - theta)) = log1p((theta - vr)/(mu - theta)), accurate for large mu
        double tMs = cell.tauMs() * Math.log1p((theta - vr) / (muMv - theta));
        return 1000.0 / (cell.tRefMs() + tMs);
    }

    /** Rheobase in voltage units, {@code V_th - E_L} in mV. */
    public static double rheobaseMv(LifTheoryCell cell) {
        return cell.thresholdAboveRestMv();
    }

    /**
     * Rheobase current {@code I_rh = g_L (V_th - E_L)}.
     *
     * @param cell cell parameters
     * @param gLeakNs leak conductance in nS (&gt; 0)
     * @return rheobase in pA (nS x mV = pA)
     */
    public static double rheobasePa(LifTheoryCell cell, double gLeakNs) {
        if (!(gLeakNs > 0.0) || Double.isInfinite(gLeakNs)) {
            throw new IllegalArgumentException("leak conductance g_L must be positive and finite, got " + gLeakNs + " nS");
        }
        return gLeakNs * cell.thresholdAboveRestMv();
    }
}
