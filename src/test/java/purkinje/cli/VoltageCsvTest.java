package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads in voltage.csv: for noise-free identical cells, every sample of the trace is
 * the closed-form V(t), spikes and resets included (issue 11, item 1: the trace was a staircase).
 */
class VoltageCsvTest {
    @TempDir
    Path dir;

    @Test
    void noiseFreeVoltageCsvFollowsTheClosedForm() throws IOException {
        Path config = dir.resolve("trace.yaml");
        Files.writeString(config, """
                name: trace
                seed: 3
                duration: 0.3 s
                cells_per_condition: 1
                record: {spikes: true, voltage_cells: 1}
                noise: {sigma_v: 0 mV, tau: 0 ms}
                heterogeneity: {I_pace: 0}
                conditions:
                  - {name: wild-type, meis1_dosage: 1.0}
                """);
        Path out = dir.resolve("out");
        assertEquals(0, PurkinjeCommand.execute("compare", "--config", config.toString(), "--out", out.toString(),
                "--quiet", "--no-figures"));
        List<String> rows = Files.readAllLines(out.resolve("voltage.csv"));
        assertEquals("condition,cell,time_ms,v_mV", rows.get(0));
        assertEquals(1 + 3001, rows.size(), "every grid point of the 300 ms run");
        double v0 = Double.parseDouble(rows.get(1).split(",")[3]);
        // the defaults of the README: C_m 20 pF, tau_m 47 ms, E_L -59, V_th -43, V_reset -69 mV, t_ref 1 ms, 10.3 pA
        purkinje.model.CellParameters cell = purkinje.model.CellParameters.DEFAULTS;
        int resets = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i).split(",");
            double t = Double.parseDouble(f[2]);
            double v = Double.parseDouble(f[3]);
            assertEquals((i - 1) * 0.1, t, 1e-9);
            assertEquals(purkinje.engine.VoltageTraceTest.closedFormMv(cell, v0, t), v, 1e-8, "row " + i);
            resets += v == cell.vResetMv() ? 1 : 0;
        }
        String engine = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("manifest.json").toFile()).path("engine").asText();
        assertTrue(engine.startsWith("scalar: one cell at a time") || engine.startsWith("vector: cells without a voltage trace"), "the manifest says which engine path ran: " + engine);
        long spikes = Files.readAllLines(out.resolve("spikes.csv")).size() - 1;
        assertTrue(spikes >= 4 && resets >= spikes, spikes + " spikes, " + resets + " samples at V_reset");
    }
}
