package purkinje.engine;

/**
 * The random numbers a white-noise cell consumes, defined once, in scalar form: for every step one
 * standard normal variate z (the membrane noise) and one uniform variate u (the Brownian-bridge
 * test). {@code WhiteNoiseLanes} computes the same numbers for several cells at a time with the
 * Vector API, operation for operation, so both give bit-identical results (a test checks it).
 *
 * <p><b>Scheme.</b> Each cell has its own xoshiro256++ stream and takes a fixed four 64-bit draws A,
 * B, C, D for every four steps ("quad"), whatever happens in the cell, so cells never wait on each
 * other's data and eight of them can advance in the lanes of one vector. Normals come by the
 * Box-Muller method (Box and Muller 1958) in single precision: a pair (z1, z2) from a 32-bit word a
 * of A and a 32-bit word w of B,
 * <pre>
 *   r = sqrt(-ln U),  U = (floor(a/2) + 1/2) 2^-31 in single precision   (r^2 = -ln U: standard exponential)
 *   phi = pi/4 + b,   b = (w &gt;&gt; 2) (pi/2) 2^-30, uniform on [-pi/4, pi/4)
 *   z1 = s1 r (cos b - sin b) = s1 sqrt(2E) cos phi,  z2 = s2 r (cos b + sin b) = s2 sqrt(2E) sin phi
 * </pre>
 * with independent random signs s1, s2 from bits 0 and 1 of w. An angle uniform on a quarter turn
 * with two random signs is an angle uniform on the full turn (the quadrant is the sign pair; the
 * swap of cos and sin between quadrants is immaterial because phi and pi/2 - phi have the same
 * law), so (z1, z2) are independent N(0,1). The low words of A and B give the pair for steps 4q and
 * 4q+1, the high words the pair for 4q+2 and 4q+3. C and D give the four bridge uniforms, 32 bits
 * each: u = (2m + 1) 2^-33.
 *
 * <p><b>Precision.</b> ln, sin and cos are polynomials evaluated with IEEE float operations only
 * (no library calls, so no platform dependence): relative error of z about 1e-7, far below any
 * effect on a membrane potential. U is at least 2^-32, so |z| &lt;= 6.66: the normal's tail beyond
 * that has mass 2.7e-11 and is not produced (about 0.03 variates in a 1e9-step run). Bridge
 * probabilities are resolved to 2^-32 per step; the induced rate error is below 1e-6 Hz. The
 * voltage itself is integrated in double precision.
 */
final class NoiseDraws {
    /** Steps per quad: each quad takes exactly {@value} 64-bit draws from the cell's stream. */
    static final int QUAD = 4;

    // ln(x) = e ln 2 + 2 atanh(s), s = (m - 1)/(m + 1), m in [sqrt(1/2), sqrt(2)): series to s^9
    static final float LN2 = 0.6931472f;
    static final int SQRT_HALF_BITS = 0x3F3504F3;
    static final float L3 = 2f / 3;
    static final float L5 = 2f / 5;
    static final float L7 = 2f / 7;
    static final float L9 = 2f / 9;
    /** (pi/2) 2^-30: a signed 30-bit integer times it is uniform on [-pi/4, pi/4). */
    static final float ANGLE_SCALE = (float) (Math.PI / 2 * 0x1.0p-30);
    // Taylor series of sin to b^9 and cos to b^10 on |b| <= pi/4 (truncation < 2e-9)
    static final float S3 = -1f / 6;
    static final float S5 = 1f / 120;
    static final float S7 = -1f / 5040;
    static final float S9 = 1f / 362880;
    static final float C2 = -1f / 2;
    static final float C4 = 1f / 24;
    static final float C6 = -1f / 720;
    static final float C8 = 1f / 40320;
    static final float C10 = -1f / 3628800;

    static final long ONE_BITS = 0x3FF0000000000000L;
    /** 1 - 2^-33: subtracted from 1 + m 2^-32 it leaves (2m + 1) 2^-33 exactly. */
    static final double UNIT32_OFFSET = 1 - 0x1.0p-33;

    // 2^y = 2^n 2^f with n = round(y), |f| <= 1/2 (the magic-number rounding of y)
    static final double MAGIC = 0x1.8p52;
    static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    private static final double LN2D = Math.log(2);
    /** Margin below the bit-pattern bound of log2 u, above the rounding of its conversion (4e-15). */
    static final double LOG2_MARGIN = 1e-9;
    /** Below this log2-probability a bridge never crosses: 2^-53 is below every u (&gt;= 2^-33). */
    static final double LOWEST_LOG2_P = -53;

    private NoiseDraws() {
    }

    /**
     * Fills {@code z[0..4 quads)} and {@code u[0..4 quads)} with the next {@code quads} quads of the
     * cell's stream.
     */
    static void fill(BlockRandom rng, int quads, double[] z, double[] u) {
        for (int q = 0; q < quads; q++) {
            final long a = rng.nextLong();
            final long b = rng.nextLong();
            final long c = rng.nextLong();
            final long d = rng.nextLong();
            final int k = 4 * q;
            pair((int) a, (int) b, z, k);
            pair((int) (a >>> 32), (int) (b >>> 32), z, k + 2);
            u[k] = unitLow(c);
            u[k + 1] = unitHigh(c);
            u[k + 2] = unitLow(d);
            u[k + 3] = unitHigh(d);
        }
    }

