package purkinje.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PopulationRateTest {

    private static final double EPS = 1e-12;

    @Test
    void histogramCountsKnownTrains() {
        List<double[]> trains = List.of(
                new double[] {5, 15, 16, 95},
                new double[] {-3, 1, 50, 99.9, 100, 120});
        // bins of 10 ms over [0, 100): counts 2,2,0,0,0,1,0,0,0,2 (-3, 100 and 120 are outside);
        // rate = count / (2 cells * 0.010 s) = 50 * count Hz
        PopulationRate.Series s = PopulationRate.histogram(trains, 0, 100, 10);
        assertArrayEquals(new double[] {5, 15, 25, 35, 45, 55, 65, 75, 85, 95}, s.timeMs(), EPS);
        assertArrayEquals(new double[] {100, 100, 0, 0, 0, 50, 0, 0, 0, 100}, s.rateHz(), EPS);
        // a trailing partial bin [100, 105) is discarded
        assertEquals(10, PopulationRate.histogram(trains, 0, 105, 10).size());
    }

    @Test
    void histogramOfPoissonPopulationRecoversRate() {
        // 50 cells x 20 Hz x 2 s = 2000 spikes expected; in 200 ms bins each bin has ~200 spikes,
        // SE of the mean rate over all 10 bins = 20 Hz / sqrt(2000) = 0.45 Hz; allow 4 SE
        List<double[]> trains = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            trains.add(SpikeStatisticsTest.poissonTrain(20.0, 2000.0, 1000L + c));
        }
        double[] r = PopulationRate.histogram(trains, 0, 2000, 200).rateHz();
        double mean = 0;
        for (double v : r) {
            mean += v;
        }
        mean /= r.length;
        assertEquals(20.0, mean, 4 * 20.0 / Math.sqrt(2000));
    }

    @Test
    void gaussianKernelSingleSpike() {
        // one spike at 500 ms, sigma 10 ms, one cell: peak 1000/(10 sqrt(2 pi)) = 39.894 Hz,
        // one sigma away the value is peak * exp(-1/2) = 24.197 Hz
        PopulationRate.Series s = PopulationRate.gaussianKernel(
                List.<double[]>of(new double[] {500}), 0, 1000, 10, 1);
        assertEquals(1001, s.size()); // 0, 1, ..., 1000 ms: both edges included
        assertEquals(0.0, s.timeMs()[0], 0.0);
        assertEquals(1000.0, s.timeMs()[1000], EPS);
        double peak = 1000.0 / (10.0 * Math.sqrt(2 * Math.PI));
        assertEquals(peak, s.rateHz()[500], 1e-9);
        assertEquals(peak * Math.exp(-0.5), s.rateHz()[510], 1e-9);
        assertEquals(peak * Math.exp(-0.5), s.rateHz()[490], 1e-9);
        assertEquals(0.0, s.rateHz()[0], 0.0); // beyond the 6-sigma cutoff
    }

    @Test
    void gaussianKernelIntegratesToSpikesPerCell() {
        // kernel has unit area, so sum(rate * step / 1000) = spikes / cells for spikes far from
        // the edges (Riemann sum of a Gaussian with step sigma/5 is exact to ~1e-12)
        List<double[]> trains = List.of(new double[] {200, 300.3, 301, 700}, new double[] {450.5},
                new double[0]);
        PopulationRate.Series s = PopulationRate.gaussianKernel(trains, 0, 1000, 5, 1);
        double integral = 0;
        for (double v : s.rateHz()) {
            integral += v * 1.0 / 1000.0;
        }
        assertEquals(5.0 / 3.0, integral, 1e-8);
    }

    @Test
    void emptyPopulationGivesNaN() {
        PopulationRate.Series s = PopulationRate.histogram(List.of(), 0, 100, 10);
        assertTrue(Double.isNaN(s.rateHz()[0]));
    }

    /**
     * Issue 11.2: a homogeneous population reads its rate up to both edges. 200 cells x 2 s at
     * 20 Hz, sigma 100 ms. For Poisson cells the estimate at t has variance
     * {@code 1000^2 r int_inside K^2 / (N M^2)} (Hz^2; r in 1/ms, K in 1/ms): inside
     * {@code int K^2 = 1/(2 sigma sqrt(pi))}, M = 1, SD 0.53 Hz; at an edge half of that integral
     * and M = 1/2, SD 0.75 Hz. Every sample must lie within 4.5 edge SDs (false alarm over the
     * 101 correlated samples well below 1e-3); without the correction the edges read about 10 Hz
     * (13 SDs low). Regular cells (random phase) fluctuate less, so the same bound holds.
     */
    @Test
    void gaussianKernelIsFlatToBothEdges() {
        int cells = 200;
        double rateHz = 20;
        double durationMs = 2000;
        double sigmaMs = 100;
        double edgeSd = Math.sqrt(1e6 * rateHz / 1000 / (4 * sigmaMs * Math.sqrt(Math.PI)) / (cells * 0.25));
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(20261201L);
        List<double[]> poisson = new java.util.ArrayList<>();
        List<double[]> regular = new java.util.ArrayList<>();
        double isiMs = 1000 / rateHz;
        for (int c = 0; c < cells; c++) {
            java.util.List<Double> p = new java.util.ArrayList<>();
            for (double t = -isiMs * Math.log(1 - rng.nextDouble()); t < durationMs;
                 t += -isiMs * Math.log(1 - rng.nextDouble())) {
                p.add(t);
            }
            poisson.add(p.stream().mapToDouble(Double::doubleValue).toArray());
            double phase = rng.nextDouble() * isiMs;
            int n = (int) Math.ceil((durationMs - phase) / isiMs);
            double[] r = new double[n];
            for (int k = 0; k < n; k++) {
                r[k] = phase + k * isiMs;
            }
            regular.add(r);
        }
        for (List<double[]> population : List.of(poisson, regular)) {
            PopulationRate.Series s = PopulationRate.gaussianKernel(population, 0, durationMs, sigmaMs, 20);
            double[] r = s.rateHz();
            for (int k = 0; k < r.length; k++) {
                assertEquals(rateHz, r[k], 4.5 * edgeSd, "sample " + k + " at " + s.timeMs()[k] + " ms");
            }
            assertEquals(101, s.size()); // 0, 20, ..., 2000 ms: both edges sampled
            assertEquals(0.0, s.timeMs()[0], 0.0);
            assertEquals(durationMs, s.timeMs()[100], 0.0);
        }
    }

    /** The correction is exactly the inside mass: one spike at the start edge reads twice the uncorrected kernel. */
    @Test
    void edgeCorrectionDividesByTheKernelMassInside() {
        PopulationRate.Series s = PopulationRate.gaussianKernel(List.<double[]>of(new double[] {0}), 0, 1000, 10, 1);
        double peak = 1000.0 / (10.0 * Math.sqrt(2 * Math.PI));
        assertEquals(2 * peak, s.rateHz()[0], 1e-9);
        // 10 ms in: the kernel value exp(-1/2) peak over the mass inside, Phi(1) - Phi(-99) = 0.8413447460685429
        assertEquals(peak * Math.exp(-0.5) / 0.8413447460685429, s.rateHz()[10], 1e-9);
    }
}
