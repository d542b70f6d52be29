package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.NoiseParameters;

/**
 * Spike times of Brownian-bridge crossings follow the bridge's first-passage law inside the step
 * (issue 11, item 14: they sat at the step's midpoint).
 */
class BridgeCrossingTest {

    /** f(t) of {@link BridgeCrossing}, written from the Brownian first-passage and transition densities. */
    private static double density(double t, double alpha, double beta, double s2, double h) {
        if (t <= 0 || t >= h) {
            return 0;
        }
        return alpha * Math.sqrt(h) / Math.sqrt(2 * Math.PI * s2 * t * t * t * (h - t))
                * Math.exp((alpha + beta) * (alpha + beta) / (2 * s2 * h) - alpha * alpha / (2 * s2 * t)
                - beta * beta / (2 * s2 * (h - t)));
    }

    /**
     * Kolmogorov-Smirnov distance between 20,000 sampled crossing times and the law, whose CDF is
     * the density integrated by Simpson's rule (which must integrate to 1: the crossing probability
     * exp(-2 alpha beta / (s^2 h)) divides it). The 0.1 % critical value is 1.95 / sqrt(n) = 0.0138.
     */
    @ParameterizedTest(name = "alpha = {0} mV, beta = {1} mV")
    @CsvSource({"0.05, 0.15", "0.15, 0.05", "0.1, 0.1", "0.02, 0.3", "0.3, 0.01"})
    void crossingTimesFollowTheFirstPassageLaw(double alpha, double beta) {
        double h = 0.1;
        double s2 = 2 * 2.0 * 2.0 / 47; // sigma_v 2 mV, tau_m 47 ms
        int grid = 20_000;
        double[] cdf = new double[grid + 1];
        double dx = h / grid;
        for (int i = 1; i <= grid; i++) { // Simpson on each interval with its midpoint
            double a = (i - 1) * dx;
            double b = i * dx;
            cdf[i] = cdf[i - 1] + dx / 6 * (density(a, alpha, beta, s2, h)
                    + 4 * density(0.5 * (a + b), alpha, beta, s2, h) + density(b, alpha, beta, s2, h));
        }
        assertEquals(1, cdf[grid], 1e-6, "the conditioned density integrates to 1");

        UniformRandomProvider rng = RandomStreams.forCell(5, 1, RandomStreams.Purpose.SPIKE_TIME);
        int n = 20_000;
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = BridgeCrossing.firstPassageMs(alpha, beta, s2, h, rng);
            assertTrue(t[i] >= 0 && t[i] <= h);
        }
        Arrays.sort(t);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double pos = t[i] / dx;
            int k = Math.min(grid - 1, (int) pos);
            double f = cdf[k] + (cdf[k + 1] - cdf[k]) * (pos - k);
            d = Math.max(d, Math.max(Math.abs((i + 1.0) / n - f), Math.abs((double) i / n - f)));
        }
        assertTrue(d < 1.95 / Math.sqrt(n), "KS distance " + d);
    }

    /**
     * What a user sees in spikes.csv: at dt = 0.1 ms with the default 2 mV noise, about half the
     * spikes are bridge crossings; their times must not pile up on the half-step grid, and the phase
     * of spikes within the step (t mod dt) / dt must be spread over the step.
     */
    @Test
    void spikeTimesDoNotSitAtTheStepMidpoint() {
        CellParameters cell = new CellParameters(20, 47, -59, -43, -69, 1, 10.3); // the default cell, ~15 Hz
        double dt = 0.1;
        Ensemble e = Ensemble.builder().addPopulationReturning(42, cell, new NoiseParameters(2, 0),
                Heterogeneity.NONE, 16);
        EnsembleResult r = EnsembleSimulator.run(e, new SimulationSettings(dt, 100_000, 2, true, Set.of(), 0));
        int spikes = 0;
        int atMidpoint = 0;
        int[] phaseQuarter = new int[4];
        for (int c = 0; c < e.size(); c++) {
            for (double t : r.spikeTimesMs(c)) {
                double phase = t / dt - Math.floor(t / dt);
                spikes++;
                if (Math.abs(phase - 0.5) < 1e-9) {
                    atMidpoint++;
                }
                phaseQuarter[Math.min(3, (int) (phase * 4))]++;
            }
        }
        assertTrue(spikes > 1000, "enough spikes: " + spikes);
        assertTrue(atMidpoint <= spikes / 1000, atMidpoint + " of " + spikes + " spikes at the step midpoint");
        for (int q = 0; q < 4; q++) {
            assertTrue(phaseQuarter[q] > spikes / 10, "phase quarter " + q + ": " + Arrays.toString(phaseQuarter));
        }
    }
}
