package purkinje.engine;

/**
 * Where a cell's membrane potential starts: drawn from the steady state of the cell, so that a
 * population starts stationary and its rate is flat from t = 0 (no start-up transient in the
 * figures). A potential uniform between V_reset and V_th, the earlier start, put too few cells near
 * threshold: the population rate dipped by up to 40 % in the first 20 ms.
 *
 * <p>With noise (free-membrane SD sigma_v &gt; 0) the law is the stationary density of the
 * white-noise LIF (Brunel 2000, J Comput Neurosci 8:183, eq. 18 with the refractory mass): with
 * x = (V - V_mean) / s, s = sqrt(2) sigma_v, x_th and x_r the threshold and reset,
 * <pre>  P(x) ~ exp(-x^2) * integral from max(x, x_r) to x_th of exp(u^2) du,</pre>
 * and a fraction nu t_ref of the cells refractory, started at V_reset (as if just released; the
 * remaining refractory time is not carried). The density is tabulated on a grid and inverted for
 * the cell's uniform variate. For cells with synaptic inputs or a noise current it is the
 * white-noise approximation with the mean drive (V_mean includes the mean synaptic current): close
 * to their stationary state, which is all a start needs.
 *
 * <p>Without noise the steady state is a phase uniform in time over the period
 * T = t_ref + tau_m ln((V_mean - V_reset) / (V_mean - V_th)) (the sigma_v -&gt; 0 limit of the
 * above); a cell that cannot fire without noise starts uniformly between V_reset and V_th.
 * StrictMath keeps the start identical on every JVM.
 */
final class InitialState {

    private static final int GRID = 1024;
    /** How far below min(x_r, 0) the grid reaches: exp(-x^2) is below 1e-10 there. */
    private static final double LOWER_TAIL = 5;
    /** Largest exponent in the table; beyond, the cell essentially never fires (rate below 1e-300 Hz). */
    private static final double MAX_EXPONENT = 600;

    private InitialState() {
    }

