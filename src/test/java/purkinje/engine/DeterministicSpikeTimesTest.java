package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.NoiseParameters;

/**
 * Without noise the LIF neuron is a relaxation oscillator with a closed-form period:
 * T = t_ref + tau_m ln((mu - (V_reset - E_L)) / (mu - (V_th - E_L))). Spike times are found inside
 * the step and refractoriness ends off-grid, so the simulated times must match the closed form to
 * rounding, at any dt.
 */
class DeterministicSpikeTimesTest {

    @ParameterizedTest(name = "I = {0} pA, dt = {1} ms")
    @CsvSource({"10.3, 0.1", "10.3, 0.5", "20, 0.1", "8, 0.025", "50, 1"})
    void spikeTimesMatchClosedForm(double iPacePa, double dtMs) {
        CellParameters cell = new CellParameters(20, 47, -59, -43, -69, 1, iPacePa);
        double vInf = cell.eLeakMv() + cell.muMv();
        double periodMs = cell.tRefMs() + cell.tauMs()
                * Math.log((vInf - cell.vResetMv()) / (vInf - cell.vThresholdMv()));
        Ensemble e = Ensemble.builder().addPopulationReturning(7, cell, new NoiseParameters(0, 0),
                Heterogeneity.NONE, 1);
        long steps = Math.round(2000 / dtMs);
        EnsembleResult r = EnsembleSimulator.run(e, new SimulationSettings(dtMs, steps, 1, true, Set.of(0), 1));
        double v0 = r.voltageMv(0)[0];
        double[] spikes = r.spikeTimesMs(0);
        // first spike: time for V to relax from its (random) start to threshold
        double first = cell.tauMs() * Math.log((vInf - v0) / (vInf - cell.vThresholdMv()));
        assertEquals(first, spikes[0], 1e-9);
        for (int k = 1; k < spikes.length; k++) {
            assertEquals(first + k * periodMs, spikes[k], 1e-9 * (1 + k), "spike " + k);
        }
        assertEquals(Math.floor((2000 - first) / periodMs) + 1, spikes.length);
    }

    @org.junit.jupiter.api.Test
    void belowRheobaseTheCellIsSilent() {
        // mu = I / g_L = 7 pA / (20/47 nS) = 16.45 mV > 16 mV... use 6 pA: 14.1 mV < V_th - E_L = 16 mV
        CellParameters cell = new CellParameters(20, 47, -59, -43, -69, 1, 6);
        Ensemble e = Ensemble.builder().addPopulationReturning(7, cell, new NoiseParameters(0, 0),
                Heterogeneity.NONE, 3);
        EnsembleResult r = EnsembleSimulator.run(e, new SimulationSettings(0.1, 20_000, 1, true, Set.of(), 0));
        for (int c = 0; c < 3; c++) {
            assertEquals(0, r.spikeCount(c));
        }
    }
}
