package purkinje.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Event-triggered average rate (a peri-event time histogram): the mean rate of one spike train
 * kind (e.g. simple spikes) in bins around each trigger (e.g. complex spikes) of the same cell,
 * averaged over all triggers of all cells. Triggers whose window does not fit inside the
 * recording are skipped, so every bin averages the same triggers.
 *
 * <pre>  rate(bin) = count of spikes in [t_trigger + bin start, + bin width) / (triggers * bin width)</pre>
 * For spikes independent of the triggers the histogram is flat at the mean rate; a pause after
 * complex spikes shows as a dip after 0.
 */
public final class TriggeredRate {
    private TriggeredRate() {
    }

    /** Bin start times relative to the trigger (ms), rates (Hz), and how many triggers were averaged. */
    public record Histogram(double[] binStartMs, double[] rateHz, int triggers) {
    }

    /**
     * @param spikeTrainsMs   per cell, sorted spike times (ms)
     * @param triggerTrainsMs per cell (same order), trigger times (ms)
     */
    public static Histogram of(List<double[]> spikeTrainsMs, List<double[]> triggerTrainsMs, double beforeMs,
                               double afterMs, double binMs, double recordingStartMs, double recordingStopMs) {
        if (!(binMs > 0) || !(beforeMs >= 0) || !(afterMs > 0)) {
            throw new IllegalArgumentException("bin must be positive and the window non-empty");
        }
        int bins = (int) Math.ceil((beforeMs + afterMs) / binMs - 1e-9);
        double[] counts = new double[bins];
        int triggers = 0;
        for (int c = 0; c < Math.min(spikeTrainsMs.size(), triggerTrainsMs.size()); c++) {
            double[] spikes = spikeTrainsMs.get(c);
            for (double trigger : triggerTrainsMs.get(c)) {
                double from = trigger - beforeMs;
                double to = from + bins * binMs;
                if (from < recordingStartMs || to > recordingStopMs) {
                    continue;
                }
                triggers++;
                int i = lowerBound(spikes, from);
                for (; i < spikes.length && spikes[i] < to; i++) {
                    counts[Math.min(bins - 1, (int) ((spikes[i] - from) / binMs))]++;
                }
            }
        }
        double[] start = new double[bins];
        double[] rate = new double[bins];
        for (int b = 0; b < bins; b++) {
            start[b] = -beforeMs + b * binMs;
            rate[b] = triggers == 0 ? Double.NaN : counts[b] / (triggers * binMs * 1e-3);
        }
        return new Histogram(start, rate, triggers);
    }

    private static int lowerBound(double[] sorted, double value) {
        int i = Arrays.binarySearch(sorted, value);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sorted[i - 1] == value) {
            i--;
        }
        return i;
    }
}
