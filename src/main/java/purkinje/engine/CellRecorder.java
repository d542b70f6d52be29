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
        if (complex != null && pendingComplexMs == pendingComplexMs) {
            pauses.add(tMs - pendingComplexMs);
            pendingComplexMs = Double.NaN;
        }
    }

    // Complex spikes (cells with a climbing fibre only; null otherwise).
    private GrowableDoubleArray complex;
    private GrowableDoubleArray pauses;
    private int complexSpikes;
    private double pendingComplexMs = Double.NaN;

    /**
     * A complex spike at {@code tMs}. The post-complex-spike pause is the time to the next simple
     * spike; a pause cut short by the next complex spike or by the end of the run is not counted.
     */
    void complexSpike(double tMs, boolean keepTrain) {
        if (complex == null) {
            complex = new GrowableDoubleArray();
            pauses = new GrowableDoubleArray();
        }
        complexSpikes++;
        if (keepTrain) {
            complex.add(tMs);
        }
        pendingComplexMs = tMs;
    }

    int complexSpikes() {
        return complexSpikes;
    }

    double[] complexTrain() {
        return complex == null ? new double[0] : complex.toArray();
    }

    double[] pausesMs() {
        return pauses == null ? new double[0] : pauses.toArray();
    }

    double[] train() {
        return train == null ? null : train.toArray();
    }
}
