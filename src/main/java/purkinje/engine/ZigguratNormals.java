package purkinje.engine;

/**
 * Standard normal variates a block at a time by the ziggurat method (Marsaglia and Tsang 2000,
 * J Stat Softw 5(8), 256 layers). Of each 64-bit draw, bits 0-7 choose the layer and bits 8-63,
 * read as a signed 56-bit integer, give the signed abscissa, so layer and abscissa are independent
 * (Doornik 2005's remedy for the original's shared bits).
 *
 * <p>Commons RNG's {@code ZigguratSampler} is a variant of the same method, but it takes every
 * 64-bit value from a generator object whose state lives in memory, which makes a draw several
 * times slower than the generator itself. Here the xoshiro256++ recurrence of {@link BlockRandom}
 * runs inline with its state in local variables for a whole block, and the ziggurat's fast test
 * {@code |x| < w[i+1]} (about 98.5 % of draws) needs no further draw. The rest (the wedges, and the
 * tail beyond r by Marsaglia's 1964 method) write the state back, draw from the generator, and
 * reload it. The output is a function of the generator's stream only.
 *
 * <p>One instance per worker thread: it owns the block buffer, not any random state.
 */
final class ZigguratNormals {
    /** Layers. */
    private static final int N = 256;
    /** Right edge of the base layer's rectangle, where the tail starts (Marsaglia and Tsang 2000). */
    static final double R = 3.6541528853610088;
    /** Area of every layer (and of the base strip including the tail). */
    private static final double V = 4.92867323399e-3;
    private static final double TWO_POW_M53 = 0x1.0p-53;
    /** Layer widths: w[0] = V / f(R) (base strip), w[1] = R, ..., w[N] = 0. */
    private static final double[] W = new double[N + 1];
    /** W[i] / 2^55, so a signed 56-bit integer times it is uniform on (-W[i], W[i]). */
    private static final double[] W_SCALED = new double[N];
    /** f(W[i]) with f(x) = exp(-x^2 / 2), the layer boundaries in height. */
    private static final double[] F = new double[N + 1];

    static {
        W[0] = V / f(R);
        W[1] = R;
        for (int i = 1; i < N - 1; i++) {
            W[i + 1] = Math.sqrt(-2 * Math.log(V / W[i] + f(W[i])));
        }
        W[N] = 0;
        for (int i = 0; i <= N; i++) {
            F[i] = f(W[i]);
        }
        for (int i = 0; i < N; i++) {
            W_SCALED[i] = W[i] * 0x1.0p-55;
        }
    }

    /** The normals of the last {@link #fill}. */
    final double[] values;

    /** @param block the largest block {@link #fill} will be asked for */
    ZigguratNormals(int block) {
        values = new double[block];
    }

    private static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /** Fills {@code values[0..n)} with independent N(0,1) variates drawn from {@code rng}. */
    void fill(BlockRandom rng, int n) {
        final double[] z = values;
        long s0 = rng.s0;
        long s1 = rng.s1;
        long s2 = rng.s2;
        long s3 = rng.s3;
        for (int j = 0; j < n; j++) {
            // xoshiro256++, exactly BlockRandom.nextLong()
            final long bits = Long.rotateLeft(s0 + s3, 23) + s0;
            final long t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = Long.rotateLeft(s3, 45);

            final int layer = (int) bits & 0xff;
            final double x = (bits >> 8) * W_SCALED[layer];
            if (Math.abs(x) < W[layer + 1]) {
                z[j] = x;
            } else {
                rng.s0 = s0;
                rng.s1 = s1;
                rng.s2 = s2;
                rng.s3 = s3;
                z[j] = edge(layer, x, rng);
                s0 = rng.s0;
                s1 = rng.s1;
                s2 = rng.s2;
                s3 = rng.s3;
            }
        }
        rng.s0 = s0;
        rng.s1 = s1;
        rng.s2 = s2;
        rng.s3 = s3;
    }

    /** The rare draws: the tail (layer 0) or a wedge, then, if rejected, fresh draws until one is accepted. */
    private static double edge(int layer, double x, BlockRandom rng) {
        while (true) {
            if (layer == 0) {
                return Math.copySign(tail(rng), x);
            }
            double y = F[layer] + uniform(rng.nextLong()) * (F[layer + 1] - F[layer]);
            if (y < f(x)) {
                return x;
            }
            long bits = rng.nextLong();
            layer = (int) bits & 0xff;
            x = (bits >> 8) * W_SCALED[layer];
            if (Math.abs(x) < W[layer + 1]) {
                return x;
            }
        }
    }

    /** Marsaglia (1964): a normal variate conditioned on x &gt; R. */
    private static double tail(BlockRandom rng) {
        double a;
        double b;
        do {
            a = -Math.log(uniformOpenAtZero(rng.nextLong())) / R;
            b = -Math.log(uniformOpenAtZero(rng.nextLong()));
        } while (b + b < a * a);
        return R + a;
    }

    private static double uniform(long bits) {
        return (bits >>> 11) * TWO_POW_M53;
    }

    /** Uniform on (0, 1]. */
    private static double uniformOpenAtZero(long bits) {
        return ((bits >>> 11) + 1) * TWO_POW_M53;
    }
}
