package purkinje.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigException;
import purkinje.io.Json;

/** The order in which a sweep folder becomes complete, and the lock that keeps a second sweep out. */
class SweepJobTest {
    private static final String SWEEP = "name: job\nseed: 5\nduration: 1 s\ncells_per_condition: 2\n"
            + "sweep:\n  design: grid\n  parameters:\n    meis1.I_pace: [0.4, 0.8]\n";

    @TempDir
    Path dir;

    private static final Consumer<Path> NO_FIGURES = f -> { };

    private static SweepJob.Outcome run(Path out, boolean resume, Consumer<Path> render) {
        SweepPlan plan = SweepPlan.parse(SWEEP, "job.yaml", "job", null);
        RunInfo info = new RunInfo("sweep", List.of(), "job.yaml", RunInfo.sha256(SWEEP), Instant.now());
        return SweepJob.run(plan, Selection.ALL, out, resume, false, 1, 2048, render, info, SweepRunner.Listener.NONE);
    }

    private static String status(Path folder) throws IOException {
        return Json.mapper().readTree(folder.resolve(SweepOutputs.MANIFEST).toFile()).path("status").asText();
    }

    /** A run that dies while drawing (killed, disk full) must not leave "complete" without figures. */
    @Test
    void statusBecomesCompleteOnlyAfterTheFigures() throws IOException {
        Path out = dir.resolve("s");
        String[] seenWhileDrawing = new String[1];
        assertThrows(UncheckedIOException.class, () -> run(out, false, f -> {
            try {
                seenWhileDrawing[0] = status(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new UncheckedIOException(new IOException("No space left on device"));
        }));
        assertEquals(SweepJob.FINISHING, seenWhileDrawing[0]);
        assertEquals(SweepJob.FINISHING, status(out), "drawing failed: not complete");
        assertTrue(Files.exists(out.resolve(SweepOutputs.POINTS)), "every point is kept for --resume");

        SweepJob.Outcome o = run(out, true, NO_FIGURES);
        assertEquals(0, o.simulated(), "resume finds every point and only draws again");
        assertEquals(SweepJob.COMPLETE, status(out));
        assertFalse(Files.exists(out.resolve(ResultLog.NAME)));
        assertTrue(Files.readString(out.resolve(SweepOutputs.MANIFEST)).endsWith("}\n"));
    }

    /** A second sweep into a folder a live sweep holds is refused (exit 2) and changes nothing there. */
    @Test
    void secondSweepIntoALiveFolderIsRefused() throws IOException {
        Path out = dir.resolve("s");
        run(out, false, NO_FIGURES);
        byte[] points = Files.readAllBytes(out.resolve(SweepOutputs.POINTS));
        byte[] manifest = Files.readAllBytes(out.resolve(SweepOutputs.MANIFEST));
        try (FileChannel c = FileChannel.open(out.resolve(SweepJob.LOCK), StandardOpenOption.CREATE,
                     StandardOpenOption.WRITE);
             FileLock held = c.lock()) {
            ConfigException e = assertThrows(ConfigException.class, () -> run(out, true, NO_FIGURES));
            assertTrue(e.getMessage().contains("another sweep is writing to"), e.getMessage());
            assertArrayEquals(points, Files.readAllBytes(out.resolve(SweepOutputs.POINTS)));
            assertArrayEquals(manifest, Files.readAllBytes(out.resolve(SweepOutputs.MANIFEST)));
        }
        assertEquals(0, run(out, true, NO_FIGURES).simulated(), "released: resume runs");
        assertFalse(Files.exists(out.resolve(SweepJob.LOCK)), "a finished sweep leaves no lock file");
    }
}
