package purkinje.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import purkinje.plot.RateByConditionFigure;
import purkinje.analysis.GroupComparison;
import purkinje.experiment.CompareExperiment;
import purkinje.experiment.CompareOutputs;
import purkinje.plot.Rendering;
import purkinje.report.Reports;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigLoader;
import purkinje.io.OutputFolder;
import purkinje.model.RunConfig;

/** The compare pipeline shared by {@code compare} and {@code demo}: check output, simulate, write, move into place. */
final class CompareRunner {
    private CompareRunner() {
    }

    record Outcome(CompareExperiment.Result result, Path folder, List<Path> figures) {
    }

    static Outcome run(RunConfig rc, ConfigLoader.Loaded loaded, Path out, boolean force, int threads, boolean quiet,
                       boolean figures, RunInfo info, double timeLimitS) {
        purkinje.experiment.RunEstimate.of(rc, rc.conditions().size(), threads, figures).checkAndWarn(timeLimitS);
        if (rc.record().voltageCells() > rc.cellsPerCondition()) { // traced as asked as far as there are cells
            System.err.printf(Locale.ROOT, "purkinje: warning: record.voltage_cells (%d) is more than "
                    + "cells_per_condition (%d): every cell of each condition (%d) is traced%n", rc.record().voltageCells(),
                    rc.cellsPerCondition(), rc.cellsPerCondition());
        }
        // the report is drawn from the tables just written: kept in memory, they are not parsed again
        try (OutputFolder folder = OutputFolder.prepare(out, force); purkinje.io.Tables.Capture kept =
                purkinje.io.Tables.Capture.start()) {
            CompareExperiment.Result r = CompareExperiment.run(rc, threads, Progress.of(quiet, "simulating"));
            CompareOutputs.write(r, folder, info);
            r.simulation().close(); // the spike trains are in spikes.csv now; drop their temporary file
            Reports.Outcome drawn = Reports.render(folder.stagingFolder(), Rendering.DEFAULT, figures,
                    displayPath(folder.target()));
            folder.commit(CompareOutputs.FILES);
            // the result is whole; figures whose data did not fit in the heap are named with the fix
            drawn.content().notDrawn().forEach(line -> System.err.println("purkinje: warning: "
                    + Character.toLowerCase(line.charAt(0)) + line.substring(1)));
            r.conditions().forEach(c -> saturation(c).ifPresent(line -> System.err.println("purkinje: warning: " + line)));
            List<Path> moved = drawn.figureFiles().stream()
                    .map(p -> folder.target().resolve(folder.stagingFolder().relativize(p))).toList();
            return new Outcome(r, folder.target(), moved);
        }
    }

    /** Above this fraction of the ceiling 1/t_ref a condition's rate is set by its refractory period, not its drive. */
    static final double SATURATED_FRACTION = 0.5;

    /**
     * A warning when a condition fires near the ceiling 1/t_ref: then the refractory period, not the
     * drive, sets its rate (a unit slip, I_pace in nA for pA, gives 950 Hz at t_ref = 1 ms), and a
     * change of the drive hardly shows in the rate.
     */
    static java.util.Optional<String> saturation(CompareExperiment.ConditionResult c) {
        purkinje.model.CellParameters p = c.parameters();
        double ceilingHz = 1000 / p.tRefMs();
        double rateHz = c.rateHz().mean();
        if (!(p.tRefMs() > 0) || !(rateHz > SATURATED_FRACTION * ceilingHz)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(Locale.ROOT, "%s fires at %.1f Hz, %.0f %% of the ceiling 1/t_ref = "
                + "%.0f Hz, so its refractory period, not its drive, sets the rate; is the drive meant to be that "
                + "strong? (its I_pace alone drives V to %.1f mV above E_L, against V_th - E_L = %.1f mV; check "
                + "I_pace, the meis1 factors and any inputs' rates and weights, and their units)",
                c.condition().name(), rateHz, 100 * rateHz / ceilingHz, ceilingHz, p.muMv(),
                p.vThresholdMv() - p.eLeakMv()));
    }

    static void printSummary(Outcome o, PrintStream out) {
        CompareExperiment.Result r = o.result();
        int width = Math.max(20, r.conditions().stream().mapToInt(c -> c.condition().name().length()).max().orElse(0));
        String row = "%-" + width + "s %6s %12s %10s %8s%n"; // columns stay aligned under long condition names
        out.printf(Locale.ROOT, row, "condition", "cells", "rate (Hz)", "SEM (Hz)", "ISI CV");
        for (CompareExperiment.ConditionResult c : r.conditions()) {
            double cv = c.isiCv().mean(); // undefined for silent cells (fewer than 2 intervals): n/a, not NaN
            double sem = c.rateHz().sem(); // undefined for one cell
            out.printf(Locale.ROOT, row.replace("%6s %12s", "%6d %12.2f"), c.condition().name(), c.cells().size(),
                    c.rateHz().mean(), Double.isNaN(sem) ? "n/a" : String.format(Locale.ROOT, "%.2f", sem),
                    Double.isNaN(cv) ? "n/a" : String.format(Locale.ROOT, "%.3f", cv));
        }
        for (CompareExperiment.Comparison c : r.comparisons()) {
            GroupComparison g = c.result();
            if (Double.isNaN(g.rateChangePercent())) { // a silent reference: no percent change, not "NaN %"
                out.printf(Locale.ROOT, "%s vs %s: rate change not defined (the %s cells are silent), Mann-Whitney "
                        + "%s, Welch %s%n", c.test(), c.reference(), c.reference(),
                        RateByConditionFigure.pText(g.mannWhitneyP()), RateByConditionFigure.pText(g.welchP()));
                continue;
            }
            // no interval where the bootstrap has none (one cell, or resamples with a silent reference): n/a, as null in the JSON
            String ci = Double.isFinite(g.rateChangeCiLowPercent()) && Double.isFinite(g.rateChangeCiHighPercent())
                    ? String.format(Locale.ROOT, "%+.1f to %+.1f %%", g.rateChangeCiLowPercent(), g.rateChangeCiHighPercent())
                    : "n/a";
            out.printf(Locale.ROOT, "%s vs %s: rate change %+.1f %% (95 %% CI %s), Mann-Whitney %s,"
                    + " Welch %s%n", c.test(), c.reference(), g.rateChangePercent(), ci,
                    RateByConditionFigure.pText(g.mannWhitneyP()),
                    RateByConditionFigure.pText(g.welchP())); // "p < 1e-300" where a p-value underflows, not 0.0
        }
        out.println("results: " + displayPath(o.folder()) + "  (report: " + displayPath(o.folder().resolve("report.html"))
                + ")");
        if (!o.figures().isEmpty()) {
            java.util.Set<String> names = new java.util.LinkedHashSet<>();
            o.figures().forEach(f -> names.add(f.getFileName().toString().replaceFirst("\\.[a-z]+$", "")));
            out.println("figures: " + displayPath(o.folder().resolve("figures")) + " (" + String.join(", ", names)
                    + "; .png and .svg)");
        }
    }

    static String displayPath(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
