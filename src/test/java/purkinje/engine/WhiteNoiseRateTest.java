package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.NoiseParameters;

/**
 * The simulated white-noise rate against the reference table of MODEL.md (tau_m = 20 ms,
 * V_th - E_L = 15 mV, V_reset = E_L, t_ref = 2 ms, sigma_v = 4 mV), at several step sizes: the
 * Brownian-bridge detection keeps the rate unbiased even at coarse steps.
 */
class WhiteNoiseRateTest {

    static double[] simulateRates(double muMv, double dtMs, int cells, double durationMs, long seed, int threads) {
        // C_m = 200 pF, tau_m = 20 ms -> g_L = 10 nS, so I = mu * 10 nS
        CellParameters cell = new CellParameters(200, 20, -65, -50, -65, 2, muMv * 10);
        Ensemble e = Ensemble.builder().addPopulationReturning(seed, cell, new NoiseParameters(4, 0),
                Heterogeneity.NONE, cells);
        long steps = Math.round(durationMs / dtMs);
        EnsembleResult r = EnsembleSimulator.run(e, new SimulationSettings(dtMs, steps, threads, false, Set.of(), 0));
        double[] rates = new double[cells];
        for (int i = 0; i < cells; i++) {
            rates[i] = r.spikeCount(i) / (steps * dtMs * 1e-3);
        }
        return rates;
    }

    @ParameterizedTest(name = "mu = {0} mV, dt = {2} ms: rate {1} Hz")
    @CsvSource({"20, 38.234, 0.1", "16, 26.806, 0.1", "12, 15.489, 0.1", "20, 38.234, 0.5"})
    void rateMatchesSiegertTable(double muMv, double theoryHz, double dtMs) {
        double[] rates = simulateRates(muMv, dtMs, 200, 20_000, 42, 2);
        double mean = java.util.Arrays.stream(rates).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(rates).map(x -> (x - mean) * (x - mean)).sum() / (rates.length - 1));
        double sem = sd / Math.sqrt(rates.length);
        System.out.printf("mu %.0f dt %.2f: %.4f Hz (theory %.3f, sem %.4f, rel %.4f%%)%n", muMv, dtMs, mean, theoryHz,
                sem, 100 * (mean / theoryHz - 1));
        assertEquals(theoryHz, mean, 4 * sem + theoryHz * 0.001);
    }
}
