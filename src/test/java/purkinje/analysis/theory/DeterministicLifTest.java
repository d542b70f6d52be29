package purkinje.analysis.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DeterministicLifTest {

    private static final LifTheoryCell CELL = new LifTheoryCell(20.0, 2.0, 0.0, 15.0, 0.0);
    private static final LifTheoryCell PURKINJE = new LifTheoryCell(47.0, 1.0, -59.0, -43.0, -69.0);

    @Test
    void rateAboveRheobase() {
        // 1 / (2 ms + 20 ms ln(20/5))
        assertEquals(1000.0 / (2.0 + 20.0 * Math.log(4.0)), DeterministicLif.rateHz(CELL, 20.0), 1e-12);
        // Purkinje: mu = 24.205 mV, reset 10 mV below rest: 1/(1 + 47 ln(34.205/8.205))
        assertEquals(1000.0 / (1.0 + 47.0 * Math.log(34.205 / 8.205)),
                DeterministicLif.rateHz(PURKINJE, 24.205), 1e-11);
    }

    @Test
    void silentAtAndBelowRheobase() {
        assertEquals(0.0, DeterministicLif.rateHz(CELL, 15.0));
        assertEquals(0.0, DeterministicLif.rateHz(CELL, 3.0));
        assertEquals(0.0, DeterministicLif.rateHz(CELL, -100.0));
    }

    @Test
    void largeDriveApproachesInverseRefractoryPeriod() {
        assertEquals(500.0, DeterministicLif.rateHz(CELL, 1e9), 1e-3);
        assertEquals(500.0, DeterministicLif.rateHz(CELL, Double.POSITIVE_INFINITY), 0.0);
    }

    @Test
    void rheobase() {
        assertEquals(16.0, DeterministicLif.rheobaseMv(PURKINJE), 0.0);
        double gL = 20.0 / 47.0; // nS
        assertEquals(6.8085, DeterministicLif.rheobasePa(PURKINJE, gL), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> DeterministicLif.rheobasePa(PURKINJE, 0.0));
        assertThrows(IllegalArgumentException.class, () -> DeterministicLif.rateHz(PURKINJE, Double.NaN));
    }
}
