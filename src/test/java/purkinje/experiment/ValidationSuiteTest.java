package purkinje.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import purkinje.analysis.theory.TheoryRates;
import purkinje.model.NoiseParameters;

/** The pass/fail rule of a validation row, and that a wrong model is caught. */
class ValidationSuiteTest {

    @Test
    void toleranceIsTheLargerOfAccuracyAndThreeStandardErrors() {
        ValidationSuite.Case c = new ValidationSuite.Case("x", ValidationSuite.Kind.WHITE_NOISE,
                ValidationSuite.tableCell(20), new NoiseParameters(4, 0), 0.1, 1000, 10);
        List<ValidationSuite.Row> rows = ValidationSuite.run(List.of(c), 1, 1, purkinje.engine.ProgressListener.NONE);
        ValidationSuite.Row rate = rows.get(0);
        assertEquals("rate_hz", rate.quantity());
        assertEquals(Math.max(0.005, 3 * rate.standardError() / rate.theory()), rate.tolerance(), 1e-15);
        assertEquals(rate.simulated() / rate.theory() - 1, rate.relativeError(), 1e-15);
    }

    /**
     * A simulation of the wrong cell must fail: cells with mu = 20 mV compared against the theory of
     * mu = 21 mV (about 5 % higher) cannot pass a 0.5 % tolerance with 3 SE of ~0.3 %.
     */
    @Test
    void aWrongSimulationFails() {
        ValidationSuite.Case right = new ValidationSuite.Case("right", ValidationSuite.Kind.WHITE_NOISE,
                ValidationSuite.tableCell(20), new NoiseParameters(4, 0), 0.1, 10_000, 100);
        ValidationSuite.Row row = ValidationSuite.run(List.of(right), 5, 2, purkinje.engine.ProgressListener.NONE)
                .get(0);
        assertTrue(row.pass(), row.toString());
        double wrongTheory = TheoryRates.rateHz(ValidationSuite.tableCell(21), new NoiseParameters(4, 0), 0);
        double relError = row.simulated() / wrongTheory - 1;
        assertFalse(Math.abs(relError) <= row.tolerance(), "error " + relError + " vs tolerance " + row.tolerance());
    }
}
