package purkinje.analysis.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColouredNoiseLifTest {

    private static final LifTheoryCell CELL = new LifTheoryCell(20.0, 2.0, 0.0, 15.0, 0.0);
    private static final LifTheoryCell PURKINJE = new LifTheoryCell(47.0, 1.0, -59.0, -43.0, -69.0);

    @Test
    void alphaConstant() {
        assertEquals(2.0652, ColouredNoiseLif.ALPHA, 1e-4); // sqrt(2) * 1.46035450880958681 = 2.06525315...
        assertEquals(2.0652531522312, ColouredNoiseLif.ALPHA, 1e-12);
    }

    @Test
    void whiteNoiseLimit() {
        for (double mu : new double[] {8.0, 12.0, 16.0, 20.0, 30.0}) {
            double white = WhiteNoiseLif.rateHz(CELL, mu, 4.0);
            assertEquals(white, ColouredNoiseLif.rateHz(CELL, mu, 4.0, 0.0), 0.0);
            assertEquals(white, ColouredNoiseLif.rateHz(CELL, mu, 4.0, 1e-10), 1e-4 * white);
        }
        assertEquals(DeterministicLif.rateHz(CELL, 20.0), ColouredNoiseLif.rateHz(CELL, 20.0, 0.0, 1.0), 0.0);
    }

    @Test
    void shortCorrelationTimeLowersRate() {
        // At fixed free-membrane sigma_V, tau_s = 1 ms raises threshold and reset by
        // sigma * alpha/2 * sqrt(tau_s/tau_m); the net effect is a lower rate both above
        // (mu = 20, 30) and below (mu = 8, 12) threshold.
        double[][] expected = { // mu, FB rate (tau_s = 1 ms)
            {8.0, 4.0230560}, {12.0, 12.320970}, {16.0, 23.233079}, {20.0, 34.635218}, {30.0, 61.675743},
        };
        for (double[] row : expected) {
            double fb = ColouredNoiseLif.rateHz(CELL, row[0], 4.0, 1.0);
            assertEquals(row[1], fb, 1e-7 * row[1]);
            assertTrue(fb < WhiteNoiseLif.rateHz(CELL, row[0], 4.0), "mu = " + row[0]);
        }
        double mu = 10.3 / (20.0 / 47.0);
        assertTrue(ColouredNoiseLif.rateHz(PURKINJE, mu, 2.0, 1.0) < WhiteNoiseLif.rateHz(PURKINJE, mu, 2.0));
    }

    @Test
    void shiftedWhiteNoiseEquivalence() {
        // the FB rate equals the white-noise rate of a cell with shifted threshold and reset
        double tauS = 1.0;
        double sigma = ColouredNoiseLif.equivalentWhiteSigmaMv(CELL, 4.0, tauS);
        assertEquals(Math.sqrt(2.0) * 4.0 * Math.sqrt(1.05), sigma, 1e-12);
        double shift = sigma * ColouredNoiseLif.ALPHA / 2.0 * Math.sqrt(tauS / 20.0);
        LifTheoryCell shifted = new LifTheoryCell(20.0, 2.0, 0.0, 15.0 + shift, shift);
        double expected = WhiteNoiseLif.rateHz(shifted, 16.0, sigma / Math.sqrt(2.0));
        assertEquals(expected, ColouredNoiseLif.rateHz(CELL, 16.0, 4.0, tauS), 1e-9 * expected);
    }

    @Test
    void currentNoiseConversion() {
        double gL = 20.0 / 47.0;
        double tauS = 2.0;
        double sigmaI = 3.0; // pA
        double sv = ColouredNoiseLif.freeMembraneSigmaMv(PURKINJE, sigmaI, gL, tauS);
        assertEquals(sigmaI / gL * Math.sqrt(tauS / 49.0), sv, 1e-12);
        // equivalent white sigma^2 = 2 (sigma_I/g_L)^2 tau_s / tau_m
        double sigma = ColouredNoiseLif.equivalentWhiteSigmaMv(PURKINJE, sv, tauS);
        assertEquals(2.0 * Math.pow(sigmaI / gL, 2) * tauS / 47.0, sigma * sigma, 1e-10);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> ColouredNoiseLif.rateHz(CELL, 10.0, 1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> ColouredNoiseLif.rateHz(CELL, 10.0, -1.0, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> ColouredNoiseLif.freeMembraneSigmaMv(CELL, 1.0, 0.0, 1.0));
    }
}
