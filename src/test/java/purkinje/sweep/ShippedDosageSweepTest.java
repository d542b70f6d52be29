package purkinje.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import purkinje.engine.ProgressListener;

/**
 * configs/sweep-dosage.yaml: identical cells, dosage 0 to 1, next to wild-type cells (the
 * reference, dosage 1 at every point). The reduced cells' rate must rise with dosage at every step, and match the white-noise (Siegert) rate within 3 standard errors: MODEL.md
 * gives 14.95 Hz at dosage 1 and 10.31 Hz at 0.5; every point once the theory column is filled.
 * With 40 cells a point's SEM is about 0.02-0.04 Hz. There are 22 rows (11 points x 2 conditions),
 * so each is checked at 3.5 SE: a correct simulator fails one of 22 such checks with probability
 * 22 x 4.7e-4 = 1 % (Bonferroni; at 3 SE it would be 6 %). Fixed seed, so the outcome is the same
 * on every run.
 */
class ShippedDosageSweepTest {
    @Test
    void rateRisesWithDosageAndMatchesTheory() {
        SweepPlan plan = SweepPlan.load(Path.of("configs/sweep-dosage.yaml"), null);
        assertEquals(11, plan.size());
        List<PointRow> rows = SweepRunner.simulate(plan, IntStream.range(0, plan.size()).boxed().toList(),
                purkinje.engine.SimulationSettings.allCores(), ProgressListener.NONE);
        List<PointRow> reduced = rows.stream().filter(r -> r.condition().equals("meis1-reduced")).toList();
        List<PointRow> reference = rows.stream().filter(r -> r.condition().equals("wild-type")).toList();
        assertEquals(11, reduced.size());
        assertEquals(11, reference.size());
        for (int i = 1; i < reduced.size(); i++) {
            assertTrue(reduced.get(i).meanRateHz() > reduced.get(i - 1).meanRateHz(), "rate rises from point " + (i - 1));
            assertEquals(0.1 * i, reduced.get(i).meis1Dosage(), 1e-12);
        }
        assertWithinSe(reduced.get(10), 14.95);
        assertWithinSe(reduced.get(5), 10.31);
        for (PointRow r : reference) {
            assertEquals(1.0, r.meis1Dosage(), "the reference keeps dosage 1 at every point");
            assertWithinSe(r, 14.95);
        }
        for (PointRow r : rows) {
            if (Double.isFinite(r.theoryRateHz())) {
                assertWithinSe(r, r.theoryRateHz());
            }
        }
    }

    private static void assertWithinSe(PointRow r, double theoryHz) {
        assertEquals(theoryHz, r.meanRateHz(), 3.5 * r.semRateHz(),
                "dosage " + r.meis1Dosage() + ": " + r.meanRateHz() + " +- " + r.semRateHz() + " Hz vs theory " + theoryHz);
    }
}
