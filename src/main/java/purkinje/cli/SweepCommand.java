package purkinje.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import purkinje.experiment.RunEstimate;
import purkinje.experiment.RunInfo;
import purkinje.model.RunConfig;
import purkinje.io.ConfigException;
import purkinje.io.Quantities;
import purkinje.sweep.PointRow;
import purkinje.sweep.Selection;
import purkinje.plot.Rendering;
import purkinje.report.Reports;
import purkinje.sweep.SweepJob;
import purkinje.sweep.SweepOutputs;
import purkinje.sweep.SweepPlan;
import purkinje.sweep.SweepRunner;

/** {@code purkinje sweep CONFIG}: a parameter sweep, resumable and shardable. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep (the config's 'sweep' block): every point x condition x cell.",
            "Writes points.csv (one row per point and condition), manifest.json and figures/ into the output folder. "
                + "Results are committed batch by batch: after a crash or kill, the same command with --resume "
                + "simulates only the missing points.",
            "Each point's seed is derived from the master seed and the point index, so --points and --shard runs "
                + "give the same numbers as the full sweep; 'purkinje merge' joins shard folders."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Sweep config: a run config plus a 'sweep' block.")
    Path config;

    @Mixin
    RunOptions run;

    @Option(names = "--resume", description = "Continue the sweep in the output folder (same config and selection); "
            + "starts it if the folder does not exist.")
    boolean resume;

    @Option(names = "--points", paramLabel = "LIST", description = "Run only these points, e.g. 17, 10-19 or 1,4,10-19.")
    String points;

    @Option(names = "--shard", paramLabel = "K/N", arity = "0..1", fallbackValue = "auto",
            description = "Run every N-th point starting at K (0 <= K < N). Without a value, or with K or N left "
                + "out, they come from SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN) and SLURM_ARRAY_TASK_COUNT.")
    String shard;

    @Option(names = "--batch-cells", paramLabel = "N",
            description = "Cells simulated together and committed to points.log.csv at once (default "
                    + "${DEFAULT-VALUE}); smaller commits more often for --resume. Results do not depend on it.")
    int batchCells = SweepRunner.DEFAULT_BATCH_CELLS;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int threads = run.threads();
        if (batchCells < 1) {
            throw new ConfigException("--batch-cells must be at least 1, was " + batchCells);
        }
        Selection selection = selection(points, shard);
        SweepPlan plan = SweepPlan.load(config, run.seed);
        ConfigFiles.noted(plan.loaded());
        selection.indices(plan.size()); // refuse out-of-range --points before anything is written
        Path out = run.out != null ? run.out : Path.of("results", selection.shards() == 0 ? plan.name()
                : plan.name() + "-shard-" + selection.shard() + "-of-" + selection.shards());
        // a --resume simulates only what is missing: a requeued task that is nearly done was refused as too long
        java.util.Set<Integer> done = resume ? SweepJob.committedPoints(plan, out) : java.util.Set.of();
        estimate(plan, selection, threads, batchCells, done).checkAndWarn(run.timeLimitS(), "use fewer points (or "
                + "run a part with --points or --shard), fewer cells or a shorter duration");
        RunInfo info = new RunInfo("sweep", List.of(spec.commandLine().getParseResult().originalArgs()
                .toArray(new String[0])), plan.loaded().source(), RunInfo.sha256(plan.loaded().text()), Instant.now());
        SweepJob.Outcome o;
        try {
            o = SweepJob.run(plan, selection, out, resume, run.force, threads, batchCells,
                    f -> Reports.render(f, Rendering.DEFAULT, !run.noFigures, CompareRunner.displayPath(f)),
                    info, SweepProgress.of(run.quiet));
        } catch (RuntimeException e) {
            throw keptOnWriteFailure(e, out);
        }
        if (o.selected() == 0) { // a shard beyond the points (array jobs of more tasks than points): not an error
            System.err.printf(Locale.ROOT, "purkinje: warning: %s holds none of the sweep's %d points, so nothing was "
                    + "simulated; %s is written all the same (empty, so that 'purkinje merge' of every shard works); %s%n",
                    selection.describe(), plan.size(), CompareRunner.displayPath(o.folder()), selection.points() == null
                            ? "use at most " + plan.size() + " shards" : "--points and --shard have no point in common");
        }
        if (!run.quiet && o.selected() > 0) {
            printSummary(plan, o.rows(), System.out);
            System.out.printf(Locale.ROOT, "%d of %d points (%s): %d simulated now, %d already done%n", o.selected(),
                    plan.size(), selection.describe(), o.simulated(), o.resumed());
            System.out.println("results: " + CompareRunner.displayPath(o.folder()) + "  (report: "
                    + CompareRunner.displayPath(o.folder().resolve("report.html")) + ")");
        }
        return ExitCodes.OK;
    }

    /**
     * A failed write (a full disk) once the sweep has started in {@code out} (its manifest is
     * there) loses nothing already committed: the error says so and how to go on. Any other
     * failure is returned as it is.
     */
    static RuntimeException keptOnWriteFailure(RuntimeException e, Path out) {
        if (Failures.ioCause(e) == null || !Files.isRegularFile(out.resolve(SweepOutputs.MANIFEST))) {
            return e;
        }
        return new Failures.AfterProgress(e, "the points finished so far are kept in " + CompareRunner.displayPath(out)
                + "; free space, then run the same command with --resume (it simulates only what is missing "
                + "and draws the figures)");
    }

    /**
     * The work of the selected points not yet {@code done} (each point may sweep the duration, dt or cell count), run
     * in batches one after the other: the work adds up, the heap holds one batch (at least
     * {@code batchCells} cells, less than that plus the largest point's; a 200,000-point sweep of 80
     * cells was refused for the 16 GB that all its cells would take together).
     */
    static RunEstimate estimate(SweepPlan plan, Selection selection, int threads, int batchCells,
                                java.util.Set<Integer> done) {
        RunEstimate total = new RunEstimate(0, 0, 0, threads);
        for (int i : selection.indices(plan.size())) {
            if (done.contains(i)) {
                continue;
            }
            RunConfig rc = plan.point(i);
            total = total.then(RunEstimate.untraced(rc, (double) rc.cellsPerCondition() * rc.conditions().size(),
                    threads));
        }
        return new RunEstimate(total.cells(), total.stepsPerCell(), total.traceSamples(), threads, total.bytesPerCell(),
                Math.min(total.cells(), total.heapCells() + batchCells));
    }

    static Selection selection(String points, String shard) {
        if (shard == null) {
            return new Selection(points, -1, 0);
        }
        int[] kn = Selection.parseShard(shard, System.getenv());
        return new Selection(points, kn[0], kn[1]);
    }

    /** A value with three decimals, or n/a where it is undefined (NaN in points.csv: no theory, one cell). */
    private static String orNotAvailable(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Rows of the console table; the rest are counted (points.csv has them all). */
    static final int SUMMARY_ROWS = 20;

    /**
     * A short table: at most {@link #SUMMARY_ROWS} rows, then a count of the rest. Columns are as
     * wide as their longest entry; swept values show 6 significant digits (0.166667, where
     * points.csv keeps 0.16666666666666666 exactly).
     */
    static void printSummary(SweepPlan plan, List<PointRow> rows, java.io.PrintStream out) {
        List<PointRow> shown = rows.subList(0, Math.min(rows.size(), SUMMARY_ROWS));
        int[] widths = new int[plan.parameters().size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = plan.parameters().get(c).column().length();
            for (PointRow r : shown) {
                widths[c] = Math.max(widths[c], consoleValue(r.values()[c]).length());
            }
        }
        int conditionWidth = Math.max("condition".length(), shown.stream().mapToInt(r -> r.condition().length())
                .max().orElse(0));
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%6s", "point"));
        for (int c = 0; c < widths.length; c++) {
            h.append(' ').append(pad(plan.parameters().get(c).column(), widths[c]));
        }
        h.append(' ').append(String.format(Locale.ROOT, "%-" + conditionWidth + "s %10s %8s %10s", "condition",
                "rate (Hz)", "SEM", "theory"));
        out.println(h);
        for (PointRow r : shown) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%6d", r.point()));
            for (int c = 0; c < widths.length; c++) {
                b.append(' ').append(pad(consoleValue(r.values()[c]), widths[c]));
            }
            b.append(' ').append(String.format(Locale.ROOT, "%-" + conditionWidth + "s %10.3f %8s %10s", r.condition(),
                    r.meanRateHz(), orNotAvailable(r.semRateHz()), orNotAvailable(r.theoryRateHz())));
            out.println(b);
        }
        if (rows.size() > SUMMARY_ROWS) {
            out.println("... " + (rows.size() - SUMMARY_ROWS) + " more rows in points.csv");
        }
    }

    private static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /** A swept value for the console: 6 significant digits, without trailing zeros (0.166667, 0.5, 1, 2.5e-05). */
    static String consoleValue(double v) {
        if (!Double.isFinite(v) || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Quantities.formatNumber(v);
        }
        String s = new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toString();
        return s.replace("E-", "e-").replace("E+", "e+");
    }
}
