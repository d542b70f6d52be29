package purkinje.engine;

/**
 * One LIF cell with white (or no) current noise: its constants, its state, and the exact step that
 * both integrators use ({@link WhiteNoiseIntegrator} for one cell, {@code WhiteNoiseLanes} for
 * every step of a lane that its vector test cannot settle), so the two give the same numbers.
 *
 * <p>Between spikes the free membrane potential is an Ornstein-Uhlenbeck process whose one-step
 * transition is known exactly (Rotter and Diesmann 1999 for the deterministic part; Gillespie
 * 1996 for the noise):
 * <pre>  V' = V_inf + (V - V_inf) P + sigma_v sqrt(1 - P^2) z,  P = exp(-h / tau_m),  V_inf = E_L + I / g_L</pre>
 * evaluated as {@code fma(P, V, fma(sd, z, (1 - P) V_inf))}: only P V is on the step-to-step chain.
 *
 * <p>Threshold detection is free of the grid bias: a step ending above V_th is a spike, and a step
 * whose two ends are below V_th still crossed with the Brownian-bridge probability
 * <pre>  p = exp(-2 (V_th - V0)(V_th - V1) / (s^2 h)) = 2^y,  s^2 = 2 sigma_v^2 / tau_m,
 *   y = -(V_th - V0)(V_th - V1) tau_m / (sigma_v^2 h) log2(e)</pre>
 * (the probability that a Brownian bridge between V0 and V1 over h reaches V_th; the OU drift is
 * negligible over h &lt;&lt; tau_m). Grid-only detection reads rates 2.3 % low at dt = 0.1 ms. The
 * step crossed iff u &lt; 2^y for the step's uniform u ({@link NoiseDraws#bridgeCrossed}).
 *
 * <p>Spike times lie inside the step: without noise at the exact crossing
 * t* = tau_m ln((V0 - V_inf)/(V_th - V_inf)); with noise by linear interpolation between the
 * grid values, or, for a bridge crossing, drawn from the bridge's first-passage law within the
 * step ({@link BridgeCrossing}, from the cell's spike-time stream). The refractory period then ends exactly t_ref after the spike, inside a later
 * step, from where the cell is integrated over the remaining part of that step. Since dt &lt;= t_ref,
 * a step holds at most one spike. Steps spent refractory still consume their random numbers (each
 * cell takes a fixed number per step), which are independent of everything else, so nothing is
 * biased.
 */
final class WhiteNoiseCell {
    private static final double LOG2_E = 1.4426950408889634;
    /** Step counts from here on are beyond every run ({@link purkinje.engine.SimulationSettings#MAX_STEPS}). */
    private static final double NEVER_STEPS = 0x1.0p62;

    final double tauMs;
    final double vInfMv;
    final double vThresholdMv;
    final double vResetMv;
    final double tRefMs;
    final double sigmaVMv;
    final double dtMs;
    final boolean noisy;
    // coefficients of a full step
    final double decay;
    final double relax;
    final double noiseSd;
    /** y per (mV)^2 of (V_th - V0)(V_th - V1): -tau_m / (sigma_v^2 h) log2(e); 0 without noise. */
    final double bridgeLog2Scale;
    final CellRecorder out;
    /** The cell's spike-time stream (bridge crossing times only); null without noise. */
    private final org.apache.commons.rng.UniformRandomProvider crossingTimes;
    /** s^2 = 2 sigma_v^2 / tau_m, the diffusion of the free membrane (mV^2/ms). */
    private final double diffusionMv2PerMs;

    /** Membrane potential at the start of the next step (mV); V_reset while refractory. */
    double v;
    /**
     * Steps k &lt; resumeStep are refractory (V held at V_reset); step resumeStep integrates from
     * V_reset, from {@link #resumeMs} when refractoriness ends inside it. -1: never spiked.
     */
    long resumeStep = -1;
    double resumeMs = Double.NEGATIVE_INFINITY;

