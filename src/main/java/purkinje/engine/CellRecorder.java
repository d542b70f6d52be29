package purkinje.engine;

import purkinje.analysis.SpikeTrainAccumulator;

/**
 * What one cell leaves behind: spike count and online interspike-interval sums (always, through
 * {@link SpikeTrainAccumulator}), the spike train (opt-in, streamed to a {@link SpikeSpool} file)
 * and a voltage trace (opt-in), so memory does not grow with simulated time. Complex spikes (about
 * one a second) are kept in memory.
 */
final class CellRecorder {
    final SpikeTrainAccumulator statistics = new SpikeTrainAccumulator();
    /** Where kept spike times go (null: not kept); this cell's run starts at {@link #firstSpike}. */
    private final SpikeSpool spool;
    private long firstSpike;
    /**
     * Kept spikes not yet in the spool: cells integrated side by side (lane groups) would
     * interleave their spikes, so they hold them until {@link #flush}. Null: written directly.
     */
    private GrowableDoubleArray pending;
    final double[] voltageMv;

    CellRecorder(SpikeSpool spool, double[] voltageMv) {
        this.spool = spool;
        this.firstSpike = spool == null ? 0 : spool.position();
        this.voltageMv = voltageMv;
    }

    /** Holds kept spikes until {@link #flush} (for a cell integrated alongside others). */
    void deferSpool() {
        if (spool != null && statistics.nSpikes() == 0) {
            pending = new GrowableDoubleArray();
        }
    }

    /** Writes held spikes to the spool as one contiguous run. */
    void flush() {
        if (pending != null) {
            firstSpike = spool.position();
            double[] held = pending.toArray();
            for (double t : held) {
                spool.write(t);
            }
            pending = null;
        }
    }

    void spike(double tMs) {
        statistics.addSpike(tMs);
        if (pending != null) {
            pending.add(tMs);
        } else if (spool != null) {
            spool.write(tMs);
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

    /** The kept spike times (ms), read back from the spool; null when spikes were not kept. */
    double[] train() {
        return spool == null ? null : spool.read(firstSpike, statistics.nSpikes());
    }
}
