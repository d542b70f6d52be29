package purkinje.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import purkinje.engine.ProgressListener;

/**
 * configs/sweep-dosage.yaml: identical wild-type cells, dosage 0 to 1. The rate must rise with
 * dosage at every step, and match the white-noise (Siegert) rate within 3 standard errors: MODEL.md
 * gives 14.95 Hz at dosage 1 and 10.31 Hz at 0.5; every point once the theory column is filled.
 * With 40 cells a point's SEM is about 0.03 Hz; a correct simulator fails a 3-SE check with
 * probability about 0.3 % per point (fixed seed, so the outcome is the same on every run).
 */
class ShippedDosageSweepTest {
    @Test
    void rateRisesWithDosageAndMatchesTheory() {
        SweepPlan plan = SweepPlan.load(Path.of("configs/sweep-dosage.yaml"), null);
        assertEquals(11, plan.size());
        List<PointRow> rows = SweepRunner.simulate(plan, IntStream.range(0, plan.size()).boxed().toList(),
                purkinje.engine.SimulationSettings.allCores(), ProgressListener.NONE);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).meanRateHz() > rows.get(i - 1).meanRateHz(), "rate rises from point " + (i - 1));
        }
        assertWithin3Se(rows.get(10), 14.95);
        assertWithin3Se(rows.get(5), 10.31);
        for (PointRow r : rows) {
            if (Double.isFinite(r.theoryRateHz())) {
                assertWithin3Se(r, r.theoryRateHz());
            }
        }
    }

    private static void assertWithin3Se(PointRow r, double theoryHz) {
        assertEquals(theoryHz, r.meanRateHz(), 3 * r.semRateHz(),
                "dosage " + r.meis1Dosage() + ": " + r.meanRateHz() + " +- " + r.semRateHz() + " Hz vs theory " + theoryHz);
    }
}
