package purkinje.engine;

/**
 * fdlibm's expm1, log and cos in Java: the results {@link StrictMath} is specified to give (the
 * fdlibm 5.3 algorithms, Sun Microsystems 1993), bit for bit, without its native call. On JDK 17
 * StrictMath's functions are C code behind JNI: the partial step after every refractory period
 * needs e^{-h/tau_m} - 1 for a fresh h, and every bridge crossing a logarithm and a cosine
 * ({@link BridgeCrossing}), so the calls were several percent of a spiking run. JDK 21 and later
 * run the same algorithms in Java. A test compares each method with StrictMath on many millions
 * of arguments, on JDK 17 and 25; arguments outside the ranges written here go to StrictMath.
 *
 * <p><b>expm1</b>, for |x| &lt;= ln(2)/2 (fdlibm takes no argument reduction, k = 0): with hx = x^2/2,
 * <pre>
 *   r1 = 1 + hx (Q1 + hx (Q2 + hx (Q3 + hx (Q4 + hx Q5))))   (the rational approximation's series)
 *   t  = 3 - r1 x/2,   e = hx (r1 - t) / (6 - x t),   expm1(x) = x - (x e - hx)
 * </pre>
 * and for |x| &lt; 2^-54 the result is x itself.
 *
 * <p><b>log</b>, for positive normal x: x = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)),
 * <pre>
 *   s = f / (2 + f),   ln(1 + f) = 2 atanh(s) = 2s + s R(s^2) = f - s (f - R)   (2s = f - s f),
 *   R(z) = Lg1 z + Lg2 z^2 + ... + Lg7 z^7   (a Remez fit on |s| &lt;= 0.1716, error below 2^-58),
 *   ln x = k ln2_hi - ((f^2/2 - (s (f^2/2 + R) + k ln2_lo)) - f)   (the same, f^2/2 taken apart)
 * </pre>
 * with ln 2 split in two so that k ln2_hi is exact, and the short forms fdlibm takes for f = 0,
 * |f| &lt; 2^-20 and f away from 0.
 *
 * <p><b>cos</b>, for |x| &lt;= 2^19 pi/2: x = n pi/2 + (y0 + y1) (pi/2 in three parts of 33 bits plus
 * a tail, the second and third only where the first cancels, as fdlibm's __ieee754_rem_pio2 does
 * for medium arguments), then fdlibm's kernels on |y| &lt;= pi/4: cos(x) = cos y, -sin y, -cos y,
 * sin y for n mod 4 = 0, 1, 2, 3, with
 * <pre>
 *   cos y = 1 - (y^2/2 - (y^2 r - y0 y1)),  r = y^2 (C1 + y^2 (C2 + ... + y^2 C6))   (|y| &lt; 0.3; a split of 1 beyond)
 *   sin y = y0 - ((y^2 (y1/2 - y^3 r) - y1) - y^3 S1),  r = S2 + y^2 (S3 + ... + y^2 S6)
 * </pre>
 */
final class Fdlibm {
    // fdlibm's coefficients, given by their bits as in its source comments
    private static final double Q1 = Double.longBitsToDouble(0xBFA11111111110F4L); // -3.33333333333331316428e-02
    private static final double Q2 = Double.longBitsToDouble(0x3F5A01A019FE5585L); //  1.58730158725481460165e-03
    private static final double Q3 = Double.longBitsToDouble(0xBF14CE199EAADBB7L); // -7.93650757867487942473e-05
    private static final double Q4 = Double.longBitsToDouble(0x3ED0CFCA86E65239L); //  4.00821782732936239552e-06
    private static final double Q5 = Double.longBitsToDouble(0xBE8AFDB76E09C32DL); // -2.01099218183624371326e-07
    /** High word of ln(2)/2: above it fdlibm reduces the argument. */
    private static final int HALF_LN2_HIGH = 0x3fd62e42;
    /** High word of 2^-54: below it expm1(x) rounds to x. */
    private static final int TINY_HIGH = 0x3c900000;

    // log: ln 2 in two parts (k ln2_hi exact for |k| < 2^11) and the series of 2 atanh(s)
    private static final double LN2_HI = Double.longBitsToDouble(0x3FE62E42FEE00000L); // 6.93147180369123816490e-01
    private static final double LN2_LO = Double.longBitsToDouble(0x3DEA39EF35793C76L); // 1.90821492927058770002e-10
    private static final double LG1 = Double.longBitsToDouble(0x3FE5555555555593L); // 6.666666666666735130e-01
    private static final double LG2 = Double.longBitsToDouble(0x3FD999999997FA04L); // 3.999999999940941908e-01
    private static final double LG3 = Double.longBitsToDouble(0x3FD2492494229359L); // 2.857142874366239149e-01
    private static final double LG4 = Double.longBitsToDouble(0x3FCC71C51D8E78AFL); // 2.222219843214978396e-01
    private static final double LG5 = Double.longBitsToDouble(0x3FC7466496CB03DEL); // 1.818357216161805012e-01
    private static final double LG6 = Double.longBitsToDouble(0x3FC39A09D078C69FL); // 1.531383769920937332e-01
    private static final double LG7 = Double.longBitsToDouble(0x3FC2F112DF3E5244L); // 1.479819860511658591e-01
    /** High word of the smallest normal double 2^-1022: below it (and for x &lt;= 0) StrictMath. */
    private static final int MIN_NORMAL_HIGH = 0x00100000;
    /** High word of +infinity: from it on (infinity, NaN) StrictMath. */
    private static final int INFINITY_HIGH = 0x7ff00000;

