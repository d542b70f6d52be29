package purkinje.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GroupComparisonTest {

    private static final double EPS = 1e-12;

    /**
     * ref = {1..5} (mean 3, s^2 = 2.5), test = {2,4,...,12} (mean 7, s^2 = 14).
     * a = 2.5/5 = 0.5, b = 14/6 = 7/3; t = 4 / sqrt(17/6) = 2.376354; df = (17/6)^2 /
     * (0.25/4 + (49/9)/5) = 6.972256. p = 0.04928433820673053 from scipy 1.17.1
     * {@code ttest_ind(test, ref, equal_var=False)}.
     * U(ref) by counting pairs ref &gt; test (ties 1/2): 2~2: .5; 3&gt;2: 1; 4&gt;2, 4~4: 1.5; 5&gt;2,4: 2 -&gt; 5.
     * Commons p (no tie correction): z = (5 - 15) / sqrt(30 * 12 / 12), p = 2 Phi(z) = 0.06788915486.
     */
    @Test
    void welchAndMannWhitneyAgainstHandValues() {
        double[] ref = {1, 2, 3, 4, 5};
        double[] test = {2, 4, 6, 8, 10, 12};
        GroupComparison g = GroupComparison.of(ref, test, 1L, 200);
        assertEquals(5, g.referenceN());
        assertEquals(6, g.testN());
        assertEquals(3.0, g.referenceMeanHz(), EPS);
        assertEquals(7.0, g.testMeanHz(), EPS);
        assertEquals(4.0 / Math.sqrt(17.0 / 6.0), g.welchT(), 1e-12);
        assertEquals(2.3763541031440183, g.welchT(), 1e-12);
        double df = (17.0 / 6.0) * (17.0 / 6.0) / (0.25 / 4 + (49.0 / 9.0) / 5);
        assertEquals(df, g.welchDf(), 1e-12);
        assertEquals(6.972255729794934, g.welchDf(), 1e-12);
        assertEquals(0.04928433820673053, g.welchP(), 1e-9);
        assertEquals(5.0, g.mannWhitneyU(), EPS);
        assertEquals(0.06788915486182899, g.mannWhitneyP(), 1e-9);
        assertEquals(100.0 * (7.0 / 3.0 - 1.0), g.rateChangePercent(), 1e-10);
        // our U is the reference-sample U; Commons reports max(U, n1 n2 - U)
        assertEquals(Math.max(g.mannWhitneyU(), 30 - g.mannWhitneyU()),
                new MannWhitneyUTest().mannWhitneyU(ref, test), EPS);
    }

    /**
     * Fully separated groups of 5: U(ref) = 0 if every test cell fires faster, 25 if every reference
     * cell does. Commons' normal approximation: z = (0 - 12.5) / sqrt(25 * 11 / 12) = -2.6112,
     * p = 2 Phi(z) = 0.009023438818080326 (scipy mannwhitneyu asymptotic, use_continuity=False,
     * agrees; the exact p would be 2/252 = 0.0079).
     */
    @Test
    void fullySeparatedGroups() {
        double[] low = {1, 2, 3, 4, 5};
        double[] high = {6, 7, 8, 9, 10};
        GroupComparison up = GroupComparison.of(low, high, 1L, 100);
        assertEquals(0.0, up.mannWhitneyU(), 0.0);
        assertEquals(0.009023438818080326, up.mannWhitneyP(), 1e-9);
        assertTrue(up.welchT() > 0);
        GroupComparison down = GroupComparison.of(high, low, 1L, 100);
        assertEquals(25.0, down.mannWhitneyU(), 0.0);
        assertEquals(0.009023438818080326, down.mannWhitneyP(), 1e-9);
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
}
