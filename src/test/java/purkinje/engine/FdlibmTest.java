package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Fdlibm's functions against StrictMath's, bit for bit (a 1-ulp change of a coefficient or of one operation fails). */
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

    private static void assertSame(String name, DoubleUnaryOperator strict, DoubleUnaryOperator here, double x) {
        double expected = strict.applyAsDouble(x);
        double actual = here.applyAsDouble(x);
        if (Double.doubleToRawLongBits(expected) != Double.doubleToRawLongBits(actual)) {
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                    name + "(" + x + ") = " + expected + " by StrictMath, " + actual + " here");
        }
    }

    private static void assertSameLog(double x) {
        assertSame("log", StrictMath::log, Fdlibm::log, x);
    }

    private static void assertSameCos(double x) {
        assertSame("cos", StrictMath::cos, Fdlibm::cos, x);
    }

    @Test
    void logEqualsStrictMathBitForBitOnManyArguments() {
        SplittableRandom rng = new SplittableRandom(20261208);
        for (int i = 0; i < 3_000_000; i++) {
            assertSameLog(((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53);          // the bridge's uniforms
            assertSameLog(1 + rng.nextDouble(-0x1.0p-19, 0x1.0p-19));             // near 1: the short forms
            assertSameLog(Math.pow(2, rng.nextInt(-1022, 1024)) * rng.nextDouble(0.7, 1.42)); // every exponent, both halves
            assertSameLog(Double.longBitsToDouble(rng.nextLong()));              // any bit pattern (the fallback too)
        }
    }

    @Test
    void logEqualsStrictMathAtTheBranchesAndSpecialValues() {
        double[] special = {0.0, -0.0, -1, Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), 0.5, 1,
            2, Math.nextUp(1.0), Math.nextDown(1.0), Math.sqrt(2), Math.sqrt(0.5), Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : special) {
            assertSameLog(x);
        }
        // the mantissa's high bits at fdlibm's splits: sqrt(2) (0x6a09e), 1 +- 2^-20, and 0x6147a, 0x6b851
        for (int exponent : new int[] {-1022, -60, -1, 0, 1, 60, 1023}) {
            for (int mantissaHigh : new int[] {0x6a09e, 0x6a09f, 0x6a0a0, 0, 1, 2, 0xfffff, 0xffffe, 0xffffd,
                0x6147a, 0x6147b, 0x61479, 0x6b851, 0x6b850, 0x6b852}) {
                for (long low : new long[] {0, 1, 0x7fffffffL, 0xffffffffL}) {
                    long bits = (long) ((exponent + 1023) << 20 | mantissaHigh) << 32 | low;
                    assertSameLog(Double.longBitsToDouble(bits));
                }
            }
        }
    }

    @Test
    void cosEqualsStrictMathBitForBitOnManyArguments() {
        SplittableRandom rng = new SplittableRandom(20261209);
        for (int i = 0; i < 3_000_000; i++) {
            assertSameCos(2 * Math.PI * (((rng.nextLong() >>> 11) + 0.5) * 0x1.0p-53)); // the bridge's angles
            assertSameCos(rng.nextDouble(-100, 100));
            assertSameCos(rng.nextDouble(-0x1.0p19, 0x1.0p19) * Math.PI / 2);          // the whole medium range
            assertSameCos(Math.pow(10, rng.nextDouble(-20, 0)) * (rng.nextBoolean() ? 1 : -1)); // no reduction, tiny
            assertSameCos(Double.longBitsToDouble(rng.nextLong()));                   // any bit pattern (the fallback too)
        }
    }

    @Test
    void cosEqualsStrictMathNearMultiplesOfHalfPiAndAtTheBranches() {
        // where the first round of the reduction cancels: the second and third rounds
        for (int n = -4000; n <= 4000; n++) {
            double x = n * (Math.PI / 2);
            for (int ulps = -40; ulps <= 40; ulps++) {
                assertSameCos(x + ulps * Math.ulp(x));
            }
        }
        double[] special = {0.0, -0.0, Double.MIN_VALUE, 0x1.0p-27, Math.nextDown(0x1.0p-27), 0.3, Math.nextDown(0.3),
            0.78125, Math.nextUp(0.78125), Math.PI / 4, Math.nextUp(Math.PI / 4), 3 * Math.PI / 4,
            Math.nextDown(3 * Math.PI / 4), 0x1.0p19 * Math.PI / 2, Math.nextUp(0x1.0p19 * Math.PI / 2), 1e300,
            Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double x : special) {
            assertSameCos(x);
            assertSameCos(-x);
        }
        // the high words at the branches, with low words that move the value inside them
        for (long high : new long[] {0x3fe921fbL, 0x3fe921fcL, 0x4002d97cL, 0x4002d97bL, 0x3ff921fbL, 0x413921fbL,
            0x413921fcL, 0x3e400000L, 0x3e3fffffL, 0x3fd33333L, 0x3fd33332L, 0x3fe90000L, 0x3fe90001L}) {
            for (long low : new long[] {0, 1, 0x54442d18L, 0x54442d19L, 0x7fffffffL, 0xffffffffL}) {
                double x = Double.longBitsToDouble(high << 32 | low);
                assertSameCos(x);
                assertSameCos(-x);
            }
        }
    }

    @Test
    void theTableOfHalfPiMultiplesHoldsTheirHighWords() {
        for (int n = 1; n <= 32; n++) {
            double x = n * (Math.PI / 2);
            assertSameCos(x);
            assertSameCos(Math.nextUp(x));
            assertSameCos(Math.nextDown(x));
        }
    }
}
