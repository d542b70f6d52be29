package purkinje.analysis.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErfcxTest {

    /** Reference values from mpmath (30 digits): exp(x^2) erfc(x). */
    private static final double[][] REFERENCE = {
        {0.0, 1.0},
        {0.3, 0.73459933456765514992},
        {1.0, 0.42758357615580700441},
        {2.0, 0.25539567631050574387},
        {4.0, 0.13699945762506138989},
        {5.5, 0.10096221839949908823},
        {6.0, 0.092776567800538354389},
        {8.0, 0.069985166200880927723},
        {10.0, 0.056140992743822585858},
        {26.0, 0.021683584850562906616},
        {100.0, 0.0056416137829894329036},
        {-0.5, 1.9523604891825570933},
        {-1.0, 5.0089800807622834663},
        {-5.0, 1.4400979867466104041e11},
        {-26.0, 7.6577249314905683515e293},
    };

    @Test
    void matchesHighPrecisionValues() {
        for (double[] r : REFERENCE) {
            double got = Erfcx.erfcx(r[0]);
            assertEquals(r[1], got, 1e-14 * r[1], "erfcx(" + r[0] + ")");
        }
    }

    @Test
    void largeArgumentAsymptotics() {
        double x = 1e6;
        double asym = 1.0 / (x * Math.sqrt(Math.PI)) * (1.0 - 0.5 / (x * x));
        assertEquals(asym, Erfcx.erfcx(x), 1e-15 * asym);
        assertEquals(0.0, Erfcx.erfcx(Double.POSITIVE_INFINITY));
        double big = 1e300;
        assertEquals(1.0 / (big * Math.sqrt(Math.PI)), Erfcx.erfcx(big), 1e-15 / big);
    }

    @Test
    void continuousAcrossBranchPoints() {
        for (double b : new double[] {0.0, Erfcx.CF_THRESHOLD}) {
            double below = Erfcx.erfcx(Math.nextDown(b));
            double at = Erfcx.erfcx(b);
            assertTrue(Math.abs(below / at - 1.0) < 1e-12, "jump at " + b + ": " + (below / at - 1.0));
        }
        // the continued fraction stays accurate a little below its threshold as well
        assertEquals(0.092776567800538354389, Erfcx.erfcx(Math.nextDown(6.0)), 2e-14);
    }

    @Test
    void overflowsOnlyWhenItMust() {
        double x = -26.6;
        double v = Erfcx.erfcx(x);
        assertTrue(Double.isFinite(v) && v > 1e307, "erfcx(-26.6) = " + v);
        assertEquals(Double.POSITIVE_INFINITY, Erfcx.erfcx(-26.7));
        assertEquals(Double.POSITIVE_INFINITY, Erfcx.erfcx(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(Erfcx.erfcx(Double.NaN)));
    }

    @Test
    void monotoneDecreasing() {
        double prev = Double.POSITIVE_INFINITY;
        for (double x = -26.0; x <= 40.0; x += 0.01) {
            double v = Erfcx.erfcx(x);
            assertTrue(v < prev, "not decreasing at " + x);
            prev = v;
        }
    }
}
