package purkinje.engine;

/**
 * What one cell leaves behind: spike count and online interspike-interval sums (always), the
 * spike train and a voltage trace (opt-in). Memory for the sums does not grow with simulated time.
 *
 * <p>The ISI sums are those of {@code purkinje.analysis.SpikeStatistics.fromAccumulated}: Welford's
 * running mean and sum of squared deviations (stable where a naive sum of squares cancels), the sum
 * of 2|I_{i+1}-I_i|/(I_{i+1}+I_i) for CV2 (Holt et al. 1996) and of ((I_i-I_{i+1})/(I_i+I_{i+1}))^2 for
 * LV (Shinomoto et al. 2003).
 */
final class CellRecorder {
    int spikes;
    int isiCount;
    double isiMeanMs;
    double isiM2;
    double cv2Sum;
    int cv2Terms;
    double lvSum;
    int lvTerms;

    private double lastSpikeMs = Double.NaN;
    private double previousIsiMs = Double.NaN;
    private final GrowableDoubleArray train;
    final double[] voltageMv;

    CellRecorder(boolean keepSpikes, double[] voltageMv) {
        this.train = keepSpikes ? new GrowableDoubleArray() : null;
        this.voltageMv = voltageMv;
    }

    void spike(double tMs) {
        spikes++;
        if (train != null) {
            train.add(tMs);
        }
        if (spikes > 1) {
            double isi = tMs - lastSpikeMs;
            isiCount++;
            double delta = isi - isiMeanMs;
            isiMeanMs += delta / isiCount;
            isiM2 += delta * (isi - isiMeanMs);
            if (isiCount > 1) {
                double sum = isi + previousIsiMs;
                double diff = isi - previousIsiMs;
                cv2Sum += 2 * Math.abs(diff) / sum;
                cv2Terms++;
                lvSum += (diff / sum) * (diff / sum);
                lvTerms++;
            }
            previousIsiMs = isi;
        }
        lastSpikeMs = tMs;
    }

    double[] train() {
        return train == null ? null : train.toArray();
    }
}
