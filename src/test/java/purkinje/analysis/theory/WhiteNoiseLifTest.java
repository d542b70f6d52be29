package purkinje.analysis.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WhiteNoiseLifTest {

    /** tau_m = 20 ms, theta = 15 mV, V_r = 0, t_ref = 2 ms (Brunel 2000 style cell). */
    private static final LifTheoryCell CELL = new LifTheoryCell(20.0, 2.0, 0.0, 15.0, 0.0);
    /** Purkinje defaults: C_m = 20 pF, tau_m = 47 ms, E_L = -59, V_th = -43, V_reset = -69 mV, t_ref = 1 ms. */
    private static final LifTheoryCell PURKINJE = new LifTheoryCell(47.0, 1.0, -59.0, -43.0, -69.0);
    private static final double G_LEAK_NS = 20.0 / 47.0;

    /** {mu, printed rate, printed CV, mpmath rate, mpmath CV}, sigma_V = 4 mV. */
    private static final double[][] TABLE = {
        {20.0, 38.234, 0.3948, 38.2341516947, 0.394796215456},
        {16.0, 26.806, 0.4877, 26.80648858, 0.487742072823},
        {12.0, 15.489, 0.6322, 15.4887757682, 0.632164105941},
    };

    @Test
    void referenceTable() {
        for (double[] row : TABLE) {
            double rate = WhiteNoiseLif.rateHz(CELL, row[0], 4.0);
            double cv = WhiteNoiseLif.isiCv(CELL, row[0], 4.0);
            // printed digits (half a unit of the last printed digit)
            assertEquals(row[1], rate, 5e-4, "rate at mu = " + row[0]);
            assertEquals(row[2], cv, 5e-5, "CV at mu = " + row[0]);
            // independent high-precision evaluation (mpmath, 30 digits)
            assertEquals(row[3], rate, 1e-9 * row[3], "rate vs mpmath at mu = " + row[0]);
            assertEquals(row[4], cv, 1e-9 * row[4], "CV vs mpmath at mu = " + row[0]);
        }
    }

    @Test
    void purkinjeDefaults() {
        double pace = 10.3; // pA
        assertEquals(24.205, pace / G_LEAK_NS, 1e-12);
        double r1 = WhiteNoiseLif.rateHz(PURKINJE, pace / G_LEAK_NS, 2.0);
        double r08 = WhiteNoiseLif.rateHz(PURKINJE, 0.8 * pace / G_LEAK_NS, 2.0);
        assertEquals(14.95, r1, 5e-3);
        assertEquals(10.31, r08, 5e-3);
        assertEquals(14.9504802203, r1, 1e-9 * r1);
        assertEquals(10.3146984465, r08, 1e-9 * r08);
        assertEquals(0.155345072535, WhiteNoiseLif.isiCv(PURKINJE, pace / G_LEAK_NS, 2.0), 1e-9);
        assertEquals(0.220424171474, WhiteNoiseLif.isiCv(PURKINJE, 0.8 * pace / G_LEAK_NS, 2.0), 1e-9);
    }

    @Test
    void zeroNoiseFallsBackToDeterministic() {
        assertEquals(DeterministicLif.rateHz(CELL, 20.0), WhiteNoiseLif.rateHz(CELL, 20.0, 0.0), 0.0);
        assertEquals(0.0, WhiteNoiseLif.rateHz(CELL, 10.0, 0.0), 0.0);
        assertEquals(0.0, WhiteNoiseLif.isiCv(CELL, 20.0, 0.0), 0.0);
        assertTrue(Double.isNaN(WhiteNoiseLif.isiCv(CELL, 10.0, 0.0)), "silent cell has no ISIs");
    }

    @Test
    void smallNoiseApproachesDeterministicAboveThreshold() {
        double det = DeterministicLif.rateHz(CELL, 20.0);
        assertEquals(det, WhiteNoiseLif.rateHz(CELL, 20.0, 1e-4), 1e-9 * det);
        assertEquals(det, WhiteNoiseLif.rateHz(CELL, 20.0, 1e-8), 1e-11 * det);
        assertEquals(33.6407540686, WhiteNoiseLif.rateHz(CELL, 20.0, 0.01), 1e-9 * 33.6407540686); // mpmath
        double cv = WhiteNoiseLif.isiCv(CELL, 20.0, 1e-4);
        assertTrue(cv > 0.0 && cv < 1e-4, "CV " + cv);
        // the CV is linear in sigma in the small-noise limit
        assertEquals(2.0, WhiteNoiseLif.isiCv(CELL, 20.0, 2e-4) / cv, 1e-4);
    }

    @Test
    void farBelowThresholdRateIsTinyFiniteAndPoissonLike() {
        // mpmath references
        assertEquals(3.80801523229e-20, WhiteNoiseLif.rateHz(CELL, 5.0, 1.0), 1e-9 * 3.80801523229e-20);
        assertEquals(4.12942882426e-47, WhiteNoiseLif.rateHz(CELL, 0.0, 1.0), 1e-9 * 4.12942882426e-47);
        for (double mu : new double[] {-50.0, 0.0, 5.0}) {
            for (double s : new double[] {0.01, 0.1, 1.0}) {
                double r = WhiteNoiseLif.rateHz(CELL, mu, s);
                double cv = WhiteNoiseLif.isiCv(CELL, mu, s);
                assertTrue(Double.isFinite(r) && r >= 0.0 && r < 1e-19, "rate " + r + " at mu=" + mu + " s=" + s);
                assertEquals(1.0, cv, 1e-3, "CV at mu=" + mu + " s=" + s);
            }
        }
        assertEquals(0.0, WhiteNoiseLif.rateHz(CELL, -1e6, 1e-3), 0.0);
    }

    @Test
    void largeDriveApproachesInverseRefractoryPeriod() {
        assertEquals(434.354326597, WhiteNoiseLif.rateHz(CELL, 1000.0, 4.0), 1e-9 * 434.354326597); // mpmath
        assertEquals(500.0, WhiteNoiseLif.rateHz(CELL, 1e8, 4.0), 1e-3);
        assertTrue(WhiteNoiseLif.isiCv(CELL, 1e8, 4.0) < 1e-6);
    }

    @Test
    void monotoneInMeanDriveAndNoise() {
        double prev = -1.0;
        for (double mu = -10.0; mu <= 60.0; mu += 1.0) {
            double r = WhiteNoiseLif.rateHz(CELL, mu, 4.0);
            assertTrue(r > prev, "rate not increasing at mu = " + mu);
            prev = r;
        }
        // below threshold more noise means more firing
        assertTrue(WhiteNoiseLif.rateHz(CELL, 10.0, 5.0) > WhiteNoiseLif.rateHz(CELL, 10.0, 4.0));
    }

    @Test
    void rejectsInvalidDrive() {
        assertThrows(IllegalArgumentException.class, () -> WhiteNoiseLif.rateHz(CELL, 10.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> WhiteNoiseLif.rateHz(CELL, Double.NaN, 1.0));
        assertThrows(IllegalArgumentException.class, () -> WhiteNoiseLif.isiCv(CELL, 10.0, Double.NaN));
    }
}
