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
    public SimulationSettings {
        voltageCells = Set.copyOf(voltageCells);
        if (!(dtMs > 0) || steps < 1 || threads < 1 || voltageSamples < 0) {
            throw new IllegalArgumentException("invalid simulation settings: dt " + dtMs + " ms, steps " + steps
                    + ", threads " + threads + ", voltage samples " + voltageSamples);
        }
    }

    public double durationMs() {
        return steps * dtMs;
    }

    /** Default worker count: all cores. */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
