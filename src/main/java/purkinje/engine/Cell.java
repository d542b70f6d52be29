package purkinje.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateDiscreteSampler;
import purkinje.model.ClimbingFibre;
import purkinje.model.PoissonInput;

/**
 * One LIF cell: its state and the one step every drive goes through ({@link #step}). The scalar
 * loop ({@link CellIntegrator}) runs it for every cell; {@code VectorLanes} runs the same free and
 * held steps for several cells side by side, whatever drives them, and hands every step that needs
 * more (a spike, a bridge crossing, the end of a hold, a climbing-fibre event) to this method, so
 * both give the same numbers.
 *
 * <p><b>Step k</b> (from k dt to (k + 1) dt), in this order:
 * <ol>
 *   <li>synaptic events of the step (one Poisson count per input, {@link PoissonCounts}) are added
 *       to their currents at the step's start, as in NEST;</li>
 *   <li>climbing-fibre events before the step's end: a complex spike, V held at the pause potential
 *       for the pause;</li>
 *   <li>a step wholly inside a hold (refractory period or complex-spike pause; one rule for both:
 *       k &lt; resumeStep) keeps V at the hold potential while currents and noise current evolve;</li>
 *   <li>otherwise the exact transition ({@link Propagator}) from V (or, in the step where a hold
 *       ends, from the hold potential at its end) to the step's end;</li>
 *   <li>the crossing rule: a step ending at or above V_th is a spike (at the exact time of a pure
 *       relaxation, else linearly interpolated); with white noise a step whose ends are both below
 *       V_th still crossed with the Brownian-bridge probability exp(-2 (V_th - V0)(V_th - V1) /
 *       (s^2 h)), s^2 = 2 sigma_v^2 / tau_m, tested as ln u &lt; y with y the log of that probability
 *       (ln u from {@link NoiseDraws}),
 *       its time drawn from the bridge's first-passage law ({@link BridgeCrossing}). A spike holds V
 *       at V_reset for t_ref, ending inside a later step. Since dt &lt;= t_ref a step holds at most
 *       one spike.</li>
 * </ol>
 * Every cell takes a fixed number of random numbers per step from each of its drives' streams
 * (whether or not it is held), so nothing depends on what other cells do.
 */
final class Cell {
    /** Step counts from here on are beyond every run ({@link SimulationSettings#MAX_STEPS}). */
    private static final double NEVER_STEPS = 0x1.0p62;

    final CellModel model;
    final double dtMs;
    final Propagator full;
    // the full step's coefficients, read by the lane integrator
    final double vThresholdMv;
    final double decay;
    final double relax;
    final double noiseSd;
    final double bridgeLnScale;
    final CellRecorder out;

    private final boolean white;
    private final boolean colouredNoise;
    private final boolean pureRelaxation;
    /** Synaptic inputs (events and currents). */
    private final boolean hasSynapses;
    private final boolean hasClimbingFibre;
    /** Anything besides V to advance: synaptic currents or a noise current. */
    private final boolean hasCurrents;
    private final UniformRandomProvider crossingTimes;
    // synaptic inputs: counts from one uniform per step, or (large means) a sampler on the input's own stream
    private final PoissonCounts excCounts;
    private final SharedStateDiscreteSampler excSampler;
    private final double excWeightPa;
    private final PoissonCounts inhCounts;
    private final SharedStateDiscreteSampler inhSampler;
    private final double inhWeightPa;
    // climbing fibre
    private final UniformRandomProvider climbingEvents;
    private final double complexIntervalMeanMs;
    private final boolean keepComplexTrain;

    /** Membrane potential at the start of the next step (mV); the hold potential while held. */
    double v;
    /** Synaptic currents (pA; inhibitory negative) and the noise current x = I_noise / g_L (mV). */
    double iExcPa;
    double iInhPa;
    double xMv;
    /**
     * Steps k &lt; resumeStep are held (V at {@link #holdMv}); step resumeStep integrates from the
     * hold's end {@link #resumeMs} when that lies inside it. -1: never held.
     */
    long resumeStep = -1;
    double resumeMs = Double.NEGATIVE_INFINITY;
    private double holdMv;
    private double nextComplexMs = Double.POSITIVE_INFINITY;

