package purkinje.engine;

import purkinje.analysis.CellStatistics;

/**
 * Per-cell outcome of a simulation, indexed like the {@link Ensemble}: spike counts and online ISI
 * sums always; spike trains (ms) and voltage traces (mV, sampled every dt from t = 0) when kept.
 */
public final class EnsembleResult implements AutoCloseable {
    private final Ensemble ensemble;
    private final SimulationSettings settings;
    private final CellRecorder[] cells;
    private final double wallSeconds;
    private final java.util.List<SpikeSpool> spools;

    private final String enginePath;

    EnsembleResult(Ensemble ensemble, SimulationSettings settings, CellRecorder[] cells, double wallSeconds,
                   java.util.List<SpikeSpool> spools, String enginePath) {
        this.enginePath = enginePath;
        this.spools = java.util.List.copyOf(spools);
        this.ensemble = ensemble;
        this.settings = settings;
        this.cells = cells;
        this.wallSeconds = wallSeconds;
    }

    public Ensemble ensemble() {
        return ensemble;
    }

    public SimulationSettings settings() {
        return settings;
    }

    /** Which engine path integrated the cells (recorded in the manifest; the numbers do not depend on it). */
    public String enginePath() {
        return enginePath;
    }

    /** Wall-clock seconds the integration took. */
    public double wallSeconds() {
        return wallSeconds;
    }

    /** Cell-steps per wall-clock second, the throughput figure of merit. */
    public double cellStepsPerSecond() {
        return ensemble.size() * (double) settings.steps() / wallSeconds;
    }

    /** Per-cell statistics from the online sums (identical whether spikes were kept or not). */
    public CellStatistics statistics(int cell) {
        return cells[cell].statistics.toCellStatistics(settings.durationMs());
    }

    public int spikeCount(int cell) {
        return cells[cell].statistics.nSpikes();
    }

    /** Complex spikes of a cell (0 without a climbing fibre). */
    public int complexSpikeCount(int cell) {
        return cells[cell].complexSpikes();
    }

    /** Complex-spike times in ms (empty without a climbing fibre or when spikes were not kept). */
    public double[] complexSpikeTimesMs(int cell) {
        return cells[cell].complexTrain();
    }

    /** Median time from a complex spike to the next simple spike, ms (NaN if none was observed). */
    public double medianPostComplexPauseMs(int cell) {
        double[] p = cells[cell].pausesMs();
        if (p.length == 0) {
            return Double.NaN;
        }
        java.util.Arrays.sort(p);
        return p.length % 2 == 1 ? p[p.length / 2] : 0.5 * (p[p.length / 2 - 1] + p[p.length / 2]);
    }

    /** Spike times in ms, or null when spikes were not kept. */
    public double[] spikeTimesMs(int cell) {
        return cells[cell].train();
    }

    /** Membrane potential in mV at k * dt, or null when this cell was not traced. */
    public double[] voltageMv(int cell) {
        double[] v = cells[cell].voltageMv;
        return v == null ? null : v.clone();
    }

    /** Deletes the temporary files of kept spike times (also done at exit); spike trains are gone after. */
    @Override
    public void close() {
        spools.forEach(SpikeSpool::close);
    }
}
