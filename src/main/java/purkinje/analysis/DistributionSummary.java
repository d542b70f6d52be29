package purkinje.analysis;

import java.util.Arrays;
import java.util.Objects;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Descriptive summary of a sample of values (e.g. the firing rates or CVs of all cells of a group).
 *
 * <p><b>NaN values are ignored</b> (a silent cell has NaN CV; it is dropped rather than poisoning
 * the summary); {@code n} is the number of non-NaN values actually used. Infinite values are kept.
 * An empty sample (or one of only NaN) gives {@code n = 0} and every other field NaN.
 *
 * @param n      number of non-NaN values used
 * @param mean   arithmetic mean
 * @param sd     sample standard deviation, ddof = 1: {@code sqrt(sum (x - mean)^2 / (n - 1))}; NaN if n &lt; 2
 * @param sem    standard error of the mean {@code sd / sqrt(n)}; NaN if n &lt; 2
 * @param median 50th percentile
 * @param q1     25th percentile
 * @param q3     75th percentile
 * @param min    smallest value
 * @param max    largest value
 */
public record DistributionSummary(int n, double mean, double sd, double sem, double median,
                                  double q1, double q3, double min, double max) {

    /**
     * Summarises {@code values}. Percentiles use Commons Math {@link Percentile} with
     * {@link EstimationType#R_7} (Hyndman &amp; Fan 1996 type 7: linear interpolation at position
     * {@code h = (n - 1) p + 1} of the sorted sample), the default of R's {@code quantile} and
     * numpy's {@code percentile}. The mean is computed in two passes (mean of the values, then a
     * correction by the mean residual) for accuracy.
     *
     * @param values the sample; not modified; NaN entries ignored
     * @return the summary; all NaN with n = 0 for an empty sample
     */
    public static DistributionSummary of(double[] values) {
        Objects.requireNonNull(values, "values");
        double[] x = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int n = x.length;
        if (n == 0) {
            double nan = Double.NaN;
            return new DistributionSummary(0, nan, nan, nan, nan, nan, nan, nan, nan);
        }
        double sum = 0;
        for (double v : x) {
            sum += v;
        }
        double mean = sum / n;
        double sd = Double.NaN;
        if (n >= 2 && Double.isFinite(mean)) {
            double ss = 0;
            double corr = 0;
            for (double v : x) {
                double d = v - mean;
                ss += d * d;
                corr += d;
            }
            mean += corr / n;
            sd = Math.sqrt((ss - corr * corr / n) / (n - 1));
        }
        double sem = sd / Math.sqrt(n);
        Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
        p.setData(x);
        return new DistributionSummary(n, mean, sd, sem, p.evaluate(50), p.evaluate(25),
                p.evaluate(75), x[0], x[n - 1]);
    }
}