    /**
     * @param streams the cell's streams for rare work: bridge crossing times, climbing-fibre events
     *                and, for inputs with very many events per step, their counts
     */
    Cell(CellModel model, double dtMs, double v0Mv, CellRecorder out, boolean keepComplexTrain, StreamSource streams) {
        this.model = model;
        this.dtMs = dtMs;
        this.full = Propagator.of(model, dtMs);
        this.vThresholdMv = model.vThresholdMv();
        this.decay = full.decay();
        this.relax = full.relax();
        this.noiseSd = full.noiseSd();
        this.bridgeLnScale = full.bridgeLnScale();
        this.out = out;
        this.white = model.white();
        this.colouredNoise = model.colouredNoise();
        this.pureRelaxation = model.sigmaVMv() == 0 && model.excitatory() == null && model.inhibitory() == null;
        this.crossingTimes = white ? streams.stream(RandomStreams.Purpose.SPIKE_TIME) : null;
        this.hasSynapses = model.excitatory() != null || model.inhibitory() != null;
        this.hasCurrents = hasSynapses || colouredNoise;
        this.hasClimbingFibre = model.climbing() != null;
        this.keepComplexTrain = keepComplexTrain;
        this.v = v0Mv;

        PoissonInput exc = model.excitatory();
        excWeightPa = exc == null ? 0 : exc.weightPa();
        excCounts = tabulated(exc, dtMs) ? new PoissonCounts(exc.meanEventsPerStep(dtMs)) : null;
        excSampler = exc != null && excCounts == null
                ? PoissonSampler.of(streams.stream(RandomStreams.Purpose.EXCITATORY), exc.meanEventsPerStep(dtMs)) : null;
        iExcPa = exc == null ? 0 : exc.meanCurrentPa(); // currents start at their means: no input transient
        PoissonInput inh = model.inhibitory();
        inhWeightPa = inh == null ? 0 : -inh.weightPa();
        inhCounts = tabulated(inh, dtMs) ? new PoissonCounts(inh.meanEventsPerStep(dtMs)) : null;
        inhSampler = inh != null && inhCounts == null
                ? PoissonSampler.of(streams.stream(RandomStreams.Purpose.INHIBITORY), inh.meanEventsPerStep(dtMs)) : null;
        iInhPa = inh == null ? 0 : -inh.meanCurrentPa();

        ClimbingFibre cf = model.climbing();
        climbingEvents = cf == null ? null : streams.stream(RandomStreams.Purpose.CLIMBING_FIBRE);
        complexIntervalMeanMs = cf == null ? 0 : 1000 / cf.rateHz();
        if (cf != null) {
            nextComplexMs = complexIntervalMs();
        }
    }

    /** Where a cell's streams come from (keyed by population seed, cell and purpose). */
    interface StreamSource {
        UniformRandomProvider stream(RandomStreams.Purpose purpose);
    }

    /** Whether an input's counts come from one uniform per step (its stream is then drawn block-wise). */
    static boolean tabulated(PoissonInput p, double dtMs) {
        return p != null && p.meanEventsPerStep(dtMs) <= PoissonCounts.MAX_TABULATED_MEAN;
    }

    /** Starts the noise current in its stationary law from the standard normal {@code z}. */
    void startNoiseCurrent(double z) {
        xMv = ColouredNoisePropagator.currentSigmaMv(model.sigmaVMv(), model.tauMs(), model.tauNoiseMs()) * z;
    }

    /** Whether anything besides V is advanced: synaptic currents or a noise current. */
    boolean hasCurrents() {
        return hasCurrents;
    }

    /** The excitatory input's count table (null: none, or counts from a sampler). */
    PoissonCounts excitatoryCounts() {
        return excCounts;
    }

    PoissonCounts inhibitoryCounts() {
        return inhCounts;
    }

    /** The current an excitatory event adds (pA; 0 without the input). */
    double excitatoryWeightPa() {
        return excWeightPa;
    }

    /** The current an inhibitory event adds (pA, negative; 0 without the input). */
    double inhibitoryWeightPa() {
        return inhWeightPa;
    }

    /**
     * The first step from k that is more than a free or wholly held step: where a hold ends (the
     * release, possibly inside the step) or a climbing-fibre event falls. Long.MAX_VALUE: none.
     */
    long nextEventStep(long k) {
        long next = resumeStep >= k ? resumeStep : Long.MAX_VALUE;
        if (hasClimbingFibre && nextComplexMs < Double.POSITIVE_INFINITY) {
            next = Math.min(next, stepContaining(nextComplexMs, dtMs));
        }
        return next;
    }

