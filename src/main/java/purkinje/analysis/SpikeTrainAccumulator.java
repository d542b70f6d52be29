package purkinje.analysis;

/**
 * Online (single-pass, O(1) memory) accumulator of the ISI sums needed by
 * {@link SpikeStatistics#fromAccumulated}. Feed spike times in ascending order with
 * {@link #addSpike(double)}; read the sums or call {@link #toCellStatistics(double)}.
 *
 * <p>The ISI mean and sum of squared deviations are updated with Welford's algorithm
 * (Welford 1962, Technometrics 4:419): for the k-th ISI {@code I},
 * {@code delta = I - mean; mean += delta / k; m2 += delta * (I - mean)}.
 * For every pair of consecutive ISIs {@code (I_i, I_{i+1})} it adds
 * {@code 2|I_{i+1} - I_i| / (I_{i+1} + I_i)} to the CV2 sum and
 * {@code ((I_i - I_{i+1}) / (I_i + I_{i+1}))^2} to the LV sum.
 *
 * <p>This is the only mutable class of the package; it is not thread-safe. The simulation engine
 * may use it directly (one instance per cell) so that its numbers are bit-for-bit those of
 * {@link SpikeStatistics#of}.
 */
public final class SpikeTrainAccumulator {

    private int nSpikes;
    private double lastSpikeMs = Double.NaN;
    private double lastIsiMs = Double.NaN;
    private int nIsi;
    private double isiMeanMs;
    private double isiM2Ms2;
    private double cv2Sum;
    private int cv2Terms;
    private double lvSum;
    private int lvTerms;

    /** Creates an empty accumulator. */
    public SpikeTrainAccumulator() {
    }

    /**
     * Records a spike.
     *
     * @param timeMs spike time in ms, not earlier than the previous spike
     * @throws IllegalArgumentException if {@code timeMs} is not finite or precedes the previous spike
     */
    public void addSpike(double timeMs) {
        if (!Double.isFinite(timeMs)) {
            throw new IllegalArgumentException("spike time must be finite: " + timeMs);
        }
        if (nSpikes > 0) {
            double isi = timeMs - lastSpikeMs;
            if (isi < 0) {
                throw new IllegalArgumentException(
                        "spike times must be ascending: " + timeMs + " after " + lastSpikeMs);
            }
            nIsi++;
            double delta = isi - isiMeanMs;
            isiMeanMs += delta / nIsi;
            isiM2Ms2 += delta * (isi - isiMeanMs);
            if (nIsi >= 2) {
                double sum = lastIsiMs + isi;
                double diff = lastIsiMs - isi;
                cv2Sum += 2.0 * Math.abs(diff) / sum;
                cv2Terms++;
                double r = diff / sum;
                lvSum += r * r;
                lvTerms++;
            }
            lastIsiMs = isi;
        }
        lastSpikeMs = timeMs;
        nSpikes++;
    }

    /** @return number of spikes recorded */
    public int nSpikes() {
        return nSpikes;
    }

    /** @return number of ISIs, {@code max(0, nSpikes - 1)} */
    public int nIsi() {
        return nIsi;
    }

    /** @return Welford running mean of the ISIs (ms); 0 before the first ISI */
    public double isiMeanMs() {
        return isiMeanMs;
    }

    /** @return Welford M2, the sum of squared deviations of the ISIs from their mean (ms^2) */
    public double isiSumSquaredDeviationsMs2() {
        return isiM2Ms2;
    }

    /** @return sum over consecutive ISI pairs of {@code 2|I_{i+1}-I_i|/(I_{i+1}+I_i)} */
    public double cv2Sum() {
        return cv2Sum;
    }

    /** @return number of terms in {@link #cv2Sum()}, {@code max(0, nIsi - 1)} */
    public int cv2Terms() {
        return cv2Terms;
    }

    /** @return sum over consecutive ISI pairs of {@code ((I_i-I_{i+1})/(I_i+I_{i+1}))^2} */
    public double lvSum() {
        return lvSum;
    }

    /** @return number of terms in {@link #lvSum()}, {@code max(0, nIsi - 1)} */
    public int lvTerms() {
        return lvTerms;
    }

    /**
     * @param durationMs length of the observation window in ms (&gt; 0)
     * @return the statistics of the spikes recorded so far
     */
    public CellStatistics toCellStatistics(double durationMs) {
        return SpikeStatistics.fromAccumulated(nSpikes, durationMs, nIsi, isiMeanMs, isiM2Ms2,
                cv2Sum, cv2Terms, lvSum, lvTerms);
    }
}
