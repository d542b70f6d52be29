package purkinje.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * When, inside a step, the membrane crossed the threshold, given that it did cross between two
 * grid values below it (the Brownian-bridge test). One rule for every noisy cell.
 *
 * <p>Over a step short against tau_m the free membrane is a Brownian motion with diffusion
 * s^2 = 2 sigma_v^2 / tau_m (mV^2/ms) and, given its two end values V0 and V1, a Brownian bridge
 * (the drift drops out of a bridge). With alpha = V_th - V0 &gt; 0 and beta = V_th - V1 &gt; 0, the
 * time change X(t) = V0 + (V1 - V0) t/h + ((h - t)/h) W(h t / (h - t)) turns "the bridge reaches V_th
 * at t" into "the Brownian motion W (diffusion s^2) reaches the line alpha + (beta / h) u at
 * u = h t / (h - t)", i.e. a Brownian motion with drift -beta/h first reaching alpha. It does so
 * with probability exp(-2 alpha beta / (s^2 h)) (the bridge probability of {@link Cell}),
 * and, given that it does, its first-passage time U is inverse Gaussian with mean mu = alpha h / beta
 * and shape lambda = alpha^2 / s^2 (the conditioned law of a first passage does not depend on the
 * sign of the drift). So
 * <pre>  t* = h U / (h + U),   U ~ IG(alpha h / beta, alpha^2 / s^2),</pre>
 * sampled exactly by the method of Michael, Schucany and Haas (1976, Am Stat 30:88) from one
 * normal and one uniform. The density of t* on (0, h), which a test integrates and compares
 * with samples, is
 * <pre>  f(t) = alpha sqrt(h) / (s sqrt(2 pi t^3 (h - t)))
 *          exp((alpha + beta)^2 / (2 s^2 h) - alpha^2 / (2 s^2 t) - beta^2 / (2 s^2 (h - t))).</pre>
 * Crossings close to V_th at the start of the step come early, close at its end come late; the
 * step's midpoint, used before version 0.3.0, is the time of none in particular.
 *
 * <p>The numbers come from the cell's own spike-time stream, which is drawn from only here (three
 * 64-bit draws per bridge crossing): the dynamics stream keeps its fixed number of draws per step, so all cells
 * and lanes stay in step. Only StrictMath's functions (as {@link Fdlibm}'s Java copies of them, which
 * spare JDK 17 a native call per crossing) and IEEE operations are used, so the time is the same on
 * every JVM.
 */
final class BridgeCrossing {
    private BridgeCrossing() {
    }

    /**
     * The crossing time after the start of the step (ms, in (0, h)) of a bridge from
     * {@code alphaMv} below threshold to {@code betaMv} below threshold over {@code hMs}, given
     * that it crossed.
     *
     * @param diffusionMv2PerMs s^2 = 2 sigma_v^2 / tau_m
     */
    static double firstPassageMs(double alphaMv, double betaMv, double diffusionMv2PerMs, double hMs,
                                 UniformRandomProvider rng) {
        final double mean = alphaMv * hMs / betaMv;
        final double shape = alphaMv * alphaMv / diffusionMv2PerMs;
        // chi-square(1) variate y = nu^2 of a Box-Muller normal nu
        final double u1 = open(rng.nextLong());
        final double u2 = open(rng.nextLong());
        final double c = Fdlibm.cos(2 * Math.PI * u2);
        final double y = -2 * Fdlibm.log(u1) * c * c;
        // the smaller root of the MSH quadratic, x = mu (1 + r - sqrt(r (r + 2))), r = mu y / (2 lambda),
        // written as mu / (1 + r + sqrt(r (r + 2))) so that it does not cancel for large r
        final double r = mean * y / (2 * shape);
        final double x = mean / (1 + r + Math.sqrt(r * (r + 2)));
        final double w = open(rng.nextLong());
        final double first = w * (mean + x) <= mean ? x : mean * mean / x;
        final double t = hMs * first / (hMs + first);
        return Math.min(Math.max(t, 0), hMs); // rounding at the ends of the step
    }

    /** A uniform in (0, 1) from the top 53 bits: (m + 1/2) 2^-53, never 0 or 1. */
    private static double open(long bits) {
        return ((bits >>> 11) + 0.5) * 0x1.0p-53;
    }
}