    // cos: the kernels' series on |y| <= pi/4
    private static final double C1 = Double.longBitsToDouble(0x3FA555555555554CL); //  4.16666666666666019037e-02
    private static final double C2 = Double.longBitsToDouble(0xBF56C16C16C15177L); // -1.38888888888741095749e-03
    private static final double C3 = Double.longBitsToDouble(0x3EFA01A019CB1590L); //  2.48015872894767294178e-05
    private static final double C4 = Double.longBitsToDouble(0xBE927E4F809C52ADL); // -2.75573143513906633035e-07
    private static final double C5 = Double.longBitsToDouble(0x3E21EE9EBDB4B1C4L); //  2.08757232129817482790e-09
    private static final double C6 = Double.longBitsToDouble(0xBDA8FAE9BE8838D4L); // -1.13596475577881948265e-11
    private static final double S1 = Double.longBitsToDouble(0xBFC5555555555549L); // -1.66666666666666324348e-01
    private static final double S2 = Double.longBitsToDouble(0x3F8111111110F8A6L); //  8.33333333332248946124e-03
    private static final double S3 = Double.longBitsToDouble(0xBF2A01A019C161D5L); // -1.98412698298579493134e-04
    private static final double S4 = Double.longBitsToDouble(0x3EC71DE357B1FE7DL); //  2.75573137070700676789e-06
    private static final double S5 = Double.longBitsToDouble(0xBE5AE5E68A2B9CEBL); // -2.50507602534068634195e-08
    private static final double S6 = Double.longBitsToDouble(0x3DE5D93A5ACFD57CL); //  1.58969099521155010221e-10
    // cos: the reduction by pi/2, in three 33-bit parts and their tails
    private static final double INV_PIO2 = Double.longBitsToDouble(0x3FE45F306DC9C883L); // 6.36619772367581382433e-01
    private static final double PIO2_1 = Double.longBitsToDouble(0x3FF921FB54400000L);   // 1.57079632673412561417e+00
    private static final double PIO2_1T = Double.longBitsToDouble(0x3DD0B4611A626331L);  // 6.07710050650619224932e-11
    private static final double PIO2_2 = Double.longBitsToDouble(0x3DD0B4611A600000L);   // 6.07710050630396597660e-11
    private static final double PIO2_2T = Double.longBitsToDouble(0x3BA3198A2E037073L);  // 2.02226624879595063154e-21
    private static final double PIO2_3 = Double.longBitsToDouble(0x3BA3198A2E000000L);   // 2.02226624871116645580e-21
    private static final double PIO2_3T = Double.longBitsToDouble(0x397B839A252049C1L);  // 8.47842766036889956997e-32
    /** High words of n pi/2 for n = 1 .. 32: an argument with the same high word may cancel. */
    private static final int[] NPIO2_HIGH = {
        0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB, 0x402921FB,
        0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB,
        0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
        0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
    };
    /** High word of pi/4: up to it no reduction. */
    private static final int PIO4_HIGH = 0x3fe921fb;
    /** High word of 3 pi/4: below it n = 1. */
    private static final int THREE_PIO4_HIGH = 0x4002d97c;
    /** High word of 2^19 pi/2: up to it the medium reduction, beyond it StrictMath. */
    private static final int MEDIUM_HIGH = 0x413921fb;

    private Fdlibm() {
    }

