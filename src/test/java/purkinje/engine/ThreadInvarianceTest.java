package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.NoiseParameters;

/** Streams belong to cells, not threads: any thread count gives bit-identical spike trains. */
class ThreadInvarianceTest {

    private static EnsembleResult run(int threads, NoiseParameters noise) {
        Ensemble.Builder b = Ensemble.builder();
        b.addPopulation(11, CellParameters.DEFAULTS, noise, Heterogeneity.DEFAULTS, 13);
        b.addPopulation(12, CellParameters.DEFAULTS.with(purkinje.model.CellParameter.I_PACE, 8.24), noise,
                Heterogeneity.DEFAULTS, 9);
        return EnsembleSimulator.run(b.build(), new SimulationSettings(0.1, 10_000, threads, true, Set.of(0, 20), 500));
    }

    @Test
    void whiteAndColouredNoiseAreThreadCountInvariant() {
        for (NoiseParameters noise : new NoiseParameters[] {new NoiseParameters(2, 0), new NoiseParameters(2, 3)}) {
            EnsembleResult one = run(1, noise);
            for (int threads : new int[] {2, 3, 8}) {
                EnsembleResult many = run(threads, noise);
                for (int c = 0; c < one.ensemble().size(); c++) {
                    assertArrayEquals(one.spikeTimesMs(c), many.spikeTimesMs(c), "cell " + c + ", threads " + threads);
                    assertEquals(one.statistics(c), many.statistics(c));
                }
                assertArrayEquals(one.voltageMv(20), many.voltageMv(20));
            }
        }
    }

    @Test
    void aCellKeepsItsStreamWhenThePopulationGrows() {
        Ensemble small = Ensemble.builder().addPopulationReturning(5, CellParameters.DEFAULTS,
                NoiseParameters.DEFAULTS, Heterogeneity.DEFAULTS, 3);
        Ensemble large = Ensemble.builder().addPopulationReturning(5, CellParameters.DEFAULTS,
                NoiseParameters.DEFAULTS, Heterogeneity.DEFAULTS, 30);
        SimulationSettings s = new SimulationSettings(0.1, 5_000, 2, true, Set.of(), 0);
        EnsembleResult a = EnsembleSimulator.run(small, s);
        EnsembleResult b = EnsembleSimulator.run(large, s);
        for (int c = 0; c < 3; c++) {
            assertArrayEquals(a.spikeTimesMs(c), b.spikeTimesMs(c));
        }
    }
}
