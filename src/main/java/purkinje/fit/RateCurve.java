package purkinje.fit;

import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * A condition's rate and ISI CV as smooth functions of the log drive {@code x = ln(I_pace / 1 pA)}:
 * the closed forms of {@link CellModel} at {@value #NODES} nodes, joined by cubic splines (of
 * {@code ln rate} and of the CV), so that each recorded rate can be mapped back to the drive that
 * gives it. The rate rises monotonically with the drive, which makes the map one to one. Beyond
 * the nodes {@code ln rate} continues linearly.
 */
final class RateCurve {
    static final int NODES = 25;
    /** Widest search, in x, around the nominal drive. */
    private static final double MAX_REACH = 6;
    private static final double STEP = 0.4;

    private final double lo;
    private final double hi;
    private final PolynomialSplineFunction lnRate;
    private final PolynomialSplineFunction lnRateSlope;
    private final PolynomialSplineFunction cv;

    private RateCurve(double lo, double hi, PolynomialSplineFunction lnRate, PolynomialSplineFunction cv) {
        this.lo = lo;
        this.hi = hi;
        this.lnRate = lnRate;
        this.lnRateSlope = lnRate.polynomialSplineDerivative();
        this.cv = cv;
    }

    /**
     * The curve over a drive range whose rates span {@code [minRateHz, maxRateHz]} with a margin.
     *
     * @param x0 log of a typical drive, where the search starts
     */
    static RateCurve covering(CellModel model, double x0, double minRateHz, double maxRateHz) {
        double lo = x0 - STEP;
        double hi = x0 + STEP;
        while (model.rateHz(Math.exp(hi)) < 1.2 * maxRateHz && hi < x0 + MAX_REACH) {
            hi += STEP;
        }
        while (model.rateHz(Math.exp(lo)) > 0.8 * minRateHz && lo > x0 - MAX_REACH) {
            lo -= STEP;
        }
        double[] x = new double[NODES];
        double[] y = new double[NODES];
        double[] c = new double[NODES];
        for (int i = 0; i < NODES; i++) {
            x[i] = lo + (hi - lo) * i / (NODES - 1);
            double drive = Math.exp(x[i]);
            y[i] = Math.log(Math.max(model.rateHz(drive), Double.MIN_NORMAL));
            c[i] = model.hasIsiCv() ? model.isiCv(drive) : 0;
        }
        SplineInterpolator spline = new SplineInterpolator();
        return new RateCurve(x[0], x[NODES - 1], spline.interpolate(x, y), spline.interpolate(x, c));
    }

    /** ln of the rate (Hz) at log drive x. */
    double lnRate(double x) {
        if (x < lo) {
            return lnRate.value(lo) + lnRateSlope.value(lo) * (x - lo);
        }
        if (x > hi) {
            return lnRate.value(hi) + lnRateSlope.value(hi) * (x - hi);
        }
        return lnRate.value(x);
    }

    /** d ln(rate) / dx, inside the covered range. */
    double lnRateSlope(double x) {
        return lnRateSlope.value(Math.min(Math.max(x, lo), hi));
    }

    /** ISI CV at log drive x (clamped to the covered range). */
    double isiCv(double x) {
        return cv.value(Math.min(Math.max(x, lo), hi));
    }

    /** The log drive giving this rate, or NaN when the covered range cannot give it. */
    double logDrive(double rateHz) {
        double target = Math.log(rateHz);
        if (!(target >= lnRate.value(lo)) || !(target <= lnRate.value(hi))) {
            return Double.NaN;
        }
        double a = lo;
        double b = hi;
        for (int k = 0; k < 80 && b - a > 1e-12; k++) {
            double m = 0.5 * (a + b);
            if (lnRate.value(m) < target) {
                a = m;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }
}
