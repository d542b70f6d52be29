package purkinje.engine;

/**
 * fdlibm's expm1 for small arguments, in Java: the result {@link StrictMath#expm1} is specified to
 * give (the fdlibm 5.3 algorithm, Sun Microsystems 1993), bit for bit, without its native call.
 * On JDK 17 StrictMath's functions are C code behind JNI, and the partial step after every
 * refractory period needs e^{-h/tau_m} - 1 for a fresh h, so the call was a few percent of a
 * spiking run; JDK 21 and later run the same algorithm in Java. A test compares this method with
 * StrictMath on many millions of arguments.
 *
 * <p>For |x| &lt;= ln(2)/2 fdlibm takes no argument reduction (k = 0): with hx = x^2/2,
 * <pre>
 *   r1 = 1 + hx (Q1 + hx (Q2 + hx (Q3 + hx (Q4 + hx Q5))))   (the rational approximation's series)
 *   t  = 3 - r1 x/2,   e = hx (r1 - t) / (6 - x t),   expm1(x) = x - (x e - hx)
 * </pre>
 * and for |x| &lt; 2^-54 the result is x itself. Larger arguments go to {@link StrictMath#expm1}.
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

    private Fdlibm() {
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
}
