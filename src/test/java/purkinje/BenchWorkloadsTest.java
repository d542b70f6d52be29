package purkinje;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.cli.PurkinjeCommand;
import purkinje.io.ConfigLoader;
import purkinje.model.CellParameters;
import purkinje.model.Condition;
import purkinje.model.Inputs;
import purkinje.model.PoissonInput;
import purkinje.model.RunConfig;

/**
 * The shipped bench configs are the workloads bench/README.md defines (the C loops and Brian2
 * scripts in bench/ simulate the same cells), and {@code purkinje bench --config} runs the 'inputs'
 * one, as bench/side-by-side.sh does.
 */
class BenchWorkloadsTest {
    @TempDir
    Path dir;

    private static RunConfig load(String file) {
        return ConfigLoader.load(Path.of("configs", file), Map.of()).run();
    }

    private static void assertCell(CellParameters p, double cPf, double tauMs, double eLMv, double vThMv, double vResetMv,
                                   double tRefMs, double iPacePa) {
        assertEquals(cPf, p.capacitancePf(), 1e-12);
        assertEquals(tauMs, p.tauMs(), 1e-12);
        assertEquals(eLMv, p.eLeakMv(), 1e-12);
        assertEquals(vThMv, p.vThresholdMv(), 1e-12);
        assertEquals(vResetMv, p.vResetMv(), 1e-12);
        assertEquals(tRefMs, p.tRefMs(), 1e-12);
        assertEquals(iPacePa, p.iPacePa(), 1e-9);
    }

    private static void assertCommon(RunConfig rc, int cellsPerCondition) {
        assertEquals(10_000, rc.durationMs(), 1e-9);
        assertEquals(0.1, rc.dtMs(), 1e-15);
        assertEquals(cellsPerCondition, rc.cellsPerCondition());
        assertTrue(rc.heterogeneity().isNone(), "identical cells within a condition");
        assertTrue(rc.noise().isWhite());
        assertFalse(rc.record().spikes(), "spike counts only, no spike file");
        assertEquals(0, rc.record().voltageCells());
        assertEquals(List.of("wild-type", "meis1-reduced"), rc.conditions().stream().map(Condition::name).toList());
    }

    @Test
    void ensembleIsTheReadmeWorkload() {
        RunConfig rc = load("bench-ensemble.yaml");
        assertCommon(rc, 5000);
        assertEquals(4, rc.noise().sigmaVMv(), 1e-12);
        // mu = I_pace / g_L = 20 mV and 16 mV with g_L = 200 pF / 20 ms = 10 nS
        assertCell(rc.cellFor(rc.conditions().get(0)), 200, 20, -65, -50, -65, 2, 200);
        assertCell(rc.cellFor(rc.conditions().get(1)), 200, 20, -65, -50, -65, 2, 160);
        assertFalse(rc.inputsFor(rc.conditions().get(0)).any());
    }

    @Test
    void inputsIsTheReadmeWorkload() {
        RunConfig rc = load("bench-inputs.yaml");
        assertCommon(rc, 1000);
        assertEquals(2, rc.noise().sigmaVMv(), 1e-12);
        assertCell(rc.cellFor(rc.conditions().get(0)), 20, 47, -59, -43, -69, 1, 7);
        assertCell(rc.cellFor(rc.conditions().get(1)), 20, 47, -59, -43, -69, 1, 5.6);
        for (Condition c : rc.conditions()) { // MEIS1 acts on I_pace only: the inputs are the same
            Inputs in = rc.inputsFor(c);
            assertInput(in.parallelFibres(), 0.5, 2650, 2, 2);
            assertInput(in.interneurons(), 10, 20, 2, 5);
            assertFalse(in.hasClimbingFibre());
        }
    }

    private static void assertInput(PoissonInput p, double rateHz, int synapses, double weightPa, double tauSynMs) {
        assertEquals(rateHz, p.ratePerSynapseHz(), 1e-12);
        assertEquals(synapses, p.synapses());
        assertEquals(weightPa, p.weightPa(), 1e-12);
        assertEquals(tauSynMs, p.tauSynMs(), 1e-12);
    }

    @Test
    void benchRunsTheInputsWorkloadFromItsConfig() throws IOException {
        Path out = dir.resolve("bench");
        assertEquals(0, PurkinjeCommand.execute("bench", "--config", "configs/bench-inputs.yaml", "--cells", "4",
                "--duration", "100 ms", "--repeat", "1", "--out", out.toString(), "--quiet"));
        JsonNode b = new ObjectMapper().readTree(Files.readString(out.resolve("bench.json")));
        assertEquals("bench-inputs", b.get("workload").asText());
        assertEquals(4 * 1000L, b.get("cell_steps").asLong());
        JsonNode c = b.get("conditions");
        assertEquals(2, c.size());
        // theory with the inputs' mean current: a wild-type cell fires (7 pA alone would leave it near threshold)
        assertTrue(c.get(0).get("theory_hz").asDouble() > 10, c.toString());
    }
}
