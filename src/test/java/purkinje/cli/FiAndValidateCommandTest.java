package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code purkinje fi} and {@code purkinje validate --config} end to end. */
class FiAndValidateCommandTest {
    @TempDir
    Path dir;

    private Path config(String text) throws IOException {
        Path c = dir.resolve("cell.yaml");
        Files.writeString(c, text);
        return c;
    }

    /**
     * Noise-free cells: the simulated f-I curve must equal the closed form. Rates come from spike
     * counts over 5 s, so each point may be off by one spike: 0.2 Hz.
     */
    @Test
    void noiseFreeFiCurveMatchesClosedForm() throws IOException {
        Path c = config("seed: 3\nduration: 5 s\ncells_per_condition: 2\nnoise:\n  sigma_v: 0 mV\n"
                + "heterogeneity:\n  I_pace: 0\nfi:\n  from: -5 pA\n  to: 20 pA\n  steps: 6\n");
        Path out = dir.resolve("fi");
        assertEquals(0, PurkinjeCommand.execute("fi", "--config", c.toString(), "--out", out.toString(), "--quiet"));
        List<String> lines = Files.readAllLines(out.resolve("fi.csv"));
        assertTrue(lines.get(0).startsWith("condition,current_pA,rate_hz,rate_sem_hz,theory_rate_hz"), lines.get(0));
        assertEquals(1 + 2 * 6, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double simulated = Double.parseDouble(f[2]);
            double theory = Double.parseDouble(f[4]);
            assertEquals(theory, simulated, 0.2 + 1e-9, line);
        }
        assertTrue(Files.isRegularFile(out.resolve("rheobase.csv")));
        assertTrue(Files.isRegularFile(out.resolve("figures/fi.png")));
        assertTrue(Files.isRegularFile(out.resolve("figures/fi.svg")));
        // rheobase: g_L (V_th - E_L) = 20/47 nS * 16 mV
        String rheobase = Files.readAllLines(out.resolve("rheobase.csv")).get(1);
        assertEquals(20.0 / 47 * 16, Double.parseDouble(rheobase.split(",")[4]), 1e-9);
    }

    /**
     * Issue 11.4: with synaptic inputs the rheobase subtracts their mean current too. Parallel fibres
     * add 2650 x 0.5 Hz x 2 pA x 2 ms = 5.3 pA and interneurons take 20 x 10 Hz x 2 pA x 5 ms = 2 pA,
     * so the injected rheobase is g_L (V_th - E_L) - I_pace - 3.3 pA; and it must agree with the
     * noise-free theory column of fi.csv: zero rate below it, firing above it.
     */
    @Test
    void rheobaseIncludesTheMeanSynapticCurrent() throws IOException {
        Path c = config("seed: 3\nduration: 1 s\ncells_per_condition: 2\nnoise:\n  sigma_v: 0 mV\n"
                + "cell:\n  I_pace: 7 pA\nheterogeneity:\n  I_pace: 0\n"
                + "inputs:\n  parallel_fibres: {rate: 0.5 Hz, synapses: 2650, weight: 2 pA, tau_syn: 2 ms}\n"
                + "  interneurons: {rate: 10 Hz, synapses: 20, weight: 2 pA, tau_syn: 5 ms}\n"
                + "conditions:\n  - name: wild-type\n    meis1_dosage: 1\n"
                + "fi:\n  from: -6 pA\n  to: 2 pA\n  steps: 5\n");
        Path out = dir.resolve("fi-inputs");
        assertEquals(0, PurkinjeCommand.execute("fi", "--config", c.toString(), "--out", out.toString(), "--quiet"));
        List<String> rb = Files.readAllLines(out.resolve("rheobase.csv"));
        List<String> header = List.of(rb.get(0).split(","));
        String[] r = rb.get(1).split(",");
        double injected = Double.parseDouble(r[header.indexOf("rheobase_injected_pA")]);
        double total = 20.0 / 47 * 16;
        List<String> fi = Files.readAllLines(out.resolve("fi.csv"));
        int firing = 0;
        for (String line : fi.subList(1, fi.size())) {
            String[] f = line.split(",");
            double current = Double.parseDouble(f[1]);
            double deterministic = Double.parseDouble(f[8]);
            assertEquals(current > injected, deterministic > 0, line + " vs rheobase " + injected);
            firing += deterministic > 0 ? 1 : 0;
        }
        assertEquals(total - 7 - 3.3, injected, 1e-9);
        assertEquals("condition,meis1_dosage,I_pace_pA,synaptic_mean_pA,rheobase_total_pA,rheobase_injected_pA",
                rb.get(0));
        assertEquals(3.3, Double.parseDouble(r[3]), 1e-9);
        assertEquals(total, Double.parseDouble(r[4]), 1e-9);
        assertEquals(3, firing, "-2, 0 and 2 pA lie above the rheobase of -3.49 pA");
    }

