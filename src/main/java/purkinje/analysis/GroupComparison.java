package purkinje.analysis;

import java.util.Objects;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;

/**
 * Comparison of per-cell firing rates between a reference group (e.g. wild type) and a test group
 * (e.g. reduced MEIS1).
 *
 * <p><b>Mann-Whitney U</b> (Wilcoxon rank-sum; Mann &amp; Whitney 1947). Assumes independent
 * observations; no distributional shape. Tests H0: a random test cell is equally likely to fire
 * faster or slower than a random reference cell ({@code P(X_test > X_ref) = 1/2}). {@code U} here is
 * the statistic of the <em>reference</em> sample, the number of (reference, test) pairs in which
 * the reference cell has the higher rate (ties count 1/2), as {@code scipy.stats.mannwhitneyu(ref,
 * test)}: {@code U = R_ref - n_ref (n_ref + 1) / 2} with R_ref the rank sum (average ranks for
 * ties). {@code U / (n_ref n_test)} estimates {@code P(X_ref > X_test)}; 0 means every test cell
 * fires faster, {@code n_ref n_test} every reference cell. The two-sided p-value is that of
 * {@code scipy.stats.mannwhitneyu(ref, test)} (defaults: {@code method='auto'},
 * {@code use_continuity=True}), computed with Commons Statistics' {@link MannWhitneyUTest}:
 * <ul>
 *   <li><b>exact</b> ({@value #MW_EXACT}) when the smaller group has at most {@value #EXACT_MAX_N}
 *       cells and no two rates are equal: p = 2 min(P(U' &le; U), P(U' &ge; U)) (capped at 1)
 *       under the exact null distribution of U (all {@code C(n1 + n2, n1)} rank assignments equally
 *       likely);</li>
 *   <li>otherwise the <b>normal approximation</b> ({@value #MW_NORMAL}):
 *       {@code z = (|U - n1 n2 / 2| - 1/2) / sigma},
 *       {@code sigma^2 = n1 n2 / 12 ((n + 1) - sum_j (t_j^3 - t_j) / (n (n - 1)))} (n = n1 + n2,
 *       t_j the size of the j-th group of tied rates), {@code p = 2 (1 - Phi(z))}.</li>
 * </ul>
 * 5 vs 5 fully separated gives p = 2/252 = 0.0079365 (exact). Which method ran is
 * {@link #mannWhitneyMethod} (and {@code comparison.json}'s {@code mann_whitney.method}).
 *
 * <p><b>Welch t-test</b> (Welch 1947). Assumes independent observations and approximately normal
 * group means (true for large groups by the CLT); does not assume equal variances. Tests H0: equal
 * mean rates. {@code t = (mean_test - mean_ref) / sqrt(s_test^2 / n_test + s_ref^2 / n_ref)}
 * (sample variances, ddof = 1), positive when the test group fires faster; Welch-Satterthwaite
 * {@code df = (a + b)^2 / (a^2 / (n_ref - 1) + b^2 / (n_test - 1))} with {@code a = s_ref^2 / n_ref},
 * {@code b = s_test^2 / n_test}; two-sided p from the t distribution with df degrees of freedom
 * (Commons Statistics {@link TTest} with {@link DataDispersion#HETEROSCEDASTIC}; equals
 * {@code scipy.stats.ttest_ind(test, ref, equal_var=False)}).
 * If both groups have zero variance t, df and p are NaN.
 *
 * <p><b>Rate change</b> {@code 100 (mean_test / mean_ref - 1)} percent, with a percentile bootstrap
 * 95 % CI (Efron &amp; Tibshirani 1993, ch. 13): each of {@code B} resamples draws {@code n_ref}
 * reference and then {@code n_test} test rates with replacement, independently, from one
 * {@code XO_SHI_RO_256_PP} generator seeded with {@code seed}; the CI is the 2.5th and 97.5th
 * percentile (R-7 definition) of the B resampled changes. Deterministic for a given seed. Assumes
 * cells are exchangeable within a group; percentile intervals under-cover for small groups (below
 * about 10 cells per group read it as descriptive). If a resample has a zero reference mean the CI
 * is NaN.
 *
 * <p>Groups with fewer than 2 cells give NaN for the tests and the CI (no exception); means and the
 * point change are still reported when each group has at least 1 cell.
 *
 * @param referenceN              number of reference cells
 * @param testN                   number of test cells
 * @param referenceMeanHz         mean rate of the reference group (Hz); NaN if empty
 * @param testMeanHz              mean rate of the test group (Hz); NaN if empty
 * @param mannWhitneyU            U of the reference sample (see above)
 * @param mannWhitneyP            two-sided Mann-Whitney p-value
 * @param mannWhitneyMethod       how it was computed: {@value #MW_EXACT} or {@value #MW_NORMAL}; null if not tested
 * @param welchT                  Welch t, positive if the test group is faster
 * @param welchDf                 Welch-Satterthwaite degrees of freedom
 * @param welchP                  two-sided Welch p-value
 * @param rateChangePercent       {@code 100 (testMean / referenceMean - 1)}; NaN if referenceMean is 0
 * @param rateChangeCiLowPercent  2.5th percentile of the bootstrap rate change
 * @param rateChangeCiHighPercent 97.5th percentile of the bootstrap rate change
 * @param bootstrapResamples      number of bootstrap resamples used
 */
