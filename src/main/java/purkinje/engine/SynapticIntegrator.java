package purkinje.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import purkinje.model.ClimbingFibre;
import purkinje.model.Inputs;
import purkinje.model.PoissonInput;

/**
 * Exact integration of one LIF cell with synaptic inputs: exponentially decaying excitatory
 * (parallel fibre) and inhibitory (interneuron) currents, white membrane noise, and climbing-fibre
 * complex spikes. Cells without inputs never come here, so they pay nothing for the feature.
 *
 * <p>Between events (V, I_e, I_i) is linear and is propagated exactly (Rotter and Diesmann 1999):
 * <pre>
 *   I(t + h) = I(t) e^{-h/tau_s}
 *   V(t + h) = V_inf + (V - V_inf) e^{-h/tau_m} + P(h) I(t) + sigma_v sqrt(1 - e^{-2h/tau_m}) N(0,1)
 *   P(h) = (h / C_m) e^{-h/tau_m} expm1(x) / x,   x = h (tau_s - tau_m) / (tau_m tau_s)
 * </pre>
 * The form with expm1(x)/x is the usual tau_s tau_m / (C_m (tau_s - tau_m)) (e^{-h/tau_s} - e^{-h/tau_m})
 * rewritten so that it stays accurate as tau_s approaches tau_m and equals its limit
 * (h / C_m) e^{-h/tau_m} at tau_s = tau_m.
 *
 * <p>Poisson events of all synapses of an input are aggregated per step: their number is drawn
 * from a Poisson distribution with mean N r dt (from the cell's own stream) and delivered at the
 * start of the step, as in NEST. Climbing-fibre events form a Poisson process at exact times
 * ({@link ClimbingFibre}: complex spike, V held at the pause potential for the pause). Threshold
 * detection and spike times as in {@link WhiteNoiseCell} (bridge correction for the white noise,
 * its crossing time from {@link BridgeCrossing}; linear interpolation of a crossing seen on the grid).
 */
final class SynapticIntegrator {
    private static final double NEGLIGIBLE_BRIDGE_EXPONENT = 40;

    private SynapticIntegrator() {
    }

    /** V response at h to a unit current (pA) present at the start and decaying with tau_s: mV per pA. */
    static double currentToVoltage(double hMs, double tauMMs, double tauSMs, double capacitancePf) {
        double x = hMs * (tauSMs - tauMMs) / (tauMMs * tauSMs);
        double expm1OverX = x == 0 ? 1 : Math.expm1(x) / x;
        return hMs / capacitancePf * Math.exp(-hMs / tauMMs) * expm1OverX;
    }

