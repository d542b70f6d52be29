package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.NoiseParameters;

/** Step arithmetic that must not overflow (issue 12, item 2). */
class NumericLimitsTest {

    /**
     * t_ref = 1e308 ms looped forever in stepContaining (k + 1 overflowed). Configs now refuse
     * t_ref above 1 s (CellParameters.MAX_T_REF_MS), but the step arithmetic stays overflow-safe; a
     * refractory period longer than the run (1 s in a 1 s run) lets the cell fire once.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void refractoryPeriodBeyondAnyRunEndsNoStep() {
        assertEquals(Long.MAX_VALUE, Cell.stepContaining(1e308, 0.1));
        assertEquals(Long.MAX_VALUE, Cell.stepContaining(Double.MAX_VALUE, 1e-300));
        assertEquals(10, Cell.stepContaining(1.05, 0.1));
        for (double sigma : new double[] {0, 2}) {
            CellParameters cell = new CellParameters(20, 47, -59, -43, -69, CellParameters.MAX_T_REF_MS, 30);
            Ensemble e = Ensemble.builder().addPopulationReturning(1, cell, new NoiseParameters(sigma, 0),
                    Heterogeneity.NONE, 3);
            EnsembleResult r = EnsembleSimulator.run(e, new SimulationSettings(0.1, 10_000, 1, false, Set.of(), 0));
            for (int c = 0; c < 3; c++) {
                assertEquals(1, r.spikeCount(c), "one spike, then refractory for the rest of the run");
            }
        }
    }

    /** dt = 1e-9 ms gave "voltage samples -727379967": the trace window is capped, never overflowed. */
    @Test
    void voltageSampleCountsNeverOverflow() {
        assertEquals(10_001, SimulationSettings.voltageSamplesFor(1000, 0.1, 200_000));
        assertEquals(2_001, SimulationSettings.voltageSamplesFor(1000, 0.1, 2_000));
        assertEquals(SimulationSettings.MAX_VOLTAGE_SAMPLES, SimulationSettings.voltageSamplesFor(1000, 1e-9, 1_000_000_000_000L));
        assertEquals(SimulationSettings.MAX_VOLTAGE_SAMPLES, SimulationSettings.voltageSamplesFor(1000, 1e-300, SimulationSettings.MAX_STEPS));
    }

    /** Work and memory for up-front estimates, overflow-safe. */
    @Test
    void cellStepsAndTraceBytesSaturateInsteadOfOverflowing() {
        SimulationSettings s = new SimulationSettings(0.1, 100_000, 1, false, Set.of(0, 1), 10_001);
        assertEquals(4_000_000_000L, s.cellSteps(40_000));
        assertEquals(2 * 10_001 * 8L, s.voltageTraceBytes());
        SimulationSettings huge = new SimulationSettings(1e-9, SimulationSettings.MAX_STEPS, 1, false, Set.of(), 0);
        assertEquals(Long.MAX_VALUE, huge.cellSteps(1_000_000_000));
        assertThrows(IllegalArgumentException.class,
                () -> new SimulationSettings(1e-300, SimulationSettings.MAX_STEPS + 1, 1, false, Set.of(), 0));
    }
}