public record GroupComparison(int referenceN, int testN, double referenceMeanHz, double testMeanHz,
                              double mannWhitneyU, double mannWhitneyP, String mannWhitneyMethod,
                              double welchT, double welchDf, double welchP,
                              double rateChangePercent, double rateChangeCiLowPercent,
                              double rateChangeCiHighPercent, int bootstrapResamples) {

    /** The exact Mann-Whitney p-value is used when the smaller group has at most this many cells (as scipy). */
    public static final int EXACT_MAX_N = 8;
    /** {@link #mannWhitneyMethod} of the exact test. */
    public static final String MW_EXACT = "exact";
    /** {@link #mannWhitneyMethod} of the normal approximation. */
    public static final String MW_NORMAL = "normal approximation with tie and continuity correction";

    /**
     * Compares two groups of per-cell rates. See the class comment for definitions.
     *
     * @param referenceRatesHz   reference (e.g. wild-type) rates; finite values
     * @param testRatesHz        test (e.g. MEIS1-reduced) rates; finite values
     * @param seed               seed of the bootstrap generator
     * @param bootstrapResamples number of bootstrap resamples (&ge; 0; 0 gives a NaN CI)
     * @return the comparison
     * @throws IllegalArgumentException for null arrays, non-finite rates or negative resamples
     */
    public static GroupComparison of(double[] referenceRatesHz, double[] testRatesHz, long seed,
                                     int bootstrapResamples) {
        Objects.requireNonNull(referenceRatesHz, "referenceRatesHz");
        Objects.requireNonNull(testRatesHz, "testRatesHz");
        checkFinite(referenceRatesHz, "referenceRatesHz");
        checkFinite(testRatesHz, "testRatesHz");
        if (bootstrapResamples < 0) {
            throw new IllegalArgumentException("bootstrapResamples must be >= 0: " + bootstrapResamples);
        }
        double[] ref = referenceRatesHz.clone();
        double[] test = testRatesHz.clone();
        int nRef = ref.length;
        int nTest = test.length;
        // the summary's mean, so comparison.json and summary.csv give the same number to the last bit
        double meanRef = DistributionSummary.of(ref).mean();
        double meanTest = DistributionSummary.of(test).mean();
        double change = rateChange(meanRef, meanTest);

        double nan = Double.NaN;
        double u = nan;
        double uP = nan;
        String uMethod = null;
        double t = nan;
        double df = nan;
        double tP = nan;
        double ciLow = nan;
        double ciHigh = nan;
        if (nRef >= 2 && nTest >= 2) {
            uMethod = Math.min(nRef, nTest) <= EXACT_MAX_N && !hasTies(ref, test) ? MW_EXACT : MW_NORMAL;
            MannWhitneyUTest.Result mw = MannWhitneyUTest.withDefaults()
                    .with(MW_EXACT.equals(uMethod) ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC)
                    .with(ContinuityCorrection.ENABLED)
                    .test(ref, test);
            u = mw.getStatistic();
            uP = mw.getPValue();

            double a = sampleVariance(ref, meanRef) / nRef;
            double b = sampleVariance(test, meanTest) / nTest;
            if (a + b > 0) {
                TTest.Result welch = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(test, ref);
                t = welch.getStatistic();
                df = welch.getDegreesOfFreedom();
                tP = welch.getPValue();
            }

            if (bootstrapResamples > 0) {
                double[] ci = bootstrapCi(ref, test, seed, bootstrapResamples);
                ciLow = ci[0];
                ciHigh = ci[1];
            }
        }
        return new GroupComparison(nRef, nTest, meanRef, meanTest, u, uP, uMethod, t, df, tP, change,
                ciLow, ciHigh, bootstrapResamples);
    }

    private static double[] bootstrapCi(double[] ref, double[] test, long seed, int resamples) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        double[] changes = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sRef = 0;
            for (int i = 0; i < ref.length; i++) {
                sRef += ref[rng.nextInt(ref.length)];
            }
            double sTest = 0;
            for (int i = 0; i < test.length; i++) {
                sTest += test[rng.nextInt(test.length)];
            }
            changes[r] = rateChange(sRef / ref.length, sTest / test.length);
            if (!Double.isFinite(changes[r])) {
                return new double[] {Double.NaN, Double.NaN};
            }
        }
        Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
        p.setData(changes);
        return new double[] {p.evaluate(2.5), p.evaluate(97.5)};
    }

    /** True if any two values of the pooled sample are equal (then the exact U distribution does not apply). */
    private static boolean hasTies(double[] ref, double[] test) {
        double[] z = new double[ref.length + test.length];
        System.arraycopy(ref, 0, z, 0, ref.length);
        System.arraycopy(test, 0, z, ref.length, test.length);
        java.util.Arrays.sort(z);
        for (int i = 1; i < z.length; i++) {
            if (z[i] == z[i - 1]) {
                return true;
            }
        }
        return false;
    }

    private static double rateChange(double meanRef, double meanTest) {
        if (meanRef == 0 || Double.isNaN(meanRef) || Double.isNaN(meanTest)) {
            return Double.NaN;
        }
        return 100.0 * (meanTest / meanRef - 1.0);
    }

    private static double sampleVariance(double[] x, double mean) {
        double ss = 0;
        for (double v : x) {
            double d = v - mean;
            ss += d * d;
        }
        return ss / (x.length - 1);
    }

    private static void checkFinite(double[] x, String name) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + x[i]);
            }
        }
    }
}
