package purkinje.robustness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGKILL during compare and sweep, to the launcher and to java, through the real
 * {@code ./purkinje}: afterwards (at the latest after the next run) no visible or hidden debris is
 * left in the results folder or the temporary folder, no java runs on as an orphan, and no result
 * appears that the caller saw killed.
 */
class InterruptTest {
    /** Slow enough to be interrupted: cells with a climbing fibre take the one-cell path. */
    static final String LONG_COMPARE = "name: long\nseed: 4\nduration: 60 s\ncells_per_condition: 100\n"
            + "inputs:\n  climbing_fibre:\n    rate: 1 Hz\n    pause: 20 ms\n";
    static final String SHORT_COMPARE = "name: short\nseed: 4\nduration: 0.5 s\ncells_per_condition: 3\n";
    static final String SWEEP = "name: s\nseed: 5\nduration: 20 s\ncells_per_condition: 60\n"
            + "heterogeneity:\n  I_pace: 0\ninputs:\n  climbing_fibre:\n    rate: 1 Hz\n    pause: 20 ms\n"
            + "conditions:\n  - name: swept\n    meis1_dosage: 1\n" // one condition: the dosage sweep varies it alone
            + "sweep:\n  design: grid\n  parameters:\n    meis1_dosage: {from: 0, to: 1, steps: 11}\n";

    @TempDir
    Path dir;
    Launcher launcher;
    Path work;
    Path results;

    @BeforeEach
    void setUp() throws IOException {
        launcher = Launcher.withJar(dir);
        work = Files.createDirectories(dir.resolve("work"));
        results = Files.createDirectories(work.resolve("results"));
        Files.writeString(work.resolve("long.yaml"), LONG_COMPARE);
        Files.writeString(work.resolve("short.yaml"), SHORT_COMPARE);
        Files.writeString(work.resolve("sweep.yaml"), SWEEP);
    }

    private Process startLongCompare() throws Exception {
        Process p = launcher.start(work, "long", "compare", "--config", "long.yaml", "--out", "results/out",
                "--threads", "1");
        waitFor(() -> !hidden(results).isEmpty(), p, "a staging folder");
        Thread.sleep(300); // into the simulation
        return p;
    }

    private Process startSweep() throws Exception {
        Process p = launcher.start(work, "sweep", "sweep", "sweep.yaml", "--out", "results/sweep", "--threads", "1",
                "--batch-cells", "60", "--no-figures");
        // interrupted right after its first batch is committed (of 11), however fast the machine is
        Path log = results.resolve("sweep/points.log.csv");
        waitFor(() -> Files.exists(log) && Files.readAllLines(log).size() >= 2, p, "the sweep's first batch");
        return p;
    }

    interface Condition {
        boolean holds() throws IOException;
    }

    private static void waitFor(Condition c, Process p, String what) throws Exception {
        long end = System.nanoTime() + 60_000_000_000L;
        while (!c.holds()) {
            if (!p.isAlive()) {
                throw new AssertionError("the run ended (exit " + p.exitValue() + ") before " + what + " appeared");
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no " + what + " within 60 s");
            }
            Thread.sleep(20);
        }
    }

