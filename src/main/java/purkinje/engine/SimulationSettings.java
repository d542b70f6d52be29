package purkinje.engine;

import java.util.Set;

/**
 * How to run an {@link Ensemble}.
 *
 * @param dtMs             integration step (ms)
 * @param steps            number of steps; the run covers [0, steps * dtMs)
 * @param threads          worker threads (results do not depend on it)
 * @param keepSpikes       keep every spike time
 * @param voltageCells     cells (ensemble indices) whose membrane potential is kept
 * @param voltageSamples   samples kept per traced cell, from t = 0 (grid points k * dt)
 */
public record SimulationSettings(double dtMs, long steps, int threads, boolean keepSpikes,
                                 Set<Integer> voltageCells, int voltageSamples) {
    /**
     * Most steps a run may have: step k starts at k dt with k converted to double exactly, which
     * holds up to 2^53 (9.0e15, far beyond any run that ends: 1e9 cell-steps take seconds).
     */
    public static final long MAX_STEPS = 1L << 53;
    /** Most samples of one voltage trace (8 MB): 1000 ms at dt = 0.001 ms. */
    public static final int MAX_VOLTAGE_SAMPLES = 1_000_001;

    public SimulationSettings {
        voltageCells = Set.copyOf(voltageCells);
        if (!(dtMs > 0) || steps < 1 || threads < 1 || voltageSamples < 0) {
            throw new IllegalArgumentException("invalid simulation settings: dt " + dtMs + " ms, steps " + steps
                    + ", threads " + threads + ", voltage samples " + voltageSamples);
        }
        if (steps > MAX_STEPS) {
            throw new IllegalArgumentException("the run has " + steps + " steps of " + dtMs + " ms, more than the "
                    + MAX_STEPS + " the engine counts exactly: use a larger dt or a shorter duration");
        }
    }

    /**
     * Samples of a voltage trace over the first {@code windowMs} of a run of {@code steps} steps
     * (grid points 0, dt, 2 dt, ...), at most {@link #MAX_VOLTAGE_SAMPLES}: a very small dt
     * shortens the traced window instead of overflowing it. Safe for any dt &gt; 0.
     */
    public static int voltageSamplesFor(double windowMs, double dtMs, long steps) {
        double inWindow = Math.floor(windowMs / dtMs + 0.5) + 1; // a double: never overflows
        return (int) Math.min(Math.min(inWindow, (double) steps + 1), MAX_VOLTAGE_SAMPLES);
    }

    /**
     * Cell-steps of a run of {@code cells} cells (the engine's work), or {@link Long#MAX_VALUE} if
     * the product does not fit a long; for up-front estimates.
     */
    public long cellSteps(long cells) {
        try {
            return Math.multiplyExact(cells, steps);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Bytes the voltage traces take in memory (8 per sample and traced cell), for up-front estimates. */
    public long voltageTraceBytes() {
        return (long) voltageCells.size() * Math.min(voltageSamples, steps + 1) * Double.BYTES;
    }

    public double durationMs() {
        return steps * dtMs;
    }

    /** Default worker count: all cores. */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
