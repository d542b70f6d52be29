package purkinje.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PooledIsiCvTest {

    /** Three cells by hand: ISIs {10, 20, 30}, {40, 40} and {25}; pooled mean 30, pooled SD sqrt(600/6 - ...). */
    @Test
    void poolsTheIntervalsOfAllCells() {
        CellStatistics[] cells = {
            SpikeStatistics.of(new double[] {0, 10, 30, 60}, 0, 100),
            SpikeStatistics.of(new double[] {5, 45, 85}, 0, 100),
            SpikeStatistics.of(new double[] {50, 75}, 0, 100),
            SpikeStatistics.of(new double[] {50}, 0, 100), // no interval: no weight
        };
        double[] all = {10, 20, 30, 40, 40, 25};
        double mean = 0;
        for (double x : all) {
            mean += x / all.length;
        }
        double ss = 0;
        for (double x : all) {
            ss += (x - mean) * (x - mean);
        }
        PooledIsiCv p = PooledIsiCv.of(cells);
        assertEquals(6, p.intervals());
        assertEquals(Math.sqrt(ss / all.length) / mean, p.cv(), 1e-12);
        assertTrue(p.standardError() > 0);
    }

    /** Gamma renewal trains of {@code intervals} intervals each, CV {@code cv}, mean 100 ms. */
    private static CellStatistics[] gammaCells(int cells, int intervals, double cv, UniformRandomProvider rng) {
        double shape = 1 / (cv * cv);
        AhrensDieterMarsagliaTsangGammaSampler g = new AhrensDieterMarsagliaTsangGammaSampler(rng, shape, 100 / shape);
        CellStatistics[] out = new CellStatistics[cells];
        for (int c = 0; c < cells; c++) {
            double[] t = new double[intervals + 1];
            for (int i = 1; i <= intervals; i++) {
                t[i] = t[i - 1] + g.sample();
            }
            out[c] = SpikeStatistics.of(t, 0, t[intervals] + 1);
        }
        return out;
    }

    /**
     * Why validate pools: with 10 intervals a cell (a low rate in a short run) the mean of per-cell
     * CVs sits several standard errors below the true 0.6, while the pooled CV is on it. Seeded.
     */
    @Test
    void unbiasedWhereTheMeanOfPerCellCvsIsNot() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261203L);
        CellStatistics[] cells = gammaCells(4000, 10, 0.6, rng);
        PooledIsiCv pooled = PooledIsiCv.of(cells);
        double[] perCell = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            perCell[i] = cells[i].cv();
        }
        DistributionSummary mean = DistributionSummary.of(perCell);
        assertTrue(Math.abs(pooled.cv() - 0.6) < 3 * pooled.standardError(),
                "pooled " + pooled.cv() + " +- " + pooled.standardError());
        assertTrue(0.6 - mean.mean() > 5 * mean.sem(), "mean of per-cell CVs " + mean.mean() + " +- " + mean.sem());
    }

    /** The jackknife standard error matches the spread of the pooled CV over replicate populations. */
    @Test
    void standardErrorMatchesTheSpreadOverReplicates() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        List<Double> estimates = new ArrayList<>();
        double meanSe = 0;
        int replicates = 300;
        for (int r = 0; r < replicates; r++) {
            PooledIsiCv p = PooledIsiCv.of(gammaCells(100, 20, 0.4, rng));
            estimates.add(p.cv());
            meanSe += p.standardError() / replicates;
        }
        double m = estimates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(estimates.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (replicates - 1));
        // the SD of 300 replicates is itself known to about 1/sqrt(2 x 299) = 4 %; allow 15 %
        assertEquals(1, meanSe / sd, 0.15, "jackknife " + meanSe + " vs replicate SD " + sd);
    }
}
