package purkinje.analysis;

import java.util.Objects;

/**
 * Single-cell spike-train statistics. Spike times are {@code double[]} in milliseconds, sorted
 * ascending; the observation window is {@code [tStartMs, tStopMs)} and spikes outside it are ignored.
 *
 * <p>Definitions (I_1 ... I_m are the m = n - 1 inter-spike intervals of the n spikes in the window):
 * <ul>
 *   <li><b>Rate</b> {@code rateHz = n / (duration_ms / 1000)}. Poisson: the process intensity.
 *       Never NaN (0 for a silent cell).</li>
 *   <li><b>ISI mean</b> {@code mean = (1/m) sum I_i}. Poisson: 1/rate. NaN if m &lt; 1.</li>
 *   <li><b>ISI SD</b> population SD, ddof = 0: {@code sd = sqrt((1/m) sum (I_i - mean)^2)},
 *       as in Elephant's {@code elephant.statistics.cv}. Poisson: 1/rate. NaN if m &lt; 2.</li>
 *   <li><b>CV</b> {@code cv = sd / mean}. Poisson: 1; perfectly regular: 0.
 *       (Softky &amp; Koch 1993, J Neurosci 13:334.) NaN if m &lt; 2.</li>
 *   <li><b>CV2</b> {@code cv2 = (1/(m-1)) sum_{i=1}^{m-1} 2|I_{i+1} - I_i| / (I_{i+1} + I_i)}, a local
 *       measure insensitive to slow rate changes. Poisson: 1; regular: 0.
 *       (Holt, Softky, Koch &amp; Douglas 1996, J Neurophysiol 75:1806.) NaN if m &lt; 2.</li>
 *   <li><b>LV</b> {@code lv = (3/(m-1)) sum_{i=1}^{m-1} ((I_i - I_{i+1}) / (I_i + I_{i+1}))^2}.
 *       Poisson: 1; regular: 0; bursty &gt; 1.
 *       (Shinomoto, Shima &amp; Tanji 2003, Neural Comput 15:2823.) NaN if m &lt; 2.</li>
 * </ul>
 * Two consecutive zero ISIs (three coincident spikes) make a CV2/LV term 0/0 and hence NaN; a
 * simulator with a refractory period cannot produce them.
 *
 * <p>Invalid arguments (null arrays, unsorted or non-finite spike times, a window with
 * {@code tStopMs <= tStartMs}) throw {@link IllegalArgumentException}; too few spikes never throw
 * but give NaN as documented.
 */
public final class SpikeStatistics {

    private SpikeStatistics() {
    }

    /**
     * Reference implementation from a spike train: feeds the spikes inside
     * {@code [tStartMs, tStopMs)} to a {@link SpikeTrainAccumulator} and delegates to
     * {@link #fromAccumulated}, so its result is bit-for-bit that of an engine using the same
     * online sums.
     *
     * @param spikeTimesMs spike times (ms), sorted ascending
     * @param tStartMs     window start (ms, inclusive)
     * @param tStopMs      window stop (ms, exclusive), &gt; tStartMs
     * @return the cell statistics; NaN entries as documented in the class comment
     */
    public static CellStatistics of(double[] spikeTimesMs, double tStartMs, double tStopMs) {
        checkTrain(spikeTimesMs);
        checkWindow(tStartMs, tStopMs);
        SpikeTrainAccumulator acc = new SpikeTrainAccumulator();
        for (double t : spikeTimesMs) {
            if (t >= tStartMs && t < tStopMs) {
                acc.addSpike(t);
            }
        }
        return acc.toCellStatistics(tStopMs - tStartMs);
    }

    /**
     * Builds {@link CellStatistics} from online sums (see {@link SpikeTrainAccumulator}).
     * {@code isiSdMs = sqrt(M2 / nIsi)} (ddof = 0), {@code cv = isiSdMs / isiMeanMs},
     * {@code cv2 = cv2Sum / cv2Terms} (Holt 1996), {@code lv = 3 * lvSum / lvTerms} (Shinomoto 2003).
     *
     * @param nSpikes                    number of spikes in the window (&ge; 0)
     * @param durationMs                 window length in ms (&gt; 0)
     * @param nIsi                       number of ISIs (&ge; 0)
     * @param isiMeanMs                  Welford running mean of the ISIs (ms); ignored if nIsi = 0
     * @param isiSumSquaredDeviationsMs2 Welford M2 = sum of squared deviations of the ISIs (ms^2)
     * @param cv2Sum                     sum over consecutive ISI pairs of 2|I_{i+1}-I_i|/(I_{i+1}+I_i)
     * @param cv2Terms                   number of terms in cv2Sum
     * @param lvSum                      sum over consecutive ISI pairs of ((I_i-I_{i+1})/(I_i+I_{i+1}))^2
     * @param lvTerms                    number of terms in lvSum
     * @return the cell statistics; isiMean NaN if nIsi &lt; 1; SD, CV, CV2, LV NaN if nIsi &lt; 2
     *         (CV2/LV also NaN if their term count is 0)
     * @throws IllegalArgumentException for negative counts or a non-positive/non-finite duration
     */
    public static CellStatistics fromAccumulated(int nSpikes, double durationMs, int nIsi,
                                                 double isiMeanMs, double isiSumSquaredDeviationsMs2,
                                                 double cv2Sum, int cv2Terms,
                                                 double lvSum, int lvTerms) {
        if (nSpikes < 0 || nIsi < 0 || cv2Terms < 0 || lvTerms < 0) {
            throw new IllegalArgumentException("counts must be non-negative");
        }
        if (!(durationMs > 0) || !Double.isFinite(durationMs)) {
            throw new IllegalArgumentException("durationMs must be positive and finite: " + durationMs);
        }
        double rateHz = nSpikes / (durationMs / 1000.0);
        double mean = nIsi >= 1 ? isiMeanMs : Double.NaN;
        double sd = nIsi >= 2 ? Math.sqrt(isiSumSquaredDeviationsMs2 / nIsi) : Double.NaN;
        double cv = nIsi >= 2 ? sd / mean : Double.NaN;
        double cv2 = nIsi >= 2 && cv2Terms >= 1 ? cv2Sum / cv2Terms : Double.NaN;
        double lv = nIsi >= 2 && lvTerms >= 1 ? 3.0 * lvSum / lvTerms : Double.NaN;
        return new CellStatistics(nSpikes, rateHz, mean, sd, cv, cv2, lv);
    }