    /**
     * Fills {@code u[0..4 quads)} with uniforms only (a synaptic input's counts): two per 64-bit
     * draw, the low word first, so a quad of steps takes two draws.
     */
    static void fillUniforms(BlockRandom rng, int quads, double[] u) {
        for (int k = 0; k < NoiseDraws.QUAD * quads; k += 2) {
            final long bits = rng.nextLong();
            u[k] = unitLow(bits);
            u[k + 1] = unitHigh(bits);
        }
    }

    /** The normal pair of the 32-bit words {@code a} (radius) and {@code w} (angle and signs), into z[i], z[i+1]. */
    private static void pair(int a, int w, double[] z, int i) {
        final float r = radius(a);
        final float b = (float) (w >> 2) * ANGLE_SCALE;
        final float b2 = b * b;
        final float sin = Math.fma(Math.fma(Math.fma(Math.fma(b2 * S9, b2, S7), b2, S5), b2, S3) * b2, b, b);
        final float cos = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(b2 * C10, b2, C8), b2, C6), b2, C4), b2, C2), b2, 1f);
        z[i] = withSign(r * (cos - sin), w << 31);
        z[i + 1] = withSign(r * (cos + sin), (w >>> 1) << 31);
    }

    /** sqrt(-ln U) with U = (floor(a/2) + 1/2) 2^-31, rounded to float, for the 32 bits of {@code a} (unsigned). */
    static float radius(int a) {
        final float uniform = ((float) (a >>> 1) + 0.5f) * 0x1.0p-31f;
        return (float) Math.sqrt(-lnUnit(uniform));
    }

    /** ln x for 0 &lt; x &lt;= 1 (normal floats): exponent and mantissa split, then 2 atanh(s). */
    static float lnUnit(float x) {
        final int ix = Float.floatToRawIntBits(x);
        final int tmp = ix - SQRT_HALF_BITS;
        final int e = tmp >> 23;
        final float m = Float.intBitsToFloat(ix - (tmp & 0xFF800000));
        final float f = m - 1f;
        final float s = f / (f + 2f);
        final float s2 = s * s;
        final float series = Math.fma(Math.fma(Math.fma(Math.fma(s2 * L9, s2, L7), s2, L5), s2, L3), s2, 2f);
        return Math.fma((float) e, LN2, s * series);
    }

    private static double withSign(float x, int signBit) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) ^ signBit);
    }

    /** The uniform (2m + 1) 2^-33 of the low 32 bits m of {@code bits}. */
    static double unitLow(long bits) {
        return Double.longBitsToDouble(((bits << 32) >>> 12) | ONE_BITS) - UNIT32_OFFSET;
    }

    /** The uniform (2m + 1) 2^-33 of the high 32 bits m of {@code bits}. */
    static double unitHigh(long bits) {
        return Double.longBitsToDouble(((bits >>> 32) << 20) | ONE_BITS) - UNIT32_OFFSET;
    }

    /**
     * A lower bound of log2 u, tight to 0.087: the bit pattern of u = 2^e (1 + f) read as the
     * fixed-point number e + f, and log2(1 + f) &gt;= f on [0, 1). A step can only have crossed
     * (u &lt; 2^y) if y exceeds it, so the vector code tests {@code y > log2LowerBound(u)}: one
     * comparison instead of an exponential, and wrong alarms in about 6 % of the steps where
     * 2^y is near 1, far fewer elsewhere.
     */
    static double log2LowerBound(double u) {
        return (double) (Double.doubleToRawLongBits(u) - ONE_BITS) * 0x1.0p-52 - LOG2_MARGIN;
    }

    /**
     * 2^y for {@link #LOWEST_LOG2_P} &lt; y &lt;= 0 to a few units in the last place (the Taylor
     * series of 2^f, |f| &lt;= 1/2, to f^13: truncation 4e-18), with additions, multiplications and
     * bit operations only, so it is the same number on every platform (a test compares it with
     * {@link StrictMath#pow}).
     */
    static double pow2(double y) {
        final double nm = y + MAGIC;
        final double f = y - (nm - MAGIC);
        double p = EXP2_TAYLOR[EXP2_TAYLOR.length - 1];
        for (int i = EXP2_TAYLOR.length - 2; i >= 0; i--) {
            p = Math.fma(p, f, EXP2_TAYLOR[i]);
        }
        return Double.longBitsToDouble(Double.doubleToRawLongBits(p)
                + ((Double.doubleToRawLongBits(nm) - MAGIC_BITS) << 52));
    }

    /** (ln 2)^i / i!, i = 0..13. */
    private static final double[] EXP2_TAYLOR = new double[14];

    static {
        double c = 1;
        for (int i = 0; i < EXP2_TAYLOR.length; i++) {
            EXP2_TAYLOR[i] = c;
            c = c * LN2D / (i + 1);
        }
    }

    /**
     * The Brownian-bridge decision: did the bridge cross, given the crossing probability 2^y and
     * the step's uniform u? Exactly {@code u < 2^y} ({@link #pow2}).
     */
    static boolean bridgeCrossed(double y, double u) {
        return y > LOWEST_LOG2_P && u < pow2(y);
    }
}
