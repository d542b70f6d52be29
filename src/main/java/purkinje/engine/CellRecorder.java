package purkinje.engine;

import purkinje.analysis.SpikeTrainAccumulator;

/**
 * What one cell leaves behind: spike count and online interspike-interval sums (always, through
 * {@link SpikeTrainAccumulator}, so memory does not grow with simulated time), the spike train and
 * a voltage trace (opt-in).
 */
final class CellRecorder {
    final SpikeTrainAccumulator statistics = new SpikeTrainAccumulator();
    private final GrowableDoubleArray train;
    final double[] voltageMv;

    CellRecorder(boolean keepSpikes, double[] voltageMv) {
        this.train = keepSpikes ? new GrowableDoubleArray() : null;
        this.voltageMv = voltageMv;
    }

    void spike(double tMs) {
        statistics.addSpike(tMs);
        if (train != null) {
            train.add(tMs);
        }
    }

    double[] train() {
        return train == null ? null : train.toArray();
    }
}