    /** True while step k is wholly held (nothing to integrate). */
    boolean refractoryAt(long k) {
        return k < resumeStep;
    }

    /** Step k of a cell driven by white noise or none: z the membrane normal, lnU the log of the bridge uniform. */
    void step(long k, double z, double lnU) {
        step(k, z, lnU, 0, 0, 0);
    }

    /**
     * Step k with the step's random numbers: z (membrane normal; second normal of a noise current),
     * lnU (log of the bridge uniform), zNoise (first normal of a noise current), uExc and uInh
     * (uniforms of the input counts).
     */
    void step(long k, double z, double lnU, double zNoise, double uExc, double uInh) {
        // kept small so that the JIT inlines it into the loops; the rare work is in methods of its own
        if (hasSynapses) {
            addEvents(uExc, uInh);
        }
        if (hasClimbingFibre && nextComplexMs < (k + 1) * dtMs) {
            complexSpikes((k + 1) * dtMs);
        }
        if (k < resumeStep) { // held over the whole step: V stays; currents go on
            if (hasCurrents) {
                heldStep(zNoise);
            }
            return;
        }
        if (k == resumeStep && resumeMs > k * dtMs) {
            releaseStep(k, z, lnU, zNoise);
            return;
        }
        final double vStart = v;
        double vEnd = Math.fma(decay, vStart, Math.fma(noiseSd, z, relax));
        if (hasCurrents) {
            vEnd += currentsPush(full, zNoise, z);
        }
        if (crossed(vStart, vEnd, bridgeLnScale, lnU)) {
            cross(full, k * dtMs, vStart, vEnd);
        } else {
            v = vEnd;
        }
    }

    /** Synaptic events of the step, added to their currents at its start. */
    private void addEvents(double uExc, double uInh) {
        if (excWeightPa != 0) {
            iExcPa += excWeightPa * (excCounts != null ? excCounts.count(uExc) : excSampler.sample());
        }
        if (inhWeightPa != 0) {
            iInhPa += inhWeightPa * (inhCounts != null ? inhCounts.count(uInh) : inhSampler.sample());
        }
    }

    /** Climbing-fibre events before {@code t1Ms}: a complex spike each, then V held for the pause. */
    private void complexSpikes(double t1Ms) {
        while (nextComplexMs < t1Ms) {
            out.complexSpike(nextComplexMs, keepComplexTrain);
            hold(nextComplexMs + model.climbing().pauseMs(), model.climbing().pausePotentialMv(model.vResetMv()));
            nextComplexMs += complexIntervalMs();
        }
    }

    /** A wholly held step: the currents and the noise current evolve. */
    private void heldStep(double zNoise) {
        iExcPa *= full.decayExc();
        iInhPa *= full.decayInh();
        if (colouredNoise) {
            xMv = full.ou().pxx() * xMv + full.ou().l11() * zNoise;
        }
    }

    /** The push of the synaptic currents and the noise current on V over a free step {@code p}; advances them. */
    private double currentsPush(Propagator p, double zNoise, double z) {
        double push = p.gainExc() * iExcPa + p.gainInh() * iInhPa;
        iExcPa *= p.decayExc();
        iInhPa *= p.decayInh();
        if (colouredNoise) {
            final ColouredNoisePropagator ou = p.ou();
            push += ou.pux() * xMv + ou.l21() * zNoise + ou.l22() * z;
            xMv = ou.pxx() * xMv + ou.l11() * zNoise;
        }
        return push;
    }

    /** The step in which a hold ends: held up to {@link #resumeMs}, then free from the hold potential. */
    private void releaseStep(long k, double z, double lnU, double zNoise) {
        final double t0 = k * dtMs;
        final double heldMs = resumeMs - t0;
        final Propagator p = Propagator.of(model, (k + 1) * dtMs - resumeMs);
        final double vStart = holdMv;
        iExcPa *= model.excitatory() == null ? 1 : Math.exp(-heldMs / model.excitatory().tauSynMs());
        iInhPa *= model.inhibitory() == null ? 1 : Math.exp(-heldMs / model.inhibitory().tauSynMs());
        double vEnd = Math.fma(p.decay(), vStart, Math.fma(p.noiseSd(), z, p.relax()));
        if (colouredNoise) {
            vEnd += noiseCurrentAfterHold(p.ou(), heldMs, zNoise, z);
        }
        if (hasSynapses) {
            vEnd += p.gainExc() * iExcPa + p.gainInh() * iInhPa;
            iExcPa *= p.decayExc();
            iInhPa *= p.decayInh();
        }
        if (crossed(vStart, vEnd, p.bridgeLnScale(), lnU)) {
            cross(p, resumeMs, vStart, vEnd);
        } else {
            v = vEnd;
        }
    }

