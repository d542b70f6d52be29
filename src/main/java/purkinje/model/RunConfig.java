package purkinje.model;

import java.util.List;

/**
 * A fully resolved run: what to simulate (wild-type cell, noise, heterogeneity, MEIS1 mapping,
 * conditions) and how (duration, time step, cells, seed, what to record). Validated on
 * construction, including the numerical limits of the exact integrator: dt must not exceed t_ref
 * (at most one spike per step) nor tau_m / 10 (the threshold-crossing interpolation and the
 * Brownian-bridge correction assume a step short against the membrane time constant), and a
 * coloured noise correlation time must not be shorter than dt (threshold crossings of a path rough
 * within a step are caught only for white noise, by the bridge).
 */
public record RunConfig(String name, long seed, double durationMs, double dtMs, int cellsPerCondition,
                        RecordOptions record, CellParameters cell, NoiseParameters noise,
                        Heterogeneity heterogeneity, Meis1Mapping meis1, List<Condition> conditions, Inputs inputs) {

    public static final List<Condition> DEFAULT_CONDITIONS =
            List.of(new Condition("wild-type", 1.0), new Condition("meis1-reduced", 0.5));

    /** A run without synaptic inputs. */
    public RunConfig(String name, long seed, double durationMs, double dtMs, int cellsPerCondition,
                     RecordOptions record, CellParameters cell, NoiseParameters noise, Heterogeneity heterogeneity,
                     Meis1Mapping meis1, List<Condition> conditions) {
        this(name, seed, durationMs, dtMs, cellsPerCondition, record, cell, noise, heterogeneity, meis1, conditions,
                Inputs.NONE);
    }

    /** Most conditions of a run: one colour each in {@code plot.ConditionPalette} (Okabe-Ito, 8 colours). */
    public static final int MAX_CONDITIONS = 8;

    public RunConfig {
        conditions = List.copyOf(conditions);
        inputs = inputs == null ? Inputs.NONE : inputs;
        Checks.positive("duration", durationMs, "ms");
        Checks.positive("dt", dtMs, "ms");
        if (cellsPerCondition < 1) {
            throw new InvalidParameterException("cells_per_condition must be at least 1, was " + cellsPerCondition);
        }
        if (conditions.isEmpty()) {
            throw new InvalidParameterException("conditions must list at least one condition");
        }
        if (conditions.size() > MAX_CONDITIONS) {
            throw new InvalidParameterException("conditions lists " + conditions.size() + " conditions, at most "
                    + MAX_CONDITIONS + " (the figures give each its own colour of a colour-blind-safe palette of "
                    + MAX_CONDITIONS + ", so more would repeat colours); compare fewer at a time, or sweep the parameter "
                    + "that differs (purkinje sweep)");
        }
        // names that differ only in case are refused too: a file system or a spreadsheet lookup that
        // ignores case would mix the two conditions up, and a reader of the figures could not tell them apart
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (Condition c : conditions) {
            String earlier = names.putIfAbsent(c.name().toLowerCase(java.util.Locale.ROOT), c.name());
            if (earlier != null) {
                throw new InvalidParameterException(earlier.equals(c.name())
                        ? "condition name '" + c.name() + "' appears twice; give each condition its own name"
                        : "condition names '" + earlier + "' and '" + c.name() + "' differ only in case; give each "
                        + "condition a name that differs in more than case");
            }
            CellParameters p = mappingFor(c, meis1).apply(cell, c.meis1Dosage());
            Inputs scaled = mappingFor(c, meis1).apply(inputs, c.meis1Dosage()); // validates the scaled inputs
            checkStep(p, dtMs, where(c));
            checkEventsPerStep(scaled.parallelFibres(), "parallel_fibres", dtMs, where(c));
            checkEventsPerStep(scaled.interneurons(), "interneurons", dtMs, where(c));
            heterogeneity.checkDrawnCells(p, drawn -> checkStep(drawn, dtMs, where(c)));
            if (scaled.hasClimbingFibre()) {
                ClimbingFibre cf = scaled.climbingFibre();
                checkPause(cf, p, where(c));
                heterogeneity.checkDrawnCells(p, drawn -> checkPause(cf, drawn, where(c)));
            }
        }
        if (noise.sigmaVMv() > 0 && !noise.isWhite() && noise.tauMs() < dtMs) {
            throw new InvalidParameterException("noise.tau (" + Checks.num(noise.tauMs()) + " ms) must be 0 ms (white "
                    + "noise) or at least dt (" + Checks.num(dtMs) + " ms): a noise current faster than the step makes "
                    + "V rough within a step, and crossings between grid points would be missed (rates about 3 % "
                    + "low); use noise.tau: 0 ms, which such fast noise is, or a smaller dt");
        }
        if (durationMs < dtMs) {
            throw new InvalidParameterException("duration (" + Checks.num(durationMs) + " ms) is shorter than one step dt ("
                    + Checks.num(dtMs) + " ms), so nothing would be simulated; give a duration of at least dt (a run "
                    + "is seconds: e.g. duration: 10 s)");
        }
    }

    /**
     * A complex-spike pause holds V below threshold: held at or above V_th the cell would "spike"
     * at once after the pause (with no time to cross), which the step cannot place.
     */
    static void checkPause(ClimbingFibre cf, CellParameters p, String where) {
        double held = cf.pausePotentialMv(p.vResetMv());
        if (!(held < p.vThresholdMv())) {
            throw new InvalidParameterException("inputs.climbing_fibre.pause_potential (" + Checks.num(held)
                    + " mV) must be below V_th (" + Checks.num(p.vThresholdMv()) + " mV" + where + "): the pause "
                    + "holds the cell below threshold; use a lower potential, or leave it out to hold at V_reset");
        }
    }

    /**
     * The time-step limits of the exact integrator for one cell: dt &lt;= t_ref (at most one spike
     * per step) and dt &lt;= tau_m / 10 (the threshold-crossing interpolation and the Brownian-bridge
     * correction assume a step short against the membrane time constant).
     */
    static void checkStep(CellParameters p, double dtMs, String where) {
        if (p.tRefMs() == 0) { // no step is short enough: "use a smaller dt" would send the user in circles
            throw new InvalidParameterException("cell.t_ref is 0 ms" + where + ", but the integrator fires at most one spike "
                    + "per step, so t_ref must be at least dt (" + Checks.num(dtMs) + " ms); give t_ref: "
                    + Checks.num(dtMs) + " ms or more");
        }
        if (dtMs > p.tRefMs()) {
            throw new InvalidParameterException("dt (" + Checks.num(dtMs) + " ms) must not exceed t_ref ("
                    + Checks.num(p.tRefMs()) + " ms" + where + "): use a smaller dt or a longer t_ref");
        }
        if (dtMs > p.tauMs() / 10) {
            throw new InvalidParameterException("dt (" + Checks.num(dtMs) + " ms) must not exceed tau_m/10 ("
                    + Checks.num(p.tauMs() / 10) + " ms" + where + "): use a smaller dt");
        }
    }

    /** Refuses a Poisson input whose events per step the sampler cannot draw exactly. */
    private static void checkEventsPerStep(PoissonInput in, String name, double dtMs, String where) {
        if (in == null) {
            return;
        }
        double mean = in.meanEventsPerStep(dtMs);
        if (mean > PoissonInput.MAX_MEAN_EVENTS_PER_STEP) {
            throw new InvalidParameterException("inputs." + name + ": synapses x rate x dt = " + Checks.num(mean)
                    + " events per step" + where + ", more than the Poisson sampler can draw (at most 1.07e9, half of "
                    + "2^31 - 1, per step); use a lower rate, fewer synapses or a smaller dt");
        }
    }

    private static String where(Condition c) {
        return c.meis1Dosage() == 1.0 ? "" : " in condition '" + c.name() + "'";
    }

    private static Meis1Mapping mappingFor(Condition c, Meis1Mapping run) {
        return c.meis1() != null ? c.meis1() : run;
    }

    /** The MEIS1 mapping of a condition: its own if it has one, else the run's. */
    public Meis1Mapping mappingFor(Condition c) {
        return mappingFor(c, meis1);
    }

    /** Cell parameters of one condition before cell-to-cell variability. */
    public CellParameters cellFor(Condition c) {
        return mappingFor(c).apply(cell, c.meis1Dosage());
    }

    /** Synaptic inputs of one condition (after its MEIS1 mapping). */
    public Inputs inputsFor(Condition c) {
        return mappingFor(c).apply(inputs, c.meis1Dosage());
    }

    /** Number of time steps, round(duration / dt). */
    public long steps() {
        return Math.round(durationMs / dtMs);
    }

    public RunConfig withCells(int cells) {
        return new RunConfig(name, seed, durationMs, dtMs, cells, record, cell, noise, heterogeneity, meis1, conditions, inputs);
    }

    public RunConfig withDurationMs(double duration) {
        return new RunConfig(name, seed, duration, dtMs, cellsPerCondition, record, cell, noise, heterogeneity, meis1,
                conditions, inputs);
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(name, newSeed, durationMs, dtMs, cellsPerCondition, record, cell, noise, heterogeneity,
                meis1, conditions, inputs);
    }
}
