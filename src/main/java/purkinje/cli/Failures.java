package purkinje.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import purkinje.io.ConfigException;
import purkinje.model.InvalidParameterException;

/**
 * Turns any failure into one stderr line and an exit code, never a stack trace on the terminal:
 * bad input is exit 2 with the message; a failed write (a full disk, a vanished folder) is exit 1
 * naming the file and the system's reason; anything else is an internal error, exit 1, with the
 * full trace written to a log file whose path the line gives.
 */
final class Failures {
    private Failures() {
    }

    /** Prints the one line for {@code t} and returns the exit code. */
    static int report(Throwable t, PrintWriter err) {
        int code;
        String line;
        if (t instanceof ConfigException || t instanceof InvalidParameterException) {
            code = ExitCodes.BAD_INPUT;
            line = "purkinje: " + t.getMessage();
        } else if (ioCause(t) != null) {
            IOException io = ioCause(t);
            code = ExitCodes.FAILURE;
            String kept = t instanceof AfterProgress ? t.getMessage() : null;
            Throwable failure = kept != null ? t.getCause() : t;
            String context = failure instanceof UncheckedIOException && failure.getMessage() != null
                    && !failure.getMessage().equals(String.valueOf(io)) ? failure.getMessage() + ": " : "";
            Path target = purkinje.io.OutputFolder.latestTarget();
            String where = context.isEmpty() && kept == null && target != null
                    && !(io instanceof java.nio.file.FileSystemException)
                    ? "writing " + CompareRunner.displayPath(target) + ": " : "";
            line = "purkinje: " + context + where + describe(io) + "; " + (kept != null ? kept
                    : "nothing was written (free space or choose another --out, then run again)");
        } else {
            code = ExitCodes.FAILURE;
            line = "purkinje: internal error: " + shortCause(t) + "; " + logTrace(t);
        }
        err.println(oneLine(line));
        err.flush();
        return code;
    }

    /**
     * A failed write after part of the work was committed (a sweep's finished points): its message
     * says what is kept and how to go on, in place of "nothing was written".
     */
    static final class AfterProgress extends RuntimeException {
        AfterProgress(RuntimeException cause, String kept) {
            super(kept, cause);
        }
    }

    /** The first I/O error among the causes, if any. */
    static IOException ioCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) {
                return io;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static String describe(IOException io) {
        if (io instanceof java.nio.file.FileSystemException fs) {
            return "cannot write " + fs.getFile() + ": " + purkinje.io.IoFailure.reason(io);
        }
        return purkinje.io.IoFailure.reason(io);
    }

    /** The innermost cause's type and message, e.g. "OutOfMemoryError: Java heap space". */
    static String shortCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        String s = root.getClass().getSimpleName() + (m != null && !m.isBlank() ? ": " + m : "");
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** Writes the full trace to a log file; returns where, for the one line. */
    static String logTrace(Throwable t) {
        StringWriter trace = new StringWriter();
        try (PrintWriter w = new PrintWriter(trace)) {
            w.println("purkinje " + Version.get() + ", Java " + System.getProperty("java.version") + ", "
                    + Instant.now());
            w.println("command line: " + String.join(" ", ProcessHandle.current().info().arguments()
                    .orElse(new String[0])));
            t.printStackTrace(w);
        }
        try {
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
            // not java.io.tmpdir: under the launcher that is the run's private folder, removed at its end
            Path log = Path.of(System.getProperty("purkinje.logdir", System.getProperty("java.io.tmpdir")),
                    "purkinje-error-" + stamp + "-"
                    + ProcessHandle.current().pid() + ".log");
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            return "full trace in " + log + " (please report it)";
        } catch (IOException | RuntimeException e) {
            return "the full trace could not be written (" + e.getMessage() + ")";
        }
    }

    private static String oneLine(String s) {
        return s.replace("\r", " ").replace('\n', ' ');
    }
}
