package purkinje.cli;

import java.io.PrintStream;
import java.util.Locale;
import purkinje.sweep.SweepRunner;

/**
 * Sweep progress on stderr: on a terminal a bar with points done, points per second and time
 * left; in batch logs (no console) a plain line at most every {@value Progress#LOG_INTERVAL_S} s;
 * nothing under --quiet or for sweeps done within {@value Progress#QUIET_START_S} s.
 */
final class SweepProgress implements SweepRunner.Listener {
    private final PrintStream err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private double lastShownS = Double.NEGATIVE_INFINITY;
    private boolean shown;

    private SweepProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static SweepRunner.Listener of(boolean quiet) {
        return quiet ? SweepRunner.Listener.NONE : new SweepProgress(System.err, System.console() != null);
    }

    @Override
    public synchronized void progress(long stepsDone, long stepsTotal, int pointsDone, int pointsTotal) {
        double elapsed = (System.nanoTime() - startNanos) * 1e-9;
        double fraction = stepsTotal == 0 ? 1 : (double) stepsDone / stepsTotal;
        if (pointsDone >= pointsTotal) {
            if (shown && terminal) {
                err.print("\r" + " ".repeat(79) + "\r");
                err.flush();
            }
            return;
        }
        if (elapsed < Progress.QUIET_START_S) {
            return;
        }
        double left = fraction > 0 ? elapsed * (1 - fraction) / fraction : Double.NaN;
        String rate = pointsDone > 0 ? String.format(Locale.ROOT, "%.2g points/s", pointsDone / elapsed) : "";
        if (terminal) {
            int width = 24;
            int filled = (int) Math.round(fraction * width);
            err.printf(Locale.ROOT, "\rsweep [%s%s] %d/%d points %s  %s left ", "#".repeat(filled),
                    ".".repeat(width - filled), pointsDone, pointsTotal, rate, Progress.duration(left));
            err.flush();
            shown = true;
        } else if (elapsed - lastShownS >= Progress.LOG_INTERVAL_S) {
            err.printf(Locale.ROOT, "sweep: %d/%d points done (%.0f%%), %s elapsed, %s%sabout %s left%n", pointsDone,
                    pointsTotal, 100 * fraction, Progress.duration(elapsed), rate, rate.isEmpty() ? "" : ", ",
                    Progress.duration(left));
            lastShownS = elapsed;
            shown = true;
        }
    }
}
