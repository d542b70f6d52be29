package purkinje.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import purkinje.model.CellParameters;
import purkinje.model.Inputs;
import purkinje.model.NoiseParameters;

/** The pieces of the likelihood against direct computation. */
class LikelihoodTest {
    private static final CellModel BASE = new CellModel(CellParameters.DEFAULTS, NoiseParameters.DEFAULTS, Inputs.NONE);
    private static final double[] RATES = {0, 0, 4.2, 8.5, 11.0, 12.3, 14.9, 15.2, 17.8, 20.1};
    private static final double[] CVS = {Double.NaN, Double.NaN, 0.4, 0.25, 0.2, 0.19, 0.16, 0.15, 0.13, 0.12};

    @Test
    void recordedRatesMapBackToTheDriveThatGivesThemAndCvsMatchTheTheory() {
        RateCurve curve = RateCurve.covering(BASE, Math.log(10.3), 4, 20.1);
        for (double r : new double[] {4.2, 11.0, 20.1}) {
            double x = curve.logDrive(r);
            assertEquals(r, BASE.rateHz(Math.exp(x)), 1e-4 * r, "rate at the recovered drive");
            assertEquals(BASE.isiCv(Math.exp(x)), curve.isiCv(x), 1e-4, "CV at the recovered drive");
        }
    }

    @Test
    void silentCellProbabilityIsTheExpectedPoissonZeroOverTheDriveSpread() {
        ConditionTerms t = ConditionTerms.of(BASE, Math.log(10.3), RATES, CVS, 20_000, true);
        assertEquals(2, t.silent);
        double m = Math.log(7.0);
        double s = 0.3;
        // brute force: trapezoid over z in [-9, 9]
        int n = 20_000;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = -9 + 18.0 * i / n;
            double w = (i == 0 || i == n) ? 0.5 : 1;
            sum += w * Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)
                    * Math.exp(-Math.exp(t.curve.lnRate(m + s * z)) * 20);
        }
        double direct = Math.log(sum * 18.0 / n);
        assertEquals(direct, t.lnSilentProbability(m, s), 1e-6 * Math.abs(direct));
    }

    @Test
    void silentCellsEnterTheJointLikelihoodAndLowerItWhenTheDriveIsHigh() {
        FitData withSilent = new FitData(BASE, Math.log(10.3), RATES, CVS, RATES, CVS, 20_000, true);
        double[] firing = java.util.Arrays.copyOfRange(RATES, 2, RATES.length);
        double[] firingCv = java.util.Arrays.copyOfRange(CVS, 2, CVS.length);
        FitData without = new FitData(BASE, Math.log(10.3), firing, firingCv, firing, firingCv, 20_000, true);
        Hypothesis none = new Hypothesis(List.of());
        JointLikelihood.Value a = new JointLikelihood(withSilent, JointLikelihood.referenceTerms(withSilent))
                .evaluate(none, new double[0]);
        JointLikelihood.Value b = new JointLikelihood(without, JointLikelihood.referenceTerms(without))
                .evaluate(none, new double[0]);
        assertTrue(Double.isFinite(a.logLikelihood()), "silent cells give a finite likelihood");
        // silent cells are probabilities (< 1): they lower ln L, and pull the fitted drive down
        assertTrue(a.logLikelihood() < b.logLikelihood());
        assertTrue(a.meanDrivePa() < b.meanDrivePa());
    }
}