    private static List<String> hidden(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    private List<String> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.walk(launcher.tmp)) {
            return s.filter(p -> !p.equals(launcher.tmp)).map(p -> launcher.tmp.relativize(p).toString()).sorted()
                    .toList();
        }
    }

    private static void awaitExit(ProcessHandle java) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (java.isAlive() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertFalse(java.isAlive(), "java still runs (an orphan) 20 s after its launcher was killed");
    }

    /** The next run into the same results folder succeeds and leaves nothing of the dead run. */
    private void nextRunLeavesNoDebris() throws Exception {
        Process next = launcher.start(work, "next", "compare", "--config", "short.yaml", "--out", "results/next",
                "--no-figures", "--quiet");
        assertEquals(0, Launcher.await(next, 120), Launcher.stderr(work, "next"));
        assertEquals(List.of(), hidden(results), "hidden debris in results/");
        assertEquals(List.of(), temporaryFiles(), "debris in the temporary folder");
    }

    /**
     * A launcher killed while its java was starting (before the launcher could pass the signal on)
     * left java running as an orphan: its watch found another parent at start, took that for an
     * exec'ed launch and let the run finish, so a complete result appeared after the caller saw 143.
     * Java started under a "launcher" that is not its parent must stop before it runs anything.
     */
    @Test
    void javaWhoseLauncherIsAlreadyGoneRunsNothing() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "60").start(); // alive, but not java's parent
        try {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dpurkinje.launcher=" + stranger.pid(), "-jar", launcher.root.resolve("target/purkinje.jar")
                    .toString(), "compare", "--config", "short.yaml", "--out", "results/orphan", "--quiet")
                    .directory(work.toFile()).redirectErrorStream(true);
            Process run = pb.start();
            String out = new String(run.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(1, Launcher.await(run, 30), out);
            assertTrue(out.contains("purkinje: interrupted; the launcher was stopped before java started, nothing was "
                    + "run"), out);
            assertFalse(Files.exists(results.resolve("orphan")), "no result behind the caller's back");
            assertEquals(List.of(), hidden(results));
        } finally {
            stranger.destroyForcibly();
        }
    }

    /**
     * An internal error's trace must outlive the run: it went to java.io.tmpdir, which under the
     * launcher is the run's private folder, removed when the run ends, so "full trace in ... (please
     * report it)" named a file that no longer existed. The launcher names the caller's TMPDIR.
     */
    @Test
    void theLauncherSendsErrorTracesToTheCallersTemporaryFolder() throws Exception {
        Process p = launcher.start(work, "props", java.util.Map.of("PURKINJE_JAVA_OPTS", "-XshowSettings:properties"),
                "--version");
        assertEquals(0, Launcher.await(p, 60), Launcher.stderr(work, "props"));
        String err = Launcher.stderr(work, "props");
        assertTrue(err.contains("purkinje.logdir = " + launcher.tmp), err);
        assertTrue(err.contains("java.io.tmpdir = " + launcher.tmp + "/purkinje-run-"), "the run's own folder: " + err);
    }

    /** TERM to the launcher at once, before or while its java starts: 143, one line, and no result appears later. */
    @Test
    void sigtermToTheLauncherWhileJavaStarts() throws Exception {
        for (int delayMs : new int[] {0, 40, 120, 300}) {
            String name = "early-" + delayMs;
            Process p = launcher.start(work, name, "compare", "--config", "short.yaml", "--out", "results/" + name,
                    "--quiet");
            catchingTerm(p.pid()); // before bash's first line a signal ends it as any process, saying nothing
            Thread.sleep(delayMs);
            Launcher.signal(15, p.pid());
            assertEquals(143, Launcher.await(p, 30), "128 + SIGTERM, " + delayMs + " ms after the start: "
                    + Launcher.stderr(work, name));
            // one line says so, whether java had its shutdown hooks yet or not (it said nothing before them)
            List<String> err = Launcher.stderr(work, name).lines().toList();
            assertEquals(1, err.size(), delayMs + " ms: " + err);
            assertTrue(err.get(0).startsWith("purkinje: interrupted"), delayMs + " ms: " + err);
            Thread.sleep(3000); // long enough for the short compare to have finished, had it run on
            assertFalse(Files.exists(results.resolve(name)), "a result appeared after 143 (" + delayMs + " ms)");
        }
        assertEquals(List.of(), hidden(results), "no staging debris");
    }

    /** Waits until process {@code pid} catches SIGTERM (its trap is set: bit 15 of SigCgt in /proc/PID/status). */
    private static void catchingTerm(long pid) throws Exception {
        Path status = Path.of("/proc/" + pid + "/status");
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            String caught = Files.readAllLines(status).stream().filter(l -> l.startsWith("SigCgt:"))
                    .findFirst().orElse("SigCgt: 0").substring(7).strip();
            if ((Long.parseUnsignedLong(caught, 16) & (1L << (15 - 1))) != 0) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the launcher never set its TERM trap");
    }

    @Test
    void sigtermToTheLauncherDuringCompare() throws Exception {
        Process p = startLongCompare();
        ProcessHandle java = Launcher.java(p, 10);
        Launcher.signal(15, p.pid());
        assertEquals(143, Launcher.await(p, 30), "128 + SIGTERM");
        assertFalse(java.isAlive());
        String[] err = Launcher.stderr(work, "long").strip().split("\n");
        assertTrue(err[err.length - 1].matches("purkinje: interrupted; nothing was written to .*results/out"),
                "the run's one line names what happened: " + String.join(" | ", err));
        assertFalse(Files.exists(results.resolve("out")), "no result from an interrupted run");
        assertEquals(List.of(), hidden(results), "the interrupted run removed its staging folder");
        assertEquals(List.of(), temporaryFiles());
        nextRunLeavesNoDebris();
    }

    /**
     * TERM while plot draws: its hidden drawing folder stayed in the result (finally blocks do not
     * run at a signal), and the launcher's line could not say which folder was left as it was.
     */
    @Test
    void sigtermToTheLauncherDuringPlot() throws Exception {
        Process first = launcher.start(work, "plotted", "compare", "--config", "short.yaml", "--out", "results/p",
                "--quiet");
        assertEquals(0, Launcher.await(first, 120), Launcher.stderr(work, "plotted"));
        Path folder = results.resolve("p");
        byte[] rates = Files.readAllBytes(folder.resolve("figures/rates.png"));
        Process p = launcher.start(work, "plot", "plot", "results/p", "--format", "png,svg,pdf", "--dpi", "400");
        waitFor(() -> hidden(folder).stream().anyMatch(n -> n.startsWith(".plot-")), p, "plot's drawing folder");
        Launcher.signal(15, p.pid());
        assertEquals(143, Launcher.await(p, 30), "128 + SIGTERM: " + Launcher.stderr(work, "plot"));
        String[] err = Launcher.stderr(work, "plot").strip().split("\n");
        assertEquals(1, err.length, String.join(" | ", err));
        assertTrue(err[0].matches("purkinje: interrupted; no figure was redrawn; .*results/p is as it was"), err[0]);
        assertFalse(hidden(folder).stream().anyMatch(n -> n.startsWith(".plot-")), "debris: " + hidden(folder));
        assertArrayEquals(rates, Files.readAllBytes(folder.resolve("figures/rates.png")), "figures as they were");
        assertFalse(Files.exists(folder.resolve("figures/rates.pdf")), "no figure of the interrupted redraw");
    }

    /** java reads the launcher's stdin: bash gave its background job /dev/null, so '--config /dev/stdin' was empty. */
    @Test
    void theLauncherPassesItsStdinToJava() throws Exception {
        Process p = launcher.start(work, "stdin", "compare", "--config", "/dev/stdin", "--out", "results/stdin",
                "--quiet", "--no-figures");
        try (java.io.OutputStream in = p.getOutputStream()) {
            in.write(SHORT_COMPARE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertEquals(0, Launcher.await(p, 120), Launcher.stderr(work, "stdin"));
        assertTrue(Files.isRegularFile(results.resolve("stdin/cells.csv")));
    }

    /** Ctrl-C or SIGHUP reach java as TERM (a background java ignores INT); the launcher exits 128 + its own signal. */
    @Test
    void sigintAndSighupToTheLauncherExitWithTheirOwnCodes() throws Exception {
        for (int[] signalAndCode : new int[][] {{2, 130}, {1, 129}}) {
            Process p = startLongCompare();
            ProcessHandle java = Launcher.java(p, 10);
            Launcher.signal(signalAndCode[0], p.pid());
            assertEquals(signalAndCode[1], Launcher.await(p, 30), "128 + signal " + signalAndCode[0]);
            assertFalse(java.isAlive());
            String[] err = Launcher.stderr(work, "long").strip().split("\n");
            assertTrue(err[err.length - 1].startsWith("purkinje: interrupted; nothing was written to "),
                    String.join(" | ", err));
            assertFalse(Files.exists(results.resolve("out")), "no result from an interrupted run");
        }
    }

    @Test
    void sigkillToTheLauncherDuringCompareEndsJavaToo() throws Exception {
        Process p = startLongCompare();
        ProcessHandle java = Launcher.java(p, 10);
        Launcher.signal(9, p.pid());
        Launcher.await(p, 10);
        awaitExit(java);
        assertFalse(Files.exists(results.resolve("out")), "no result appears after the caller saw the kill");
        nextRunLeavesNoDebris();
    }

    @Test
    void sigkillToJavaDuringCompare() throws Exception {
        Process p = startLongCompare();
        ProcessHandle java = Launcher.java(p, 10);
        Launcher.signal(9, java.pid());
        assertEquals(137, Launcher.await(p, 30));
        // the one line of a batch job's log (the out-of-memory killer's SIGKILL looks like this), not
        // bash's own "./purkinje: line 208: PID Killed ..." report of its job
        List<String> err = Launcher.stderr(work, "long").lines().filter(l -> !l.startsWith("compare:")).toList();
        assertEquals(1, err.size(), String.join(" | ", err));
        assertTrue(err.get(0).startsWith("purkinje: java was ended by signal KILL (exit 137)"), err.get(0));
        assertFalse(Files.exists(results.resolve("out")));
        assertFalse(hidden(results).isEmpty(), "the test kills java before it can clean up");
        nextRunLeavesNoDebris();
    }

    @Test
    void sigkillToLauncherAndJavaAtOnceDuringCompare() throws Exception {
        Process p = startLongCompare();
        ProcessHandle java = Launcher.java(p, 10);
        Launcher.signal(9, p.pid(), java.pid()); // before java notices its launcher is gone: nothing cleans up
        Launcher.await(p, 10);
        awaitExit(java);
        assertFalse(temporaryFiles().isEmpty(), "the dead run's temporary folder is left for the next run");
        nextRunLeavesNoDebris();
    }

    @Test
    void sigtermToTheLauncherDuringSweepThenResume() throws Exception {
        Process p = startSweep();
        Launcher.signal(15, p.pid());
        assertNotEquals(0, Launcher.await(p, 30));
        resumeLeavesNoDebris();
    }

    @Test
    void sigkillToJavaDuringSweepThenResume() throws Exception {
        Process p = startSweep();
        Launcher.signal(9, Launcher.java(p, 10).pid());
        assertEquals(137, Launcher.await(p, 30));
        resumeLeavesNoDebris();
    }

    private void resumeLeavesNoDebris() throws Exception {
        Process resume = launcher.start(work, "resume", "sweep", "sweep.yaml", "--out", "results/sweep", "--threads",
                "2", "--batch-cells", "60", "--no-figures", "--quiet", "--resume");
        assertEquals(0, Launcher.await(resume, 300), Launcher.stderr(work, "resume"));
        List<String> rows = Files.readAllLines(results.resolve("sweep/points.csv"));
        assertEquals(1 + 11, rows.size(), "every point once");
        // only the list of the sweep's own files (for a later --force), no lock, log or drawing folder
        assertEquals(List.of(".purkinje-files"), hidden(results.resolve("sweep")), "hidden debris in the sweep folder");
        assertEquals(List.of(), hidden(results), "hidden debris in results/");
        assertEquals(List.of(), temporaryFiles(), "debris in the temporary folder");
        assertTrue(Launcher.stderr(work, "resume").isEmpty(), Launcher.stderr(work, "resume"));
    }
}
