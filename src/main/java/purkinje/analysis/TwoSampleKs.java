package purkinje.analysis;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * The two-sample Kolmogorov-Smirnov (Smirnov) test, two-sided, as {@code scipy.stats.ks_2samp(x, y)}
 * with its defaults ({@code method='auto'}).
 *
 * <p><b>Statistic</b>: {@code D = max_t |F_x(t) - F_y(t)|}, the largest distance between the two
 * empirical distribution functions, evaluated after every distinct value of the pooled sample
 * (tied values are taken together, never split). With n and m values, {@code D = K / (n m)} for
 * the integer {@code K = max |i m - j n|} over the points where i values of x and j of y are at
 * or below t, so comparisons with D are exact integer comparisons.
 *
 * <p><b>p-value</b>: {@code P(D' >= D)} under H0 (both samples from one continuous distribution).
 * <ul>
 *   <li><b>exact</b> ({@value #EXACT}) when neither sample has more than {@value #EXACT_MAX_N}
 *       values: under H0 every order of the pooled sample is equally likely, i.e. a lattice path
 *       from (0, 0) to (n, m) taking x-steps and y-steps at random without replacement (the next
 *       step is an x-step with probability (n - i) / (n + m - i - j)); the p-value is the
 *       probability that the path reaches a point with {@code |i m - j n| >= K} (Hodges 1958, Ark
 *       Mat 3:469). It is computed by propagating the path's probability over the lattice and
 *       summing the mass absorbed at the first such point, so small p-values keep their relative
 *       accuracy (no 1 - P cancellation) and nothing overflows (O(n m) operations);</li>
 *   <li>otherwise <b>asymptotic</b> ({@value #ASYMPTOTIC}), as scipy's {@code 'asymp'}: the
 *       one-sample Kolmogorov distribution of D at the effective size {@code round(n m / (n + m))},
 *       {@code p = 1 - K_ne(D)} (Commons Math's {@link KolmogorovSmirnovTest#cdf(double, int)};
 *       scipy uses {@code kstwo.sf}). The subtraction cancels: p-values below about 1e-12 are not
 *       resolved there (read them as "below 1e-12"; scipy gives the tail), which no test at the
 *       fit's thresholds (0.05 / tests) comes near.</li>
 * </ul>
 * With ties (rates on a grid of 1/T) the test is conservative, as scipy's: D of tied data is
 * never larger than it would be after breaking the ties, and the null law is the continuous one.
 * Commons Math's {@code kolmogorovSmirnovTest(x, y)}, used before version 0.4.1, gave P(D' &gt; D)
 * and broke ties by random jitter, which made p-values too small (0.166 against scipy's 0.240 on
 * the shipped fit example).
 *
 * @param statistic D, in [0, 1]
 * @param pValue    two-sided p-value P(D' &gt;= D)
 * @param method    {@value #EXACT} or {@value #ASYMPTOTIC}
 */
public record TwoSampleKs(double statistic, double pValue, String method) {
    public static final String EXACT = "exact";
    public static final String ASYMPTOTIC = "asymptotic";
    /** Largest sample size with the exact p-value (scipy's {@code MAX_AUTO_N}). */
    public static final int EXACT_MAX_N = 10_000;

    /** The test of samples {@code x} and {@code y} (each at least one finite value). */
    public static TwoSampleKs of(double[] x, double[] y) {
        if (x.length == 0 || y.length == 0) {
            throw new IllegalArgumentException("a Kolmogorov-Smirnov test needs at least one value in each sample");
        }
        for (double[] s : new double[][] {x, y}) {
            for (double v : s) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("a Kolmogorov-Smirnov test needs finite values, got " + v);
                }
            }
        }
        final int n = x.length;
        final int m = y.length;
        final long k = largestDistance(x, y);
        final double d = (double) k / ((double) n * m);
        if (Math.max(n, m) <= EXACT_MAX_N) {
            return new TwoSampleKs(d, exactP(k, n, m), EXACT);
        }
        final int effective = (int) Math.round((double) n * m / ((double) n + m));
        final double p = 1 - new KolmogorovSmirnovTest().cdf(d, effective);
        return new TwoSampleKs(d, Math.min(1, Math.max(0, p)), ASYMPTOTIC);
    }

    /** K = n m D = max |i m - j n| after each distinct pooled value. */
    static long largestDistance(double[] x, double[] y) {
        final double[] a = x.clone();
        final double[] b = y.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        final long n = a.length;
        final long m = b.length;
        long largest = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            final double t = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.length && a[i] == t) {
                i++;
            }
            while (j < b.length && b[j] == t) {
                j++;
            }
            largest = Math.max(largest, Math.abs(i * m - j * n));
        }
        return largest;
    }

    /** P(a random lattice path from (0, 0) to (n, m) reaches |i m - j n| &gt;= k): see the class comment. */
    static double exactP(long k, int n, int m) {
        if (k <= 0) {
            return 1; // D = 0: every path has D' >= 0
        }
        final double total = (double) n + m;
        // reach[j]: probability of being at (i, j) without having reached the boundary (row i, in place)
        final double[] reach = new double[m + 1];
        double absorbed = 0;
        reach[0] = 1;
        for (int j = 1; j <= m; j++) {
            double mass = reach[j - 1] * (m - (j - 1)) / (total - (j - 1));
            if (outside(0, j, n, m, k)) {
                absorbed += mass;
                mass = 0;
            }
            reach[j] = mass;
        }
        for (int i = 1; i <= n; i++) {
            double left = 0; // reach[i][j - 1], this row
            for (int j = 0; j <= m; j++) {
                // arrive by an x-step from (i - 1, j) or a y-step from (i, j - 1)
                double mass = reach[j] * (n - (i - 1)) / (total - (i - 1) - j);
                if (j > 0) {
                    mass += left * (m - (j - 1)) / (total - i - (j - 1));
                }
                if (outside(i, j, n, m, k)) {
                    absorbed += mass;
                    mass = 0;
                }
                reach[j] = mass;
                left = mass;
            }
        }
        return Math.min(1, absorbed);
    }

    private static boolean outside(long i, long j, long n, long m, long k) {
        return Math.abs(i * m - j * n) >= k;
    }
}
