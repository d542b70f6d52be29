package purkinje.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Exact integration of one LIF cell driven by an Ornstein-Uhlenbeck noise current (noise tau &gt; 0).
 *
 * <p>(x, V) is a linear Gaussian system with an exact transition ({@link ColouredNoisePropagator}).
 * The membrane path is smooth (the current is continuous), so a crossing between grid points is
 * detected from the step's end value alone, with no bridge correction; its time is interpolated
 * linearly. During refractoriness V is clamped at V_reset while the noise current keeps evolving;
 * when refractoriness ends inside a step, x is carried to that moment by its own exact OU
 * transition, and (x, V) over the rest of the step by a propagator for that length.
 */
final class ColouredNoiseIntegrator {
    private ColouredNoiseIntegrator() {
    }

    static void simulate(double tauMs, double tauNoiseMs, double vInfMv, double vThresholdMv, double vResetMv,
                         double tRefMs, double sigmaVMv, UniformRandomProvider rng, double v0Mv, StepContext ctx,
                         CellRecorder out) {
        final ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        final double dt = ctx.dtMs();
        final long steps = ctx.steps();
        final ColouredNoisePropagator full = ColouredNoisePropagator.of(tauMs, tauNoiseMs, sigmaVMv, dt);
        final double sigmaX = ColouredNoisePropagator.currentSigmaMv(sigmaVMv, tauMs, tauNoiseMs);
        final double[] trace = out.voltageMv;
        final int traceLength = trace == null ? 0 : trace.length;
        if (traceLength > 0) {
            trace[0] = v0Mv;
        }

        double x = sigmaX * normal.sample(); // stationary start of the noise current
        double u = v0Mv - vInfMv;
        final double uThreshold = vThresholdMv - vInfMv;
        final double uReset = vResetMv - vInfMv;
        double refractoryEndMs = Double.NEGATIVE_INFINITY;
        for (long k = 0; k < steps; k++) {
            final double t0 = k * dt;
            final double t1 = (k + 1) * dt;
            final double n1 = normal.sample();
            final double n2 = normal.sample();
            if (refractoryEndMs >= t1) { // V clamped; the current goes on
                x = full.pxx() * x + full.l11() * n1;
            } else {
                ColouredNoisePropagator step = full;
                double tStart = t0;
                double uStart = u;
                if (refractoryEndMs > t0) {
                    double h1 = refractoryEndMs - t0;
                    double decay = Math.exp(-h1 / tauNoiseMs);
                    x = x * decay + sigmaX * Math.sqrt(-Math.expm1(-2 * h1 / tauNoiseMs)) * normal.sample();
                    step = ColouredNoisePropagator.of(tauMs, tauNoiseMs, sigmaVMv, t1 - refractoryEndMs);
                    tStart = refractoryEndMs;
                    uStart = uReset;
                }
                double uEnd = step.puu() * uStart + step.pux() * x + step.l21() * n1 + step.l22() * n2;
                x = step.pxx() * x + step.l11() * n1;
                if (uEnd >= uThreshold) {
                    double spikeMs = tStart + (t1 - tStart) * (uThreshold - uStart) / (uEnd - uStart);
                    out.spike(spikeMs);
                    refractoryEndMs = spikeMs + tRefMs;
                    u = uReset;
                } else {
                    u = uEnd;
                }
            }
            if (k < traceLength - 1) {
                trace[(int) k + 1] = u + vInfMv;
            }
            if ((k & (StepContext.PROGRESS_STRIDE - 1)) == StepContext.PROGRESS_STRIDE - 1) {
                ctx.cellStepsDone().addAndGet(StepContext.PROGRESS_STRIDE);
            }
        }
        ctx.cellStepsDone().addAndGet(steps & (StepContext.PROGRESS_STRIDE - 1));
    }
}
