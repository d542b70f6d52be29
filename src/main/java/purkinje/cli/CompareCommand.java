package purkinje.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigLoader;
import purkinje.model.RunConfig;

/** {@code purkinje compare}: wild type vs reduced MEIS1 populations, statistics, test, figures. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Simulate each condition's population, compare firing rates, write tables and figures.",
            "Writes into the output folder, all at once when the run is complete:",
            "  manifest.json    how to rerun: version, command line, resolved config, seed",
            "  cells.csv        one row per cell: rate, ISI statistics",
            "  summary.csv      one row per condition",
            "  comparison.json  each condition vs the first: rate change, tests",
            "  spikes.csv       every spike (record.spikes: true)",
            "  population-rate.csv  each condition's rate over time (with spikes.csv)",
            "  voltage.csv      V(t) of record.voltage_cells cells per condition",
            "  report.html      the self-contained report",
            "  figures/         rates, raster, voltage-traces, isi-histogram, population-rate",
            "                   (and cs-triggered-rate with a climbing fibre), .png and .svg;",
            "                   none with --no-figures"})
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "Run config (default: configs/compare.yaml).")
    Path config;

    @Mixin
    RunOptions run;

    @Mixin
    RunOverrides overrides;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = ConfigFiles.load(config, "compare.yaml", Map.of());
        RunConfig rc = overrides.apply(loaded.run(), run.seed);
        Path out = run.out != null ? run.out : Path.of("results", rc.name());
        CompareRunner.Outcome o = CompareRunner.run(rc, loaded, out, run.force, run.threads(), run.quiet,
                !run.noFigures, new RunInfo("compare", List.of(spec.commandLine().getParseResult().originalArgs()
                        .toArray(new String[0])), loaded.source(), RunInfo.sha256(loaded.text()), Instant.now()),
                run.timeLimitS());
        if (!run.quiet) {
            CompareRunner.printSummary(o, System.out);
        }
        return ExitCodes.OK;
    }
}
