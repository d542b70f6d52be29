package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FdlibmTest {
    private static void assertSame(double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.expm1(x)), Double.doubleToRawLongBits(Fdlibm.expm1(x)),
                () -> "expm1(" + x + ") = " + StrictMath.expm1(x) + " by StrictMath, " + Fdlibm.expm1(x) + " here");
    }

    @Test
    void equalsStrictMathBitForBitOnManyArguments() {
        SplittableRandom rng = new SplittableRandom(20261207);
        for (int i = 0; i < 4_000_000; i++) {
            assertSame(rng.nextDouble(-0.4, 0.4));                                  // around the k = 0 range's ends too
            double magnitude = Math.pow(10, rng.nextDouble(-25, 0));                // every scale down to the tiny branch
            assertSame(rng.nextBoolean() ? magnitude : -magnitude);
            assertSame(-rng.nextDouble(0, 0.1) / rng.nextDouble(1, 100));           // -h / tau_m of a partial step
            assertSame(Double.longBitsToDouble(rng.nextLong()));                   // any bit pattern (the fallback too)
        }
    }

    @Test
    void equalsStrictMathAtTheBranchesAndSpecialValues() {
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 0x1.0p-54, -0x1.0p-54,
            Math.nextDown(0x1.0p-54), Math.nextUp(0x1.0p-54), Math.log(2) / 2, -Math.log(2) / 2, 1, -1, 710, -800,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double x : special) {
            assertSame(x);
        }
        for (long high : new long[] {0x3fd62e42L, 0x3fd62e43L, 0x3c900000L, 0x3c8fffffL}) {
            for (long low : new long[] {0, 1, 0x7fffffffL, 0xfee00000L, 0xffffffffL}) {
                long bits = high << 32 | low;
                assertSame(Double.longBitsToDouble(bits));
                assertSame(-Double.longBitsToDouble(bits));
            }
        }
    }
}
