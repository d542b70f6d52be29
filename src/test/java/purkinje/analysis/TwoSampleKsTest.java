package purkinje.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The two-sample KS test against scipy 1.10.1 ({@code scipy.stats.ks_2samp(x, y)}, defaults),
 * reference values made with Debian's python3-scipy from the same formulas for x and y.
 */
class TwoSampleKsTest {

    private static double[] values(int count, IntToDoubleFunction f) {
        return IntStream.range(0, count).mapToDouble(f).toArray();
    }

    private static void assertScipy(double[] x, double[] y, double d, double p, String method) {
        TwoSampleKs t = TwoSampleKs.of(x, y);
        assertEquals(d, t.statistic(), 1e-15, "D");
        assertEquals(p, t.pValue(), 1e-12 * Math.max(p, 1e-5), "p");
        assertEquals(method, t.method());
        TwoSampleKs swapped = TwoSampleKs.of(y, x);
        assertEquals(t.statistic(), swapped.statistic(), 1e-15, "D is symmetric");
        assertEquals(t.pValue(), swapped.pValue(), 1e-12 * Math.max(p, 1e-5), "p is symmetric");
    }

    /** x = [(37 i) mod 23], y = [(53 j) mod 29]: whole numbers, many ties within and between samples. */
    @Test
    void tiesTakenTogetherAndPOfDAtLeastObserved() {
        assertScipy(values(40, i -> (i * 37) % 23), values(200, j -> (j * 53) % 29),
                0.22, 0.0714225408647035, TwoSampleKs.EXACT);
    }

    @Test
    void smallUnequalSamples() {
        assertScipy(new double[] {0.5, 1.5, 2.25, 3.75, 9.0}, new double[] {0.1, 0.2, 0.3, 4.0, 5.0, 6.0, 7.0},
                0.42857142857142855, 0.5454545454545454, TwoSampleKs.EXACT);
    }

    /** scipy uses another algorithm for equal sizes: the same law. */
    @Test
    void equalSamples() {
        assertScipy(values(30, i -> ((i * 13) % 31) / 31.0), values(30, j -> ((j * 17) % 37) / 37.0 + 0.2),
                0.26666666666666666, 0.23907300248018645, TwoSampleKs.EXACT);
    }

    /** The absorbed-mass sum keeps a tiny p-value's relative accuracy. */
    @Test
    void tinyPValue() {
        assertScipy(values(50, i -> i), values(50, j -> j + 40.5), 0.82, 3.770852330233186e-17, TwoSampleKs.EXACT);
    }

    /** Above 10,000 values: Smirnov's asymptotic law at the effective size, as scipy's 'asymp' (kstwo.sf). */
    @Test
    void largeSamplesAsymptotic() {
        TwoSampleKs t = TwoSampleKs.of(values(12_000, i -> ((i * 7919L) % 10007) / 10007.0),
                values(15_000, j -> ((j * 104729L) % 10009) / 10009.0 * 1.02));
        assertEquals(0.020100000000000007, t.statistic(), 1e-15);
        assertEquals(TwoSampleKs.ASYMPTOTIC, t.method());
        // Pelz-Good against scipy's kstwo.sf: a few parts in 1e6 at this size
        assertEquals(0.009026164023464463, t.pValue(), 1e-5 * 0.009026164023464463);
    }

    /** Hand value: x = {1}, y = {2}: D = 1, both orders equally likely, so P(D' >= 1) = 1. */
    @Test
    void oneValueEach() {
        TwoSampleKs t = TwoSampleKs.of(new double[] {1}, new double[] {2});
        assertEquals(1.0, t.statistic());
        assertEquals(1.0, t.pValue(), 1e-15);
        // identical samples: D = 0, p = 1
        assertEquals(1.0, TwoSampleKs.of(new double[] {3, 3}, new double[] {3}).pValue());
        assertEquals(0.0, TwoSampleKs.of(new double[] {3, 3}, new double[] {3}).statistic());
    }

    @Test
    void refusesEmptyOrNonFinite() {
        assertThrows(IllegalArgumentException.class, () -> TwoSampleKs.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> TwoSampleKs.of(new double[] {Double.NaN}, new double[] {1}));
    }
}
