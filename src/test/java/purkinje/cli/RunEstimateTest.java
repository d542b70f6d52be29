package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.experiment.RunEstimate;
import purkinje.io.ConfigException;

/** Runs that cannot fit or would never end are refused (or warned about) before anything is simulated. */
class RunEstimateTest {
    @TempDir
    Path dir;

    private CommandLineTest.Run compare(String config, String... extra) throws IOException {
        Path c = dir.resolve("c.yaml");
        Files.writeString(c, "name: big\nseed: 1\n" + config);
        String[] args = new String[5 + extra.length];
        args[0] = "compare";
        args[1] = "--config";
        args[2] = c.toString();
        args[3] = "--out";
        args[4] = dir.resolve("results").resolve("big").toString();
        System.arraycopy(extra, 0, args, 5, extra.length);
        // a guard against the old behaviour (running until killed or out of memory), not a speed target
        return assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CommandLineTest.run(args));
    }

    private void assertRefused(CommandLineTest.Run r, String... words) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        for (String w : words) {
            assertTrue(r.err().contains(w), "'" + w + "' not in: " + r.err());
        }
        assertFalse(Files.exists(dir.resolve("results")), "nothing is written");
    }

    /**
     * More threads than processors run at the processors' speed: --threads 1000 let a run that
     * --time-limit refuses on 1 thread go on for 78 s past a 1 s limit.
     */
    @Test
    void threadsBeyondTheProcessorsDoNotShortenTheEstimate() throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        purkinje.experiment.RunEstimate many = new purkinje.experiment.RunEstimate(1e5, 1e4, 0, 1000);
        purkinje.experiment.RunEstimate machine = new purkinje.experiment.RunEstimate(1e5, 1e4, 0, cores);
        assertEquals(machine.seconds(), many.seconds(), 0.0);
        CommandLineTest.Run r = compare("duration: 10 s\ncells_per_condition: 100000\n", "--threads", "1000",
                "--time-limit", "1 s", "--quiet", "--no-figures");
        assertRefused(r, "more than --time-limit 1 s", "1000 threads, " + cores + " at once on this machine's processors");
    }

    @Test
    void aBillionCellsAreRefusedWithTheMemoryEstimate() throws IOException {
        assertRefused(compare("duration: 1 s\ncells_per_condition: 1000000000\n", "--quiet"),
                "needs about", "GB of memory", "2.0e+09 cells", "-Xmx");
    }

    @Test
    void aMillionVoltageTracesAreRefusedWithTheMemoryEstimate() throws IOException {
        assertRefused(compare("duration: 1 s\ncells_per_condition: 1000000\nrecord:\n  voltage_cells: 1000000\n",
                "--quiet"), "voltage samples", "record.voltage_cells");
    }

    @Test
    void aStepCountBeyondTheEnginesReachIsRefused() throws IOException {
        CommandLineTest.Run r = compare("duration: 20 s\ndt: 1e-300 ms\ncells_per_condition: 2\n", "--quiet");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
    }

    @Test
    void aRunLongerThanTheTimeLimitIsRefused() throws IOException {
        assertRefused(compare("duration: 1e9 s\ncells_per_condition: 2\n", "--quiet", "--time-limit", "2 h"),
                "estimated to take 12 days", "4.0e+13 cell-steps", "--time-limit 2.0 h");
    }

    /** validate took --time-limit and ignored it (it ran the whole suite); now it is checked up front. */
    @Test
    void validateRefusesASuiteLongerThanTheTimeLimit() throws IOException {
        Path out = dir.resolve("results").resolve("validate");
        CommandLineTest.Run builtIn = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CommandLineTest.run(
                "validate", "--quiet", "--out", out.toString(), "--time-limit", "1 s"));
        assertRefused(builtIn, "estimated to take", "cell-steps", "more than --time-limit 1 s; the suite's size is fixed, "
                + "or raise the limit");
        Path c = dir.resolve("fine-dt.yaml");
        Files.writeString(c, "name: fine\nseed: 1\ndt: 0.0001 ms\n");
        CommandLineTest.Run own = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> CommandLineTest.run(
                "validate", "--config", c.toString(), "--quiet", "--out", out.toString(), "--time-limit", "10 min"));
        assertRefused(own, "estimated to take", "more than --time-limit 10 min; the suite's size is fixed; a larger dt in "
                + "the config shortens it, or raise the limit");
    }

    @Test
    void aVeryLongRunIsWarnedAboutWithItsEstimatedTime() {
        RunEstimate long1 = new RunEstimate(80, 1e13, 0, 2);
        String warning = long1.check(1e9, Double.NaN);
        assertTrue(warning.startsWith("purkinje: warning: this run is estimated to take up to "), warning);
        assertTrue(warning.contains("8.0e+14 cell-steps on 2 threads"), warning);
        assertNull(new RunEstimate(80, 2e5, 160 * 1e4, 2).check(1e9, Double.NaN), "the shipped compare run");
    }

    @Test
    void theEstimateIsOverflowSafe() {
        RunEstimate huge = new RunEstimate(4e9, 9e15, 0, 1);
        assertTrue(Double.isFinite(huge.cellSteps()) && huge.cellSteps() >= 3.5e25);
        assertThrows(ConfigException.class, () -> new RunEstimate(2, 1e300, 0, 1).check(1e12, Double.NaN));
        RunEstimate sum = new RunEstimate(0, 0, 0, 2).plus(new RunEstimate(10, 100, 0, 2))
                .plus(new RunEstimate(30, 300, 0, 2));
        assertEquals(10 * 100 + 30 * 300, sum.cellSteps(), 1e-6);
    }

    /** Short durations keep two significant digits: a 1 ms limit read "more than --time-limit 0 s". */
    @org.junit.jupiter.api.Test
    void shortDurationsAreNotRoundedToZero() {
        assertEquals("0.001 s", RunEstimate.duration(0.001));
        assertEquals("0.43 s", RunEstimate.duration(0.4321));
        assertEquals("0 s", RunEstimate.duration(0));
        assertEquals("45 s", RunEstimate.duration(45.2));
    }

    /**
     * The fixed part of the heap was 64 MB, so a 4-cell run was refused in 32 MB ("simulate fewer
     * cells", which cannot help) and the default compare in 64 MB, though it runs in 24 MB.
     */
    @Test
    void theFixedHeapIsMeasuredAndARefusalBelowItAsksOnlyForMoreMemory() {
        RunEstimate shipped = new RunEstimate(80, 2e5, 2 * 20002, 2, RunEstimate.BYTES_PER_CELL_WITH_FIGURES);
        assertNull(shipped.check(32 * 1048576.0, Double.NaN), "the default compare fits a 32 MB heap");
        ConfigException e = assertThrows(ConfigException.class,
                () -> new RunEstimate(4, 1e4, 0, 1).check(16 * 1048576.0, Double.NaN));
        assertTrue(e.getMessage().contains("of which about 24 MB is what purkinje needs whatever the run's size"),
                e.getMessage());
        assertFalse(e.getMessage().contains("fewer cells"), e.getMessage());
        assertTrue(e.getMessage().endsWith("give Java more memory (PURKINJE_JAVA_OPTS=-Xmx64m)"), e.getMessage());
    }
}
