package purkinje.analysis.theory;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;

/**
 * Package-private quadrature helpers on top of Commons Math's
 * {@link IterativeLegendreGaussIntegrator}. The integrands of the Siegert formulas are
 * smooth but vary on very different scales (Gaussian peaks of width {@code 1/(2y)} near
 * a bound, {@code 1/u} tails), so the ranges are cut into pieces whose length is
 * matched to the local scale before each piece is handed to the Gauss-Legendre
 * integrator.
 */
final class Quadrature {

    /** Relative accuracy requested from each piece. */
    static final double REL_ACC = 1e-13;
    /** Gauss-Legendre points per sub-interval. */
    private static final int POINTS = 10;
    /** Relative accuracy of outer integrals whose integrand is itself a quadrature. */
    static final double OUTER_REL_ACC = 1e-10;
    private static final int MAX_EVAL = 200_000;
    /** Pieces whose contribution is below this fraction of the running sum end a tail. */
    private static final double TAIL_EPS = 1e-18;

    private Quadrature() {
    }

    /** Integral of f over [a, b] with an absolute tolerance floor {@code absTol}. */
    static double integrate(DoubleUnaryOperator f, double a, double b, double absTol) {
        return integrate(f, a, b, absTol, REL_ACC);
    }

    /** Integral of f over [a, b] with absolute floor {@code absTol} and relative accuracy {@code relAcc}. */
    static double integrate(DoubleUnaryOperator f, double a, double b, double absTol, double relAcc) {
        if (!(b > a)) {
            return 0.0;
        }
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(
                POINTS, relAcc, Math.max(absTol, Double.MIN_NORMAL), 1, 64);
        return integrator.integrate(MAX_EVAL, f::applyAsDouble, a, b);
    }

    /**
     * Integral over {@code t in [0, length]} ({@code length} may be infinite) of a
     * non-negative function that is largest near {@code t = 0} and decays on the scale
     * {@code h}. Pieces {@code [0,h], [h,2h], [2h,4h], ...} are integrated until the range
     * is exhausted or a piece contributes less than {@value #TAIL_EPS} of the total.
     */
    static double integrateFromPeak(DoubleUnaryOperator g, double length, double h) {
        return integrateFromPeak(g, length, h, REL_ACC);
    }

    /** As {@link #integrateFromPeak(DoubleUnaryOperator, double, double)} with relative accuracy {@code relAcc}. */
    static double integrateFromPeak(DoubleUnaryOperator g, double length, double h, double relAcc) {
        if (!(length > 0.0)) {
            return 0.0;
        }
        double sum = 0.0;
        double lo = 0.0;
        double hi = Math.min(h, length);
        while (true) {
            double piece = integrate(g, lo, hi, relAcc * 1e-3 * sum, relAcc);
            sum += piece;
            if (hi >= length) {
                break;
            }
            if (piece <= TAIL_EPS * sum && hi > 8.0 * h) {
                break;
            }
            lo = hi;
            hi = Math.min(2.0 * hi, length);
        }
        return sum;
    }

    /**
     * Integral over {@code [a, b]} ({@code 0 <= a < b}, b finite) of a smooth function
     * with slowly decaying ({@code ~1/v}) behaviour, using geometrically growing pieces
     * {@code [a, max(2a, a+1)], ...} so that each piece spans at most a factor two in
     * {@code v}.
     */
    static double integrateGeometric(DoubleUnaryOperator f, double a, double b) {
        return integrateGeometric(f, a, b, REL_ACC);
    }

    /** As {@link #integrateGeometric(DoubleUnaryOperator, double, double)} with relative accuracy {@code relAcc}. */
    static double integrateGeometric(DoubleUnaryOperator f, double a, double b, double relAcc) {
        double sum = 0.0;
        double lo = a;
        while (lo < b) {
            double hi = Math.min(Math.max(2.0 * lo, lo + 1.0), b);
            sum += integrate(f, lo, hi, 1e-3 * relAcc * Math.abs(sum), relAcc);
            lo = hi;
        }
        return sum;
    }
}