    private static int high(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    /** e^x - 1, identical to {@link StrictMath#expm1}. */
    static double expm1(double x) {
        final int highAbs = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (highAbs > HALF_LN2_HIGH) {
            return StrictMath.expm1(x); // also NaN and the infinities
        }
        if (highAbs < TINY_HIGH) {
            return x;
        }
        final double hfx = 0.5 * x;
        final double hxs = x * hfx;
        final double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        final double t = 3.0 - r1 * hfx;
        final double e = hxs * ((r1 - t) / (6.0 - x * t));
        return x - (x * e - hxs);
    }

    /** ln x, identical to {@link StrictMath#log}. */
    static double log(double x) {
        final long bits = Double.doubleToRawLongBits(x);
        int hx = (int) (bits >>> 32);
        if (hx < MIN_NORMAL_HIGH || hx >= INFINITY_HIGH) {
            return StrictMath.log(x); // zero, negative, subnormal, infinite or NaN
        }
        int k = (hx >> 20) - 1023;
        hx &= 0x000fffff;
        final int i = (hx + 0x95f64) & 0x100000;
        // 1 + f: the mantissa with exponent 0, or -1 where it is above sqrt(2)
        final double m = Double.longBitsToDouble((long) (hx | (i ^ 0x3ff00000)) << 32 | (bits & 0xffffffffL));
        k += i >> 20;
        final double f = m - 1.0;
        if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2^-20
            if (f == 0) {
                if (k == 0) {
                    return 0;
                }
                final double dk = k;
                return dk * LN2_HI + dk * LN2_LO;
            }
            final double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) {
                return f - r;
            }
            final double dk = k;
            return dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        final double s = f / (2.0 + f);
        final double dk = k;
        final double z = s * s;
        final double w = z * z;
        final double t1 = w * (LG2 + w * (LG4 + w * LG6));
        final double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        final double r = t2 + t1;
        if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) { // 1 + f away from 1: f^2/2 taken apart
            final double hfsq = 0.5 * f * f;
            if (k == 0) {
                return f - (hfsq - s * (hfsq + r));
            }
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) {
            return f - s * (f - r);
        }
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    /** cos x, identical to {@link StrictMath#cos}. */
    static double cos(double x) {
        final int hx = high(x);
        final int ix = hx & 0x7fffffff;
        if (ix <= PIO4_HIGH) {
            return kernelCos(x, 0);
        }
        if (ix > MEDIUM_HIGH) {
            return StrictMath.cos(x); // large arguments (the Payne-Hanek reduction), infinities and NaN
        }
        // x = n pi/2 + (y0 + y1)
        final int n;
        final double y0;
        final double y1;
        if (ix < THREE_PIO4_HIGH) { // n = +-1
            double z = Math.abs(x) - PIO2_1;
            double y;
            double tail;
            if (ix != 0x3ff921fb) { // 33 + 53 bits of pi/2 are enough
                y = z - PIO2_1T;
                tail = (z - y) - PIO2_1T;
            } else { // near pi/2: 33 + 33 + 53 bits
                z -= PIO2_2;
                y = z - PIO2_2T;
                tail = (z - y) - PIO2_2T;
            }
            n = hx > 0 ? 1 : -1;
            y0 = hx > 0 ? y : -y;
            y1 = hx > 0 ? tail : -tail;
        } else {
            final double t = Math.abs(x);
            final int nn = (int) (t * INV_PIO2 + 0.5);
            final double fn = nn;
            double r = t - fn * PIO2_1;
            double w = fn * PIO2_1T; // the first round, good to 85 bits
            double y = r - w;
            if (nn >= 32 || ix == NPIO2_HIGH[nn - 1]) { // possible cancellation
                final int j = ix >> 20;
                int i = j - ((high(y) >> 20) & 0x7ff);
                if (i > 16) { // a second round, good to 118 bits
                    double t2 = r;
                    w = fn * PIO2_2;
                    r = t2 - w;
                    w = fn * PIO2_2T - ((t2 - r) - w);
                    y = r - w;
                    i = j - ((high(y) >> 20) & 0x7ff);
                    if (i > 49) { // a third, 151 bits: covers every medium argument
                        t2 = r;
                        w = fn * PIO2_3;
                        r = t2 - w;
                        w = fn * PIO2_3T - ((t2 - r) - w);
                        y = r - w;
                    }
                }
            }
            final double tail = (r - y) - w;
            n = hx < 0 ? -nn : nn;
            y0 = hx < 0 ? -y : y;
            y1 = hx < 0 ? -tail : tail;
        }
        switch (n & 3) {
            case 0:
                return kernelCos(y0, y1);
            case 1:
                return -kernelSin(y0, y1);
            case 2:
                return -kernelCos(y0, y1);
            default:
                return kernelSin(y0, y1);
        }
    }

    /** fdlibm's __kernel_cos: cos(x + y) for |x| &lt;= pi/4, y the tail of x. */
    private static double kernelCos(double x, double y) {
        final int ix = high(x) & 0x7fffffff;
        if (ix < 0x3e400000 && (int) x == 0) { // |x| < 2^-27
            return 1.0;
        }
        final double z = x * x;
        final double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
        if (ix < 0x3FD33333) { // |x| < 0.3
            return 1.0 - (0.5 * z - (z * r - x * y));
        }
        // 1 - x^2/2 as (1 - qx) - (x^2/2 - qx), qx = x/4 to 5 bits (0.28125 beyond 0.78125)
        final double qx = ix > 0x3fe90000 ? 0.28125 : Double.longBitsToDouble((long) (ix - 0x00200000) << 32);
        final double hz = 0.5 * z - qx;
        final double a = 1.0 - qx;
        return a - (hz - (z * r - x * y));
    }

    /** fdlibm's __kernel_sin with a tail (iy = 1): sin(x + y) for |x| &lt;= pi/4. */
    private static double kernelSin(double x, double y) {
        final int ix = high(x) & 0x7fffffff;
        if (ix < 0x3e400000 && (int) x == 0) { // |x| < 2^-27
            return x;
        }
        final double z = x * x;
        final double v = z * x;
        final double r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
        return x - ((z * (0.5 * y - v * r) - y) - v * S1);
    }
}
