package purkinje.cli;

import java.io.PrintStream;
import purkinje.engine.ProgressListener;

/**
 * Progress on stderr (never going backwards): a bar with time left when stderr is a terminal, a plain line at most every
 * {@value #LOG_INTERVAL_S} seconds in batch logs, nothing under --quiet. Nothing is shown for
 * runs that finish within the first {@value #QUIET_START_S} seconds.
 */
final class Progress implements ProgressListener {
    static final double QUIET_START_S = 2;
    static final double LOG_INTERVAL_S = 10;
    private final PrintStream err;
    private final boolean terminal;
    private final String label;
    private final long startNanos;
    private double lastShownS = Double.NEGATIVE_INFINITY;
    private double shownFraction;
    private boolean shown;

    Progress(PrintStream err, boolean terminal, String label, long startNanos) {
        this.startNanos = startNanos;
        this.err = err;
        this.terminal = terminal;
        this.label = label;
    }

    static ProgressListener of(boolean quiet, String label) {
        if (quiet) {
            return ProgressListener.NONE;
        }
        return new Progress(System.err, Terminal.stderrIsTerminal(), label, System.nanoTime());
    }

    @Override
    public void progress(long done, long total) {
        double elapsed = (System.nanoTime() - startNanos) * 1e-9;
        // never backwards: a caller that reports several runs in turn must not make the bar jump back
        double fraction = Math.max(shownFraction, total == 0 ? 1 : (double) done / total);
        shownFraction = fraction;
        if (done >= total) {
            if (shown && terminal) {
                err.print("\r" + " ".repeat(78) + "\r");
                err.flush();
            }
            return;
        }
        if (elapsed < QUIET_START_S) {
            return;
        }
        double left = fraction > 0 ? elapsed * (1 - fraction) / fraction : Double.NaN;
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            err.printf("\r%s [%s%s] %3.0f%%  %s left ", label, "#".repeat(filled), ".".repeat(width - filled),
                    100 * fraction, duration(left));
            err.flush();
            shown = true;
        } else if (elapsed - lastShownS >= LOG_INTERVAL_S) {
            err.printf("%s: %.0f%% done, %s elapsed, about %s left%n", label, 100 * fraction, duration(elapsed),
                    duration(left));
            lastShownS = elapsed;
            shown = true;
        }
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