    /**
     * The crossing test of a free step from vStart to vEnd: the end reached V_th, or (white noise)
     * the bridge crossed, ln u &lt; y = (V_th - V0)(V_th - V1) lnScale. With V1 &gt;= V_th, y &gt;= 0
     * &gt; ln u, so the one comparison also catches grid crossings ({@code VectorLanes} relies on it).
     */
    private boolean crossed(double vStart, double vEnd, double lnScale, double lnU) {
        return vEnd >= vThresholdMv || (white && (vThresholdMv - vStart) * (vThresholdMv - vEnd) * lnScale > lnU);
    }

    /**
     * The crossing rule, for a step {@code p} from {@code vStart} at {@code tStartMs} to
     * {@code vEnd} that reached V_th or whose bridge crossed: the spike time inside the step.
     */
    private void cross(Propagator p, double tStartMs, double vStart, double vEnd) {
        final double hMs = p.hMs();
        if (vEnd >= vThresholdMv) {
            spike(pureRelaxation
                    ? tStartMs + model.tauMs() * Math.log((vStart - model.vInfMv()) / (vThresholdMv - model.vInfMv()))
                    : tStartMs + hMs * (vThresholdMv - vStart) / (vEnd - vStart));
        } else {
            spike(tStartMs + BridgeCrossing.firstPassageMs(vThresholdMv - vStart, vThresholdMv - vEnd,
                    p.diffusionMv2PerMs(), hMs, crossingTimes));
        }
    }

    /**
     * The noise current's push on V over the rest of a step whose first {@code heldMs} were held,
     * and its new value: (x(t1), u(t1)) given x(t0) is Gaussian, with x carried through the hold by
     * its own transition and then jointly with V by {@code rest} (two normals, as in every step).
     */
    private double noiseCurrentAfterHold(ColouredNoisePropagator rest, double heldMs, double n1, double n2) {
        final double tauS = model.tauNoiseMs();
        final double sigmaX = ColouredNoisePropagator.currentSigmaMv(model.sigmaVMv(), model.tauMs(), tauS);
        final double decayHeld = Math.exp(-heldMs / tauS);
        final double varHeld = sigmaX * sigmaX * -Fdlibm.expm1(-2 * heldMs / tauS);
        final double varX = rest.pxx() * rest.pxx() * varHeld + rest.l11() * rest.l11();
        final double cov = rest.pxx() * rest.pux() * varHeld + rest.l11() * rest.l21();
        final double varU = rest.pux() * rest.pux() * varHeld + rest.l21() * rest.l21() + rest.l22() * rest.l22();
        final double l11 = Math.sqrt(varX);
        final double l21 = l11 > 0 ? cov / l11 : 0;
        final double l22 = Math.sqrt(Math.max(varU - l21 * l21, 0));
        final double push = rest.pux() * decayHeld * xMv + l21 * n1 + l22 * n2;
        xMv = rest.pxx() * decayHeld * xMv + l11 * n1;
        return push;
    }

    private void spike(double tMs) {
        out.spike(tMs);
        hold(tMs + model.tRefMs(), model.vResetMv());
    }

    /** Holds V at {@code mv} until {@code endMs} (or a later end already set). */
    private void hold(double endMs, double mv) {
        if (endMs > resumeMs) {
            resumeMs = endMs;
            resumeStep = stepContaining(endMs, dtMs);
        }
        holdMv = mv;
        v = mv;
    }

    /** Exponential interval to the next climbing-fibre event (inversion, StrictMath's log: same on every JVM). */
    private double complexIntervalMs() {
        return -complexIntervalMeanMs * Fdlibm.log(((climbingEvents.nextLong() >>> 11) + 0.5) * 0x1.0p-53);
    }

    /**
     * The first step k that is not wholly held when a hold ends at {@code tMs}: the smallest k with
     * (k + 1) dt &gt; t, with step boundaries computed as {@code k * dt} exactly as in the step.
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
