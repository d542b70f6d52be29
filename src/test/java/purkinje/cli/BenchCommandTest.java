package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import purkinje.model.CellParameters;

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

    @Test
    void siegertMatchesTheReferenceTable() {
        // MODEL.md reference values (tau_m 20 ms, V_th - E_L 15 mV, V_reset = E_L, t_ref 2 ms, sigma_v 4 mV)
        assertEquals(38.234, BenchCommand.siegertRateHz(new CellParameters(200, 20, -65, -50, -65, 2, 200), 4), 0.002);
        assertEquals(26.806, BenchCommand.siegertRateHz(new CellParameters(200, 20, -65, -50, -65, 2, 160), 4), 0.002);
        assertEquals(15.489, BenchCommand.siegertRateHz(new CellParameters(200, 20, -65, -50, -65, 2, 120), 4), 0.002);
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
