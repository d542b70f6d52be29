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

/** The engine's random-number scheme (NoiseDraws) against Commons RNG, N(0,1) and U(0,1) (the bridge's ln u). */
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
        NoiseDraws.fillWhite(block, 64, new double[256], new double[256]);
        for (int i = 0; i < 4 * 64; i++) {
            lib.nextLong();
        }
        assertEquals(lib.nextLong(), block.nextLong());
        NoiseDraws.fillNormals(block, 64, new double[256]);
        NoiseDraws.fillUniforms(block, 64, new double[256]);
        for (int i = 0; i < 2 * 64 + 2 * 64; i++) {
            lib.nextLong();
        }
        assertEquals(lib.nextLong(), block.nextLong(), "a noise current's and an input's quads take two draws each");
    }

    private static double[][] sample() {
        BlockRandom rng = RandomStreams.blockForCell(2024, 3, RandomStreams.Purpose.DYNAMICS);
        double[] z = new double[N];
        double[] u = new double[N];
        double[] zb = new double[256];
        double[] ub = new double[256];
        for (int i = 0; i < N; i += 256) {
            NoiseDraws.fillWhite(rng, 64, zb, ub);
            System.arraycopy(zb, 0, z, i, 256);
            System.arraycopy(ub, 0, u, i, 256);
        }
        for (int i = 0; i < N; i++) {
            u[i] = Math.exp(u[i]); // the bridge uniforms come as ln u
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
        assertEquals(0x1.0p-25f, NoiseDraws.bridgeUnit(0));
        assertEquals(1 - 0x1.0p-25f, NoiseDraws.bridgeUnit(-1));
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
    void normalsOfANoiseCurrentFollowTheSameScheme() {
        // two draws per quad: the same normals as the membrane's A and B
        double[] z = new double[256];
        double[] lnU = new double[256];
        double[] zNoise = new double[256];
        BlockRandom white = RandomStreams.blockForCell(5, 1, RandomStreams.Purpose.DYNAMICS);
        BlockRandom noise = RandomStreams.blockForCell(5, 1, RandomStreams.Purpose.DYNAMICS);
        NoiseDraws.fillWhite(white, 64, z, lnU);
        for (int q = 0; q < 64; q++) {
            double[] quad = new double[4];
            NoiseDraws.fillNormals(noise, 1, quad);
            noise.nextLong(); // C and D of the membrane's quad
            noise.nextLong();
            for (int i = 0; i < 4; i++) {
                assertEquals(z[4 * q + i], quad[i], 0, "quad " + q);
            }
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
