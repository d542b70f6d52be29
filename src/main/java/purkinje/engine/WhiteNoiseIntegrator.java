package purkinje.engine;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Exact integration of one LIF cell with white (or no) current noise, step dt, over the whole run.
 *
 * <p>Between spikes the free membrane potential is an Ornstein-Uhlenbeck process whose one-step
 * transition is known exactly (Rotter and Diesmann 1999 for the deterministic part; Gillespie
 * 1996 for the noise):
 * <pre>  V' = V_inf + (V - V_inf) P + sigma_v sqrt(1 - P^2) N(0,1),  P = exp(-h / tau_m),  V_inf = E_L + I / g_L</pre>
 *
 * <p>Threshold detection is free of the grid bias: a step ending above V_th is a spike, and a step
 * whose two ends are below V_th still crossed with the Brownian-bridge probability
 * <pre>  p = exp(-2 (V_th - V0)(V_th - V1) / (s^2 h)),  s^2 = 2 sigma_v^2 / tau_m</pre>
 * (the probability that a Brownian bridge between V0 and V1 over h reaches V_th; the OU drift is
 * negligible over h &lt;&lt; tau_m). Grid-only detection reads rates 2.3 % low at dt = 0.1 ms. The
 * event "crossed" is decided without an exponential function: with the exponent
 * {@code x = 2 (V_th - V0)(V_th - V1) / (s^2 h)} and a standard exponential variate E
 * (P(E &gt; x) = exp(-x) exactly), the bridge crossed iff E &gt; x. Exponents above
 * {@value #NEGLIGIBLE_BRIDGE_EXPONENT} (p &lt; 5e-18) draw nothing.
 *
 * <p>Spike times lie inside the step: without noise at the exact crossing
 * t* = tau_m ln((V0 - V_inf)/(V_th - V_inf)); with noise by linear interpolation between the
 * grid values, or, for a bridge crossing, at the middle of the step (the bridge's first passage
 * is not observed). The refractory period then ends exactly t_ref after the spike, inside a later
 * step, from where the cell is integrated over the remaining part of that step. Since dt &lt;= t_ref,
 * a step holds at most one spike.
 *
 * <p>Speed (docs/performance.md): the N(0,1) draws are made {@value #BLOCK} at a time into a
 * caller-owned buffer, so the step loop is short and branch-light; the time of a step
 * ({@code k * dt}) is only formed when a spike needs it; refractoriness is a comparison of step
 * indices: the step in which it ends is found once per spike. Normals drawn for steps the cell
 * spends refractory are discarded (they are independent of everything else, so nothing is biased).
 */
final class WhiteNoiseIntegrator {
    /** Bridge exponents above this give p &lt; 5e-18: no variate is spent on them. */
    static final double NEGLIGIBLE_BRIDGE_EXPONENT = 40;
    /** Normals drawn at a time; the size of the buffer callers pass in. */
    static final int BLOCK = 256;

    private WhiteNoiseIntegrator() {
    }

    /**
     * Integrates one cell over {@code ctx.steps()} steps.
     *
     * @param normals the worker's normal buffers, of at least {@link #BLOCK} entries (overwritten)
     */
    static void simulate(double tauMs, double vInfMv, double vThresholdMv, double vResetMv, double tRefMs,
                         double sigmaVMv, BlockRandom rng, double v0Mv, StepContext ctx,
                         CellRecorder out, ZigguratNormals normals) {
        final double[] z = normals.values;
        final ZigguratSampler.Exponential exponential = ZigguratSampler.Exponential.of(rng);
        final double dt = ctx.dtMs();
        final long steps = ctx.steps();
        final boolean noisy = sigmaVMv > 0;
        final double decay = Math.exp(-dt / tauMs);
        // V' = P V + (1 - P) V_inf + sd N(0,1): only P V is on the step-to-step dependency chain
        final double relax = -Math.expm1(-dt / tauMs) * vInfMv;
        final double noiseSd = sigmaVMv * Math.sqrt(-Math.expm1(-2 * dt / tauMs));
        // 2 / (s^2 h) with s^2 = 2 sigma_v^2 / tau_m
        final double bridgeScale = noisy ? tauMs / (sigmaVMv * sigmaVMv * dt) : 0;
        // without noise no bridge: exponents are >= 0, never below -1
        final double bridgeLimit = noisy ? NEGLIGIBLE_BRIDGE_EXPONENT : -1;
        final double[] trace = out.voltageMv;
        final long traced = trace == null ? 0 : trace.length - 1L; // steps whose end value is kept
        if (trace != null && trace.length > 0) {
            trace[0] = v0Mv;
        }

        double v = v0Mv;
        // Steps k < resumeStep are refractory (V held at V_reset); step resumeStep integrates from
        // V_reset, starting at resumeMs when refractoriness ends inside it. -1: not refractory.
        long resumeStep = -1;
        double resumeMs = Double.NEGATIVE_INFINITY;
        long unreported = 0;
        for (long base = 0; base < steps; base += BLOCK) {
            final int n = (int) Math.min(BLOCK, steps - base);
            if (noisy) {
                normals.fill(rng, n);
            }
            final int tracedHere = (int) Math.max(0, Math.min(n, traced - base));
            for (int j = 0; j < n; j++) {
                final long k = base + j;
                double vStart = v;
                double p = decay;
                double pull = relax;
                double sd = noiseSd;
                double bridge = bridgeScale;
                boolean fullStep = k > resumeStep;
                if (!fullStep) {
                    if (k < resumeStep) { // refractory over the whole step
                        if (j < tracedHere) {
                            trace[(int) k + 1] = v;
                        }
                        continue;
                    }
                    vStart = vResetMv;
                    if (resumeMs > k * dt) { // refractoriness ends inside this step
                        double h = (k + 1) * dt - resumeMs;
                        p = Math.exp(-h / tauMs);
                        pull = oneMinusExpOfMinus(h / tauMs) * vInfMv;
                        sd = sigmaVMv * Math.sqrt(oneMinusExpOfMinus(2 * h / tauMs));
                        bridge = noisy ? tauMs / (sigmaVMv * sigmaVMv * h) : 0;
                    } else {
                        fullStep = true; // it ended exactly on the grid point k * dt
                    }
                }
                final double vEnd = p * vStart + (pull + sd * z[j]);
                double spikeMs = Double.NaN;
                if (vEnd >= vThresholdMv) {
                    final double tStart = fullStep ? k * dt : resumeMs;
                    final double h = fullStep ? dt : (k + 1) * dt - resumeMs;
                    spikeMs = noisy
                            ? tStart + h * (vThresholdMv - vStart) / (vEnd - vStart)
                            : tStart + tauMs * Math.log((vStart - vInfMv) / (vThresholdMv - vInfMv));
                } else {
                    final double exponent = (vThresholdMv - vStart) * (vThresholdMv - vEnd) * bridge;
                    if (exponent < bridgeLimit && exponential.sample() > exponent) {
                        final double tStart = fullStep ? k * dt : resumeMs;
                        final double h = fullStep ? dt : (k + 1) * dt - resumeMs;
                        spikeMs = tStart + 0.5 * h;
                    }
                }
                if (spikeMs == spikeMs) { // a spike (not NaN)
                    out.spike(spikeMs);
                    resumeMs = spikeMs + tRefMs;
                    resumeStep = stepContaining(resumeMs, dt);
                    v = vResetMv;
                } else {
                    v = vEnd;
                }
                if (j < tracedHere) {
                    trace[(int) k + 1] = v;
                }
            }
            unreported += n;
            if (unreported >= StepContext.PROGRESS_STRIDE) {
                ctx.cellStepsDone().addAndGet(unreported);
                unreported = 0;
            }
        }
        ctx.cellStepsDone().addAndGet(unreported);
    }

    /**
     * 1 - exp(-x) for x &gt;= 0 without {@link Math#expm1} (a native call in Java 17, hundreds of ns,
     * and needed once per spike): a three-term series below 1e-5 (truncation &lt; x^3/24, relative
     * 1e-16), else through {@link Math#exp} (relative error &lt; 1e-11 from the cancellation).
     */
    static double oneMinusExpOfMinus(double x) {
        return x < 1e-5 ? x * (1 - x * (0.5 - x / 6)) : 1 - Math.exp(-x);
    }

    /**
     * The first step k that is not wholly refractory when refractoriness ends at {@code tMs}: the
     * smallest k with (k + 1) dt &gt; t, with step boundaries computed as {@code k * dt} exactly as
     * in the step loop.
     */
    static long stepContaining(double tMs, double dt) {
        long k = Math.max(0, (long) (tMs / dt));
        while (k > 0 && k * dt > tMs) {
            k--;
        }
        while ((k + 1) * dt <= tMs) {
            k++;
        }
        return k;
    }
}
