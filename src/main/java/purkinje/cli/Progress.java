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
        String left = timeLeft(elapsed, fraction);
        if (terminal) {
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            // padded: a shorter text must overwrite all of a longer one ("time left not known yet")
            err.printf("\r%s [%s%s] %3.0f%%  %-24s", label, "#".repeat(filled), ".".repeat(width - filled),
                    100 * fraction, left);
            err.flush();
            shown = true;
        } else if (elapsed - lastShownS >= LOG_INTERVAL_S) {
            err.printf("%s: %.0f%% done, %s elapsed, %s%n", label, 100 * fraction, duration(elapsed), left);
            lastShownS = elapsed;
            shown = true;
        }
    }

    /** The share of the work after which time left is estimated (before it, JIT warm-up and the first batch dominate). */
    static final double ESTIMATE_FROM_FRACTION = 0.05;
    /** ... or the elapsed time after which it is estimated anyway (long runs). */
    static final double ESTIMATE_FROM_S = 60;

    /**
     * "about 3m20s left" by linear extrapolation, or "time left not known yet" before
     * {@value #ESTIMATE_FROM_FRACTION} of the work or {@value #ESTIMATE_FROM_S} s: the first seconds
     * run slowly (the JIT compiles the engine) and report little work, so extrapolating from them
     * read, for example, "about 1h43m left" for a sweep that ended 11 s later.
     */
    static String timeLeft(double elapsedS, double fraction) {
        if (fraction <= 0 || (fraction < ESTIMATE_FROM_FRACTION && elapsedS < ESTIMATE_FROM_S)) {
            return "time left not known yet";
        }
        return "about " + duration(elapsedS * (1 - fraction) / fraction) + " left";
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
