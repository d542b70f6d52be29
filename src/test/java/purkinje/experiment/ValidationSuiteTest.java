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

    /** The console table keeps its columns with a config's long case names (they pushed rows out of line). */
    @Test
    void consoleTableColumnsFitLongCaseNames() {
        List<ValidationSuite.Row> rows = List.of(
                new ValidationSuite.Row("wt noise", "rate_hz", 7.14, 7.13, 0.001, 0.005, true, 0.01, 100, 0.1),
                new ValidationSuite.Row("fewer-granule-inputs without inputs deterministic I=1.2x rheobase", "rate_hz",
                        9.53, 9.53, 0, 1e-4, true, 0, 1, 0.1));
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        ValidationOutputs.print(rows, new java.io.PrintStream(b, true, java.nio.charset.StandardCharsets.UTF_8));
        List<String> lines = b.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        int result = lines.get(0).indexOf("result");
        int quantity = lines.get(0).indexOf("quantity");
        for (String row : lines.subList(1, 3)) {
            assertEquals(result, row.indexOf("pass"), row);
            assertEquals(quantity, row.indexOf("rate_hz"), row);
        }
        java.io.ByteArrayOutputStream shortNames = new java.io.ByteArrayOutputStream();
        ValidationOutputs.print(rows.subList(0, 1), new java.io.PrintStream(shortNames, true,
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(45, shortNames.toString(java.nio.charset.StandardCharsets.UTF_8).indexOf("quantity"),
                "the built-in suite's width (the README's table) when names are short");
    }

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
     * The CV check of a low-rate cell (about 3 Hz, 58 intervals a cell in 20 s: the 'intrinsic'
     * condition of configs/compare-inputs.yaml) compared the mean of per-cell CVs, biased about
     * -2.5 % there, with the stationary theory, so a correct run failed it at 3 of 4 seeds (seeds 1,
     * 2, 3: -3.3 % against a 2.7 % tolerance). The pooled CV is unbiased: every check passes.
     */
    @Test
    void aLowRateCellsCvCheckIsNotBiased() {
        purkinje.model.RunConfig rc = purkinje.io.ConfigLoader.load(java.nio.file.Path.of("configs",
                "compare-inputs.yaml"), java.util.Map.of()).run();
        for (long seed : new long[] {1, 2, 3}) {
            List<ValidationSuite.Row> rows = ValidationSuite.configSuite(rc.withSeed(seed), ValidationSuite.Mode.QUICK,
                    2, purkinje.engine.ProgressListener.NONE);
            for (ValidationSuite.Row r : rows) {
                assertTrue(r.pass(), "seed " + seed + ": " + r);
            }
        }
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
