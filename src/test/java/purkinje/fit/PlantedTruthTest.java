package purkinje.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fit recovers a planted truth (threshold +2.5 mV, 40 cells per condition, fixed seed): the
 * planted hypothesis is best, its interval contains the planted shift, the predictive check
 * passes, and the hypothesis wrong by construction (the same rate drop through the pacemaking
 * current alone) is ruled out. The coverage over 20 seeds is the documented study
 * ({@code FitCoverageStudy}).
 */
class PlantedTruthTest {
    @Test
    void selectsThePlantedThresholdShiftAndItsIntervalContainsIt(@TempDir Path dir) {
        MeasuredCells data = PlantedTruth.record(20261201, dir.resolve("planted"));
        FitExperiment.Result r = PlantedTruth.fit(data, 2);
        assertEquals(1, r.conditions().size());
        FitExperiment.ConditionFit c = r.conditions().get(0);
        assertEquals("meis1-het", c.condition());
        assertNotNull(c.best(), "no hypothesis passed its predictive check");
        assertEquals("V_th", c.best().name());
        HypothesisFit.Parameter vth = c.best().fit().parameters().get(0);
        assertTrue(vth.ciLow() < PlantedTruth.V_TH_SHIFT_MV && PlantedTruth.V_TH_SHIFT_MV < vth.ciHigh(),
                "interval " + vth.ciLow() + " to " + vth.ciHigh() + " mV misses the planted +2.5 mV");
        assertTrue(c.best().check().passed(), "predictive check failed: " + c.best().check().tests());
        // wrong by construction: MEIS1 acting on I_pace alone
        FitExperiment.Ranked ipace = PlantedTruth.hypothesis(c, "I_pace");
        assertEquals("ruled out", ipace.verdict());
        assertTrue(ipace.deltaAic() > 10, "I_pace only " + ipace.deltaAic() + " AIC units worse");
        // the drive the data were made with: mean I_pace 10.3 pA, CV 0.1
        assertEquals(10.3, c.best().fit().meanDrivePa(), 0.5);
        assertEquals(0.1, c.best().fit().driveCv(), 0.04);
    }
}
