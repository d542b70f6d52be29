package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import purkinje.experiment.CompareOutputs;

/** What a user sees on the command line: one-line errors, --version everywhere, suggestions, completion, help. */
class CommandLineTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = PurkinjeCommand.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void everySubcommandAnswersVersion() {
        CommandLine root = new CommandLine(new PurkinjeCommand());
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            Run r = run(name, "--version");
            assertEquals(0, r.exit(), name);
            assertTrue(r.out().startsWith("purkinje " + Version.get()), name + " --version printed: " + r.out());
        }
    }

    @Test
    void aMistypedCommandGetsOneLineWithASuggestion() {
        Run r = run("compre");
        assertEquals(2, r.exit());
        assertEquals(List.of("purkinje: unknown command 'compre'; did you mean 'compare' or 'completion'? "
                + "(see 'purkinje --help')"), r.errLines());
    }

    @Test
    void usageErrorsAreOneLine() {
        for (String[] args : new String[][] {{"compare", "--bogus"}, {"compare", "--cells"}, {},
            {"validate", "--quick", "--full"}, {"sweep"}, {"compare", "--threads", "two"}}) {
            Run r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            assertEquals(1, r.errLines().size(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("purkinje: ") && r.err().contains("--help"), r.err());
        }
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheCommands() throws Exception {
        Run r = run("completion");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("#!/usr/bin/env bash"), r.out().lines().findFirst().orElse(""));
        for (String command : List.of("demo", "compare", "sweep", "plot")) {
            assertTrue(r.out().contains(command), command);
        }
        Path script = dir.resolve("completion.bash");
        Files.writeString(script, r.out());
        Process p = new ProcessBuilder("bash", "-c", "source " + script + " && complete -p purkinje")
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), said);
        assertTrue(said.contains("complete") && said.contains("purkinje"), said);
        // its help names it as the user calls it (it said 'purkinje generate-completion')
        assertTrue(run("completion", "--help").out().startsWith("Usage: purkinje completion "),
                run("completion", "--help").out());
    }

    /**
     * Errors in an override name the option and the value as the user typed them (they said
     * "cells_per_condition" for --cells, "-5000 ms" for "-5 s", and listed an unknown option's value
     * as a second unknown option).
     */
    @Test
    void overrideErrorsNameTheOptionAndTheValueAsTyped() {
        Path out = dir.resolve("never");
        Run typo = run("compare", "--ouT", out.toString());
        assertEquals(List.of("purkinje: unknown option '--ouT'; did you mean '--out'? (see 'purkinje compare --help')"),
                typo.errLines());
        Run negative = run("compare", "--duration", "-5 s", "--out", out.toString());
        assertEquals(List.of("purkinje: --duration must be positive, was '-5 s'; give a simulated time with its unit,"
                + " e.g. --duration \"20 s\""), negative.errLines());
        Run none = run("compare", "--cells", "0", "--out", out.toString());
        assertEquals(List.of("purkinje: --cells must be at least 1 (cells per condition), was 0"), none.errLines());
        for (Run r : List.of(typo, negative, none)) {
            assertEquals(2, r.exit(), r.err());
        }
        assertFalse(Files.exists(out));
    }

    /** The exit codes in the top-level help are the README's, SIGHUP included. */
    @Test
    void topLevelHelpListsEveryInterruptExitCode() {
        String help = run("--help").out().replaceAll("\\s+", " ");
        assertTrue(help.contains("130 Ctrl-C, 143 SIGTERM, 129 SIGHUP"), help);
    }

    /** Every top-level file a compare run writes, and every figure it draws, is named in compare --help. */
    @Test
    void compareHelpListsEveryFileItWrites() throws IOException {
        String help = run("compare", "--help").out();
        for (String f : CompareOutputs.FILES) {
            assertTrue(help.contains(f), "compare --help does not mention " + f);
        }
        Path config = dir.resolve("cf.yaml");
        Files.writeString(config, "name: cf\nseed: 3\nduration: 1 s\ncells_per_condition: 2\n"
                + "inputs:\n  climbing_fibre:\n    rate: 2 Hz\n    pause: 20 ms\n");
        Path out = dir.resolve("cf");
        assertEquals(0, run("compare", "--config", config.toString(), "--out", out.toString(), "--quiet").exit());
        try (Stream<Path> s = Files.list(out.resolve("figures"))) {
            for (Path figure : s.toList()) {
                String stem = figure.getFileName().toString().replaceFirst("\\.[a-z]+$", "");
                assertTrue(help.contains(stem), "compare --help does not mention figure " + stem);
            }
        }
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                assertTrue(name.startsWith(".") || help.contains(name), "compare --help does not mention " + name);
            }
        }
    }

    @Test
    void anInternalErrorIsOneLineAndTheTraceGoesToALogFile() throws IOException {
        StringWriter text = new StringWriter();
        int code = Failures.report(new IllegalStateException("wrapped", new ArithmeticException("boom")),
                new PrintWriter(text));
        assertEquals(ExitCodes.FAILURE, code);
        List<String> lines = text.toString().lines().toList();
        assertEquals(1, lines.size(), text.toString());
        Matcher m = Pattern.compile("^purkinje: internal error: ArithmeticException: boom; full trace in (\\S+) ")
                .matcher(lines.get(0));
        assertTrue(m.find(), lines.get(0));
        Path log = Path.of(m.group(1));
        String trace = Files.readString(log);
        Files.delete(log);
        assertTrue(trace.contains("java.lang.IllegalStateException: wrapped") && trace.contains("\tat "), trace);
    }

    @Test
    void theTraceGoesToPurkinjeLogdirWhenSet(@org.junit.jupiter.api.io.TempDir Path logs) throws IOException {
        String before = System.getProperty("purkinje.logdir");
        System.setProperty("purkinje.logdir", logs.toString());
        try {
            StringWriter text = new StringWriter();
            Failures.report(new IllegalStateException("boom"), new PrintWriter(text));
            assertTrue(text.toString().contains("full trace in " + logs.resolve("purkinje-error-")), text.toString());
        } finally {
            if (before == null) {
                System.clearProperty("purkinje.logdir");
            } else {
                System.setProperty("purkinje.logdir", before);
            }
        }
    }

    @Test
    void anOutOfMemoryErrorIsAnInternalErrorLine() throws IOException {
        StringWriter text = new StringWriter();
        assertEquals(ExitCodes.FAILURE, Failures.report(new OutOfMemoryError("Java heap space"), new PrintWriter(text)));
        assertTrue(text.toString().startsWith("purkinje: internal error: OutOfMemoryError: Java heap space; full "
                + "trace in "), text.toString());
        assertEquals(1, text.toString().lines().count());
        Files.deleteIfExists(Path.of(text.toString().replaceFirst("(?s).*full trace in (\\S+) .*", "$1")));
    }

    @Test
    void aFullDiskIsOneLineNamingTheFileAndTheReason() {
        StringWriter text = new StringWriter();
        Exception e = new UncheckedIOException("cannot write figures/rates.svg",
                new FileSystemException("/r/figures/rates.svg", null, "No space left on device"));
        assertEquals(ExitCodes.FAILURE, Failures.report(e, new PrintWriter(text)));
        assertEquals(List.of("purkinje: cannot write figures/rates.svg: cannot write /r/figures/rates.svg: No space "
                + "left on device; nothing was written (free space or choose another --out, then run again)"),
                text.toString().lines().toList());
    }

    /** The bar with \r is for terminals only: the test is on stderr (the launcher's answer first), not stdout. */
    @Test
    void theTerminalCheckLooksAtStderr() throws IOException {
        assertTrue(Terminal.detect("1", dir.resolve("none")));
        assertFalse(Terminal.detect("0", dir.resolve("none")));
        Path tty = dir.resolve("fd2-tty");
        Files.createSymbolicLink(tty, Path.of("/dev/pts/7"));
        Path file = dir.resolve("fd2-file");
        Files.createSymbolicLink(file, dir.resolve("stderr.log"));
        assertTrue(Terminal.detect(null, tty));
        assertFalse(Terminal.detect(null, file));
        assertFalse(Terminal.detect(null, dir.resolve("no-such-fd")));
    }

    @Test
    void progressNeverGoesBackwards() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "validating",
                System.nanoTime() - 60_000_000_000L);
        p.progress(99, 100);
        p.progress(50, 100);
        p.progress(90, 100);
        String[] bars = bytes.toString(StandardCharsets.UTF_8).split("\r");
        int last = -1;
        for (String bar : bars) {
            Matcher m = Pattern.compile("\\] +(\\d+)%").matcher(bar);
            if (m.find()) {
                int percent = Integer.parseInt(m.group(1));
                assertTrue(percent >= last, "progress went from " + last + " % to " + percent + " %");
                last = percent;
            }
        }
        assertEquals(99, last);
    }

    @Test
    void sweepProgressSaysWorkDoneThenPointsWritten() {
        String line = SweepProgress.logLine(0.87, 0, 11, 30, "");
        assertTrue(line.startsWith("sweep: 87% of the work done, 0/11 points written, "), line);
        assertTrue(line.endsWith("30s elapsed, about 4s left"), line);
    }

    /** No extrapolation from the first seconds (JIT warm-up): it read "about 1h43m left" for an 11 s sweep. */
    @Test
    void timeLeftWaitsForEnoughWork() {
        assertEquals("time left not known yet", Progress.timeLeft(2, 0.0003));
        assertEquals("time left not known yet", Progress.timeLeft(5, 0));
        assertEquals("about 1m30s left", Progress.timeLeft(10, 0.1));
        assertEquals("about 1h39m left", Progress.timeLeft(60, 0.01), "a long run is estimated after a minute");
    }
}