    static void simulate(double capacitancePf, double tauMs, double vInfMv, double vThresholdMv, double vResetMv,
                         double tRefMs, double sigmaVMv, Inputs inputs, boolean keepSpikes,
                         UniformRandomProvider rng, UniformRandomProvider crossingTimes, double v0Mv, StepContext ctx,
                         CellRecorder out) {
        final ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        final double dt = ctx.dtMs();
        final long steps = ctx.steps();
        final boolean noisy = sigmaVMv > 0;
        final PoissonInput pf = active(inputs.parallelFibres());
        final PoissonInput inh = active(inputs.interneurons());
        final ClimbingFibre cf = inputs.hasClimbingFibre() ? inputs.climbingFibre() : null;
        final SharedStateDiscreteSampler pfEvents = pf == null ? null : PoissonSampler.of(rng, pf.totalRateHz() * 1e-3 * dt);
        final SharedStateDiscreteSampler inEvents = inh == null ? null : PoissonSampler.of(rng, inh.totalRateHz() * 1e-3 * dt);
        final double tauE = pf == null ? tauMs : pf.tauSynMs();
        final double tauI = inh == null ? tauMs : inh.tauSynMs();
        final double weightE = pf == null ? 0 : pf.weightPa();
        final double weightI = inh == null ? 0 : -inh.weightPa(); // interneurons inhibit
        final SharedStateContinuousSampler csInterval = cf == null ? null
                : AhrensDieterExponentialSampler.of(rng, 1000 / cf.rateHz());
        final double pauseMs = cf == null ? 0 : cf.pauseMs();
        final double pauseMv = cf == null ? vResetMv : cf.pausePotentialMv(vResetMv);

        // full-step propagators
        final double decay = Math.exp(-dt / tauMs);
        final double noiseSd = sigmaVMv * Math.sqrt(-Math.expm1(-2 * dt / tauMs));
        final double bridgeScale = noisy ? tauMs / (sigmaVMv * sigmaVMv * dt) : 0;
        final double decayE = Math.exp(-dt / tauE);
        final double decayI = Math.exp(-dt / tauI);
        final double gainE = currentToVoltage(dt, tauMs, tauE, capacitancePf);
        final double gainI = currentToVoltage(dt, tauMs, tauI, capacitancePf);

        final double[] trace = out.voltageMv;
        final int traceLength = trace == null ? 0 : trace.length;
        if (traceLength > 0) {
            trace[0] = v0Mv;
        }
        // start the currents at their means, so the run has no input transient
        double iE = pf == null ? 0 : pf.meanCurrentPa();
        double iI = inh == null ? 0 : -inh.meanCurrentPa();
        double v = v0Mv;
        double clampEndMs = Double.NEGATIVE_INFINITY;
        double clampMv = vResetMv;
        double nextComplexMs = cf == null ? Double.POSITIVE_INFINITY : csInterval.sample();

        for (long k = 0; k < steps; k++) {
            final double t0 = k * dt;
            final double t1 = (k + 1) * dt;
            if (pfEvents != null) {
                iE += weightE * pfEvents.sample();
            }
            if (inEvents != null) {
                iI += weightI * inEvents.sample();
            }
            while (nextComplexMs < t1) { // climbing-fibre event: complex spike, then the pause
                out.complexSpike(nextComplexMs, keepSpikes);
                clampEndMs = nextComplexMs + pauseMs;
                clampMv = pauseMv;
                v = pauseMv;
                nextComplexMs += csInterval.sample();
            }
            if (clampEndMs >= t1) {
                iE *= decayE;
                iI *= decayI;
            } else {
                double vStart = v;
                double tStart = t0;
                double h = dt;
                double p = decay;
                double sd = noiseSd;
                double bridge = bridgeScale;
                double dE = decayE;
                double dI = decayI;
                double gE = gainE;
                double gI = gainI;
                if (clampEndMs > t0) { // V is released inside this step
                    double held = clampEndMs - t0;
                    iE *= Math.exp(-held / tauE);
                    iI *= Math.exp(-held / tauI);
                    vStart = clampMv;
                    tStart = clampEndMs;
                    h = t1 - clampEndMs;
                    p = Math.exp(-h / tauMs);
                    sd = sigmaVMv * Math.sqrt(-Math.expm1(-2 * h / tauMs));
                    bridge = noisy ? tauMs / (sigmaVMv * sigmaVMv * h) : 0;
                    dE = Math.exp(-h / tauE);
                    dI = Math.exp(-h / tauI);
                    gE = currentToVoltage(h, tauMs, tauE, capacitancePf);
                    gI = currentToVoltage(h, tauMs, tauI, capacitancePf);
                }
                double vEnd = vInfMv + (vStart - vInfMv) * p + gE * iE + gI * iI;
                if (noisy) {
                    vEnd += sd * normal.sample();
                }
                iE *= dE;
                iI *= dI;
                double spikeMs = Double.NaN;
                if (vEnd >= vThresholdMv) {
                    spikeMs = tStart + h * (vThresholdMv - vStart) / (vEnd - vStart);
                } else if (noisy) {
                    double exponent = (vThresholdMv - vStart) * (vThresholdMv - vEnd) * bridge;
                    if (exponent < NEGLIGIBLE_BRIDGE_EXPONENT && rng.nextDouble() < Math.exp(-exponent)) {
                        spikeMs = tStart + BridgeCrossing.firstPassageMs(vThresholdMv - vStart, vThresholdMv - vEnd,
                                2 * sigmaVMv * sigmaVMv / tauMs, h, crossingTimes);
                    }
                }
                if (spikeMs == spikeMs) {
                    out.spike(spikeMs);
                    clampEndMs = spikeMs + tRefMs;
                    clampMv = vResetMv;
                    v = vResetMv;
                } else {
                    v = vEnd;
                }
            }
            if (k < traceLength - 1) {
                trace[(int) k + 1] = v;
            }
            if ((k & (StepContext.PROGRESS_STRIDE - 1)) == StepContext.PROGRESS_STRIDE - 1) {
                ctx.cellStepsDone().addAndGet(StepContext.PROGRESS_STRIDE);
            }
        }
        ctx.cellStepsDone().addAndGet(steps & (StepContext.PROGRESS_STRIDE - 1));
    }

    private static PoissonInput active(PoissonInput p) {
        return p != null && p.isActive() ? p : null;
    }
}