    /** A current the numerics cannot handle names its option (the cell's own check blamed I_pace). */
    @Test
    void aCurrentBeyondTheNumericsNamesItsOption() {
        CommandLineTest.Run r = CommandLineTest.run("fi", "--from", "0 pA", "--to", "2e6 pA", "--out",
                dir.resolve("f").toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("purkinje: --to 2000000 pA (added to the I_pace of 'wild-type'): I_pace tau_m / "
                + "C_m, the depolarisation the pacemaking current drives, must be within +-1000000 mV"), r.err());
        assertTrue(r.err().strip().endsWith("; use a --to nearer 0 pA"), r.err());
        assertFalse(Files.exists(dir.resolve("f")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--from, 5 mV", "--to, 20", "--steps, 0", "--from, 40 pA"})
    void badCurrentsExitTwoAndWriteNothing(String option, String value) throws IOException {
        Path c = config("duration: 1 s\ncells_per_condition: 1\nfi:\n  from: 0 pA\n  to: 30 pA\n  steps: 3\n");
        Path out = dir.resolve("never");
        assertEquals(2, PurkinjeCommand.execute("fi", "--config", c.toString(), "--out", out.toString(), option, value));
        assertFalse(Files.exists(out));
    }

    /** One step ran the --from current alone and dropped --to without a word (exit 0). */
    @Test
    void oneStepWithARangeIsRefusedAndOneStepAtOneCurrentRuns() throws IOException {
        CommandLineTest.Run r = CommandLineTest.run("fi", "--steps", "1", "--from", "-10 pA", "--to", "30 pA",
                "--out", dir.resolve("one").toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of("purkinje: f-I steps = 1 gives one current, but from (-10 pA) and to (30 pA) differ;"
                + " use steps of at least 2, or the same current for both"), r.errLines());
        assertFalse(Files.exists(dir.resolve("one")));
        assertEquals(0, PurkinjeCommand.execute("fi", "--steps", "1", "--from", "10 pA", "--to", "10 pA", "--cells", "1",
                "--duration", "0.2 s", "--no-figures", "--quiet", "--out", dir.resolve("single").toString()));
        assertEquals(3, Files.readAllLines(dir.resolve("single/fi.csv")).size()); // header, one row per condition
    }

    /** A negative count was reported as -1 whatever it was, without naming the option or the config line. */
    @Test
    void badStepsNameTheirSourceAndValue() throws IOException {
        CommandLineTest.Run option = CommandLineTest.run("fi", "--steps", "-5", "--out", dir.resolve("n1").toString());
        assertEquals(2, option.exit(), option.err());
        assertEquals(List.of("purkinje: --steps must be at least 1 (the number of currents), was -5"), option.errLines());
        Path c = config("duration: 1 s\ncells_per_condition: 1\nfi:\n  from: 0 pA\n  steps: -4\n");
        CommandLineTest.Run file = CommandLineTest.run("fi", "--config", c.toString(), "--out", dir.resolve("n2").toString());
        assertEquals(List.of("purkinje: " + c + ":5: fi.steps must be at least 1 (the number of currents), was -4"),
                file.errLines());
        Path back = config("duration: 1 s\ncells_per_condition: 1\nfi:\n  from: 300 pA\n  to: 100 pA\n");
        CommandLineTest.Run r = CommandLineTest.run("fi", "--config", back.toString(), "--out", dir.resolve("n3").toString());
        assertEquals(List.of("purkinje: " + back + ":4: f-I range runs backwards: from (300 pA) is above to (100 pA); "
                + "swap them"), r.errLines());
        assertFalse(Files.exists(dir.resolve("n1")) || Files.exists(dir.resolve("n2")) || Files.exists(dir.resolve("n3")));
    }

    @Test
    void invalidCellInFiConfigExitsTwo() throws IOException {
        Path c = config("cell:\n  V_reset: -30 mV\n");
        assertEquals(2, PurkinjeCommand.execute("fi", "--config", c.toString(), "--out", dir.resolve("x").toString()));
        assertEquals(2, PurkinjeCommand.execute("validate", "--config", c.toString(), "--out",
                dir.resolve("y").toString()));
        assertFalse(Files.exists(dir.resolve("x")));
        assertFalse(Files.exists(dir.resolve("y")));
    }

    /** A held-out cell (not the defaults): every row must pass against the independent theory package. */
    @Test
    void validateConfigPassesForAnotherCell() throws IOException {
        Path c = config("seed: 11\ndt: 0.1 ms\ncell:\n  C_m: 100 pF\n  tau_m: 15 ms\n  E_L: -70 mV\n  V_th: -52 mV\n"
                + "  V_reset: -60 mV\n  t_ref: 3 ms\n  I_pace: 150 pA\nnoise:\n  sigma_v: 3 mV\n"
                + "conditions:\n  - name: only\n    meis1_dosage: 1\n");
        Path out = dir.resolve("v");
        assertEquals(0, PurkinjeCommand.execute("validate", "--config", c.toString(), "--out", out.toString(),
                "--quiet"));
        List<String> rows = Files.readAllLines(out.resolve("validation.csv"));
        assertEquals("case,quantity,simulated,theory,relative_error,tolerance,pass,standard_error,cells,dt_ms",
                rows.get(0));
        assertTrue(rows.size() > 5);
        assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",true,")), String.join("\n", rows));
        assertTrue(Files.isRegularFile(out.resolve("figures/validation.png")));
    }