    /**
     * Fano factor of spike counts in consecutive, non-overlapping windows of {@code windowMs}
     * tiling {@code [tStartMs, tStopMs)} from {@code tStartMs}; a trailing partial window is
     * discarded. {@code F = s^2 / mean} with the <em>sample</em> variance
     * {@code s^2 = (1/(k-1)) sum (N_j - mean)^2} (ddof = 1, unbiased, so E[s^2] = mean exactly for a
     * Poisson process; note Elephant's {@code fanofactor} uses ddof = 0 across trials, which is
     * smaller by (k-1)/k). Poisson: 1 for any window; regular: &lt; 1; bursty: &gt; 1.
     * (Fano 1947, Phys Rev 72:26; Teich 1989.) For k windows of a Poisson process the standard
     * error is about {@code sqrt(2/(k-1))}.
     *
     * @param spikeTimesMs spike times (ms), sorted ascending
     * @param tStartMs     window start (ms)
     * @param tStopMs      window stop (ms)
     * @param windowMs     counting-window length (ms, &gt; 0)
     * @return the Fano factor; NaN for fewer than 2 whole windows or a mean count of zero
     */
    public static double fanoFactor(double[] spikeTimesMs, double tStartMs, double tStopMs,
                                    double windowMs) {
        checkTrain(spikeTimesMs);
        checkWindow(tStartMs, tStopMs);
        if (!(windowMs > 0) || !Double.isFinite(windowMs)) {
            throw new IllegalArgumentException("windowMs must be positive and finite: " + windowMs);
        }
        int k = wholeBins(tStopMs - tStartMs, windowMs);
        if (k < 2) {
            return Double.NaN;
        }
        long[] counts = new long[k];
        for (double t : spikeTimesMs) {
            if (t < tStartMs) {
                continue;
            }
            int j = (int) Math.floor((t - tStartMs) / windowMs);
            if (j >= k) {
                break;
            }
            counts[j]++;
        }
        double mean = 0;
        for (long c : counts) {
            mean += c;
        }
        mean /= k;
        if (mean == 0) {
            return Double.NaN;
        }
        double ss = 0;
        for (long c : counts) {
            double d = c - mean;
            ss += d * d;
        }
        return ss / (k - 1) / mean;
    }

    /**
     * Inter-spike intervals {@code I_i = t_{i+1} - t_i} of the whole train (no window).
     *
     * @param spikeTimesMs spike times (ms), sorted ascending
     * @return the n - 1 intervals in ms; an empty array for fewer than 2 spikes
     */
    public static double[] interspikeIntervalsMs(double[] spikeTimesMs) {
        checkTrain(spikeTimesMs);
        if (spikeTimesMs.length < 2) {
            return new double[0];
        }
        double[] isi = new double[spikeTimesMs.length - 1];
        for (int i = 0; i < isi.length; i++) {
            isi[i] = spikeTimesMs[i + 1] - spikeTimesMs[i];
        }
        return isi;
    }

    /** Number of whole bins of width {@code binMs} in {@code durationMs}, tolerant to rounding. */
    static int wholeBins(double durationMs, double binMs) {
        double ratio = durationMs / binMs;
        long n = (long) Math.floor(ratio * (1 + 1e-12) + 1e-12);
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many bins: " + n);
        }
        return (int) n;
    }

    static void checkTrain(double[] spikeTimesMs) {
        Objects.requireNonNull(spikeTimesMs, "spikeTimesMs");
        for (int i = 0; i < spikeTimesMs.length; i++) {
            if (!Double.isFinite(spikeTimesMs[i])) {
                throw new IllegalArgumentException("non-finite spike time at index " + i);
            }
            if (i > 0 && spikeTimesMs[i] < spikeTimesMs[i - 1]) {
                throw new IllegalArgumentException("spike times not sorted at index " + i);
            }
        }
    }

    static void checkWindow(double tStartMs, double tStopMs) {
        if (!Double.isFinite(tStartMs) || !Double.isFinite(tStopMs) || !(tStopMs > tStartMs)) {
            throw new IllegalArgumentException(
                    "need finite tStartMs < tStopMs, got [" + tStartMs + ", " + tStopMs + ")");
        }
    }
}
