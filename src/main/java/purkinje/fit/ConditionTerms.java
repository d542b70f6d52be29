package purkinje.fit;

import java.util.Arrays;

/**
 * One condition's cells under one {@link CellModel}: each firing cell's rate mapped back to its log
 * drive {@code x_i} (through the {@link RateCurve}), plus the parts of the log-likelihood that do
 * not depend on the drive distribution, plus the count of silent cells.
 *
 * <p>Per firing cell {@code i} (rate {@code r_i}, CV {@code c_i} over {@code n_i = r_i T - 1}
 * intervals):
 * <pre>
 *   fixed_i = -ln |dr/dx|(x_i) + ln N(c_i; CV(x_i), sd_i),   sd_i = CV(x_i) sqrt((1 + CV(x_i)^2) / (2 n_i)),
 * </pre>
 * the first term the Jacobian of the drive-to-rate map, the second the CV's sampling spread (the
 * delta-method SD of the CV of {@code n} gamma-distributed intervals; exact to leading order for a
 * regular train and for a Poisson train). The CV term is left out where the data give no CV or the
 * cell has fewer than 2 intervals.
 */
final class ConditionTerms {
    /** Simpson intervals over z in [-Z_MAX, Z_MAX] for the silent-cell probability. */
    private static final int SIMPSON_INTERVALS = 800;
    private static final double Z_MAX = 8.5;

    final RateCurve curve;
    final double[] logDrives;
    final double fixed;
    final int silent;
    final double recordingS;

    private ConditionTerms(RateCurve curve, double[] logDrives, double fixed, int silent, double recordingS) {
        this.curve = curve;
        this.logDrives = logDrives;
        this.fixed = fixed;
        this.silent = silent;
        this.recordingS = recordingS;
    }

    static ConditionTerms of(CellModel model, double x0, double[] ratesHz, double[] isiCvs, double recordingMs,
                             boolean useCv) {
        double recordingS = recordingMs / 1000;
        double minPositive = Arrays.stream(ratesHz).filter(r -> r > 0).min().orElse(1);
        double max = Arrays.stream(ratesHz).max().orElse(1);
        int silent = (int) Arrays.stream(ratesHz).filter(r -> r == 0).count();
        double min = silent > 0 ? Math.min(minPositive, 0.05 / recordingS) : minPositive;
        RateCurve curve = RateCurve.covering(model, x0, min, max);
        double[] x = new double[ratesHz.length - silent];
        double fixed = 0;
        int k = 0;
        for (int i = 0; i < ratesHz.length; i++) {
            double r = ratesHz[i];
            if (r == 0) {
                continue;
            }
            double xi = curve.logDrive(r);
            double slope = Double.isNaN(xi) ? Double.NaN : curve.lnRateSlope(xi);
            if (!(slope > 0)) {
                // this model cannot give the recorded rate at any drive
                return new ConditionTerms(curve, x, Double.NEGATIVE_INFINITY, silent, recordingS);
            }
            x[k++] = xi;
            fixed -= Math.log(r * slope);
            double intervals = r * recordingS - 1;
            if (useCv && Double.isFinite(isiCvs[i]) && intervals >= 2) {
                double cv = curve.isiCv(xi);
                double sd = cvSamplingSd(cv, intervals);
                double z = (isiCvs[i] - cv) / sd;
                fixed += -0.5 * z * z - Math.log(sd) - 0.5 * Math.log(2 * Math.PI);
            }
        }
        return new ConditionTerms(curve, x, fixed, silent, recordingS);
    }

    /**
     * The sampling SD of the CV of {@code intervals} gamma-distributed intervals whose CV is
     * {@code cv}: cv sqrt((1 + cv^2) / (2 n)) (the delta method; exact to leading order for a regular
     * and for a Poisson train).
     */
    static double cvSamplingSd(double cv, double intervals) {
        return cv * Math.sqrt((1 + cv * cv) / (2 * intervals));
    }

    /**
     * ln P(no spike in the recording) of a cell whose log drive is N(m, s^2): the expectation of
     * the Poisson probability exp(-r(x) T) over the drive distribution. The integrand falls from 1
     * to 0 within a small range of drives (r T grows by orders of magnitude), so it is integrated
     * by composite Simpson over +-8.5 SD rather than by Gauss-Hermite, which misses such a step.
     */
    double lnSilentProbability(double m, double s) {
        double h = 2 * Z_MAX / SIMPSON_INTERVALS;
        double sum = 0;
        for (int i = 0; i <= SIMPSON_INTERVALS; i++) {
            double z = -Z_MAX + i * h;
            double w = (i == 0 || i == SIMPSON_INTERVALS) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * Math.exp(-0.5 * z * z - Math.exp(curve.lnRate(m + s * z)) * recordingS);
        }
        return Math.log(sum * h / 3 / Math.sqrt(2 * Math.PI));
    }
}
