package purkinje.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fully resolved run: what to simulate (wild-type cell, noise, heterogeneity, MEIS1 mapping,
 * conditions) and how (duration, time step, cells, seed, what to record). Validated on
 * construction, including the numerical limits of the exact integrator: dt must not exceed t_ref
 * (at most one spike per step) nor tau_m / 10 (the threshold-crossing interpolation and the
 * Brownian-bridge correction assume a step short against the membrane time constant).
 */
public record RunConfig(String name, long seed, double durationMs, double dtMs, int cellsPerCondition,
                        RecordOptions record, CellParameters cell, NoiseParameters noise,
                        Heterogeneity heterogeneity, Meis1Mapping meis1, List<Condition> conditions) {

    public static final List<Condition> DEFAULT_CONDITIONS =
            List.of(new Condition("wild-type", 1.0), new Condition("meis1-reduced", 0.5));

    public RunConfig {
        conditions = List.copyOf(conditions);
        Checks.positive("duration", durationMs, "ms");
        Checks.positive("dt", dtMs, "ms");
        if (cellsPerCondition < 1) {
            throw new InvalidParameterException("cells_per_condition must be at least 1, was " + cellsPerCondition);
        }
        if (conditions.isEmpty()) {
            throw new InvalidParameterException("conditions must list at least one condition");
        }
        Set<String> names = new HashSet<>();
        for (Condition c : conditions) {
            if (!names.add(c.name())) {
                throw new InvalidParameterException("condition name '" + c.name() + "' appears twice");
            }
            CellParameters p = meis1.apply(cell, c.meis1Dosage());
            if (dtMs > p.tRefMs()) {
                throw new InvalidParameterException("dt (" + Checks.num(dtMs) + " ms) must not exceed t_ref (" + Checks.num(p.tRefMs())
                        + " ms" + where(c) + "): use a smaller dt or a longer t_ref");
            }
            if (dtMs > p.tauMs() / 10) {
                throw new InvalidParameterException("dt (" + Checks.num(dtMs) + " ms) must not exceed tau_m/10 ("
                        + Checks.num(p.tauMs() / 10) + " ms" + where(c) + "): use a smaller dt");
            }
        }
        if (durationMs < dtMs) {
            throw new InvalidParameterException("duration (" + Checks.num(durationMs) + " ms) is shorter than one step dt ("
                    + dtMs + " ms)");
        }
    }

    private static String where(Condition c) {
        return c.meis1Dosage() == 1.0 ? "" : " in condition '" + c.name() + "'";
    }

    /** Cell parameters of one condition before cell-to-cell variability. */
    public CellParameters cellFor(Condition c) {
        return meis1.apply(cell, c.meis1Dosage());
    }

    /** Number of time steps, round(duration / dt). */
    public long steps() {
        return Math.round(durationMs / dtMs);
    }

    public RunConfig withCells(int cells) {
        return new RunConfig(name, seed, durationMs, dtMs, cells, record, cell, noise, heterogeneity, meis1, conditions);
    }

    public RunConfig withDurationMs(double duration) {
        return new RunConfig(name, seed, duration, dtMs, cellsPerCondition, record, cell, noise, heterogeneity, meis1,
                conditions);
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(name, newSeed, durationMs, dtMs, cellsPerCondition, record, cell, noise, heterogeneity,
                meis1, conditions);
    }
}
