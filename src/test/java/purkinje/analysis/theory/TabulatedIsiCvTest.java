package purkinje.analysis.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TabulatedIsiCvTest {
    @Test
    void agreesWithTheDirectQuadratureFromRegularToPoissonFiring() {
        double worst = 0;
        for (double tau : new double[] {10, 47}) {
            for (double sigma : new double[] {0.5, 2, 6}) {
                for (double mu = -6; mu <= 60; mu += 6.6) {
                    LifTheoryCell cell = new LifTheoryCell(tau, 1, -59, -43, -69);
                    double exact = WhiteNoiseLif.isiCv(cell, mu, sigma);
                    double table = TabulatedIsiCv.isiCv(cell, mu, sigma);
                    worst = Math.max(worst, Math.abs(table / exact - 1));
                }
            }
        }
        assertTrue(worst < 1e-6, "largest relative difference " + worst);
    }

    @Test
    void outsideTheTableFallsBackToTheDirectQuadrature() {
        LifTheoryCell cell = new LifTheoryCell(20, 2, 0, 15, 0);
        // y_th = (15 - 1)/sqrt(2)/1 = 9.9 > Y_MAX: far below threshold, CV close to 1
        assertEquals(WhiteNoiseLif.isiCv(cell, 1, 1), TabulatedIsiCv.isiCv(cell, 1, 1), 0);
        assertEquals(0.0, TabulatedIsiCv.isiCv(cell, 20, 0), 0);
    }

    @Test
    void asymptoticSeriesMatchesTheTableAtItsLowerEnd() {
        double y = TabulatedIsiCv.Y_MIN + 1e-9;
        assertEquals(Math.log(TabulatedIsiCv.asymptoticG(TabulatedIsiCv.Y_MIN)), TabulatedIsiCv.lnG(y), 1e-6);
    }
}