    /**
     * @param u            a uniform variate on [0, 1) from the cell's own stream
     * @param meanDriveMv  V_mean: where the mean drive (pacemaking plus mean synaptic current) holds V
     * @param sigmaVMv     free-membrane SD of the noise (0: none)
     */
    static double potentialMv(double u, double tauMs, double meanDriveMv, double vThresholdMv, double vResetMv,
                              double tRefMs, double sigmaVMv) {
        if (!(vThresholdMv > vResetMv)) {
            return vResetMv;
        }
        if (sigmaVMv > 0) {
            double v = stationary(u, tauMs, meanDriveMv, vThresholdMv, vResetMv, tRefMs, StrictMath.sqrt(2) * sigmaVMv);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        if (!(meanDriveMv > vThresholdMv)) {
            return vResetMv + (vThresholdMv - vResetMv) * u;
        }
        double climbMs = tauMs * StrictMath.log((meanDriveMv - vResetMv) / (meanDriveMv - vThresholdMv));
        double phaseMs = u * (tRefMs + climbMs);
        if (phaseMs <= tRefMs) {
            return vResetMv;
        }
        double v = meanDriveMv + (vResetMv - meanDriveMv) * StrictMath.exp(-(phaseMs - tRefMs) / tauMs);
        return Math.min(v, vThresholdMv); // rounding must not start a cell above threshold
    }

    /** Inverse of the tabulated stationary law at u, or NaN where the table would overflow. */
    private static double stationary(double u, double tauMs, double mu, double vTh, double vReset, double tRefMs,
                                     double s) {
        Table t = LAST.get();
        if (t == null || !t.isFor(tauMs, mu, vTh, vReset, tRefMs, s)) {
            t = Table.of(tauMs, mu, vTh, vReset, tRefMs, s);
            LAST.set(t); // identical cells come in runs: the table is made once per run of them
        }
        return t.potentialMv(u);
    }

    private static final ThreadLocal<Table> LAST = new ThreadLocal<>();

    /** The cumulative stationary law of one parameter set on a grid in x; null cumulative: overflow. */
    private record Table(double tauMs, double mu, double vTh, double vReset, double tRefMs, double s,
                         double xLow, double h, double[] cumulative, double refractory) {

        boolean isFor(double tau, double m, double th, double r, double ref, double sd) {
            return tau == tauMs && m == mu && th == vTh && r == vReset && ref == tRefMs && sd == s;
        }

        static Table of(double tauMs, double mu, double vTh, double vReset, double tRefMs, double s) {
            double xTh = (vTh - mu) / s;
            double xR = (vReset - mu) / s;
            double xLow = Math.min(xR, 0) - LOWER_TAIL;
            double h = (xTh - xLow) / (GRID - 1);
            if (xTh * xTh > MAX_EXPONENT || xR * xR > MAX_EXPONENT || xLow * xLow > MAX_EXPONENT) {
                return new Table(tauMs, mu, vTh, vReset, tRefMs, s, xLow, h, null, 0);
            }
            // H_k = exp(-x_k^2) * integral_{x_k}^{x_th} exp(u^2) du, downwards from H = 0 at threshold
            // (trapezoid). Each step multiplies by exp(x_{k+1}^2 - x_k^2) = exp(h (2 x_low + (2k + 1) h)),
            // a geometric sequence in k, so the table needs two exponentials, not one per point.
            double[] density = new double[GRID];
            int reset = (int) Math.floor((xR - xLow) / h); // at or below x_r the integral starts at x_r
            double ratio = StrictMath.exp(2 * h * h);
            double grow = StrictMath.exp(h * (2 * xLow + (2 * (GRID - 2) + 1) * h));
            double hAbove = 0;
            double hAtReset = Double.NaN;
            for (int k = GRID - 2; k >= 0; k--) {
                hAbove = grow * hAbove + 0.5 * h * (1 + grow);
                if (k > reset) {
                    density[k] = hAbove;
                } else {
                    if (Double.isNaN(hAtReset)) {
                        hAtReset = hAbove;
                    }
                    density[k] = hAtReset; // times exp(x_r^2 - x_k^2), applied below
                }
                grow /= ratio;
            }
            // Below the reset the density is H(x_r) exp(x_r^2 - x_k^2): again geometric, downwards.
            if (reset >= 0 && reset < GRID - 1) {
                double xr = xLow + reset * h;
                double factor = 1;
                double step = StrictMath.exp(h * (2 * xr - h)); // exp(x_r^2 - x_{r-1}^2), then smaller by 2 h^2 per point
                for (int k = reset; k >= 0; k--) {
                    density[k] *= factor;
                    factor *= step;
                    step /= ratio;
                }
            }
            double[] cumulative = new double[GRID];
            for (int k = 1; k < GRID; k++) {
                cumulative[k] = cumulative[k - 1] + 0.5 * h * (density[k - 1] + density[k]);
            }
            double area = cumulative[GRID - 1]; // integral of the unnormalised density over x
            if (!(area > 0) || Double.isInfinite(area)) {
                return new Table(tauMs, mu, vTh, vReset, tRefMs, s, xLow, h, null, 0);
            }
            // Brunel's normalisation: nu (2 tau_m area + t_ref) = 1, so the refractory fraction is nu t_ref.
            return new Table(tauMs, mu, vTh, vReset, tRefMs, s, xLow, h, cumulative,
                    tRefMs / (2 * tauMs * area + tRefMs));
        }

        double potentialMv(double u) {
            if (cumulative == null) {
                return Double.NaN;
            }
            if (u < refractory) {
                return vReset;
            }
            double target = (u - refractory) / (1 - refractory) * cumulative[GRID - 1];
            int lo = 0;
            int hi = GRID - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] <= target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double span = cumulative[hi] - cumulative[lo];
            double frac = span > 0 ? (target - cumulative[lo]) / span : 0;
            return Math.min(mu + s * (xLow + (lo + frac) * h), vTh);
        }
    }
}
