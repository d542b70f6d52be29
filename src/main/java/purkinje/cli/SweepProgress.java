package purkinje.cli;

import java.io.PrintStream;
import java.util.Locale;
import purkinje.sweep.SweepRunner;

/**
 * Sweep progress on stderr (never going backwards): when stderr is a terminal a bar with points done, points per second and time
 * left; in batch logs (no console) a plain line at most every {@value Progress#LOG_INTERVAL_S} s;
 * nothing under --quiet or for sweeps done within {@value Progress#QUIET_START_S} s.
 */
final class SweepProgress implements SweepRunner.Listener {
    private final PrintStream err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private double lastShownS = Double.NEGATIVE_INFINITY;
    private double shownFraction;
    private boolean shown;

    private SweepProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static SweepRunner.Listener of(boolean quiet) {
        return quiet ? SweepRunner.Listener.NONE : new SweepProgress(System.err, Terminal.stderrIsTerminal());
    }

    /**
     * A plain progress line: the share of the work (cell-steps) done, then the points written so far.
     * Points are simulated together in batches and written when their batch ends, so the work can
     * be at 87 % with no point written yet; the line says both, in that order.
     */
    static String logLine(double fraction, int pointsDone, int pointsTotal, double elapsedS, String rate) {
        return String.format(Locale.ROOT, "sweep: %.0f%% of the work done, %d/%d points written, %s elapsed, %s%s%s",
                100 * fraction, pointsDone, pointsTotal, Progress.duration(elapsedS), rate,
                rate.isEmpty() ? "" : ", ", Progress.timeLeft(elapsedS, fraction));
    }

    @Override
    public synchronized void progress(long stepsDone, long stepsTotal, int pointsDone, int pointsTotal) {
        double elapsed = (System.nanoTime() - startNanos) * 1e-9;
        double fraction = Math.max(shownFraction, stepsTotal == 0 ? 1 : (double) stepsDone / stepsTotal);
        shownFraction = fraction;
        if (pointsDone >= pointsTotal) {
            if (shown && terminal) {
                err.print("\r" + " ".repeat(110) + "\r");
                err.flush();
            }
            return;
        }
        if (elapsed < Progress.QUIET_START_S) {
            return;
        }
        String rate = pointsDone > 0 ? String.format(Locale.ROOT, "%.2g points/s", pointsDone / elapsed) : "";
        if (terminal) {
            int width = 24;
            int filled = (int) Math.round(fraction * width);
            err.printf(Locale.ROOT, "\rsweep [%s%s] %3.0f%%, %d/%d points written %-14s %-24s", "#".repeat(filled),
                    ".".repeat(width - filled), 100 * fraction, pointsDone, pointsTotal, rate,
                    Progress.timeLeft(elapsed, fraction));
            err.flush();
            shown = true;
        } else if (elapsed - lastShownS >= Progress.LOG_INTERVAL_S) {
            err.printf(Locale.ROOT, "%s%n", logLine(fraction, pointsDone, pointsTotal, elapsed, rate));
            lastShownS = elapsed;
            shown = true;
        }
    }
}
