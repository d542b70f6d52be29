package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** The engine's block generator and normal sampler against Commons RNG and N(0,1). */
class ZigguratNormalsTest {

    @Test
    void blockRandomIsTheLibraryStream() {
        UniformRandomProvider lib = RandomStreams.forCell(99, 7, RandomStreams.Purpose.DYNAMICS);
        BlockRandom block = RandomStreams.blockForCell(99, 7, RandomStreams.Purpose.DYNAMICS);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(lib.nextLong(), block.nextLong(), "draw " + i);
        }
    }

    @Test
    void blockFillAdvancesTheSameStreamAsNextLong() {
        // A block of normals consumes one draw per normal plus the rare edge draws; afterwards the
        // generator continues the library stream at some later position.
        UniformRandomProvider lib = RandomStreams.forCell(1, 2, RandomStreams.Purpose.DYNAMICS);
        BlockRandom block = RandomStreams.blockForCell(1, 2, RandomStreams.Purpose.DYNAMICS);
        ZigguratNormals z = new ZigguratNormals(256);
        z.fill(block, 256);
        long next = block.nextLong();
        boolean found = false;
        for (int i = 0; i < 2000 && !found; i++) {
            found = lib.nextLong() == next;
        }
        assertTrue(found);
    }

    @Test
    void normalsAreStandardNormal() {
        BlockRandom rng = RandomStreams.blockForCell(5, 0, RandomStreams.Purpose.DYNAMICS);
        ZigguratNormals z = new ZigguratNormals(256);
        int blocks = 16_000; // 4.1e6 draws
        double[] sample = new double[20_000];
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        long beyond3 = 0;
        long beyondR = 0;
        long n = 0;
        for (int b = 0; b < blocks; b++) {
            z.fill(rng, 256);
            for (double x : z.values) {
                if (n < sample.length) {
                    sample[(int) n] = x;
                }
                n++;
                sum += x;
                sum2 += x * x;
                sum4 += x * x * x * x;
                beyond3 += Math.abs(x) > 3 ? 1 : 0;
                beyondR += Math.abs(x) > ZigguratNormals.R ? 1 : 0;
            }
        }
        assertEquals(0, sum / n, 5 * Math.sqrt(1.0 / n));
        assertEquals(1, sum2 / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, sum4 / n, 5 * Math.sqrt(96.0 / n));
        NormalDistribution std = new NormalDistribution(0, 1);
        double p3 = 2 * std.cumulativeProbability(-3);
        double pR = 2 * std.cumulativeProbability(-ZigguratNormals.R);
        assertEquals(p3 * n, beyond3, 5 * Math.sqrt(p3 * n)); // exercises the wedges
        assertEquals(pR * n, beyondR, 5 * Math.sqrt(pR * n)); // exercises the tail
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(std, sample) > 1e-3);
    }

    @Test
    void stepContainingFollowsTheGrid() {
        double dt = 0.1;
        assertEquals(20, WhiteNoiseIntegrator.stepContaining(2.0000001, dt));
        assertEquals(19, WhiteNoiseIntegrator.stepContaining(1.95, dt));
        for (long k = 0; k < 5000; k++) {
            double t = k * dt; // exactly on a grid point: step k starts there, so step k integrates
            long s = WhiteNoiseIntegrator.stepContaining(t, dt);
            assertTrue((s + 1) * dt > t && (s == 0 || s * dt <= t), "t = " + t + " -> " + s);
        }
    }
}
