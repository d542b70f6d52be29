package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code purkinje bench} on a tiny workload: the bench.json fields and the exit codes (no timing assertions). */
class BenchCommandTest {
    @TempDir
    Path dir;

    private static int run(String... args) {
        return PurkinjeCommand.execute(args);
    }

    @Test
    void writesBenchJsonWithEveryField() throws IOException {
        Path out = dir.resolve("bench");
        assertEquals(0, run("bench", "--cells", "20", "--duration", "200 ms", "--repeat", "2", "--threads", "2",
                "--out", out.toString(), "--quiet"));
        JsonNode b = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertEquals("bench-ensemble", b.get("workload").asText());
        assertEquals(20, b.get("cells").asInt());
        assertEquals(10, b.get("cells_per_condition").asInt());
        assertEquals(2000, b.get("steps").asLong());
        assertEquals(40_000, b.get("cell_steps").asLong());
        assertEquals(2, b.get("threads").asInt());
        assertEquals(2, b.get("repeat").asInt());
        JsonNode t = b.get("cell_steps_per_second");
        assertEquals(2, t.get("runs").size());
        assertTrue(t.get("min").asDouble() > 0 && t.get("min").asDouble() <= t.get("median").asDouble()
                && t.get("median").asDouble() <= t.get("max").asDouble());
        assertEquals(2, b.get("wall_seconds").get("runs").size());
        JsonNode c = b.get("conditions");
        assertEquals(2, c.size());
        assertEquals("wild-type", c.get(0).get("name").asText());
        assertEquals("meis1-reduced", c.get(1).get("name").asText());
        assertEquals(38.23, c.get(0).get("theory_hz").asDouble(), 0.01);
        assertEquals(26.81, c.get(1).get("theory_hz").asDouble(), 0.01);
        assertTrue(c.get(0).get("rate_hz").asDouble() > c.get(1).get("rate_hz").asDouble());
        assertTrue(b.get("peak_heap_bytes").asLong() > 0);
        assertTrue(OutputFolderMarker.isResult(out));
    }

    /** The numbers and the engine that made them are on stdout together (the engine was on stderr only). */
    @Test
    void stdoutNamesTheEngineNextToTheNumbers() {
        CommandLineTest.Run r = CommandLineTest.run("bench", "--cells", "2", "--duration", "10 ms", "--repeat", "1",
                "--out", dir.resolve("b").toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("cell-steps/s  "), r.out());
        assertEquals("engine        " + purkinje.engine.EnsembleSimulator.engineDescription(), lines.get(2), r.out());
        assertFalse(r.err().contains("engine"), r.err());
    }

