package purkinje.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import purkinje.experiment.RunInfo;
import purkinje.fit.FitExperiment;
import purkinje.fit.FitOutputs;
import purkinje.fit.HypothesisFit;
import purkinje.fit.MeasuredCells;
import purkinje.io.ConfigException;
import purkinje.io.ConfigLoader;
import purkinje.io.OutputFolder;
import purkinje.model.RunConfig;
import purkinje.plot.Rendering;
import purkinje.report.Reports;

/** {@code purkinje fit}: which MEIS1 hypothesis explains recorded wild-type and mutant firing? */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = {"Fit MEIS1 hypotheses (pacemaking current, threshold, leak, parallel-fibre rate, and pairs) to "
            + "recorded cells by the closed-form likelihood of their rates and ISI CVs; rank them by AIC, give 95 %% "
            + "profile-likelihood intervals, and check the best by simulation.",
            "Writes fit.json, fit.csv, measured.csv, fit-curves.csv, fit-profiles.csv, fit-check.csv, figures/, "
                + "report.html and manifest.json."})
final class FitCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV, one row per cell: condition, rate_hz[, isi_cv] (a run's cells.csv works).")
    Path data;

    @Option(names = "--reference", paramLabel = "NAME", description = "Reference (wild-type) condition (default: the "
            + "first in the file).")
    String reference;

    @Option(names = "--config", paramLabel = "FILE", description = "Base cells, noise, inputs and dt (default: "
            + "configs/compare.yaml); its duration is the recording length.")
    Path config;

    @Option(names = "--duration", paramLabel = "TIME", description = "Recording length per cell, e.g. '20 s' "
            + "(overrides the config's duration).")
    String duration;

    @Option(names = "--check-seeds", paramLabel = "N", defaultValue = "5",
            description = "Simulations of the best fit for the predictive check (default: ${DEFAULT-VALUE}; 0: none).")
    int checkSeeds;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/fit-<data file name>).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the predictive-check simulations.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results do "
            + "not depend on it.")
    Integer threads;

    @Option(names = "--force", description = "Replace an existing result folder (only one this tool wrote).")
    boolean force;

    @Option(names = "--quiet", description = "No summary output; errors still go to stderr.")
    boolean quiet;

    @Option(names = "--no-figures", description = "Write the tables and report.html only, no figures (draw them later with 'purkinje plot DIR').")
    boolean noFigures;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (checkSeeds < 0 || checkSeeds > 100) {
            throw new ConfigException("--check-seeds must be between 0 and 100, was " + checkSeeds);
        }
        int workers = threads == null ? purkinje.engine.SimulationSettings.allCores() : threads;
        if (workers < 1) {
            throw new ConfigException("--threads must be at least 1, was " + threads);
        }
        ConfigLoader.Loaded loaded = ConfigFiles.load(config, "compare.yaml", Map.of());
        RunConfig base = RunOverrides.apply(loaded.run(), null, duration, seed);
        MeasuredCells cells = MeasuredCells.read(data, base.durationMs(), 1000 / base.cell().tRefMs(),
                "t_ref " + purkinje.io.Quantities.formatNumber(base.cell().tRefMs()) + " ms in " + loaded.source());
        cells.outliers().forEach(line -> System.err.println("purkinje: warning: " + line));
        String name = data.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path target = out != null ? out : Path.of("results", "fit-" + name);
        // started before the fit runs, so the manifest's started and wall_seconds cover it
        RunInfo info = new RunInfo("fit", List.of(spec.commandLine().getParseResult().originalArgs()
                .toArray(new String[0])), loaded.source(), RunInfo.sha256(loaded.text()), Instant.now());
        String dataSha256 = RunInfo.sha256(readBytes(data));
        try (OutputFolder folder = OutputFolder.prepare(target, force)) {
            FitExperiment.Result r = FitExperiment.run(new FitExperiment.Settings(cells, data.toString(), base,
                    reference, checkSeeds, workers));
            FitOutputs.write(r, folder, info, dataSha256);
            Reports.render(folder.stagingFolder(), Rendering.DEFAULT, !noFigures,
                    CompareRunner.displayPath(folder.target()));
            folder.commit(FitOutputs.FILES);
            if (!quiet) {
                print(r, System.out);
                System.out.println("results: " + CompareRunner.displayPath(folder.target()) + "  (report: "
                        + CompareRunner.displayPath(folder.target().resolve("report.html")) + ")");
            }
        }
        return ExitCodes.OK;
    }

    private static byte[] readBytes(Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** The ranked hypotheses of every fitted condition, as a table. */
    static void print(FitExperiment.Result r, PrintStream out) {
        for (FitExperiment.ConditionFit c : r.conditions()) {
            out.printf(Locale.ROOT, "%s vs %s (%d and %d cells; likelihood of %s)%n", c.condition(), r.reference(),
                    c.cells(), r.referenceCells(), r.usesCv() ? "rate and ISI CV" : "rate only");
            List<String> estimates = new java.util.ArrayList<>();
            for (FitExperiment.Ranked h : c.hypotheses()) {
                StringBuilder p = new StringBuilder();
                for (HypothesisFit.Parameter e : h.fit().parameters()) {
                    p.append(p.length() == 0 ? "" : "; ").append(format(e));
                }
                estimates.add(p.length() == 0 ? "-" : p.toString());
            }
            // every column as wide as its widest entry (a long hypothesis name such as
            // parallel_fibres.rate, an estimate with two parameters, log L -26359.18), so that they stay aligned
            int width = Math.max(56, estimates.stream().mapToInt(String::length).max().orElse(0));
            int names = Math.max(14, c.hypotheses().stream().mapToInt(h -> h.name().length()).max().orElse(0));
            int logL = Math.max(8, c.hypotheses().stream().mapToInt(h -> String.format(Locale.ROOT, "%.2f",
                    h.fit().logLikelihood()).length()).max().orElse(0));
            int dAic = Math.max(7, c.hypotheses().stream().mapToInt(h -> String.format(Locale.ROOT, "%.2f",
                    h.deltaAic()).length()).max().orElse(0));
            String row = "%-4s %-" + names + "s %-" + width + "s %" + logL + "s %" + dAic + "s  %s%n";
            out.printf(Locale.ROOT, row, "rank", "hypothesis", "estimate [95 % profile-likelihood interval]", "log L",
                    "dAIC", "verdict");
            int rank = 1;
            for (FitExperiment.Ranked h : c.hypotheses()) {
                String check = h.check() == null ? "" : String.format(Locale.ROOT, " (check: %s, min p = %.2g)",
                        h.check().passed() ? "passed" : "failed", h.check().minP());
                out.printf(Locale.ROOT, row, rank, h.name(), estimates.get(rank - 1), String.format(Locale.ROOT,
                        "%.2f", h.fit().logLikelihood()), String.format(Locale.ROOT, "%.2f", h.deltaAic()),
                        h.verdict() + check);
                rank++;
            }
            out.println(bestLine(c));
        }
    }

    /** The conclusion: the best hypothesis, and the ones the data do not tell from it. */
    static String bestLine(FitExperiment.ConditionFit c) {
        if (c.best() == null) {
            return "no hypothesis passed its predictive check";
        }
        String line = "best: " + c.best().name() + " (" + c.best().fit().hypothesis().description() + ")";
        List<FitExperiment.Ranked> tied = c.indistinguishable();
        if (tied.isEmpty()) {
            return line;
        }
        List<String> names = new java.util.ArrayList<>();
        for (FitExperiment.Ranked h : tied) {
            names.add(String.format(Locale.ROOT, "%s (%s, dAIC %.2f)", h.name(), h.fit().hypothesis().description(),
                    h.deltaAic()));
        }
        return line + ", but " + String.join(" and ", names) + (tied.size() == 1 ? " fits" : " fit")
                + " as well with as many parameters: these data cannot tell them apart";
    }

    static String format(HypothesisFit.Parameter e) {
        boolean shift = !e.effect().isFactor();
        String f = shift ? "%+.2f" : "%.3f";
        String unit = shift ? " mV" : "x";
        return String.format(Locale.ROOT, "%s " + f + "%s [" + f + ", " + f + "]%s", e.effect().parameter(),
                e.estimate(), unit, e.ciLow(), e.ciHigh(), e.lowAtBound() || e.highAtBound() ? " (open)" : "");
    }
}