    WhiteNoiseCell(double tauMs, double vInfMv, double vThresholdMv, double vResetMv, double tRefMs,
                   double sigmaVMv, double dtMs, double v0Mv, CellRecorder out,
                   org.apache.commons.rng.UniformRandomProvider crossingTimes) {
        this.tauMs = tauMs;
        this.vInfMv = vInfMv;
        this.vThresholdMv = vThresholdMv;
        this.vResetMv = vResetMv;
        this.tRefMs = tRefMs;
        this.sigmaVMv = sigmaVMv;
        this.dtMs = dtMs;
        this.noisy = sigmaVMv > 0;
        this.decay = Math.exp(-dtMs / tauMs);
        this.relax = -Math.expm1(-dtMs / tauMs) * vInfMv;
        this.noiseSd = sigmaVMv * Math.sqrt(-Math.expm1(-2 * dtMs / tauMs));
        this.bridgeLog2Scale = bridgeLog2Scale(dtMs);
        this.out = out;
        this.crossingTimes = crossingTimes;
        this.diffusionMv2PerMs = 2 * sigmaVMv * sigmaVMv / tauMs;
        this.v = v0Mv;
    }

    private double bridgeLog2Scale(double hMs) {
        return noisy ? -tauMs / (sigmaVMv * sigmaVMv * hMs) * LOG2_E : 0;
    }

    /** True while step k is wholly refractory (nothing to integrate). */
    boolean refractoryAt(long k) {
        return k < resumeStep;
    }

    /**
     * Step k, from k dt to (k + 1) dt, with the step's normal variate z and bridge uniform u.
     */
    void step(long k, double z, double u) {
        if (k < resumeStep) {
            return; // refractory over the whole step: V stays at V_reset
        }
        double tStartMs = k * dtMs;
        double hMs = dtMs;
        double p = decay;
        double pull = relax;
        double sd = noiseSd;
        double yScale = bridgeLog2Scale;
        if (k == resumeStep && resumeMs > tStartMs) { // refractoriness ends inside this step
            tStartMs = resumeMs;
            hMs = (k + 1) * dtMs - resumeMs;
            final double x = hMs / tauMs;
            p = Math.exp(-x);
            final double oneMinusP = x < 1e-5 ? x * (1 - x * (0.5 - x / 6)) : 1 - p; // series: no cancellation
            pull = oneMinusP * vInfMv;
            sd = sigmaVMv * Math.sqrt(oneMinusP * (1 + p)); // 1 - P^2
            yScale = bridgeLog2Scale(hMs);
        }
        final double vStart = v;
        final double vEnd = Math.fma(p, vStart, Math.fma(sd, z, pull));
        if (vEnd >= vThresholdMv) {
            spike(noisy
                    ? tStartMs + hMs * (vThresholdMv - vStart) / (vEnd - vStart)
                    : tStartMs + tauMs * Math.log((vStart - vInfMv) / (vThresholdMv - vInfMv)));
        } else if (noisy && NoiseDraws.bridgeCrossed((vThresholdMv - vStart) * (vThresholdMv - vEnd) * yScale, u)) {
            spike(tStartMs + BridgeCrossing.firstPassageMs(vThresholdMv - vStart, vThresholdMv - vEnd,
                    diffusionMv2PerMs, hMs, crossingTimes));
        } else {
            v = vEnd;
        }
    }

    private void spike(double tMs) {
        out.spike(tMs);
        resumeMs = tMs + tRefMs;
        resumeStep = stepContaining(resumeMs, dtMs);
        v = vResetMv;
    }

    /**
     * The first step k that is not wholly refractory when refractoriness ends at {@code tMs}: the
     * smallest k with (k + 1) dt &gt; t, with step boundaries computed as {@code k * dt} exactly as
     * in the step.
     */
    static long stepContaining(double tMs, double dt) {
        if (!(tMs / dt < NEVER_STEPS)) {
            return Long.MAX_VALUE; // after any run (a refractory period of 1e308 ms): no step resumes
        }
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