    @Test
    void replacesItsOwnEarlierResultButNotAForeignFolder() throws IOException {
        Path out = dir.resolve("bench");
        assertEquals(0, run("bench", "--cells", "2", "--duration", "10 ms", "--repeat", "1", "--out", out.toString(),
                "--quiet"));
        assertEquals(0, run("bench", "--cells", "2", "--duration", "10 ms", "--repeat", "1", "--out", out.toString(),
                "--quiet"));
        Path foreign = dir.resolve("thesis");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("chapter1.tex"), "keep me");
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--cells", "2", "--duration", "10 ms", "--out",
                foreign.toString(), "--quiet"));
        assertEquals("keep me", Files.readString(foreign.resolve("chapter1.tex")));
        assertFalse(Files.exists(foreign.resolve("bench.json")));
    }

    /** A compare result given as --out was replaced by bench.json without a word (its tables and figures lost). */
    @Test
    void refusesAnotherCommandsResultWithoutForce() throws IOException {
        Path compare = dir.resolve("compare");
        assertEquals(0, run("compare", "--config", "configs/demo.yaml", "--cells", "2", "--duration", "100 ms",
                "--out", compare.toString(), "--quiet", "--no-figures"));
        CommandLineTest.Run r = CommandLineTest.run("bench", "--cells", "2", "--duration", "10 ms", "--repeat", "1",
                "--out", compare.toString(), "--quiet");
        assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.err());
        assertEquals(List.of("purkinje: output folder " + compare + " holds a 'compare' result, not a bench result; "
                + "choose another --out (or add --force to replace it)"), r.errLines());
        assertTrue(Files.isRegularFile(compare.resolve("cells.csv")), "the compare result is kept");
        assertFalse(Files.exists(compare.resolve("bench.json")));
        assertEquals(0, run("bench", "--cells", "2", "--duration", "10 ms", "--repeat", "1", "--out",
                compare.toString(), "--quiet", "--force"));
        assertTrue(Files.isRegularFile(compare.resolve("bench.json")));
        assertFalse(Files.exists(compare.resolve("cells.csv")), "--force replaces the whole folder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--cells=3", "--cells=0", "--repeat=0", "--threads=0", "--duration=5", "--duration=-1 s",
        "--config=missing.yaml", "--bogus"})
    void badInputIsExitCodeTwoAndWritesNothing(String arg) {
        Path out = dir.resolve("never");
        String resolved = arg.startsWith("--config=") ? "--config=" + dir.resolve("missing.yaml") : arg;
        assertEquals(ExitCodes.BAD_INPUT, run("bench", resolved, "--quiet",
                "--out", out.toString()));
        assertFalse(Files.exists(out));
    }

    /**
     * Issue 11.12: with synaptic inputs the theory column is the input-aware one of analysis.theory
     * (mean input current plus the inputs' noise), not the Siegert rate of I_pace alone (which read
     * 7 Hz for cells firing 15 Hz). Identical cells with the inputs of configs/compare-inputs.yaml
     * (no climbing fibre, which has no stationary theory): the printed theory must agree with the
     * simulated rate within 3 % (the diffusion approximation's own accuracy, as in validate) plus
     * 3 standard errors, and must differ clearly from the input-free rate.
     */
    @Test
    void theoryColumnIncludesSynapticInputs() throws IOException {
        Path config = dir.resolve("inputs.yaml");
        Files.writeString(config, """
                seed: 5
                duration: 4 s
                dt: 0.1 ms
                cells_per_condition: 100
                cell: {C_m: 20 pF, tau_m: 47 ms, E_L: -59 mV, V_th: -43 mV, V_reset: -69 mV, t_ref: 1 ms, I_pace: 7 pA}
                noise: {sigma_v: 2 mV, tau: 0 ms}
                heterogeneity: {I_pace: 0}
                inputs:
                  parallel_fibres: {rate: 0.5 Hz, synapses: 2650, weight: 2 pA, tau_syn: 2 ms}
                  interneurons: {rate: 10 Hz, synapses: 20, weight: 2 pA, tau_syn: 5 ms}
                conditions:
                  - name: wild-type
                    meis1_dosage: 1
                """);
        Path out = dir.resolve("bench-inputs");
        String stdout = runCapturingOut("bench", "--config", config.toString(), "--repeat", "1", "--threads", "2",
                "--out", out.toString());
        String line = stdout.lines().filter(l -> l.startsWith("wild-type ")).findFirst().orElseThrow(
                () -> new AssertionError(stdout));
        String[] f = line.trim().split("\\s+");
        double simulated = Double.parseDouble(f[2]);
        double printedTheory = Double.parseDouble(f[3]);
        purkinje.model.RunConfig rc = purkinje.io.ConfigLoader.load(config, java.util.Map.of()).run();
        var condition = rc.conditions().get(0);
        double expected = purkinje.analysis.theory.TheoryRates.rateHz(rc.cellFor(condition), rc.noise(),
                rc.inputsFor(condition), 0);
        double withoutInputs = purkinje.analysis.theory.TheoryRates.rateHz(rc.cellFor(condition), rc.noise(), 0);
        assertEquals(expected, printedTheory, 0.005, line);
        assertTrue(expected > 1.5 * withoutInputs, "inputs add about 3.3 pA to 7 pA: " + expected + " vs "
                + withoutInputs);
        // SEM of the mean rate over 100 cells x 4 s at ISI CV ~0.3: below 0.1 Hz; 3 SE < 0.3 Hz
        assertEquals(expected, simulated, 0.03 * expected + 0.3, line);
        JsonNode b = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
        assertEquals(expected, b.get("conditions").get(0).get("theory_hz").asDouble(), 1e-12);
    }

    /** Runs the command, expects exit 0, returns stdout. */
    private static String runCapturingOut(String... args) {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = PurkinjeCommand.execute(args);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        return out;
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2, BenchCommand.median(new double[] {3, 1, 2}));
        assertEquals(2.5, BenchCommand.median(new double[] {4, 1, 3, 2}));
    }

    /** The result-folder check of purkinje.io, spelled out so the test reads on its own. */
    private static final class OutputFolderMarker {
        static boolean isResult(Path p) {
            return purkinje.io.OutputFolder.isResultFolder(p);
        }
    }
}
