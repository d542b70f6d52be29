package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import purkinje.analysis.TriggeredRate;
import purkinje.model.CellParameters;
import purkinje.model.ClimbingFibre;
import purkinje.model.Heterogeneity;
import purkinje.model.Inputs;
import purkinje.model.NoiseParameters;
import purkinje.model.PoissonInput;

/** Synaptic currents, climbing-fibre complex spikes and their pause. */
class SynapticInputTest {

    @Test
    void currentToVoltageMatchesClosedFormAndItsLimit() {
        double h = 0.7, tm = 20, ts = 2, c = 200;
        double closed = tm * ts / (c * (ts - tm)) * (Math.exp(-h / ts) - Math.exp(-h / tm));
        assertEquals(closed, Propagator.currentToVoltage(h, tm, ts, c), 1e-15);
        // tau_s = tau_m: (h / C) e^{-h/tau}, and continuity next to it
        assertEquals(h / c * Math.exp(-h / tm), Propagator.currentToVoltage(h, tm, tm, c), 1e-16);
        // next to it the value moves smoothly: relative change ~ h dtau / (2 tau^2) = 2e-11 here
        double at = Propagator.currentToVoltage(h, tm, tm, c);
        assertEquals(at, Propagator.currentToVoltage(h, tm, tm * (1 + 1e-9), c), at * 1e-10);
    }

