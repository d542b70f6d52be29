package purkinje.experiment;

import java.util.Locale;
import purkinje.engine.SimulationSettings;
import purkinje.io.ConfigException;
import purkinje.model.RunConfig;

/**
 * What a run will cost, estimated before anything is simulated, so that a run that cannot fit in
 * the heap, or would outlast a batch job's time limit, is refused up front in one line instead of
 * hanging or dying of OutOfMemoryError hours later.
 *
 * <p>Work is counted in cell-steps, {@code cells x duration / dt}, in floating point so no count
 * can overflow. Memory is the part that grows with the run's size and stays on the heap: per-cell
 * state, statistics and table rows ({@value #BYTES_PER_CELL} bytes a cell; measured: about 590
 * bytes a cell for 1e6 cells in {@code bench}, which writes no per-cell tables), more when figures
 * are drawn ({@value #BYTES_PER_CELL_WITH_FIGURES} bytes a cell: 200,000 cells with figures ran
 * out of an 800 MB heap while drawing an SVG, so a figure needs at least 3.7 kB a cell), and
 * voltage traces, {@value #BYTES_PER_SAMPLE} bytes per kept sample (a double in the engine, a CSV
 * row read back for the figure). Kept spikes stream to a temporary file, and so are not counted.
 *
 * <p>Time uses {@value #CELL_STEPS_PER_S_PER_THREAD} cell-steps per second per thread, a rate that
 * every engine path (one cell at a time, with synaptic inputs or coloured noise) reaches on the
 * 2-core development machine; the vector path is up to 10x faster, so long white-noise runs end
 * sooner than estimated.
 *
 * @param cells            cells simulated (all conditions, points or currents)
 * @param stepsPerCell     time steps per cell, duration / dt
 * @param traceSamples     voltage samples kept (all traced cells)
 * @param threads          worker threads
 * @param bytesPerCell     heap per cell held
 * @param heapCells        cells held in the heap at once: all of them for one run, the largest point's for
 *                         runs one after the other ({@link #then})
 */
