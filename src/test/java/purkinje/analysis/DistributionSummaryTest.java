package purkinje.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DistributionSummaryTest {

    private static final double EPS = 1e-12;

    @Test
    void oddSampleByHand() {
        // {1,2,3,4,10}: mean 4; squared deviations 9,4,1,0,36 -> sum 50, var (ddof 1) 12.5
        DistributionSummary s = DistributionSummary.of(new double[] {10, 3, 1, 4, 2});
        assertEquals(5, s.n());
        assertEquals(4.0, s.mean(), EPS);
        assertEquals(Math.sqrt(12.5), s.sd(), EPS);
        assertEquals(Math.sqrt(12.5) / Math.sqrt(5), s.sem(), EPS);
        // position h = (n-1)p + 1 -> 2, 3, 4 (1-based) -> 2, 3, 4
        assertEquals(3.0, s.median(), EPS);
        assertEquals(2.0, s.q1(), EPS);
        assertEquals(4.0, s.q3(), EPS);
        assertEquals(1.0, s.min(), 0.0);
        assertEquals(10.0, s.max(), 0.0);
    }

    @Test
    void evenSampleInterpolatesAndIgnoresNaN() {
        // {1,2,3,4} + NaN: R-7 positions 1.75, 2.5, 3.25 -> 1.75, 2.5, 3.25 (numpy.percentile agrees)
        DistributionSummary s = DistributionSummary.of(new double[] {4, Double.NaN, 1, 3, 2});
        assertEquals(4, s.n());
        assertEquals(2.5, s.mean(), EPS);
        assertEquals(Math.sqrt(5.0 / 3.0), s.sd(), EPS); // (2.25+0.25+0.25+2.25)/3
        assertEquals(1.75, s.q1(), EPS);
        assertEquals(2.5, s.median(), EPS);
        assertEquals(3.25, s.q3(), EPS);
    }

    @Test
    void singleValueAndEmpty() {
        DistributionSummary one = DistributionSummary.of(new double[] {7});
        assertEquals(1, one.n());
        assertEquals(7.0, one.mean(), 0.0);
        assertTrue(Double.isNaN(one.sd()));
        assertTrue(Double.isNaN(one.sem()));
        assertEquals(7.0, one.median(), 0.0);
        assertEquals(7.0, one.q1(), 0.0);
        assertEquals(7.0, one.q3(), 0.0);

        for (double[] empty : new double[][] {{}, {Double.NaN, Double.NaN}}) {
            DistributionSummary e = DistributionSummary.of(empty);
            assertEquals(0, e.n());
            for (double v : new double[] {e.mean(), e.sd(), e.sem(), e.median(), e.q1(), e.q3(),
                    e.min(), e.max()}) {
                assertTrue(Double.isNaN(v));
            }
        }
    }

    @Test
    void largeOffsetDoesNotLoseVarianceAccuracy() {
        // {1e9+1, 1e9+2, 1e9+3}: sd = 1 exactly
        DistributionSummary s = DistributionSummary.of(new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3});
        assertEquals(1.0, s.sd(), 1e-9);
        assertEquals(1e9 + 2, s.mean(), 0.0);
    }
}