    /**
     * A single noise-free cell with one synaptic event source of known total charge: below
     * threshold, the mean potential equals E_L + (I_pace + N r w tau_s) / g_L (Campbell). 200 cells,
     * 2 s each after 200 ms; the potential's SD from the shot noise is ~0.4 mV, so the mean over
     * 200 independent cells has SE ~0.03 mV; tolerance 0.15 mV.
     */
    @Test
    void meanPotentialFollowsCampbell() {
        CellParameters cell = new CellParameters(200, 20, -70, 100, -80, 2, 0);
        PoissonInput pf = new PoissonInput(10, 1000, 2, 3); // 10 kHz x 2 pA x 3 ms = 60 pA -> 6 mV
        var b = Ensemble.builder();
        b.addPopulation(4, cell, new NoiseParameters(0, 0), Heterogeneity.NONE, 200, 0, new Inputs(pf, null, null));
        Ensemble ens = b.build();
        java.util.Set<Integer> all = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            all.add(i);
        }
        long steps = 22_000;
        EnsembleResult r = EnsembleSimulator.run(ens, new SimulationSettings(0.1, steps, 2, false, all, (int) steps + 1));
        double sum = 0;
        int n = 0;
        for (int i = 0; i < 200; i++) {
            double[] v = r.voltageMv(i);
            for (int k = 2000; k <= steps; k += 500) { // samples 50 ms apart (> 2 tau_m): nearly independent
                sum += v[k];
                n++;
            }
        }
        assertEquals(-70 + 6.0, sum / n, 0.15);
    }

    /**
     * Inputs with an Ornstein-Uhlenbeck noise current (refused before 0.3.0): the free membrane's
     * mean follows Campbell, its variance is sigma_v^2 plus the shot noise's
     * N r w^2 tau_m^2 tau_s^2 / (2 C_m^2 (tau_m + tau_s)) = 0.078 mV^2, and its path is smooth (a
     * current drives it): the mean squared one-step increment is far below white noise's
     * 2 sigma_v^2 (1 - e^{-dt/tau_m}). About 8,000 nearly independent samples: SE 0.023 mV of the
     * mean, 1.6 % of the variance; tolerances 4 SE.
     */
    @Test
    void colouredNoiseCombinesWithInputs() {
        CellParameters cell = new CellParameters(200, 20, -70, 100, -80, 2, 0);
        PoissonInput pf = new PoissonInput(10, 1000, 2, 3);
        NoiseParameters noise = new NoiseParameters(2, 5);
        var b = Ensemble.builder();
        b.addPopulation(5, cell, noise, Heterogeneity.NONE, 200, 0, new Inputs(pf, null, null));
        java.util.Set<Integer> all = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            all.add(i);
        }
        long steps = 22_000;
        EnsembleResult r = EnsembleSimulator.run(b.build(), new SimulationSettings(0.1, steps, 2, false, all, (int) steps + 1));
        double sum = 0;
        double sum2 = 0;
        double increments2 = 0;
        int n = 0;
        int m = 0;
        for (int i = 0; i < 200; i++) {
            double[] v = r.voltageMv(i);
            for (int k = 2000; k <= steps; k += 500) {
                sum += v[k];
                sum2 += v[k] * v[k];
                n++;
            }
            for (int k = 2000; k < steps; k++) {
                increments2 += (v[k + 1] - v[k]) * (v[k + 1] - v[k]);
                m++;
            }
        }
        double mean = sum / n;
        double variance = sum2 / n - mean * mean;
        double expected = 4 + 10 * 4 * 400 * 9 / (2 * 40_000.0 * 23);
        assertEquals(-70 + 6.0, mean, 4 * Math.sqrt(expected / n));
        assertEquals(expected, variance, 4 * expected * Math.sqrt(2.0 / n));
        double white = 2 * 4 * -Math.expm1(-0.1 / 20);
        assertTrue(increments2 / m < 0.2 * white, "smooth path: " + increments2 / m + " vs white " + white);
    }

    /** The check: climbing fibre alone at 1 Hz gives 1.00 +/- 0.1 Hz of complex spikes over 100 s. */
    @Test
    void climbingFibreAloneGivesItsRateAndAPause() {
        Inputs cf = new Inputs(null, null, new ClimbingFibre(1, 20, Double.NaN));
        var b = Ensemble.builder();
        b.addPopulation(9, CellParameters.DEFAULTS, NoiseParameters.DEFAULTS, Heterogeneity.NONE, 10, 0, cf);
        Ensemble e = b.build();
        EnsembleResult r = EnsembleSimulator.run(e, new SimulationSettings(0.1, 1_000_000, 2, true, Set.of(), 0));
        List<double[]> simple = new ArrayList<>();
        List<double[]> complex = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // one cell over 100 s: a Poisson count of mean 100 (SD 10), so 4 SD = 0.4 Hz per cell;
            // the 1.00 +/- 0.1 Hz is checked on the mean over the 10 cells (SE 0.03 Hz)
            assertEquals(1.0, r.complexSpikeCount(i) / 100.0, 0.4, "cell " + i);
            simple.add(r.spikeTimesMs(i));
            complex.add(r.complexSpikeTimesMs(i));
            assertEquals(r.complexSpikeCount(i), r.complexSpikeTimesMs(i).length);
            assertTrue(r.medianPostComplexPauseMs(i) > 20, "pause at least the 20 ms hold");
        }
        double mean = complex.stream().mapToInt(a -> a.length).sum() / 1000.0;
        assertEquals(1.0, mean, 0.1);
        TriggeredRate.Histogram h = TriggeredRate.of(simple, complex, 100, 200, 5, 0, 100_000);
        // no simple spike during the 20 ms hold; before the complex spike the rate is near its mean
        for (int b2 = 0; b2 < h.binStartMs().length; b2++) {
            if (h.binStartMs()[b2] >= 0 && h.binStartMs()[b2] + 5 <= 20) {
                assertEquals(0.0, h.rateHz()[b2], "bin at " + h.binStartMs()[b2] + " ms");
            }
        }
        double before = 0;
        for (int b2 = 0; b2 < 20; b2++) {
            before += h.rateHz()[b2] / 20;
        }
        assertEquals(14.95, before, 1.5);
    }

    @Test
    void cellsWithoutInputsDrawExactlyWhatTheyDidBefore() {
        var a = Ensemble.builder();
        a.addPopulation(2, CellParameters.DEFAULTS, NoiseParameters.DEFAULTS, Heterogeneity.DEFAULTS, 5);
        var b = Ensemble.builder();
        b.addPopulation(2, CellParameters.DEFAULTS, NoiseParameters.DEFAULTS, Heterogeneity.DEFAULTS, 5, 0,
                new Inputs(new PoissonInput(0, 100, 1, 2), null, new ClimbingFibre(0, 10, Double.NaN)));
        SimulationSettings s = new SimulationSettings(0.1, 20_000, 1, true, Set.of(), 0);
        EnsembleResult x = EnsembleSimulator.run(a.build(), s);
        EnsembleResult y = EnsembleSimulator.run(b.build(), s);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(x.spikeTimesMs(i), y.spikeTimesMs(i));
        }
    }

    @Test
    void synapticCellsAreThreadCountInvariant() {
        Inputs in = new Inputs(new PoissonInput(1, 2000, 1, 2), new PoissonInput(10, 20, 2, 5),
                new ClimbingFibre(1, 20, -75));
        SimulationSettings one = new SimulationSettings(0.1, 20_000, 1, true, Set.of(), 0);
        SimulationSettings two = new SimulationSettings(0.1, 20_000, 3, true, Set.of(), 0);
        var b = Ensemble.builder();
        b.addPopulation(8, CellParameters.DEFAULTS, NoiseParameters.DEFAULTS, Heterogeneity.DEFAULTS, 9, 0, in);
        Ensemble e = b.build();
        EnsembleResult x = EnsembleSimulator.run(e, one);
        EnsembleResult y = EnsembleSimulator.run(e, two);
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(x.spikeTimesMs(i), y.spikeTimesMs(i));
            assertArrayEquals(x.complexSpikeTimesMs(i), y.complexSpikeTimesMs(i));
        }
    }
}
