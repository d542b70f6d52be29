package purkinje.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Cell-to-cell variability: an SD in mV for potentials, a lognormal CV otherwise, truncated at 6 SD. */
class HeterogeneityTest {

    @Test
    void aPotentialVariesAdditivelyWithTheGivenStandardDeviation() {
        Heterogeneity h = new Heterogeneity(Map.of(CellParameter.V_TH, 1.0, CellParameter.I_PACE, 0.1));
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(20261126L);
        var normal = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 20_000;
        double sum = 0;
        double sumSq = 0;
        double paceSum = 0;
        for (int i = 0; i < n; i++) {
            CellParameters c = h.apply(CellParameters.DEFAULTS, normal::sample);
            sum += c.vThresholdMv();
            sumSq += c.vThresholdMv() * c.vThresholdMv();
            paceSum += c.iPacePa();
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        // standard errors: of the mean 1/sqrt(n) = 0.0071 mV, of the SD about 1/sqrt(2n) = 0.005 mV; 4 SE
        assertEquals(-43.0, mean, 4 / Math.sqrt(n));
        assertEquals(1.0, sd, 4 / Math.sqrt(2.0 * n));
        // the lognormal factor keeps mean 1: SE of the mean I_pace = 10.3 x 0.1 / sqrt(n)
        assertEquals(10.3, paceSum / n, 4 * 1.03 / Math.sqrt(n));
    }

    @Test
    void drawsAreTruncatedAtSixStandardDeviations() {
        Heterogeneity h = new Heterogeneity(Map.of(CellParameter.V_TH, 1.0, CellParameter.T_REF, 0.2));
        CellParameters far = h.apply(CellParameters.DEFAULTS, () -> -40);
        assertEquals(-43.0 - 6, far.vThresholdMv());
        assertEquals(Heterogeneity.lognormalFactor(0.2, -6), far.tRefMs());
    }

    @Test
    void everyDrawableCellIsCheckedAgainstTheRulesOfTheNominalCell() {
        // the largest CV the message offers is accepted, and the drawn extreme cell is valid
        Heterogeneity ok = new Heterogeneity(Map.of(CellParameter.T_REF, 0.38));
        ok.checkDrawnCells(CellParameters.DEFAULTS, c -> RunConfig.checkStep(c, 0.1, ""));
        CellParameters low = ok.apply(CellParameters.DEFAULTS, () -> -6);
        assertTrue(low.tRefMs() >= 0.1, "t_ref " + low.tRefMs());
        Heterogeneity tooWide = new Heterogeneity(Map.of(CellParameter.T_REF, 0.39));
        var e = org.junit.jupiter.api.Assertions.assertThrows(InvalidParameterException.class,
                () -> tooWide.checkDrawnCells(CellParameters.DEFAULTS, c -> RunConfig.checkStep(c, 0.1, "")));
        assertTrue(e.getMessage().startsWith("heterogeneity.t_ref: a coefficient of variation of 0.39 draws invalid"),
                e.getMessage());
    }
}