public record RunEstimate(double cells, double stepsPerCell, double traceSamples, int threads, double bytesPerCell,
                          double heapCells) {
    /** An estimate at {@link #BYTES_PER_CELL}. */
    public RunEstimate(double cells, double stepsPerCell, double traceSamples, int threads) {
        this(cells, stepsPerCell, traceSamples, threads, BYTES_PER_CELL);
    }

    /** An estimate of one run: every cell in the heap at once. */
    public RunEstimate(double cells, double stepsPerCell, double traceSamples, int threads, double bytesPerCell) {
        this(cells, stepsPerCell, traceSamples, threads, bytesPerCell, cells);
    }

    /** Heap per simulated cell (bytes) without figures. */
    public static final double BYTES_PER_CELL = 1024;
    /** Heap per simulated cell (bytes) of the engine alone, no tables or figures (bench: 589 measured). */
    public static final double BYTES_PER_CELL_ENGINE_ONLY = 600;
    /** Heap per simulated cell (bytes) when per-cell figures (rates, raster) are drawn. */
    public static final double BYTES_PER_CELL_WITH_FIGURES = 8192;
    /** Heap per kept voltage sample (bytes): the engine's double and the CSV row read back for the figure. */
    public static final double BYTES_PER_SAMPLE = 128;
    /**
     * Heap the JVM needs besides the run: figures, buffers, tables. Measured with this check off:
     * the default compare (80 cells, two voltage traces, every figure) ran in a 24 MB heap and ran out
     * of memory in 16 MB; without figures it ran in 16 MB (the check said 64 MB until 0.4.3).
     */
    public static final double BASE_BYTES = 24e6;
    /** Conservative throughput of one worker thread (cell-steps per second). */
    public static final double CELL_STEPS_PER_S_PER_THREAD = 2e7;
    /** Most steps the engine counts exactly ({@link SimulationSettings#MAX_STEPS}). */
    public static final double MAX_STEPS = SimulationSettings.MAX_STEPS;
    /** Runs estimated to take longer than this get a warning with the estimate. */
    public static final double WARN_AFTER_S = 3600;

    /** The estimate of a compare run (every condition's population), with or without its per-cell figures. */
    public static RunEstimate of(RunConfig rc, int populations, int threads, boolean figures) {
        double cells = (double) rc.cellsPerCondition() * populations;
        double steps = rc.durationMs() / rc.dtMs();
        double traced = Math.min(rc.record().voltageCells(), rc.cellsPerCondition()) * (double) populations;
        double samplesPerTrace = steps <= MAX_STEPS
                ? SimulationSettings.voltageSamplesFor(CompareExperiment.TRACE_WINDOW_MS, rc.dtMs(), (long) steps) : 0;
        return new RunEstimate(cells, steps, traced * samplesPerTrace, threads,
                figures ? BYTES_PER_CELL_WITH_FIGURES : BYTES_PER_CELL);
    }

    /** The estimate of a run without voltage traces: {@code cells} cells of {@code rc}'s duration and dt. */
    public static RunEstimate untraced(RunConfig rc, double cells, int threads) {
        return new RunEstimate(cells, rc.durationMs() / rc.dtMs(), 0, threads);
    }

    /** The work, cells x steps per cell. */
    public double cellSteps() {
        return cells * stepsPerCell;
    }

    /**
     * Two runs one after the other (e.g. sweep points): cells, work and traces add up; steps per
     * cell is the work-weighted mean, or infinite if either is beyond {@link #MAX_STEPS}.
     */
    public RunEstimate plus(RunEstimate o) {
        double total = cells + o.cells;
        double steps = Math.max(stepsPerCell, o.stepsPerCell) > MAX_STEPS ? Double.POSITIVE_INFINITY
                : total == 0 ? Math.max(stepsPerCell, o.stepsPerCell) : (cellSteps() + o.cellSteps()) / total;
        return new RunEstimate(total, steps, traceSamples + o.traceSamples, threads,
                Math.max(bytesPerCell, o.bytesPerCell), heapCells + o.heapCells);
    }

    /**
     * Runs one after the other, each leaving the heap before the next (a sweep's points): the work
     * adds up as in {@link #plus}, the memory is that of the larger.
     */
    public RunEstimate then(RunEstimate o) {
        RunEstimate sum = plus(o);
        return new RunEstimate(sum.cells, sum.stepsPerCell, Math.max(traceSamples, o.traceSamples), threads,
                sum.bytesPerCell, Math.max(heapCells, o.heapCells));
    }

    public double heapBytes() {
        return BASE_BYTES + heapCells * bytesPerCell + traceSamples * BYTES_PER_SAMPLE;
    }

    public double seconds() {
        return cellSteps() / (CELL_STEPS_PER_S_PER_THREAD * workingThreads());
    }

    /**
     * The threads that run at once: {@code threads}, but no more than the machine's processors
     * (--threads 1000 on 2 cores runs at the speed of 2; the estimate trusted 1000, and a run
     * --time-limit refuses at --threads 1 ran 78 s past a 1 s limit).
     */
    int workingThreads() {
        return Math.max(1, Math.min(threads, Runtime.getRuntime().availableProcessors()));
    }

    /** "2 threads", or "1000 threads (2 at once: this machine's processors)". */
    private String threadsText() {
        String given = threads + (threads == 1 ? " thread" : " threads");
        return workingThreads() < threads ? given + ", " + workingThreads() + " at once on this machine's processors"
                : given;
    }

    /**
     * Refuses (one-line {@link ConfigException}) a run the engine cannot count, that cannot fit
     * in {@code maxHeapBytes}, or that would take longer than {@code timeLimitS} (NaN: no limit);
     * returns a warning line for a very long run, or null.
     */
    public String check(double maxHeapBytes, double timeLimitS) {
        return check(maxHeapBytes, timeLimitS, LESS_WORK);
    }

    /** What shortens a run of the user's own cells, the advice of a refusal by --time-limit. */
    public static final String LESS_WORK = "simulate fewer cells or a shorter duration";

    /** {@link #check}, naming {@code lessWork} as the way to a shorter run (e.g. a fixed suite's). */
    public String check(double maxHeapBytes, double timeLimitS, String lessWork) {
        if (!(stepsPerCell <= MAX_STEPS)) {
            throw new ConfigException(String.format(Locale.ROOT, "duration / dt = %s steps per cell, more than the "
                    + "engine can count (2^53 = 9.0e15); use a shorter duration or a larger dt", number(stepsPerCell)));
        }
        if (heapBytes() > maxHeapBytes && heapBytes() - BASE_BYTES < BASE_BYTES) {
            // the run's own part is the smaller: fewer cells would not make it fit, only a larger heap does
            throw new ConfigException(String.format(Locale.ROOT, "this run needs about %s of memory, of which about "
                    + "%s is what purkinje needs whatever the run's size, more than the %s the JVM may use; give Java "
                    + "more memory (PURKINJE_JAVA_OPTS=-Xmx%dm)", bytes(heapBytes()), bytes(BASE_BYTES),
                    bytes(maxHeapBytes), (long) Math.ceil(heapBytes() * 2 / 1048576.0 / 32) * 32));
        }
        if (heapBytes() > maxHeapBytes) {
            throw new ConfigException(String.format(Locale.ROOT, "this run needs about %s of memory (%s cells%s), "
                    + "more than the %s the JVM may use; simulate fewer cells%s, or give Java more memory "
                    + "(PURKINJE_JAVA_OPTS=-Xmx...)", bytes(heapBytes()), number(heapCells),
                    traceSamples > 0 ? String.format(Locale.ROOT, ", %s voltage samples", number(traceSamples)) : "",
                    bytes(maxHeapBytes), traceSamples * BYTES_PER_SAMPLE > heapCells * bytesPerCell
                            ? " or fewer record.voltage_cells" : bytesPerCell > BYTES_PER_CELL
                            ? " or use --no-figures" : ""));
        }
        if (seconds() > timeLimitS) {
            throw new ConfigException(String.format(Locale.ROOT, "this run is estimated to take %s (%s cell-steps on "
                    + "%s), more than --time-limit %s; %s, or raise the limit",
                    duration(seconds()), number(cellSteps()), threadsText(), duration(timeLimitS), lessWork));
        }
        if (seconds() > WARN_AFTER_S) {
            return String.format(Locale.ROOT, "purkinje: warning: this run is estimated to take up to %s (%s "
                    + "cell-steps on %s); --time-limit refuses runs estimated to take longer than a limit",
                    duration(seconds()), number(cellSteps()), threadsText());
        }
        return null;
    }

    /** {@link #check} against this JVM's heap; a warning goes to stderr. */
    public void checkAndWarn(double timeLimitS) {
        checkAndWarn(timeLimitS, LESS_WORK);
    }

    /** {@link #check} against this JVM's heap, naming {@code lessWork} as the way to a shorter run. */
    public void checkAndWarn(double timeLimitS, String lessWork) {
        String warning = check(Runtime.getRuntime().maxMemory(), timeLimitS, lessWork);
        if (warning != null) {
            System.err.println(warning);
        }
    }

    static String number(double v) {
        return v < 1e6 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2g", v);
    }

    public static String bytes(double b) {
        return b >= 1e9 ? String.format(Locale.ROOT, "%.3g GB", b / 1e9) : String.format(Locale.ROOT, "%.0f MB", b / 1e6);
    }

    /** A duration for people: seconds, minutes, hours, days or years. */
    public static String duration(double s) {
        if (!Double.isFinite(s)) {
            return "forever";
        }
        if (s < 10) { // two significant digits: a 1 ms limit is "0.001 s", not "0 s"
            return new java.math.BigDecimal(s).round(new java.math.MathContext(2)).stripTrailingZeros()
                    .toPlainString() + " s";
        }
        if (s < 120) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 7200) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        if (s < 172800) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        if (s < 3.15e7 * 2) {
            return String.format(Locale.ROOT, "%.0f days", s / 86400);
        }
        return String.format(Locale.ROOT, "%.2g years", s / 3.156e7);
    }
}
