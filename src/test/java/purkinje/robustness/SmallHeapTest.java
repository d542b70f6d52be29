package purkinje.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kept spikes stream to spikes.csv, so a run whose spike file is twice the heap must still
 * finish with --no-figures. It died of OutOfMemoryError twice over: the tables written were kept in
 * memory for the report up to 2e6 values whatever the heap, and the report read the whole
 * spikes.csv back although it draws no figures.
 */
class SmallHeapTest {
    @TempDir
    Path dir;

    @Test
    void aSpikeFileTwiceTheHeapIsWrittenWithoutFigures() throws Exception {
        Launcher launcher = Launcher.withJar(dir);
        Path work = Files.createDirectories(dir.resolve("work"));
        // about 450 Hz per cell (I_pace far above rheobase, t_ref 2 ms): 4.5e6 spikes, about 210 MB of CSV
        Files.writeString(work.resolve("many.yaml"), "name: many-spikes\nseed: 1\nduration: 100 s\ndt: 1 ms\n"
                + "cells_per_condition: 50\nrecord:\n  spikes: true\n  voltage_cells: 0\ncell:\n  I_pace: 1000 pA\n");
        Process p = launcher.start(work, "many", Map.of("PURKINJE_JAVA_OPTS", "-Xmx80m"), "compare", "--config",
                "many.yaml", "--out", "results/many", "--no-figures", "--quiet");
        assertEquals(0, Launcher.await(p, 300), Launcher.stderr(work, "many"));
        long bytes = Files.size(work.resolve("results/many/spikes.csv"));
        assertTrue(bytes > 2L * 80 * 1024 * 1024, "the spike file is " + bytes + " bytes, not beyond the heap");
        assertTrue(Files.readString(work.resolve("results/many/report.html")).contains("many-spikes"));
    }
}
