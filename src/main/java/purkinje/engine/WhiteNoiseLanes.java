package purkinje.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Integrates {@link #LANES} white-noise cells side by side, one cell per lane of a vector (8 on
 * AVX-512), with the JDK's incubating Vector API; only loaded when that module is present
 * ({@link LaneIntegrator#create}). The numbers are those of {@link CellIntegrator}, bit for
 * bit: the random numbers are {@link NoiseDraws}' scheme computed with the same IEEE operations in
 * the same order, a full step is the same {@code fma(P, V, fma(sd, z, pull))}, and every step that
 * is not a plain full step in some lane (a spike, a possible bridge crossing, the end of a
 * refractory period) is handed to {@link Cell#step}, lane by lane, before the vector
 * loop goes on. A refractory lane is "frozen" in the vector loop: P = 1 and sd = pull = 0 keep
 * V_reset exactly, and a bridge scale of -infinity rules out a crossing.
 *
 * <p>Work per block of {@link #BLOCK} steps: four short passes make the random numbers (xoshiro256++
 * for all lanes at once; radii, angles and uniforms of {@link NoiseDraws}), then the step loop
 * runs until a lane needs attention. The passes are called through an array of function objects on
 * purpose: a call site that sees four different targets is not inlined, so C2 compiles each pass
 * as a small method of its own. Inlined into one large method, the Vector API's calls exceed C2's
 * inlining budget, and vector operations left uninlined allocate and run ten times slower.
 */
final class WhiteNoiseLanes implements LaneIntegrator {
    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Cells per vector. */
    static final int LANES = DOUBLES.length();
    /** Steps per block (a multiple of {@link NoiseDraws#QUAD}). */
    static final int BLOCK = 128;
    private static final int QUADS = BLOCK / NoiseDraws.QUAD;
    /** Reorders the 32-bit words of LANES 64-bit draws to: all low words, then all high words. */
    private static final VectorShuffle<Integer> LOW_WORDS_FIRST = VectorShuffle.fromOp(
            IntVector.SPECIES_PREFERRED, i -> i < LANES ? 2 * i : 2 * (i - LANES) + 1);

    /** Whether this JVM's preferred vector shapes suit the layout (at least 2 lanes, floats twice as many). */
    static boolean supported() {
        return LANES >= 2 && LONGS.length() == LANES && FLOATS.length() == 2 * LANES
                && IntVector.SPECIES_PREFERRED.length() == 2 * LANES;
    }

    // xoshiro256++ state of every lane's stream
    private final long[] s0 = new long[LANES];
    private final long[] s1 = new long[LANES];
    private final long[] s2 = new long[LANES];
    private final long[] s3 = new long[LANES];
    /** Per quad q and lane: draws A, B, C, D at [(4q + 0..3) LANES + lane]. */
    private final long[] draws = new long[BLOCK * LANES];
    /** Per quad: the radii of the first pair (lanes 0..L-1) and the second pair (L..2L-1). */
    private final float[] radii = new float[QUADS * 2 * LANES];
    /** Normal variate and bridge uniform of step j and lane l at [j LANES + l]. */
    private final double[] normals = new double[BLOCK * LANES];
    private final double[] uniforms = new double[BLOCK * LANES];
    /** {@link NoiseDraws#log2LowerBound} of each uniform, same layout. */
    private final double[] log2Lower = new double[BLOCK * LANES];

    // per-lane coefficients of the current step (frozen values while refractory) and state
    private final double[] decay = new double[LANES];
    private final double[] relax = new double[LANES];
    private final double[] noiseSd = new double[LANES];
    private final double[] yScale = new double[LANES];
    private final double[] threshold = new double[LANES];
    private final double[] v = new double[LANES];
    /** The full step's end values where {@link #advance} stopped. */
    private final double[] vEnd = new double[LANES];
    private Cell[] cells;
    /** The next step at which some lane's refractory period ends (it needs the exact step). */
    private long nextResume;

    private final Runnable[] makeRandomNumbers = {this::draw, this::radii, this::angles, this::uniforms};

    @Override
    public int lanes() {
        return LANES;
    }

    @Override
    public void simulate(Cell[] group, BlockRandom[] streams, StepContext ctx) {
        if (group.length != LANES || streams.length != LANES) {
            throw new IllegalArgumentException("a lane group has " + LANES + " cells");
        }
        cells = group;
        for (int l = 0; l < LANES; l++) {
            s0[l] = streams[l].s0;
            s1[l] = streams[l].s1;
            s2[l] = streams[l].s2;
            s3[l] = streams[l].s3;
            threshold[l] = group[l].vThresholdMv;
            v[l] = group[l].v;
            setCoefficients(l, 0);
        }
        nextResume = Long.MAX_VALUE;
        final long steps = ctx.steps();
        long unreported = 0;
        for (long base = 0; base < steps; base += BLOCK) {
            for (Runnable pass : makeRandomNumbers) {
                pass.run();
            }
            final int n = (int) Math.min(BLOCK, steps - base);
            int j = 0;
            while (j < n) {
                j = advance(j, n, nextResume - base);
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
        }
        cells = null;
    }

    /** Lane l's coefficients for step k: the cell's own, or frozen while step k is wholly refractory. */
    private void setCoefficients(int l, long k) {
        Cell c = cells[l];
        boolean frozen = c.refractoryAt(k);
        decay[l] = frozen ? 1 : c.decay;
        relax[l] = frozen ? 0 : c.relax;
        noiseSd[l] = frozen ? 0 : c.noiseSd;
        yScale[l] = frozen ? Double.NEGATIVE_INFINITY : c.bridgeLog2Scale;
    }

    /**
     * Full steps for all lanes from block step j while none needs attention, to the block's end
     * {@code n}. Returns the first step not taken (its full-step end values in {@link #vEnd}): step
     * {@code resume}, where some lane's refractory period ends, or a step in which some lane reached
     * the threshold or may have crossed it (y above {@link NoiseDraws#log2LowerBound} of u); or n.
     */
    private int advance(int j, int n, long resume) {
        final DoubleVector th = DoubleVector.fromArray(DOUBLES, threshold, 0);
        final DoubleVector p = DoubleVector.fromArray(DOUBLES, decay, 0);
        final DoubleVector pull = DoubleVector.fromArray(DOUBLES, relax, 0);
        final DoubleVector sd = DoubleVector.fromArray(DOUBLES, noiseSd, 0);
        final DoubleVector ys = DoubleVector.fromArray(DOUBLES, yScale, 0);
        DoubleVector vStart = DoubleVector.fromArray(DOUBLES, v, 0);
        for (; j < n; j++) {
            final DoubleVector z = DoubleVector.fromArray(DOUBLES, normals, j * LANES);
            final DoubleVector lower = DoubleVector.fromArray(DOUBLES, log2Lower, j * LANES);
            final DoubleVector vEnd = p.fma(vStart, sd.fma(z, pull));
            final DoubleVector y = th.sub(vStart).mul(th.sub(vEnd)).mul(ys);
            final VectorMask<Double> attention = vEnd.compare(VectorOperators.GE, th)
                    .or(y.compare(VectorOperators.GT, lower));
            if (j == resume || attention.anyTrue()) {
                vEnd.intoArray(this.vEnd, 0);
                break;
            }
            vStart = vEnd;
        }
        vStart.intoArray(v, 0);
        return j;
    }

    /**
     * Step k (block step j), lane by lane: the exact scalar step for lanes that need it (a refractory
     * period ends, the threshold was reached, or the bridge may have crossed), the vector's full
     * step for the others; then the changed lanes' coefficients.
     */
    private void settle(long k, int j) {
        long next = Long.MAX_VALUE;
        for (int l = 0; l < LANES; l++) {
            final Cell c = cells[l];
            if (c.refractoryAt(k)) {
                // frozen: V stays at V_reset
            } else if (k == c.resumeStep || needsExactStep(c, l, j)) {
                c.v = v[l];
                c.step(k, normals[j * LANES + l], uniforms[j * LANES + l]);
                v[l] = c.v;
                setCoefficients(l, k + 1);
            } else {
                v[l] = vEnd[l];
            }
            if (c.resumeStep > k) {
                next = Math.min(next, c.resumeStep);
            }
        }
        nextResume = next;
    }

    /** The vector test of {@link #advance} for one lane: threshold reached or bridge not ruled out. */
    private boolean needsExactStep(Cell c, int l, int j) {
        final double y = (c.vThresholdMv - v[l]) * (c.vThresholdMv - vEnd[l]) * c.bridgeLog2Scale;
        return vEnd[l] >= c.vThresholdMv || y > log2Lower[j * LANES + l];
    }

    /** BLOCK xoshiro256++ outputs of every lane (Blackman and Vigna 2018), as {@link BlockRandom#nextLong}. */
    private void draw() {
        LongVector a = LongVector.fromArray(LONGS, s0, 0);
        LongVector b = LongVector.fromArray(LONGS, s1, 0);
        LongVector c = LongVector.fromArray(LONGS, s2, 0);
        LongVector d = LongVector.fromArray(LONGS, s3, 0);
        for (int i = 0; i < BLOCK; i++) {
            a.add(d).lanewise(VectorOperators.ROL, 23).add(a).intoArray(draws, i * LANES);
            final LongVector t = b.lanewise(VectorOperators.LSHL, 17);
            c = c.lanewise(VectorOperators.XOR, a);
            d = d.lanewise(VectorOperators.XOR, b);
            b = b.lanewise(VectorOperators.XOR, c);
            a = a.lanewise(VectorOperators.XOR, d);
            c = c.lanewise(VectorOperators.XOR, t);
            d = d.lanewise(VectorOperators.ROL, 45);
        }
        a.intoArray(s0, 0);
        b.intoArray(s1, 0);
        c.intoArray(s2, 0);
        d.intoArray(s3, 0);
    }

    /** The 32-bit words of draw {@code draw} (0 = A ... 3 = D) of a quad for every lane: low words first. */
    private IntVector words(int quad, int draw) {
        return LongVector.fromArray(LONGS, draws, (NoiseDraws.QUAD * quad + draw) * LANES)
                .reinterpretAsInts().rearrange(LOW_WORDS_FIRST);
    }

    /** {@link NoiseDraws#radius} of the words of draw A. */
    private void radii() {
        for (int q = 0; q < QUADS; q++) {
            final IntVector a = words(q, 0);
            final FloatVector uniform = ((FloatVector) a.lanewise(VectorOperators.LSHR, 1)
                    .convert(VectorOperators.I2F, 0)).add(0.5f).mul(0x1.0p-31f);
            lnUnit(uniform).neg().sqrt().intoArray(radii, q * 2 * LANES);
        }
    }

    /** {@link NoiseDraws#lnUnit}, lane-wise. */
    private static FloatVector lnUnit(FloatVector x) {
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
        return ((FloatVector) e.convert(VectorOperators.I2F, 0))
                .fma(FloatVector.broadcast(FLOATS, NoiseDraws.LN2), s.mul(series));
    }

    /** The normal pairs of {@link NoiseDraws}: angle and signs from draw B, radius from {@link #radii}. */
    private void angles() {
        for (int q = 0; q < QUADS; q++) {
            final IntVector w = words(q, 1);
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
            final FloatVector r = FloatVector.fromArray(FLOATS, radii, q * 2 * LANES);
            final FloatVector z1 = withSign(r.mul(cos.sub(sin)), w.lanewise(VectorOperators.LSHL, 31));
            final FloatVector z2 = withSign(r.mul(cos.add(sin)),
                    w.lanewise(VectorOperators.LSHR, 1).lanewise(VectorOperators.LSHL, 31));
            final int k = NoiseDraws.QUAD * q;
            ((DoubleVector) z1.convert(VectorOperators.F2D, 0)).intoArray(normals, k * LANES);
            ((DoubleVector) z2.convert(VectorOperators.F2D, 0)).intoArray(normals, (k + 1) * LANES);
            ((DoubleVector) z1.convert(VectorOperators.F2D, 1)).intoArray(normals, (k + 2) * LANES);
            ((DoubleVector) z2.convert(VectorOperators.F2D, 1)).intoArray(normals, (k + 3) * LANES);
        }
    }

    private static FloatVector withSign(FloatVector x, IntVector signBits) {
        return x.reinterpretAsInts().lanewise(VectorOperators.XOR, signBits).reinterpretAsFloats();
    }

    /** The bridge uniforms of {@link NoiseDraws}: draws C and D, low then high words. */
    private void uniforms() {
        for (int q = 0; q < QUADS; q++) {
            final int k = NoiseDraws.QUAD * q;
            for (int h = 0; h < 2; h++) {
                final LongVector cd = LongVector.fromArray(LONGS, draws, (k + 2 + h) * LANES);
                store(cd.lanewise(VectorOperators.LSHL, 32).lanewise(VectorOperators.LSHR, 12), (k + 2 * h) * LANES);
                store(cd.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.LSHL, 20), (k + 2 * h + 1) * LANES);
            }
        }
    }

    /**
     * Mantissa bits to the uniform (2m + 1) 2^-33 ({@link NoiseDraws#unitLow}) and its
     * {@link NoiseDraws#log2LowerBound}, stored at {@code at}.
     */
    private void store(LongVector mantissa, int at) {
        final DoubleVector u = mantissa.or(NoiseDraws.ONE_BITS).viewAsFloatingLanes().sub(NoiseDraws.UNIT32_OFFSET);
        u.intoArray(uniforms, at);
        ((DoubleVector) u.viewAsIntegralLanes().sub(NoiseDraws.ONE_BITS).convert(VectorOperators.L2D, 0))
                .mul(0x1.0p-52).sub(NoiseDraws.LOG2_MARGIN).intoArray(log2Lower, at);
    }
}
