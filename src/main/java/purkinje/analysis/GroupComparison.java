package purkinje.analysis;

import java.util.Objects;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

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
 * fires faster, {@code n_ref n_test} every reference cell. Commons Math's
 * {@code mannWhitneyU} reports {@code max(U, n_ref n_test - U)} instead. The two-sided p-value is
 * Commons Math 3.6.1's {@link MannWhitneyUTest#mannWhitneyUTest}: normal approximation
 * {@code z = (min(U, n1 n2 - U) - n1 n2 / 2) / sqrt(n1 n2 (n1 + n2 + 1) / 12)}, {@code p = 2 Phi(z)},
 * <em>without</em> continuity or tie correction, so it is approximate for small groups (5 vs 5 fully
 * separated: p = 0.00902, exact p = 2/252 = 0.00794).
 *
 * <p><b>Welch t-test</b> (Welch 1947). Assumes independent observations and approximately normal
 * group means (true for large groups by the CLT); does not assume equal variances. Tests H0: equal
 * mean rates. {@code t = (mean_test - mean_ref) / sqrt(s_test^2 / n_test + s_ref^2 / n_ref)}
 * (sample variances, ddof = 1), positive when the test group fires faster; Welch-Satterthwaite
 * {@code df = (a + b)^2 / (a^2 / (n_ref - 1) + b^2 / (n_test - 1))} with {@code a = s_ref^2 / n_ref},
 * {@code b = s_test^2 / n_test}; two-sided p from Commons Math {@link TTest#tTest(double[], double[])}.
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
 * @param mannWhitneyP            two-sided Mann-Whitney p-value (normal approximation)
 * @param welchT                  Welch t, positive if the test group is faster
 * @param welchDf                 Welch-Satterthwaite degrees of freedom
 * @param welchP                  two-sided Welch p-value
 * @param rateChangePercent       {@code 100 (testMean / referenceMean - 1)}; NaN if referenceMean is 0
 * @param rateChangeCiLowPercent  2.5th percentile of the bootstrap rate change
 * @param rateChangeCiHighPercent 97.5th percentile of the bootstrap rate change
 * @param bootstrapResamples      number of bootstrap resamples used
 */
public record GroupComparison(int referenceN, int testN, double referenceMeanHz, double testMeanHz,
                              double mannWhitneyU, double mannWhitneyP,
                              double welchT, double welchDf, double welchP,
                              double rateChangePercent, double rateChangeCiLowPercent,
                              double rateChangeCiHighPercent, int bootstrapResamples) {

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
        double meanRef = mean(ref);
        double meanTest = mean(test);
        double change = rateChange(meanRef, meanTest);

        double nan = Double.NaN;
        double u = nan;
        double uP = nan;
        double t = nan;
        double df = nan;
        double tP = nan;
        double ciLow = nan;
        double ciHigh = nan;
        if (nRef >= 2 && nTest >= 2) {
            u = referenceU(ref, test);
            uP = new MannWhitneyUTest().mannWhitneyUTest(ref, test);

            double a = sampleVariance(ref, meanRef) / nRef;
            double b = sampleVariance(test, meanTest) / nTest;
            if (a + b > 0) {
                TTest tTest = new TTest();
                t = tTest.t(test, ref);
                df = (a + b) * (a + b) / (a * a / (nRef - 1) + b * b / (nTest - 1));
                tP = tTest.tTest(test, ref);
            }

            if (bootstrapResamples > 0) {
                double[] ci = bootstrapCi(ref, test, seed, bootstrapResamples);
                ciLow = ci[0];
                ciHigh = ci[1];
            }
        }
        return new GroupComparison(nRef, nTest, meanRef, meanTest, u, uP, t, df, tP, change,
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

    /** U of the reference sample: rank sum of the reference minus n_ref (n_ref + 1) / 2. */
    private static double referenceU(double[] ref, double[] test) {
        double[] z = new double[ref.length + test.length];
        System.arraycopy(ref, 0, z, 0, ref.length);
        System.arraycopy(test, 0, z, ref.length, test.length);
        double[] ranks = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.AVERAGE).rank(z);
        double rankSum = 0;
        for (int i = 0; i < ref.length; i++) {
            rankSum += ranks[i];
        }
        return rankSum - (double) ref.length * (ref.length + 1) / 2.0;
    }

    private static double rateChange(double meanRef, double meanTest) {
        if (meanRef == 0 || Double.isNaN(meanRef) || Double.isNaN(meanTest)) {
            return Double.NaN;
        }
        return 100.0 * (meanTest / meanRef - 1.0);
    }

    private static double mean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
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
