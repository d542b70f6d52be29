package purkinje.analysis.theory;

import org.apache.commons.math3.special.Erf;

/**
 * Scaled complementary error function {@code erfcx(x) = exp(x^2) erfc(x)}.
 *
 * <p>This is the workhorse of the Siegert / Ricciardi first-passage-time formulas
 * (Siegert 1951, Phys Rev 81:617; Ricciardi 1977, <i>Diffusion Processes and Related
 * Topics in Biology</i>; Brunel 2000, J Comput Neurosci 8:183), whose integrands
 * {@code e^{u^2}(1 + erf u) = erfcx(-u)} over- or underflow if evaluated naively.
 *
 * <p>Branches (all double precision, relative error of order 1e-15):
 * <ul>
 *   <li>{@code 0 <= x < 6}: {@code exp(x*x) * Erf.erfc(x)} (Commons Math). Commons Math
 *       evaluates {@code erfc} through the regularized incomplete gamma function of
 *       the same rounded {@code x*x}, so the rounding error of the square cancels
 *       between the two exponential factors.</li>
 *   <li>{@code x >= 6}: Laplace continued fraction
 *       {@code erfcx(x) = (1/sqrt(pi)) / (x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))},
 *       evaluated by the modified Lentz algorithm. It never overflows and tends to
 *       {@code 1/(x sqrt(pi))} for large x.</li>
 *   <li>{@code x < 0}: reflection {@code erfcx(x) = 2 exp(x^2) - erfcx(-x)}, with the
 *       rounding error of {@code x*x} corrected by a fused multiply-add. The value grows
 *       like {@code 2 exp(x^2)} and becomes {@code +Infinity} only when the true value
 *       exceeds {@link Double#MAX_VALUE} (x below about -26.63).</li>
 * </ul>
 */
public final class Erfcx {

    /** 1/sqrt(pi). */
    static final double INV_SQRT_PI = 0.56418958354775628695;

    /** Switch from {@code exp(x^2) erfc(x)} to the continued fraction. */
    static final double CF_THRESHOLD = 6.0;

    private Erfcx() {
    }

    /**
     * Scaled complementary error function.
     *
     * @param x argument (any double)
     * @return {@code exp(x^2) erfc(x)}; NaN for NaN, {@code +Infinity} for x below about
     *     -26.63 (true overflow), {@code 0} for {@code +Infinity}
     */
    public static double erfcx(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        if (x >= CF_THRESHOLD) {
            return continuedFraction(x);
        }
        if (x >= 0.0) {
            return Math.exp(x * x) * Erf.erfc(x);
        }
        // x < 0: erfcx(x) = 2 exp(x^2) - erfcx(-x)
        if (x < -27.0) {
            return Double.POSITIVE_INFINITY;
        }
        double x2 = x * x;
        double err = Math.fma(x, x, -x2); // exact x^2 = x2 + err
        double twoExp = 2.0 * Math.exp(x2);
        if (Double.isInfinite(twoExp)) {
            return Double.POSITIVE_INFINITY;
        }
        twoExp += twoExp * err;
        return twoExp - erfcx(-x);
    }

    /**
     * Laplace continued fraction for x &gt;= {@link #CF_THRESHOLD}:
     * {@code sqrt(pi) erfcx(x) = 1/(x + a1/(x + a2/(x + ...)))}, {@code a_k = k/2}.
     */
    private static double continuedFraction(double x) {
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        if (x > 1e8) {
            // next term of the asymptotic series is -1/(2 x^2), negligible
            return INV_SQRT_PI / x;
        }
        final double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0.0;
        for (int k = 1; k < 1000; k++) {
            double a = 0.5 * k;
            d = x + a * d;
            if (d == 0.0) {
                d = tiny;
            }
            c = x + a / c;
            if (c == 0.0) {
                c = tiny;
            }
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) {
                break;
            }
        }
        return INV_SQRT_PI / f;
    }
}
