package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Poisson counts per step by inversion from one uniform. */
class PoissonCountsTest {

    /**
     * The count of u is the n with F(n - 1) &lt;= u &lt; F(n) for the Poisson CDF F (Commons Math's,
     * an independent implementation), at the edges of every count with real mass, and far in the
     * tail beyond the table (u = 1 - 2^-45).
     */
    @ParameterizedTest(name = "mean {0}")
    @ValueSource(doubles = {0.0005, 0.5, 7.56, 75.6, 650})
    void inversionGivesThePoissonDistribution(double mean) {
        PoissonCounts counts = new PoissonCounts(mean);
        PoissonDistribution law = new PoissonDistribution(null, mean, 1e-15, 10_000_000);
        int hi = (int) (mean + 12 * Math.sqrt(mean) + 12);
        for (int n = 0; n <= hi; n++) {
            double f = law.cumulativeProbability(n);
            if (1 - f < 1e-12) {
                break;
            }
            double below = law.cumulativeProbability(n - 1);
            double width = f - below;
            if (width < 1e-9 * f) {
                continue; // edges closer than the two CDFs' rounding
            }
            assertEquals(n, counts.count(below + 0.25 * width), "inside count " + n);
            assertEquals(n, counts.count(f - 0.25 * width), "inside count " + n);
        }
        double farTail = 1 - 0x1.0p-45;
        int n = counts.count(farTail);
        assertEquals(true, law.cumulativeProbability(n) > farTail - 1e-13 && law.cumulativeProbability(n - 1) <= farTail + 1e-13,
                "tail count " + n);
    }

    /** With the engine's uniforms, 200,000 counts have the Poisson mean and variance (4 standard errors). */
    @ParameterizedTest(name = "mean {0}")
    @ValueSource(doubles = {0.2, 10, 300})
    void countsFromTheEngineUniformsHaveThePoissonMoments(double mean) {
        PoissonCounts counts = new PoissonCounts(mean);
        BlockRandom rng = RandomStreams.blockForCell(9, 4, RandomStreams.Purpose.EXCITATORY);
        double[] u = new double[256];
        int n = 200_000;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i += 256) {
            NoiseDraws.fillUniforms(rng, 64, u);
            for (double x : u) {
                int c = counts.count(x);
                sum += c;
                sum2 += (double) c * c;
            }
        }
        int drawn = ((n + 255) / 256) * 256;
        double m = sum / drawn;
        double var = sum2 / drawn - m * m;
        assertEquals(mean, m, 4 * Math.sqrt(mean / drawn), "mean");
        // Var of the sample variance of a Poisson: (mu + 2 mu^2) / n
        assertEquals(mean, var, 4 * Math.sqrt((mean + 2 * mean * mean) / drawn), "variance");
    }
}
