package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up during a sweep loses nothing already committed, and the error says so: it
 * used to end "nothing was written (free space or choose another --out, then run again)" while the
 * points sat in points.csv, ready for --resume.
 */
class SweepDiskFullTest {
    @TempDir
    Path dir;
    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            command("umount", "-l", mounted.toString()); // lazy: a file the failed run left open must not keep it
        }
    }

    private static String reported(RuntimeException e) {
        StringWriter s = new StringWriter();
        assertEquals(ExitCodes.FAILURE, Failures.report(e, new PrintWriter(s)));
        return s.toString().trim();
    }

    private static RuntimeException noSpace(Path folder) {
        return new UncheckedIOException("could not write the figures of " + folder,
                new IOException("No space left on device"));
    }

    @Test
    void aWriteFailureAfterTheSweepStartedSaysWhatIsKept() throws IOException {
        Path started = Files.createDirectories(dir.resolve("started"));
        Files.writeString(started.resolve("manifest.json"), "{}");
        String line = reported(SweepCommand.keptOnWriteFailure(noSpace(started), started));
        assertEquals("purkinje: could not write the figures of " + started + ": No space left on device; the points "
                + "finished so far are kept in " + CompareRunner.displayPath(started) + "; free space, then run the "
                + "same command with --resume (it simulates only what is missing and draws the figures)", line);

        Path never = dir.resolve("never"); // no manifest yet: nothing of this sweep is on disk
        String before = reported(SweepCommand.keptOnWriteFailure(noSpace(never), never));
        assertTrue(before.endsWith("; nothing was written (free space or choose another --out, then run again)"), before);

        IllegalStateException other = new IllegalStateException("not an I/O failure");
        assertTrue(SweepCommand.keptOnWriteFailure(other, started) == other, "other failures pass unchanged");
    }

    private static int command(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    /** On a real full disk (a 160 kB tmpfs; skipped where this user may not mount one). */
    @Test
    void aSweepOnAFullDiskKeepsItsPointsAndResumesOnceThereIsSpace() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        assumeTrue(command("mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", small.toString()) == 0,
                "cannot mount a small tmpfs here (needs root): the full-disk run is not tried");
        mounted = small;
        Path c = dir.resolve("sweep.yaml");
        Files.writeString(c, SweepCommandTest.SWEEP);
        Path out = small.resolve("sweep");
        CommandLineTest.Run full = CommandLineTest.run("sweep", c.toString(), "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.FAILURE, full.exit(), full.err());
        assertEquals(1, full.errLines().size(), full.err());
        assertTrue(full.err().contains("No space left on device"), full.err());
        assertTrue(full.err().contains("the points finished so far are kept in"), full.err());
        assertFalse(full.err().contains("nothing was written"), full.err());
        assertEquals(1 + 6 * 2, Files.readAllLines(out.resolve("points.csv")).size(), "every point is kept");

        assertEquals(0, command("mount", "-o", "remount,size=20m", small.toString()));
        CommandLineTest.Run resumed = CommandLineTest.run("sweep", c.toString(), "--out", out.toString(), "--quiet",
                "--resume");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"status\" : \"complete\""));
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
    }
}
