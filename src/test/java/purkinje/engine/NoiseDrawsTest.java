package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** The engine's random-number scheme (NoiseDraws) against Commons RNG, N(0,1) and U(0,1). */
class NoiseDrawsTest {
    private static final int N = 1 << 21; // 2 million normals and uniforms

    @Test
    void blockRandomIsTheLibraryStream() {
        UniformRandomProvider lib = RandomStreams.forCell(99, 7, RandomStreams.Purpose.DYNAMICS);
        BlockRandom block = RandomStreams.blockForCell(99, 7, RandomStreams.Purpose.DYNAMICS);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(lib.nextLong(), block.nextLong(), "draw " + i);
        }
    }

    @Test
    void aQuadTakesExactlyFourDraws() {
        UniformRandomProvider lib = RandomStreams.forCell(1, 2, RandomStreams.Purpose.DYNAMICS);
        BlockRandom block = RandomStreams.blockForCell(1, 2, RandomStreams.Purpose.DYNAMICS);
        NoiseDraws.fill(block, 64, new double[256], new double[256]);
        for (int i = 0; i < 4 * 64; i++) {
            lib.nextLong();
        }
        assertEquals(lib.nextLong(), block.nextLong());
    }

    private static double[][] sample() {
        BlockRandom rng = RandomStreams.blockForCell(2024, 3, RandomStreams.Purpose.DYNAMICS);
        double[] z = new double[N];
        double[] u = new double[N];
        double[] zb = new double[256];
        double[] ub = new double[256];
        for (int i = 0; i < N; i += 256) {
            NoiseDraws.fill(rng, 64, zb, ub);
            System.arraycopy(zb, 0, z, i, 256);
            System.arraycopy(ub, 0, u, i, 256);
        }
        return new double[][] {z, u};
    }

    @Test
    void normalsAreStandardNormal() {
        double[] z = sample()[0];
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        double lag = 0;
        int beyond3 = 0;
        int beyond4 = 0;
        for (int i = 0; i < N; i++) {
            double x = z[i];
            sum += x;
            sum2 += x * x;
            sum4 += x * x * x * x;
            lag += i > 0 ? x * z[i - 1] : 0;
            beyond3 += Math.abs(x) > 3 ? 1 : 0;
            beyond4 += Math.abs(x) > 4 ? 1 : 0;
        }
        // 5 standard errors: moments of N(0,1) have variances 1, 2 and 96 per draw
        assertEquals(0, sum / N, 5 * Math.sqrt(1.0 / N));
        assertEquals(1, sum2 / N, 5 * Math.sqrt(2.0 / N));
        assertEquals(3, sum4 / N, 5 * Math.sqrt(96.0 / N));
        assertEquals(0, lag / N, 5 * Math.sqrt(1.0 / N), "neighbouring steps (incl. a Box-Muller pair) are uncorrelated");
        NormalDistribution std = new NormalDistribution(0, 1);
        double p3 = 2 * std.cumulativeProbability(-3);
        double p4 = 2 * std.cumulativeProbability(-4);
        assertEquals(p3 * N, beyond3, 5 * Math.sqrt(p3 * N));
        assertEquals(p4 * N, beyond4, 5 * Math.sqrt(p4 * N) + 1);
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(std, Arrays.copyOf(z, 200_000)) > 1e-3);
        // a Box-Muller pair is independent: the product of its two members has mean 0, variance 1
        double pairProduct = 0;
        for (int i = 0; i < N; i += 2) {
            pairProduct += z[i] * z[i + 1];
        }
        assertEquals(0, pairProduct / (N / 2), 5 * Math.sqrt(1.0 / (N / 2)));
        assertTrue(Arrays.stream(z).allMatch(x -> Math.abs(x) <= 6.67), "|z| stays within the stated range");
    }

    @Test
    void uniformsAreUniformOnTheOpenInterval() {
        double[] u = sample()[1];
        double sum = 0;
        double sum2 = 0;
        for (double x : u) {
            assertTrue(x > 0 && x < 1);
            sum += x;
            sum2 += (x - 0.5) * (x - 0.5);
        }
        assertEquals(0.5, sum / N, 5 * Math.sqrt(1.0 / 12 / N));
        assertEquals(1.0 / 12, sum2 / N, 5 * Math.sqrt(1.0 / 180 / N));
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(0, 1),
                Arrays.copyOf(u, 200_000)) > 1e-3);
        assertEquals(0x1.0p-33, NoiseDraws.unitLow(0L));
        assertEquals(1 - 0x1.0p-33, NoiseDraws.unitHigh(-1L));
    }

    @Test
    void logarithmIsAccurateToSinglePrecision() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            float x = i < 100 ? (float) Math.scalb(1.0, -i % 33) : (float) r.nextDouble(0x1.0p-32, 1);
            double exact = Math.log(x);
            assertEquals(exact, NoiseDraws.lnUnit(x), 2e-7 * Math.abs(exact) + 1e-7, "x = " + x);
        }
    }

    @Test
    void powerOfTwoIsAccurate() {
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 500_000; i++) {
            double y = i < 54 ? -i : -r.nextDouble(0, 53);
            double exact = StrictMath.pow(2, y);
            assertEquals(exact, NoiseDraws.pow2(y), 4 * Math.ulp(exact), "2^" + y);
        }
    }

    @Test
    void log2BoundIsBelowTheLogarithmAndTight() {
        // every uniform the scheme can produce is (2m + 1) 2^-33; test the extremes and random m
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 500_000; i++) {
            long m = i < 1000 ? i : i < 2000 ? 0xFFFFFFFFL - (i - 1000) : r.nextLong(1L << 32);
            double u = NoiseDraws.unitLow(m);
            double log2 = Math.log(u) / Math.log(2);
            double bound = NoiseDraws.log2LowerBound(u);
            assertTrue(bound < log2 - 1e-10 && bound > log2 - 0.09, "u = " + u + ": " + bound + " vs " + log2);
        }
    }

    @Test
    void stepContainingFollowsTheGrid() {
        double dt = 0.1;
        assertEquals(20, Cell.stepContaining(2.0000001, dt));
        assertEquals(19, Cell.stepContaining(1.95, dt));
        for (long k = 0; k < 5000; k++) {
            double t = k * dt; // exactly on a grid point: step k starts there, so step k integrates
            long s = Cell.stepContaining(t, dt);
            assertTrue((s + 1) * dt > t && (s == 0 || s * dt <= t), "t = " + t + " -> " + s);
        }
    }
}
