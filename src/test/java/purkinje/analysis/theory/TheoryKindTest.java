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
}
