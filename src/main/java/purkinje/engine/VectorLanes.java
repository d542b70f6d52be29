package purkinje.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The lane engine: integrates {@link #LANES} cells side by side, one cell per lane of a vector (the
 * CPU's preferred shape: 4 double lanes with AVX2, 8 with AVX-512), whatever drives them (white
 * noise, a noise current, synaptic inputs, a climbing fibre, in any mix), with the JDK's
 * incubating Vector API; only loaded when that module is present ({@link LaneIntegrator#create}).
 *
 * <p>The numbers are those of {@link CellIntegrator}, bit for bit: the random numbers are
 * {@link NoiseDraws}' scheme computed with the same IEEE operations in the same order, a free step
 * is the same {@code fma(P, V, fma(sd, z, relax)) + push} as {@link Cell#step}, and every step that
 * is more than that in some lane (a spike, a bridge crossing, the end of a hold, a climbing-fibre
 * event) is handed to {@link Cell#step} for that lane, the same code the one-cell path runs.
 *
 * <p>Built like a hand-written SIMD loop: per block of {@link #BLOCK} steps, short vector passes make
 * every drive's random numbers for all lanes (xoshiro256++, Box-Muller, the logarithms of the bridge
 * uniforms, Poisson counts by inversion), all independent of V; then the step loop advances the
 * lanes branch-free: the bridge test is one comparison {@code y > ln u} (it also catches grid
 * crossings), and a held lane (refractory or in a complex-spike pause) is "frozen" by its
 * coefficients (P = 1, no noise, no push, no bridge), which keeps its V exactly while its currents
 * go on. The loop leaves only for a step where some lane's mask is set, or where some lane's hold
 * ends or climbing fibre fires (known in advance); that step is done lane by lane.
 *
 * <p>Every Vector API call is one that C2 compiles to vector instructions on AVX2 as on AVX-512
 * (no long-to-double conversion, no float-to-double conversion of part of a vector, no 64-bit
 * arithmetic shift, no rotate): unintrinsified calls fall back to Java code that allocates and runs
 * tens of times slower. The passes are small methods called through function objects, so each
 * is compiled on its own, within C2's inlining budget.
 */
final class VectorLanes implements LaneIntegrator {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** As many floats as double lanes: a row of single-precision random numbers, widened by one instruction. */
    private static final VectorSpecies<Float> HALF_FLOATS = VectorSpecies.of(float.class,
            VectorShape.forBitSize(DoubleVector.SPECIES_PREFERRED.vectorBitSize() / 2));
    /** Cells per vector. */
    static final int LANES = DOUBLES.length();
    /** Steps per block (a multiple of {@link NoiseDraws#QUAD}). */
    static final int BLOCK = 128;
    private static final int QUADS = BLOCK / NoiseDraws.QUAD;
    /** Reorders the 32-bit words of LANES 64-bit draws to: all low words, then all high words. */
    private static final VectorShuffle<Integer> LOW_WORDS_FIRST = VectorShuffle.fromOp(
            IntVector.SPECIES_PREFERRED, i -> i < LANES ? 2 * i : 2 * (i - LANES) + 1);
    /** Table entries of a Poisson count compared in the vector pass, at most; larger counts are looked up per lane. */
    private static final int MAX_VECTOR_COUNT = 8;
    /** A count's table is compared in the vector pass up to where the rest has less mass than this. */
    private static final double VECTOR_COUNT_TAIL = 1e-3;

    /*
     * The step loops' one test, y = (V_th - V0)(V_th - V1) scale > ln u, stops at every step that
     * Cell.step would count as a crossing: V0 <= V_th at every step's start (a start value, a
     * step that did not cross, or a hold potential, all below V_th; V0 = V_th gives y = 0) and
     * ln u < 0, so a step ending at or above V_th has y >= 0 > ln u whatever the (negative, finite)
     * scale. A lane without a bridge takes the steepest finite scale, so that otherwise y > ln u
     * only where V came within 1e-154 mV of V_th, and a step stopped for nothing is redone by
     * Cell.step with the same result. A held lane's scale is -infinity: y = -infinity.
     */
    /** The crossing test's scale for a lane without a bridge (noise-free, or a noise current). */
    private static final double NO_BRIDGE = -Double.MAX_VALUE;
    /** ln u of a lane without membrane noise: any negative value will do (see {@link #NO_BRIDGE}). */
    private static final float QUIET_LN_U = -1f;

    /** Whether this JVM's preferred vector shapes suit the layout (at least 2 lanes, as many longs as doubles). */
    static boolean supported() {
        return LANES >= 2 && LONGS.length() == LANES && FLOATS.length() == 2 * LANES && INTS.length() == 2 * LANES;
    }

    // xoshiro256++ state of every lane's stream per drive, word w of lane l at [w LANES + l]
    private final long[] dynamicsState = new long[4 * LANES];
    private final long[] noiseState = new long[4 * LANES];
    private final long[] excState = new long[4 * LANES];
    private final long[] inhState = new long[4 * LANES];
    /** A block's draws of one stream, draw i of lane l at [i LANES + l]. */
    private final long[] bits = new long[BLOCK * LANES];
    /** Per quad: the radius uniforms, then ln U, of the first pair (lanes 0..L-1) and the second pair (L..2L-1). */
    private final float[] radii = new float[QUADS * 2 * LANES];
    // random numbers of step j and lane l at [j LANES + l]; single precision where NoiseDraws defines them so
    private final float[] z = new float[BLOCK * LANES];
    private final float[] lnU = new float[BLOCK * LANES];
    private final float[] zNoise = new float[BLOCK * LANES];
    private final double[] uExc = new double[BLOCK * LANES];
    private final double[] uInh = new double[BLOCK * LANES];
    /** Event currents of the step (count times weight, pA). */
    private final double[] addExc = new double[BLOCK * LANES];
    private final double[] addInh = new double[BLOCK * LANES];
    // Poisson tables of the lanes, entry k of lane l at [k LANES + l] (2: no such input)
    private final double[] cdfExc = new double[MAX_VECTOR_COUNT * LANES];
    private final double[] cdfInh = new double[MAX_VECTOR_COUNT * LANES];
    private int countsExc;
    private int countsInh;
    private final double[] weightExc = new double[LANES];
    private final double[] weightInh = new double[LANES];
    private final PoissonCounts[] tablesExc = new PoissonCounts[LANES];
    private final PoissonCounts[] tablesInh = new PoissonCounts[LANES];
    private final double[] lookUpExc = new double[LANES];
    private final double[] lookUpInh = new double[LANES];
    /** Per lane, after a block of {@link #countsFewEntries}: negative if no u reached the lane's last compared entry. */
    private final long[] lookUpFlags = new long[LANES];

    // per-lane coefficients of the current step (frozen values while held)
    private final double[] decay = new double[LANES];
    private final double[] relax = new double[LANES];
    private final double[] noiseSd = new double[LANES];
    private final double[] bridgeScale = new double[LANES];
    private final double[] gainExc = new double[LANES];
    private final double[] gainInh = new double[LANES];
    private final double[] pux = new double[LANES];
    private final double[] l21 = new double[LANES];
    private final double[] l22 = new double[LANES];
    /** Per lane, the coefficients of a free full step: decay, relax, noiseSd, gainExc, gainInh, pux, l21, l22, bridgeScale. */
    private static final int COEFFICIENTS = 9;
    private final double[] free = new double[COEFFICIENTS * LANES];
    // per-lane constants
    private final double[] threshold = new double[LANES];
    private final double[] decayExc = new double[LANES];
    private final double[] decayInh = new double[LANES];
    private final double[] pxx = new double[LANES];
    private final double[] l11 = new double[LANES];
    // state at the start of the next step, and where the loop stopped: the step's start and end values
    private final double[] v = new double[LANES];
    private final double[] iExc = new double[LANES];
    private final double[] iInh = new double[LANES];
    private final double[] x = new double[LANES];
    private final double[] vEnd = new double[LANES];
    private final double[] iExcEnd = new double[LANES];
    private final double[] iInhEnd = new double[LANES];
    private final double[] xEnd = new double[LANES];
    private VectorMask<Double> currentsMask;

    private Cell[] cells;
    private boolean hasNoise;
    private boolean hasExc;
    private boolean hasInh;
    private boolean hasCurrents;
    private boolean quietLanes;
    /** The next step at which some lane's hold ends or climbing fibre fires (it needs the exact step). */
    private long nextEvent;
    /** That step per lane ({@link Cell#nextEventStep}); it only changes when the lane's cell takes a step itself. */
    private final long[] laneEvent = new long[LANES];

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public void simulate(Cell[] group, CellIntegrator.Streams[] streams, StepContext ctx) {
        if (group.length != LANES || streams.length != LANES) {
            throw new IllegalArgumentException("a lane group has " + LANES + " cells");
        }
        cells = group;
        hasNoise = false;
        hasExc = false;
        hasInh = false;
        hasCurrents = false;
        quietLanes = false;
        countsExc = 0;
        countsInh = 0;
        boolean[] currents = new boolean[LANES];
        for (int l = 0; l < LANES; l++) {
            Cell c = group[l];
            CellIntegrator.Streams s = streams[l];
            load(dynamicsState, l, s.dynamics());
            quietLanes |= c.model.sigmaVMv() == 0;
            if (s.noiseCurrent() != null) {
                c.startNoiseCurrent(CellIntegrator.startingNormal(s.noiseCurrent()));
                hasNoise = true;
            }
            load(noiseState, l, s.noiseCurrent());
            hasExc |= s.excitatory() != null;
            hasInh |= s.inhibitory() != null;
            load(excState, l, s.excitatory());
            load(inhState, l, s.inhibitory());
            countsExc = Math.max(countsExc, table(cdfExc, tablesExc, l, c.excitatoryCounts()));
            countsInh = Math.max(countsInh, table(cdfInh, tablesInh, l, c.inhibitoryCounts()));
            weightExc[l] = c.excitatoryWeightPa();
            weightInh[l] = c.inhibitoryWeightPa();
            currents[l] = c.hasCurrents();
            hasCurrents |= currents[l];
            threshold[l] = c.vThresholdMv;
            decayExc[l] = c.full.decayExc();
            decayInh[l] = c.full.decayInh();
            pxx[l] = c.full.ou() == null ? 0 : c.full.ou().pxx();
            l11[l] = c.full.ou() == null ? 0 : c.full.ou().l11();
            v[l] = c.v;
            iExc[l] = c.iExcPa;
            iInh[l] = c.iInhPa;
            x[l] = c.xMv;
            setFreeCoefficients(l);
            setCoefficients(l, 0);
        }
        for (int l = 0; l < LANES; l++) { // needs every lane's table: the group compares as many entries as its longest
            lookUpExc[l] = lookUpFrom(tablesExc[l], countsExc);
            lookUpInh[l] = lookUpFrom(tablesInh[l], countsInh);
        }
        currentsMask = VectorMask.fromArray(DOUBLES, currents, 0);
        for (int l = 0; l < LANES; l++) {
            laneEvent[l] = group[l].nextEventStep(0);
        }
        nextEvent = nextEvent();
        final long steps = ctx.steps();
        long unreported = 0;
        for (long base = 0; base < steps; base += BLOCK) {
            final int n = (int) Math.min(BLOCK, steps - base);
            drawBlock();
            int j = 0;
            while (j < n) {
                j = !hasCurrents ? advance(j, n, nextEvent - base)
                        : hasNoise ? advanceWithCurrents(j, n, nextEvent - base) : advanceWithSynapses(j, n, nextEvent - base);
                if (j < n) {
                    settle(base + j, j);
                    j++;
                }
            }
            unreported += (long) n * LANES;
            if (unreported >= StepContext.PROGRESS_STRIDE) {
                ctx.cellStepsDone().addAndGet(unreported);
                unreported = 0;
            }
        }
        ctx.cellStepsDone().addAndGet(unreported);
        for (int l = 0; l < LANES; l++) {
            group[l].v = v[l];
            group[l].iExcPa = iExc[l];
            group[l].iInhPa = iInh[l];
            group[l].xMv = x[l];
        }
        for (int l = 0; l < LANES; l++) { // hand the streams back in their state after the run
            store(dynamicsState, l, streams[l].dynamics());
            store(noiseState, l, streams[l].noiseCurrent());
            store(excState, l, streams[l].excitatory());
            store(inhState, l, streams[l].inhibitory());
        }
        cells = null;
    }

    /** Lane l's stream state (a fixed dummy where the lane has no such drive: its numbers are never used). */
    private static void load(long[] state, int l, BlockRandom r) {
        state[l] = r == null ? 1 : r.s0;
        state[LANES + l] = r == null ? 2 : r.s1;
        state[2 * LANES + l] = r == null ? 3 : r.s2;
        state[3 * LANES + l] = r == null ? 4 : r.s3;
    }

    private static void store(long[] state, int l, BlockRandom r) {
        if (r != null) {
            r.s0 = state[l];
            r.s1 = state[LANES + l];
            r.s2 = state[2 * LANES + l];
            r.s3 = state[3 * LANES + l];
        }
    }

    /** Lane l's Poisson table entries for the vector pass; returns how many are compared there. */
    private static int table(double[] cdf, PoissonCounts[] tables, int l, PoissonCounts counts) {
        tables[l] = counts;
        int used = 0;
        for (int k = 0; k < MAX_VECTOR_COUNT; k++) {
            boolean entry = counts != null && k < counts.tableSize();
            cdf[k * LANES + l] = entry ? counts.cdf(k) : 2; // u < 2 always: no count from a missing entry
            if (entry && (used == 0 || 1 - counts.cdf(k - 1) >= VECTOR_COUNT_TAIL)) {
                used = k + 1;
            }
        }
        return used;
    }

    /**
     * The uniform from which a lane's count is looked up in its table instead of the vector pass:
     * its last entry compared there (2, never, without the input).
     */
    private static double lookUpFrom(PoissonCounts counts, int entries) {
        return counts == null ? 2 : counts.cdf(Math.min(entries, counts.tableSize()) - 1);
    }

    /** Lane l's coefficients of a free full step (its cell's {@link Cell#full} propagator), for {@link #setCoefficients}. */
    private void setFreeCoefficients(int l) {
        final Cell c = cells[l];
        final Propagator p = c.full;
        final int o = l * COEFFICIENTS;
        free[o] = p.decay();
        free[o + 1] = p.relax();
        free[o + 2] = p.noiseSd();
        free[o + 3] = p.gainExc();
        free[o + 4] = p.gainInh();
        free[o + 5] = p.ou() == null ? 0 : p.ou().pux();
        free[o + 6] = p.ou() == null ? 0 : p.ou().l21();
        free[o + 7] = p.ou() == null ? 0 : p.ou().l22();
        // no bridge: a scale so steep that y > ln u only where V reached V_th (NO_BRIDGE)
        free[o + 8] = c.model.white() ? c.bridgeLnScale : NO_BRIDGE;
    }

    /** Lane l's coefficients for step k: the free step's, or frozen while step k is wholly held. */
    private void setCoefficients(int l, long k) {
        final int o = l * COEFFICIENTS;
        if (!cells[l].refractoryAt(k)) {
            decay[l] = free[o];
            relax[l] = free[o + 1];
            noiseSd[l] = free[o + 2];
            gainExc[l] = free[o + 3];
            gainInh[l] = free[o + 4];
            pux[l] = free[o + 5];
            l21[l] = free[o + 6];
            l22[l] = free[o + 7];
            bridgeScale[l] = free[o + 8];
        } else { // frozen: V kept (below V_th), no push; -infinity keeps y below every ln u
            decay[l] = 1;
            relax[l] = 0;
            noiseSd[l] = 0;
            gainExc[l] = 0;
            gainInh[l] = 0;
            pux[l] = 0;
            l21[l] = 0;
            l22[l] = 0;
            bridgeScale[l] = Double.NEGATIVE_INFINITY;
        }
    }

    /** The first step at which some lane's hold ends or climbing fibre fires. */
    private long nextEvent() {
        long next = Long.MAX_VALUE;
        for (long e : laneEvent) {
            next = Math.min(next, e);
        }
        return next;
    }

    /**
     * Full steps of lanes without currents from block step j, to the block's end {@code n}, while
     * no lane needs attention. Returns the first step not taken (its end values in {@link #vEnd}):
     * step {@code event}, or a step in which some lane reached V_th or its bridge crossed; or n.
     */
    private int advance(int j, int n, long event) {
        final DoubleVector th = DoubleVector.fromArray(DOUBLES, threshold, 0);
        final DoubleVector p = DoubleVector.fromArray(DOUBLES, decay, 0);
        final DoubleVector pull = DoubleVector.fromArray(DOUBLES, relax, 0);
        final DoubleVector sd = DoubleVector.fromArray(DOUBLES, noiseSd, 0);
        final DoubleVector ys = DoubleVector.fromArray(DOUBLES, bridgeScale, 0);
        DoubleVector vStart = DoubleVector.fromArray(DOUBLES, v, 0);
        for (; j < n; j++) {
            final DoubleVector zj = row(z, j);
            final DoubleVector lnUj = row(lnU, j);
            final DoubleVector end = p.fma(vStart, sd.fma(zj, pull));
            final DoubleVector y = th.sub(vStart).mul(th.sub(end)).mul(ys);
            final VectorMask<Double> cross = y.compare(VectorOperators.GT, lnUj);
            if (j == event || cross.anyTrue()) {
                end.intoArray(vEnd, 0);
                break;
            }
            vStart = end;
        }
        vStart.intoArray(v, 0);
        return j;
    }

    /**
     * As {@link #advance}, for groups with synaptic currents or a noise current in some lane: events
     * of the step added at its start, the currents' push on V, the currents' decay; the currents go
     * on in held lanes. The step's start values stay in {@link #v} and the currents' arrays, the
     * end values go to the *End arrays.
     */
    private int advanceWithCurrents(int j, int n, long event) {
        final DoubleVector th = DoubleVector.fromArray(DOUBLES, threshold, 0);
        final DoubleVector p = DoubleVector.fromArray(DOUBLES, decay, 0);
        final DoubleVector pull = DoubleVector.fromArray(DOUBLES, relax, 0);
        final DoubleVector sd = DoubleVector.fromArray(DOUBLES, noiseSd, 0);
        final DoubleVector ys = DoubleVector.fromArray(DOUBLES, bridgeScale, 0);
        final DoubleVector gE = DoubleVector.fromArray(DOUBLES, gainExc, 0);
        final DoubleVector gI = DoubleVector.fromArray(DOUBLES, gainInh, 0);
        final DoubleVector dE = DoubleVector.fromArray(DOUBLES, decayExc, 0);
        final DoubleVector dI = DoubleVector.fromArray(DOUBLES, decayInh, 0);
        final DoubleVector ux = DoubleVector.fromArray(DOUBLES, pux, 0);
        final DoubleVector c21 = DoubleVector.fromArray(DOUBLES, l21, 0);
        final DoubleVector c22 = DoubleVector.fromArray(DOUBLES, l22, 0);
        final DoubleVector xx = DoubleVector.fromArray(DOUBLES, pxx, 0);
        final DoubleVector c11 = DoubleVector.fromArray(DOUBLES, l11, 0);
        final VectorMask<Double> withCurrents = currentsMask;
        DoubleVector vStart = DoubleVector.fromArray(DOUBLES, v, 0);
        DoubleVector e = DoubleVector.fromArray(DOUBLES, iExc, 0);
        DoubleVector i = DoubleVector.fromArray(DOUBLES, iInh, 0);
        DoubleVector xs = DoubleVector.fromArray(DOUBLES, x, 0);
        for (; j < n; j++) {
            final int at = j * LANES;
            final DoubleVector zj = row(z, j);
            final DoubleVector n1 = row(zNoise, j);
            final DoubleVector eIn = e.add(DoubleVector.fromArray(DOUBLES, addExc, at));
            final DoubleVector iIn = i.add(DoubleVector.fromArray(DOUBLES, addInh, at));
            final DoubleVector free = p.fma(vStart, sd.fma(zj, pull));
            final DoubleVector push = gE.mul(eIn).add(gI.mul(iIn)).add(ux.mul(xs).add(c21.mul(n1)).add(c22.mul(zj)));
            final DoubleVector end = free.blend(free.add(push), withCurrents);
            final DoubleVector y = th.sub(vStart).mul(th.sub(end)).mul(ys);
            final VectorMask<Double> cross = y.compare(VectorOperators.GT, row(lnU, j));
            final DoubleVector eOut = eIn.mul(dE);
            final DoubleVector iOut = iIn.mul(dI);
            final DoubleVector xOut = xx.mul(xs).add(c11.mul(n1));
            if (j == event || cross.anyTrue()) {
                end.intoArray(vEnd, 0);
                eOut.intoArray(iExcEnd, 0);
                iOut.intoArray(iInhEnd, 0);
                xOut.intoArray(xEnd, 0);
                break;
            }
            vStart = end;
            e = eOut;
            i = iOut;
            xs = xOut;
        }
        vStart.intoArray(v, 0);
        e.intoArray(iExc, 0);
        i.intoArray(iInh, 0);
        xs.intoArray(x, 0);
        return j;
    }

    /**
     * As {@link #advanceWithCurrents}, for groups with synaptic currents and no noise current in any
     * lane (the push is the synaptic currents' alone, as in {@link Cell#step}). The three step loops
     * repeat their set-up on purpose: each keeps only the vectors its drives need in registers (the
     * general loop on the 'inputs' workload ran at half this one's speed), and vectors cannot be
     * handed between methods without being boxed.
     */
    private int advanceWithSynapses(int j, int n, long event) {
        final DoubleVector th = DoubleVector.fromArray(DOUBLES, threshold, 0);
        final DoubleVector p = DoubleVector.fromArray(DOUBLES, decay, 0);
        final DoubleVector pull = DoubleVector.fromArray(DOUBLES, relax, 0);
        final DoubleVector sd = DoubleVector.fromArray(DOUBLES, noiseSd, 0);
        final DoubleVector ys = DoubleVector.fromArray(DOUBLES, bridgeScale, 0);
        final DoubleVector gE = DoubleVector.fromArray(DOUBLES, gainExc, 0);
        final DoubleVector gI = DoubleVector.fromArray(DOUBLES, gainInh, 0);
        final DoubleVector dE = DoubleVector.fromArray(DOUBLES, decayExc, 0);
        final DoubleVector dI = DoubleVector.fromArray(DOUBLES, decayInh, 0);
        final VectorMask<Double> withCurrents = currentsMask;
        final boolean allWithCurrents = withCurrents.allTrue();
        DoubleVector vStart = DoubleVector.fromArray(DOUBLES, v, 0);
        DoubleVector e = DoubleVector.fromArray(DOUBLES, iExc, 0);
        DoubleVector i = DoubleVector.fromArray(DOUBLES, iInh, 0);
        for (; j < n; j++) {
            final int at = j * LANES;
            final DoubleVector eIn = e.add(DoubleVector.fromArray(DOUBLES, addExc, at));
            final DoubleVector iIn = i.add(DoubleVector.fromArray(DOUBLES, addInh, at));
            final DoubleVector free = p.fma(vStart, sd.fma(row(z, j), pull));
            final DoubleVector pushed = free.add(gE.mul(eIn).add(gI.mul(iIn)));
            final DoubleVector end = allWithCurrents ? pushed : free.blend(pushed, withCurrents);
            final DoubleVector y = th.sub(vStart).mul(th.sub(end)).mul(ys);
            final VectorMask<Double> cross = y.compare(VectorOperators.GT, row(lnU, j));
            final DoubleVector eOut = eIn.mul(dE);
            final DoubleVector iOut = iIn.mul(dI);
            if (j == event || cross.anyTrue()) {
                end.intoArray(vEnd, 0);
                eOut.intoArray(iExcEnd, 0);
                iOut.intoArray(iInhEnd, 0);
                break;
            }
            vStart = end;
            e = eOut;
            i = iOut;
        }
        vStart.intoArray(v, 0);
        e.intoArray(iExc, 0);
        i.intoArray(iInh, 0);
        return j;
    }

    /**
     * Step k (block step j), lane by lane: {@link Cell#step} for lanes that need it (V_th reached or
     * the bridge crossed, a hold ends, a climbing-fibre event), the vector's step for the others;
     * then the changed lanes' coefficients. The lanes are visited as the set bits of one word, so
     * that the seven or so lanes with nothing to do cost no branch each.
     */
    private void settle(long k, int j) {
        final int at = j * LANES;
        int lanes = crossingLanes(j);
        if (k == nextEvent) {
            for (int l = 0; l < LANES; l++) {
                lanes |= laneEvent[l] == k ? 1 << l : 0;
            }
        }
        for (; lanes != 0; lanes &= lanes - 1) {
            final int l = Integer.numberOfTrailingZeros(lanes);
            final Cell c = cells[l];
            c.v = v[l];
            c.iExcPa = iExc[l];
            c.iInhPa = iInh[l];
            c.xMv = x[l];
            c.step(k, z[at + l], lnU[at + l], zNoise[at + l], uExc[at + l], uInh[at + l]);
            vEnd[l] = c.v;
            iExcEnd[l] = c.iExcPa;
            iInhEnd[l] = c.iInhPa;
            xEnd[l] = c.xMv;
            setCoefficients(l, k + 1);
            laneEvent[l] = c.nextEventStep(k + 1);
        }
        // every lane's state after step k: the vector's end values, or those of Cell.step
        DoubleVector.fromArray(DOUBLES, vEnd, 0).intoArray(v, 0);
        if (hasCurrents) {
            DoubleVector.fromArray(DOUBLES, iExcEnd, 0).intoArray(iExc, 0);
            DoubleVector.fromArray(DOUBLES, iInhEnd, 0).intoArray(iInh, 0);
        }
        if (hasNoise) {
            DoubleVector.fromArray(DOUBLES, xEnd, 0).intoArray(x, 0);
        }
        nextEvent = nextEvent();
    }

    /** Bit l of lane l: 1 in a double's bit pattern, for {@link #crossingLanes}. */
    private static final double[] LANE_BITS = new double[LANES];

    static {
        for (int l = 0; l < LANES; l++) {
            LANE_BITS[l] = Double.longBitsToDouble(1L << l);
        }
    }

    /**
     * The step loop's crossing test at the step where it stopped (row j), recomputed from the stored
     * start and end values with the same operations, as a word with bit l set where lane l
     * crossed: keeping the loop's mask itself past the loop made C2 allocate it in every step.
     */
    private int crossingLanes(int j) {
        final DoubleVector th = DoubleVector.fromArray(DOUBLES, threshold, 0);
        final DoubleVector y = th.sub(DoubleVector.fromArray(DOUBLES, v, 0)).mul(th.sub(DoubleVector.fromArray(DOUBLES, vEnd, 0)))
                .mul(DoubleVector.fromArray(DOUBLES, bridgeScale, 0));
        final VectorMask<Double> cross = y.compare(VectorOperators.GT, row(lnU, j));
        return (int) DoubleVector.zero(DOUBLES).blend(DoubleVector.fromArray(DOUBLES, LANE_BITS, 0), cross)
                .viewAsIntegralLanes().reduceLanes(VectorOperators.OR);
    }

    // The passes that make a block's random numbers, called through function objects on purpose: a
    // call site that sees many targets is not inlined, so C2 compiles each pass as a small method of
    // its own. Inlined into one large method, the Vector API's calls exceed C2's budget, and vector
    // operations left uninlined box their vectors and run many times slower.
    private final Runnable[] membranePasses = {
        () -> draw(dynamicsState, BLOCK), // A, B, C, D per quad
        () -> radiusUniforms(NoiseDraws.QUAD),
        this::bridgeUniforms,
        () -> lnInPlace(radii, 2 * QUADS),
        () -> lnInPlace(lnU, BLOCK),
        () -> angles(NoiseDraws.QUAD, z),
    };
    private final Runnable[] noiseCurrentPasses = {
        () -> draw(noiseState, 2 * QUADS), // A, B per quad
        () -> radiusUniforms(2),
        () -> lnInPlace(radii, 2 * QUADS),
        () -> angles(2, zNoise),
    };
    private final Runnable[] excitatoryPasses = {
        () -> draw(excState, 2 * QUADS),
        () -> uniforms(uExc),
        () -> counts(uExc, cdfExc, countsExc, lookUpExc, weightExc, tablesExc, addExc),
    };
    private final Runnable[] inhibitoryPasses = {
        () -> draw(inhState, 2 * QUADS),
        () -> uniforms(uInh),
        () -> counts(uInh, cdfInh, countsInh, lookUpInh, weightInh, tablesInh, addInh),
    };

    /** The block's random numbers of every drive, for all lanes. */
    private void drawBlock() {
        for (Runnable pass : membranePasses) {
            pass.run();
        }
        if (quietLanes) { // cells without membrane noise take no membrane numbers (as on the one-cell path)
            for (int l = 0; l < LANES; l++) {
                if (cells[l].model.sigmaVMv() == 0) {
                    for (int j = 0; j < BLOCK; j++) {
                        z[j * LANES + l] = 0;
                        lnU[j * LANES + l] = QUIET_LN_U;
                    }
                }
            }
        }
        if (hasNoise) {
            for (Runnable pass : noiseCurrentPasses) {
                pass.run();
            }
        }
        if (hasExc) {
            for (Runnable pass : excitatoryPasses) {
                pass.run();
            }
        }
        if (hasInh) {
            for (Runnable pass : inhibitoryPasses) {
                pass.run();
            }
        }
    }

    /** {@code n} xoshiro256++ outputs of every lane (Blackman and Vigna 2018), as {@link BlockRandom#nextLong}, into {@link #bits}. */
    private void draw(long[] state, int n) {
        LongVector a = LongVector.fromArray(LONGS, state, 0);
        LongVector b = LongVector.fromArray(LONGS, state, LANES);
        LongVector c = LongVector.fromArray(LONGS, state, 2 * LANES);
        LongVector d = LongVector.fromArray(LONGS, state, 3 * LANES);
        for (int i = 0; i < n; i++) {
            final LongVector s = a.add(d);
            s.lanewise(VectorOperators.LSHL, 23).or(s.lanewise(VectorOperators.LSHR, 41)).add(a).intoArray(bits, i * LANES);
            final LongVector t = b.lanewise(VectorOperators.LSHL, 17);
            c = c.lanewise(VectorOperators.XOR, a);
            d = d.lanewise(VectorOperators.XOR, b);
            b = b.lanewise(VectorOperators.XOR, c);
            a = a.lanewise(VectorOperators.XOR, d);
            c = c.lanewise(VectorOperators.XOR, t);
            // rotate by shifts: JDK 17 compiles no vector rotate of longs (lanewise(ROL) ran the engine 3x slower, AVX-512 too)
            d = d.lanewise(VectorOperators.LSHL, 45).or(d.lanewise(VectorOperators.LSHR, 19));
        }
        a.intoArray(state, 0);
        b.intoArray(state, LANES);
        c.intoArray(state, 2 * LANES);
        d.intoArray(state, 3 * LANES);
    }

    /** The 32-bit words of draw {@code i} of the block for every lane: low words first. */
    private IntVector words(int i) {
        return LongVector.fromArray(LONGS, bits, i * LANES).reinterpretAsInts().rearrange(LOW_WORDS_FIRST);
    }

    /** The radius uniforms U of {@link NoiseDraws#radius}: the words of draw A of every quad (draws per quad: {@code stride}). */
    private void radiusUniforms(int stride) {
        for (int q = 0; q < QUADS; q++) {
            ((FloatVector) words(stride * q).lanewise(VectorOperators.LSHR, 1).convert(VectorOperators.I2F, 0))
                    .add(0.5f).mul(0x1.0p-31f).intoArray(radii, q * 2 * LANES);
        }
    }

    /** The bridge uniforms of {@link NoiseDraws#bridgeUnit}: draws C and D of every quad, into the rows of their steps. */
    private void bridgeUniforms() {
        for (int q = 0; q < QUADS; q++) {
            for (int h = 0; h < 2; h++) {
                ((FloatVector) words(NoiseDraws.QUAD * q + 2 + h).lanewise(VectorOperators.LSHR, 8)
                        .convert(VectorOperators.I2F, 0)).add(0.5f).mul(0x1.0p-24f)
                        .intoArray(lnU, (NoiseDraws.QUAD * q + 2 * h) * LANES);
            }
        }
    }

    /**
     * {@link NoiseDraws#lnUnit} of the first {@code rows} rows of {@code a}, in place. Written out in
     * the loop, not called: compiled on its own, a method taking and returning vectors is not inlined
     * into its callers again, and its vectors are then boxed.
     */
    private static void lnInPlace(float[] a, int rows) {
        for (int i = 0; i < rows * LANES; i += 2 * LANES) {
            final FloatVector x = FloatVector.fromArray(FLOATS, a, i);
            final IntVector ix = x.reinterpretAsInts();
            final IntVector tmp = ix.sub(NoiseDraws.SQRT_HALF_BITS);
            final IntVector e = tmp.lanewise(VectorOperators.ASHR, 23);
            final FloatVector m = ix.sub(tmp.and(0xFF800000)).reinterpretAsFloats();
            final FloatVector f = m.sub(1f);
            final FloatVector s = f.div(f.add(2f));
            final FloatVector s2 = s.mul(s);
            FloatVector series = s2.mul(NoiseDraws.L9).fma(s2, FloatVector.broadcast(FLOATS, NoiseDraws.L7));
            series = series.fma(s2, FloatVector.broadcast(FLOATS, NoiseDraws.L5));
            series = series.fma(s2, FloatVector.broadcast(FLOATS, NoiseDraws.L3));
            series = series.fma(s2, FloatVector.broadcast(FLOATS, 2f));
            ((FloatVector) e.convert(VectorOperators.I2F, 0))
                    .fma(FloatVector.broadcast(FLOATS, NoiseDraws.LN2), s.mul(series)).intoArray(a, i);
        }
    }

    /**
     * The normal pairs of {@link NoiseDraws}: angle and signs from draw B of every quad, radius from
     * {@link #radii}; z1 into the rows of steps 4q and 4q+1, z2 into those of 4q+2 and 4q+3.
     */
    private void angles(int stride, float[] out) {
        for (int q = 0; q < QUADS; q++) {
            final IntVector w = words(stride * q + 1);
            final FloatVector b = ((FloatVector) w.lanewise(VectorOperators.ASHR, 2)
                    .convert(VectorOperators.I2F, 0)).mul(NoiseDraws.ANGLE_SCALE);
            final FloatVector b2 = b.mul(b);
            FloatVector sin = b2.mul(NoiseDraws.S9).fma(b2, FloatVector.broadcast(FLOATS, NoiseDraws.S7));
            sin = sin.fma(b2, FloatVector.broadcast(FLOATS, NoiseDraws.S5));
            sin = sin.fma(b2, FloatVector.broadcast(FLOATS, NoiseDraws.S3));
            sin = sin.mul(b2).fma(b, b);
            FloatVector cos = b2.mul(NoiseDraws.C10).fma(b2, FloatVector.broadcast(FLOATS, NoiseDraws.C8));
            cos = cos.fma(b2, FloatVector.broadcast(FLOATS, NoiseDraws.C6));
            cos = cos.fma(b2, FloatVector.broadcast(FLOATS, NoiseDraws.C4));
            cos = cos.fma(b2, FloatVector.broadcast(FLOATS, NoiseDraws.C2));
            cos = cos.fma(b2, FloatVector.broadcast(FLOATS, 1f));
            final FloatVector r = FloatVector.fromArray(FLOATS, radii, q * 2 * LANES).neg().sqrt();
            final int k = NoiseDraws.QUAD * q;
            withSign(r.mul(cos.sub(sin)), w.lanewise(VectorOperators.LSHL, 31)).intoArray(out, k * LANES);
            withSign(r.mul(cos.add(sin)), w.lanewise(VectorOperators.LSHR, 1).lanewise(VectorOperators.LSHL, 31))
                    .intoArray(out, (k + 2) * LANES);
        }
    }

    private static FloatVector withSign(FloatVector x, IntVector signBits) {
        return x.reinterpretAsInts().lanewise(VectorOperators.XOR, signBits).reinterpretAsFloats();
    }

    /** Two draws per quad: the uniforms of the quad's steps (low word first). */
    private void uniforms(double[] u) {
        for (int i = 0; i < 2 * QUADS; i++) {
            final LongVector a = LongVector.fromArray(LONGS, bits, i * LANES);
            a.lanewise(VectorOperators.LSHL, 32).lanewise(VectorOperators.LSHR, 12).or(NoiseDraws.ONE_BITS)
                    .viewAsFloatingLanes().sub(NoiseDraws.UNIT32_OFFSET).intoArray(u, 2 * i * LANES);
            a.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.LSHL, 20).or(NoiseDraws.ONE_BITS)
                    .viewAsFloatingLanes().sub(NoiseDraws.UNIT32_OFFSET).intoArray(u, (2 * i + 1) * LANES);
        }
    }

    /** Row j of a float array of random numbers, widened to doubles (exact). */
    private static DoubleVector row(float[] a, int j) {
        return (DoubleVector) FloatVector.fromArray(HALF_FLOATS, a, j * LANES).convertShape(VectorOperators.F2D, DOUBLES, 0);
    }

    /**
     * Poisson counts by inversion ({@link PoissonCounts#count}: the number of table entries F_k
     * &lt;= u), the first {@code entries} entries compared lane-wise, larger counts looked up per
     * lane; times the lanes' weights into {@code add}.
     */
    private void counts(double[] u, double[] cdf, int entries, double[] lookUp, double[] weight,
                        PoissonCounts[] tables, double[] add) {
        if (entries <= FEW_ENTRIES) {
            countsFewEntries(u, cdf, entries, lookUp, weight, tables, add);
            return;
        }
        final DoubleVector w = DoubleVector.fromArray(DOUBLES, weight, 0);
        final DoubleVector last = DoubleVector.fromArray(DOUBLES, lookUp, 0);
        final DoubleVector zero = DoubleVector.zero(DOUBLES);
        final DoubleVector one = DoubleVector.broadcast(DOUBLES, 1);
        for (int j = 0; j < BLOCK; j++) {
            final DoubleVector uj = DoubleVector.fromArray(DOUBLES, u, j * LANES);
            DoubleVector count = zero;
            for (int k = 0; k < entries; k++) {
                count = count.add(zero.blend(one, uj.compare(VectorOperators.GE, DoubleVector.fromArray(DOUBLES, cdf, k * LANES))));
            }
            count.mul(w).intoArray(add, j * LANES);
            if (uj.compare(VectorOperators.GE, last).anyTrue()) {
                lookUp(u, j, lookUp, weight, tables, add);
            }
        }
    }

    /** Entries compared with the table held in registers (the common case: a few events per step at most). */
    private static final int FEW_ENTRIES = 3;

    /** Bits of the double 2^52: OR-ing a small integer s into them gives the double 2^52 + s, exactly. */
    private static final long TWO_TO_52_BITS = 0x4330000000000000L;

    /**
     * {@link #counts} for at most {@link #FEW_ENTRIES} compared entries (missing ones never reached:
     * 2), without vector masks, which cost several instructions each on JDK 17 with AVX-512: the
     * sign bit of u - F_k is 1 exactly where u &lt; F_k (u, F_k &gt; 0, so u - F_k is never -0),
     * these bits are summed as integers (the entries above u) and the count, 3 minus that sum, is
     * made a double by the 2^52 trick. Which
     * lanes need a look-up is collected over the block (the sign bits of u - last ANDed) and
     * looked up lane by lane after it.
     */
    private void countsFewEntries(double[] u, double[] cdf, int entries, double[] lookUp, double[] weight,
                                  PoissonCounts[] tables, double[] add) {
        final DoubleVector never = DoubleVector.broadcast(DOUBLES, 2);
        final DoubleVector f0 = DoubleVector.fromArray(DOUBLES, cdf, 0);
        final DoubleVector f1 = entries > 1 ? DoubleVector.fromArray(DOUBLES, cdf, LANES) : never;
        final DoubleVector f2 = entries > 2 ? DoubleVector.fromArray(DOUBLES, cdf, 2 * LANES) : never;
        final DoubleVector w = DoubleVector.fromArray(DOUBLES, weight, 0);
        final DoubleVector last = DoubleVector.fromArray(DOUBLES, lookUp, 0);
        final DoubleVector threePlus = DoubleVector.broadcast(DOUBLES, 0x1.0p52 + FEW_ENTRIES);
        LongVector allBelow = LongVector.broadcast(LONGS, -1L);
        for (int j = 0; j < BLOCK; j++) {
            final DoubleVector uj = DoubleVector.fromArray(DOUBLES, u, j * LANES);
            // written out, not a helper: a method taking vectors, compiled on its own, boxes them
            final LongVector above = uj.sub(f0).viewAsIntegralLanes().lanewise(VectorOperators.LSHR, 63)
                    .add(uj.sub(f1).viewAsIntegralLanes().lanewise(VectorOperators.LSHR, 63))
                    .add(uj.sub(f2).viewAsIntegralLanes().lanewise(VectorOperators.LSHR, 63));
            // count = 3 - (entries above u) = (2^52 + 3) - (2^52 + above), exactly
            threePlus.sub(above.or(TWO_TO_52_BITS).viewAsFloatingLanes()).mul(w).intoArray(add, j * LANES);
            allBelow = allBelow.and(uj.sub(last).viewAsIntegralLanes());
        }
        allBelow.intoArray(lookUpFlags, 0);
        for (int l = 0; l < LANES; l++) {
            if (lookUpFlags[l] >= 0) { // some step's u reached the lane's last compared entry
                for (int j = 0; j < BLOCK; j++) {
                    final double ul = u[j * LANES + l];
                    if (ul >= lookUp[l]) {
                        add[j * LANES + l] = weight[l] * tables[l].count(ul);
                    }
                }
            }
        }
    }

    /** The counts of step j beyond the compared entries, looked up in each lane's table. */
    private static void lookUp(double[] u, int j, double[] lookUp, double[] weight, PoissonCounts[] tables,
                               double[] add) {
        for (int l = 0; l < LANES; l++) {
            final double ul = u[j * LANES + l];
            if (ul >= lookUp[l]) {
                add[j * LANES + l] = weight[l] * tables[l].count(ul);
            }
        }
    }
}