    /** A failed validation says so in one line on stderr (--quiet printed nothing at all), naming the checks. */
    @Test
    void aFailedValidationHasItsOneLine() {
        purkinje.experiment.ValidationSuite.Row ok = new purkinje.experiment.ValidationSuite.Row("a", "rate_hz", 1, 1, 0,
                0.01, true, 0, 10, 0.1);
        purkinje.experiment.ValidationSuite.Row bad = new purkinje.experiment.ValidationSuite.Row("b noise", "isi_cv",
                0.9, 1, -0.1, 0.02, false, 0.01, 10, 0.1);
        assertEquals(null, ValidateCommand.failureLine(List.of(ok, ok), "v/validation.csv"));
        assertEquals("purkinje: validation failed: 1 of 3 checks outside their tolerance (b noise isi_cv); see "
                + "v/validation.csv", ValidateCommand.failureLine(List.of(ok, bad, ok), "v/validation.csv"));
        assertEquals("purkinje: validation failed: 4 of 4 checks outside their tolerance (b noise isi_cv, b noise "
                + "isi_cv, b noise isi_cv, ...); see t", ValidateCommand.failureLine(List.of(bad, bad, bad, bad), "t"));
    }

    /** A config with inputs: validate --config says they are left out, and the cases' names say it too. */
    @Test
    void validateConfigSaysItLeavesInputsOut() throws IOException {
        Path out = dir.resolve("vi");
        CommandLineTest.Run r = CommandLineTest.run("validate", "--config", "configs/compare-inputs.yaml", "--out",
                out.toString(), "--quiet", "--no-figures");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("purkinje: warning: validate --config checks each condition's cell and "
                + "background noise"), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("validation.csv"));
        assertTrue(rows.stream().skip(1).filter(row -> !row.startsWith("threads"))
                .allMatch(row -> row.contains(" without inputs ")), String.join("\n", rows));
    }

    /**
     * Noise far beyond the Fourcaud-Brunel expansion (tau = 100 s): validate --config compared the
     * simulation with a theory of 0 Hz, printed "Infinity%  FAIL" and exited 1; fi wrote 0 Hz as
     * the theory. Now the noise cases are left out with a warning and fi's theory column is empty.
     */
    @Test
    void noiseBeyondItsTheoryIsLeftOutNotFailed() throws IOException {
        Path config = dir.resolve("slow-noise.yaml");
        Files.writeString(config, Files.readString(Path.of("configs/compare.yaml")).replaceFirst("(?m)^  tau: 0 ms",
                "  tau: 100 s"));
        Path out = dir.resolve("vslow");
        CommandLineTest.Run r = CommandLineTest.run("validate", "--config", config.toString(), "--out", out.toString(),
                "--quiet", "--no-figures");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("purkinje: warning: the noise cases are left out: the noise's tau / tau_m is 2.13e+03, "
                + "beyond the 0.25 up to which the Fourcaud-Brunel theory is used; the noise-free cases are checked"),
                r.errLines());
        List<String> rows = Files.readAllLines(out.resolve("validation.csv"));
        assertTrue(rows.stream().noneMatch(row -> row.contains("Infinity") || row.contains(" noise,")), String.join("\n", rows));

        Path fi = dir.resolve("fislow");
        assertEquals(0, PurkinjeCommand.execute("fi", "--config", config.toString(), "--steps", "2", "--cells", "2",
                "--duration", "0.5 s", "--out", fi.toString(), "--quiet", "--no-figures"));
        List<String> fiRows = Files.readAllLines(fi.resolve("fi.csv"));
        int theory = java.util.Arrays.asList(fiRows.get(0).split(",")).indexOf("theory_rate_hz");
        assertTrue(fiRows.stream().skip(1).allMatch(row -> row.split(",")[theory].equals("NaN")), String.join("\n", fiRows));
    }

    @Test
    void quickAndFullAreExclusive() {
        assertEquals(2, PurkinjeCommand.execute("validate", "--quick", "--full"));
    }
}
