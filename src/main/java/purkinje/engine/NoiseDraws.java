package purkinje.engine;

/**
 * The random numbers a cell consumes, defined once, in scalar form. {@code VectorLanes} computes
 * the same numbers for several cells at a time with the Vector API, operation for operation (only
 * IEEE additions, multiplications, divisions, square roots, fma and bit operations, so the numbers
 * depend neither on the platform's math library nor on the vector width), and a test checks that
 * both give bit-identical results.
 *
 * <p><b>Scheme.</b> Every drive of a cell has its own xoshiro256++ stream and takes a fixed number
 * of 64-bit draws per four steps ("quad"), whatever happens in the cell, so cells never wait on
 * each other's data and several can advance in the lanes of one vector:
 * <ul>
 *   <li>membrane noise ({@link #fillWhite}): four draws A, B, C, D per quad. A and B give the
 *       quad's four standard normals z, C and D its four bridge uniforms u, as ln u;</li>
 *   <li>a noise current's first normal ({@link #fillNormals}): two draws A, B per quad, as above;</li>
 *   <li>a synaptic input's event count ({@link #fillUniforms}): two draws per quad, a 32-bit
 *       uniform per step.</li>
 * </ul>
 * Normals come by the Box-Muller method (Box and Muller 1958) in single precision: a pair (z1, z2)
 * from a 32-bit word a of A and a 32-bit word w of B,
 * <pre>
 *   r = sqrt(-ln U),  U = (floor(a/2) + 1/2) 2^-31 in single precision   (r^2 = -ln U: standard exponential)
 *   phi = pi/4 + b,   b = (w &gt;&gt; 2) (pi/2) 2^-30, uniform on [-pi/4, pi/4)
 *   z1 = s1 r (cos b - sin b) = s1 sqrt(2E) cos phi,  z2 = s2 r (cos b + sin b) = s2 sqrt(2E) sin phi
 * </pre>
 * with independent random signs s1, s2 from bits 0 and 1 of w. An angle uniform on a quarter turn
 * with two random signs is an angle uniform on the full turn (the quadrant is the sign pair; the
 * swap of cos and sin between quadrants is immaterial because phi and pi/2 - phi have the same
 * law), so (z1, z2) are independent N(0,1). The low words of A and B give the pair (z1, z2) of
 * steps 4q and 4q+2, the high words the pair of steps 4q+1 and 4q+3. The low and high words of C
 * give the bridge uniforms of steps 4q and 4q+1, those of D steps 4q+2 and 4q+3: u = (m + 1/2)
 * 2^-24 from the top 24 bits m of the word, exact in single precision. (This order puts a vector
 * of words, low words first, straight into the rows of steps that the lane engine reads.)
 *
 * <p><b>Precision.</b> ln, sin and cos are polynomials evaluated with IEEE float operations only:
 * relative error of z about 1e-7, far below any effect on a membrane potential. U is at least
 * 2^-32, so |z| &lt;= 6.66: the normal's tail beyond that has mass 2.7e-11 and is not produced
 * (about 0.03 variates in a 1e9-step run). A bridge test {@code y > ln u} is resolved to 2^-24 in u
 * and 1e-7 relative in ln u; the rate error this induces is below 1e-5 relative. The voltage itself
 * is integrated in double precision.
 */
final class NoiseDraws {
    /** Steps per quad: each quad takes a fixed number of 64-bit draws from each stream. */
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

    private NoiseDraws() {
    }

    /**
     * The next {@code quads} quads of a membrane-noise stream: normals into {@code z[0 .. 4 quads)}
     * and the logarithms of the bridge uniforms into {@code lnU}.
     */
    static void fillWhite(BlockRandom rng, int quads, double[] z, double[] lnU) {
        for (int q = 0; q < quads; q++) {
            final int k = QUAD * q;
            normals(rng.nextLong(), rng.nextLong(), z, k);
            final long c = rng.nextLong();
            final long d = rng.nextLong();
            lnU[k] = lnUnit(bridgeUnit((int) c));
            lnU[k + 1] = lnUnit(bridgeUnit((int) (c >>> 32)));
            lnU[k + 2] = lnUnit(bridgeUnit((int) d));
            lnU[k + 3] = lnUnit(bridgeUnit((int) (d >>> 32)));
        }
    }

    /** The next {@code quads} quads of normals of a stream (two draws each) into {@code z[0 .. 4 quads)}. */
    static void fillNormals(BlockRandom rng, int quads, double[] z) {
        for (int q = 0; q < quads; q++) {
            normals(rng.nextLong(), rng.nextLong(), z, QUAD * q);
        }
    }

    /**
     * The next {@code quads} quads of uniforms (two draws each, the low word first) into
     * {@code u[0 .. 4 quads)}: a synaptic input's counts.
     */
    static void fillUniforms(BlockRandom rng, int quads, double[] u) {
        for (int k = 0; k < QUAD * quads; k += 2) {
            final long bits = rng.nextLong();
            u[k] = unitLow(bits);
            u[k + 1] = unitHigh(bits);
        }
    }

    /** The quad's four normals of draws a (radii) and b (angles and signs), into z[k .. k+3]. */
    private static void normals(long a, long b, double[] z, int k) {
        pair((int) a, (int) b, z, k, k + 2);
        pair((int) (a >>> 32), (int) (b >>> 32), z, k + 1, k + 3);
    }

    /** The normal pair of the 32-bit words {@code a} (radius) and {@code w} (angle and signs), into z[i], z[j]. */
    private static void pair(int a, int w, double[] z, int i, int j) {
        final float r = radius(a);
        final float b = (float) (w >> 2) * ANGLE_SCALE;
        final float b2 = b * b;
        final float sin = Math.fma(Math.fma(Math.fma(Math.fma(b2 * S9, b2, S7), b2, S5), b2, S3) * b2, b, b);
        final float cos = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(b2 * C10, b2, C8), b2, C6), b2, C4), b2, C2), b2, 1f);
        z[i] = withSign(r * (cos - sin), w << 31);
        z[j] = withSign(r * (cos + sin), (w >>> 1) << 31);
    }

    /** sqrt(-ln U) with U = (floor(a/2) + 1/2) 2^-31, rounded to float, for the 32 bits of {@code a} (unsigned). */
    static float radius(int a) {
        final float uniform = ((float) (a >>> 1) + 0.5f) * 0x1.0p-31f;
        return (float) Math.sqrt(-lnUnit(uniform));
    }

    /** The bridge uniform (m + 1/2) 2^-24 of the top 24 bits m of the word {@code w}: exact, in (0, 1). */
    static float bridgeUnit(int w) {
        return ((float) (w >>> 8) + 0.5f) * 0x1.0p-24f;
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
}
