package purkinje.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupComparisonTest {

    private static final double EPS = 1e-12;

    /**
     * Hand values of the Welch test: ref = {1..5} (mean 3, s^2 = 2.5), test = {2,4,...,12}
     * (mean 7, s^2 = 14); a = 2.5/5 = 0.5, b = 14/6 = 7/3; t = 4 / sqrt(17/6); df = (17/6)^2 /
     * (0.25/4 + (49/9)/5). U(ref) by counting pairs ref &gt; test (ties 1/2): 2~2: .5; 3&gt;2: 1;
     * 4&gt;2, 4~4: 1.5; 5&gt;2,4: 2 -&gt; 5.
     */
    @Test
    void welchAndUAgainstHandValues() {
        double[] ref = {1, 2, 3, 4, 5};
        double[] test = {2, 4, 6, 8, 10, 12};
        GroupComparison g = GroupComparison.of(ref, test, 1L, 200);
        assertEquals(5, g.referenceN());
        assertEquals(6, g.testN());
        assertEquals(3.0, g.referenceMeanHz(), EPS);
        assertEquals(7.0, g.testMeanHz(), EPS);
        assertEquals(4.0 / Math.sqrt(17.0 / 6.0), g.welchT(), 1e-12);
        assertEquals((17.0 / 6.0) * (17.0 / 6.0) / (0.25 / 4 + (49.0 / 9.0) / 5), g.welchDf(), 1e-12);
        assertEquals(5.0, g.mannWhitneyU(), EPS);
        assertEquals(100.0 * (7.0 / 3.0 - 1.0), g.rateChangePercent(), 1e-10);
    }

    /**
     * One case of {@link #matchesScipy}: reference and test rates, and scipy's U(ref), Mann-Whitney p,
     * Welch t (test - ref) and Welch p, and the method scipy's {@code method='auto'} picks.
     */
    private record ScipyCase(String name, double[] ref, double[] test, double u, double mwP, double welchT,
                             double welchP, String method) {
    }

    /**
     * Every p-value against scipy 1.10.1 (Debian's python3-scipy), printed by
     * {@code /usr/bin/python3 src/test/python/group_comparison_reference.py}:
     * {@code mannwhitneyu(ref, test)} with its defaults (method 'auto': exact when the smaller group
     * has at most 8 values and there are no ties, else the normal approximation with tie and
     * continuity correction) and {@code ttest_ind(test, ref, equal_var=False)}. Both libraries
     * compute the same closed forms in double precision, so they agree to about 1e-12 relative
     * (tolerance 1e-9 relative). The old Commons Math normal approximation gave 0.00902 for
     * separated_5v5 and 0.0679 for ties_5v6.
     */
    @Test
    void matchesScipy() {
        String exact = GroupComparison.MW_EXACT;
        String normal = GroupComparison.MW_NORMAL;
        List<ScipyCase> cases = List.of(
                new ScipyCase("separated_5v5", new double[] {6, 7, 8, 9, 10}, new double[] {1, 2, 3, 4, 5},
                        25.0, 0.007936507936507936, -5.0, 0.001052825793366539, exact),
                new ScipyCase("ties_5v6", new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 8, 10, 12},
                        5.0, 0.08143973230450288, 2.3763541031440183, 0.04928433820673049, normal),
                new ScipyCase("exact_3v12", new double[] {9.5, 12.5, 13.5},
                        new double[] {1.0, 2.0, 2.5, 4.0, 5.0, 6.0, 6.5, 8.0, 10.0, 11.0, 12.0, 13.0},
                        31.0, 0.07032967032967033, -3.026362871653719, 0.020833389424615503, exact),
                new ScipyCase("asymptotic_9v10", new double[] {10.1, 11.4, 9.8, 12.2, 13.0, 8.7, 11.9, 10.6, 12.8},
                        new double[] {9.1, 8.2, 10.3, 7.7, 9.9, 8.8, 11.1, 7.2, 9.4, 10.0},
                        76.0, 0.012763007532641236, -3.2120848483382014, 0.005548172427010669, normal),
                new ScipyCase("ties_3v4", new double[] {1, 2, 2}, new double[] {2, 3, 3, 4},
                        1.0, 0.0954832320975473, 2.529822128134703, 0.052541363316286775, normal),
                new ScipyCase("random_40v40", RANDOM_REF, RANDOM_TEST,
                        1532.0, 1.9381615870002234e-12, -11.179994787896904, 2.3916739114630105e-17, normal));
        for (ScipyCase c : cases) {
            GroupComparison g = GroupComparison.of(c.ref(), c.test(), 1L, 0);
            assertEquals(c.u(), g.mannWhitneyU(), 0.0, c.name());
            assertEquals(c.mwP(), g.mannWhitneyP(), 1e-9 * c.mwP(), c.name());
            assertEquals(c.method(), g.mannWhitneyMethod(), c.name());
            assertEquals(c.welchT(), g.welchT(), 1e-9 * Math.abs(c.welchT()), c.name());
            assertEquals(c.welchP(), g.welchP(), 1e-9 * c.welchP(), c.name());
        }
    }

    /** The random_40v40 case of the scipy script (normal rates, 6 decimals). */
    private static final double[] RANDOM_REF = {14.496627, 16.01729, 15.514942, 10.591217, 10.008341, 17.048276,
        16.450874, 11.153162, 13.591161, 15.275382, 13.143525, 21.464478, 15.765757, 16.734868, 15.441753,
        14.032537, 14.969257, 14.43166, 16.308565, 14.079355, 16.270841, 16.645145, 16.956266, 13.584403,
        16.020323, 16.760662, 13.074405, 13.620714, 13.808401, 16.514266, 15.174698, 13.979187, 19.560548,
        12.121856, 14.506221, 18.278691, 14.451999, 15.200907, 12.201179, 10.562169};
    private static final double[] RANDOM_TEST = {10.514153, 9.54548, 8.904656, 8.624641, 8.057907, 9.919806,
        11.471308, 11.096004, 8.345133, 8.910845, 12.3135, 8.645179, 11.248802, 9.182054, 10.218965, 9.857969,
        9.41799, 10.537398, 15.236491, 10.011288, 9.078396, 8.682988, 8.061003, 7.937124, 8.619145, 9.780717,
        7.39384, 9.064446, 8.080974, 11.082993, 12.292128, 12.180165, 8.412338, 8.222356, 6.474037, 9.107107,
        10.284503, 10.258951, 10.310393, 13.20123};

    /** Fully separated groups: U(ref) = 0 if every test cell fires faster, 25 if every reference cell does. */
    @Test
    void fullySeparatedGroupsAreSymmetric() {
        double[] low = {1, 2, 3, 4, 5};
        double[] high = {6, 7, 8, 9, 10};
        GroupComparison up = GroupComparison.of(low, high, 1L, 100);
        assertEquals(0.0, up.mannWhitneyU(), 0.0);
        assertEquals(2.0 / 252, up.mannWhitneyP(), 1e-15);
        assertTrue(up.welchT() > 0);
        GroupComparison down = GroupComparison.of(high, low, 1L, 100);
        assertEquals(25.0, down.mannWhitneyU(), 0.0);
        assertEquals(up.mannWhitneyP(), down.mannWhitneyP(), 0.0);
        assertEquals(-up.welchT(), down.welchT(), EPS);
        assertEquals(up.welchP(), down.welchP(), EPS);
    }

    @Test
    void tooSmallGroupsGiveNaN() {
        GroupComparison g = GroupComparison.of(new double[] {10}, new double[] {12, 14}, 1L, 100);
        assertEquals(10.0, g.referenceMeanHz(), 0.0);
        assertEquals(30.0, g.rateChangePercent(), 1e-12);
        assertNaN(g.mannWhitneyU(), g.mannWhitneyP(), g.welchT(), g.welchDf(), g.welchP(),
                g.rateChangeCiLowPercent(), g.rateChangeCiHighPercent());

        GroupComparison e = GroupComparison.of(new double[0], new double[0], 1L, 100);
        assertEquals(0, e.referenceN());
        assertNaN(e.referenceMeanHz(), e.testMeanHz(), e.rateChangePercent(), e.welchP(),
                e.mannWhitneyP(), e.rateChangeCiLowPercent());

        // zero variance in both groups: t undefined, no exception
        GroupComparison c = GroupComparison.of(new double[] {5, 5}, new double[] {6, 6}, 1L, 100);
        assertNaN(c.welchT(), c.welchDf(), c.welchP());
        assertEquals(0.0, c.mannWhitneyU(), 0.0);
        assertEquals(20.0, c.rateChangePercent(), 1e-12);
        // every resample is {5,5} vs {6,6}: CI degenerates to the point
        assertEquals(20.0, c.rateChangeCiLowPercent(), 1e-12);
        assertEquals(20.0, c.rateChangeCiHighPercent(), 1e-12);
    }

    @Test
    void bootstrapIsDeterministicAndContainsPointEstimate() {
        double[] ref = normalSample(30, 50, 10, 11L);
        double[] test = normalSample(30, 40, 10, 12L);
        GroupComparison a = GroupComparison.of(ref, test, 42L, 2000);
        GroupComparison b = GroupComparison.of(ref, test, 42L, 2000);
        assertEquals(a, b);
        assertEquals(2000, a.bootstrapResamples());
        assertTrue(a.rateChangeCiLowPercent() < a.rateChangePercent()
                && a.rateChangePercent() < a.rateChangeCiHighPercent(), a.toString());
        GroupComparison c = GroupComparison.of(ref, test, 43L, 2000);
        assertNotEquals(a.rateChangeCiLowPercent(), c.rateChangeCiLowPercent());
        // inputs are not modified and the order of the groups matters for the sign
        assertTrue(GroupComparison.of(test, ref, 42L, 2000).rateChangePercent() > 0);
    }

    /**
     * For large normal samples the percentile CI width should be 2 * 1.96 * SE with the delta-method
     * SE of the change {@code 100 R sqrt(v_t/(n_t m_t^2) + v_r/(n_r m_r^2))}, R = m_t/m_r, using the
     * plug-in (ddof 0) variances the bootstrap resamples from. Monte-Carlo error of the width with
     * B = 4000: each quantile has SD sqrt(p(1-p)/B)/phi(1.96) SE = 0.042 SE, so the width has SD about
     * sqrt(2) * 0.042 SE = 0.060 SE, i.e. 1.5 % of the width of 3.92 SE. The nonlinearity of the
     * ratio adds O(CV of the mean) = 10/50/sqrt(1000) = 0.6 %. Tolerance 6 % (~4 SD).
     */
    @Test
    void bootstrapWidthMatchesDeltaMethod() {
        int n = 1000;
        double[] ref = normalSample(n, 50, 10, 21L);
        double[] test = normalSample(n, 40, 8, 22L);
        GroupComparison g = GroupComparison.of(ref, test, 7L, 4000);
        double mr = mean(ref);
        double mt = mean(test);
        double vr = popVar(ref, mr);
        double vt = popVar(test, mt);
        double se = 100 * (mt / mr) * Math.sqrt(vt / (n * mt * mt) + vr / (n * mr * mr));
        double expectedWidth = 2 * 1.959963984540054 * se;
        double width = g.rateChangeCiHighPercent() - g.rateChangeCiLowPercent();
        assertEquals(expectedWidth, width, 0.06 * expectedWidth,
                "se=" + se + " ci=[" + g.rateChangeCiLowPercent() + ", " + g.rateChangeCiHighPercent() + "]");
        // and it is centred near the point estimate: Monte-Carlo SD of the midpoint ~0.03 SE and the
        // skewness of a ratio of means shifts it by O(0.01 SE) here, so 0.25 SE is generous but
        // still catches e.g. resampling only one group (which would shrink the width, see above)
        double centre = 0.5 * (g.rateChangeCiHighPercent() + g.rateChangeCiLowPercent());
        assertEquals(g.rateChangePercent(), centre, 0.25 * se);
        // Welch: true difference 10 Hz with SE ~0.4 Hz -> overwhelming significance
        assertTrue(g.welchP() < 1e-10 && g.mannWhitneyP() < 1e-10);
        assertTrue(g.welchDf() > 1500 && g.welchDf() < 2000, "df=" + g.welchDf());
    }

    private static double[] normalSample(int n, double mean, double sd, long seed) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        ContinuousSampler g = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mean, sd);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = g.sample();
        }
        return x;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double popVar(double[] x, double m) {
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return s / x.length;
    }

    private static void assertNaN(double... values) {
        for (double v : values) {
            assertTrue(Double.isNaN(v), "expected NaN, got " + v);
        }
    }

    /** comparison.json's means are summary.csv's to the last bit (they were summed in another order: 15.370000000000005 vs 15.37). */
    @Test
    void meansAreTheSummaryMeans() {
        double[] ref = {9.94, 14.93, 14.35, 10.79, 12.47}; // summed in this order: 12.495999999999999; the summary: 12.496
        double[] test = {10.05, 9.9, 10.4, 10.1};
        GroupComparison g = GroupComparison.of(ref, test, 1L, 0);
        assertEquals(DistributionSummary.of(ref).mean(), g.referenceMeanHz(), 0.0);
        assertEquals(DistributionSummary.of(test).mean(), g.testMeanHz(), 0.0);
    }
}
