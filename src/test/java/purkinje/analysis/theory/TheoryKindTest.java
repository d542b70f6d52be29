package purkinje.analysis.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import purkinje.model.CellParameters;
import purkinje.model.ClimbingFibre;
import purkinje.model.Inputs;
import purkinje.model.NoiseParameters;
import purkinje.model.PoissonInput;

/**
 * What the "theory" next to a simulated rate is: with coloured noise it is Fourcaud-Brunel's first
 * order and differs by a few % (3 %, about 40 standard errors, at tau 5 ms); fi printed and plotted
 * it as "theory" without saying so.
 */
class TheoryKindTest {
    private static final CellParameters CELL = CellParameters.DEFAULTS;

    @Test
    void saysWhetherTheTheoryIsExactOrAnApproximation() {
        assertEquals("exact (no noise)", TheoryRates.kind(CELL, new NoiseParameters(0, 0), Inputs.NONE));
        assertEquals("exact (white noise: Siegert / Brunel 2000)", TheoryRates.kind(CELL, new NoiseParameters(2, 0),
                Inputs.NONE));
        String ou = TheoryRates.kind(CELL, new NoiseParameters(2, 5), Inputs.NONE);
        assertTrue(ou.startsWith("an approximation: Fourcaud and Brunel (2002), first order in sqrt(tau_noise / tau_m) = "
                + String.format(java.util.Locale.ROOT, "%.2f", Math.sqrt(5 / CELL.tauMs()))), ou);
        String synaptic = TheoryRates.kind(CELL, new NoiseParameters(2, 0), new Inputs(new PoissonInput(5, 100, 5, 1),
                null, null));
        assertTrue(synaptic.startsWith("an approximation: the diffusion approximation of the synaptic input;"), synaptic);
        assertEquals("no theory (a climbing fibre's pauses are not in it)", TheoryRates.kind(CELL,
                new NoiseParameters(2, 0), new Inputs(null, null, new ClimbingFibre(1, 20, Double.NaN))));
    }

    /**
     * Far beyond its expansion the Fourcaud-Brunel rate was nonsense printed as theory: 0 Hz for
     * cells firing at 69 Hz at tau_noise = 100 s (fi.csv, fi.png, validate's Infinity % FAIL).
     * Up to tau / tau_m = 0.25 it is given with an accuracy that grows with tau / tau_m; beyond,
     * there is none.
     */
    @Test
    void beyondItsExpansionTheColouredNoiseTheoryGivesNoNumber() {
        double tauM = CELL.tauMs();
        NoiseParameters far = new NoiseParameters(2, 100_000);
        assertTrue(Double.isNaN(TheoryRates.rateHz(CELL, far, 30)), "no rate at tau = 100 s");
        String none = TheoryRates.kind(CELL, far, Inputs.NONE);
        assertTrue(none.startsWith("no theory: Fourcaud and Brunel (2002) is first order in sqrt(tau / tau_m) and is "
                + "used up to tau / tau_m = 0.25; here the membrane noise's correlation time (noise.tau and synaptic tau_syn, "
                + "weighted by their share of the noise) over tau_m is 2.13e+03"), none);
        NoiseParameters edge = new NoiseParameters(2, 0.25 * tauM);
        assertTrue(Double.isFinite(TheoryRates.rateHz(CELL, edge, 30)), "a rate at tau / tau_m = 0.25");
        assertEquals(0.15, TheoryRates.approximationAccuracy(CELL, edge, Inputs.NONE), 1e-12);
        assertTrue(Double.isNaN(TheoryRates.rateHz(CELL, new NoiseParameters(2, 0.2501 * tauM), 30)));
        assertEquals(0.03, TheoryRates.approximationAccuracy(CELL, new NoiseParameters(2, 0.05 * tauM), Inputs.NONE),
                1e-12);
        assertEquals(0.06, TheoryRates.approximationAccuracy(CELL, new NoiseParameters(2, 0.1 * tauM), Inputs.NONE),
                1e-12);
        assertEquals(0, TheoryRates.approximationAccuracy(CELL, new NoiseParameters(2, 0), Inputs.NONE));
        assertTrue(TheoryRates.kind(CELL, new NoiseParameters(2, 0.1 * tauM), Inputs.NONE)
                .endsWith("expect it to differ from the simulation by up to about 6 %"));
    }
}
