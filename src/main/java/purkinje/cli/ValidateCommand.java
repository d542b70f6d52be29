package purkinje.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import purkinje.experiment.RunInfo;
import purkinje.experiment.ValidationOutputs;
import purkinje.plot.Rendering;
import purkinje.report.Reports;
import purkinje.experiment.ValidationSuite;
import purkinje.io.ConfigLoader;
import purkinje.io.OutputFolder;
import purkinje.model.RunConfig;

/** {@code purkinje validate}: the simulator against the closed-form LIF results; exit 0 only if all pass. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check the simulator against theory: deterministic f-I, white-noise rate (Siegert) and ISI CV, "
                + "convergence in dt, Ornstein-Uhlenbeck noise (Fourcaud-Brunel), synaptic input (diffusion "
                + "approximation), climbing-fibre rate, thread invariance.",
            "With --config, checks the cells of your own config instead. Writes validation.csv and "
                + "figures/validation.png|svg into results/validate/ (or --out); exit code 0 only if every case "
                + "passes, 1 otherwise."})
final class ValidateCommand implements Callable<Integer> {
    static final Path OUT = Path.of("results", "validate");

    static final class ModeOption {
        @Option(names = "--quick", description = "Quick suite, under a minute on 2 cores (default).")
        boolean quick;

        @Option(names = "--full", description = "Full suite: more cells, longer runs, more cases.")
        boolean full;
    }

    @ArgGroup(exclusive = true)
    ModeOption mode;

    @Option(names = "--config", paramLabel = "FILE", description = "Validate the cells of this config (each "
            + "condition's nominal cell and noise; synaptic inputs and the climbing fibre are left out).")
    Path config;

    @Mixin
    RunOptions run;

    @Spec
    CommandSpec spec;

    /** What the manifest's "config" says for the built-in suite (shown as the report's Parameters). */
    static final String BUILT_IN_NOTE = "the built-in suite: every case sets its own cells, drive, noise and dt "
            + "(validation.csv: case, cells, dt_ms; the cases and their theory: README \"Accuracy\" and "
            + "docs/MODEL.md \"Theory the simulator is checked against\")";

    @Override
    public Integer call() {
        ValidationSuite.Mode m = mode != null && mode.full ? ValidationSuite.Mode.FULL : ValidationSuite.Mode.QUICK;
        RunConfig rc;
        String source;
        String sha;
        if (config != null) {
            ConfigLoader.Loaded loaded = ConfigFiles.noted(ConfigLoader.load(config, Map.of()));
            rc = loaded.run();
            source = loaded.source();
            sha = RunInfo.sha256(loaded.text());
        } else {
            ConfigLoader.Loaded defaults = ConfigFiles.load(null, "compare.yaml", Map.of());
            rc = defaults.run();
            source = "(built-in suite)";
            sha = "";
        }
        if (run.seed != null) {
            rc = rc.withSeed(run.seed);
        }
        Path out = run.out != null ? run.out : OUT;
        boolean replace = run.force || (run.out == null && (!Files.exists(OUT) || OutputFolder.isResultFolder(OUT)));
        RunInfo info = new RunInfo("validate", spec.commandLine().getParseResult().originalArgs(), source, sha,
                Instant.now());
        // refused up front, before the folder is touched: a suite that cannot fit the heap or --time-limit
        (config != null ? ValidationSuite.estimateForConfig(rc, m, run.threads())
                : ValidationSuite.estimateBuiltIn(m, run.threads())).checkAndWarn(run.timeLimitS(),
                // the suite's cells and durations are fixed: what is left to the user
                (m == ValidationSuite.Mode.FULL ? "run the quick suite (without --full)" : "the suite's size is fixed")
                        + (config != null ? "; a larger dt in the config shortens it" : ""));
        String leftOut = config != null ? ValidationSuite.leftOut(rc) : null;
        if (leftOut != null) {
            System.err.println(leftOut);
        }
        List<ValidationSuite.Row> rows;
        try (OutputFolder f = OutputFolder.prepare(out, replace)) {
            rows = config != null ? ValidationSuite.configSuite(rc, m, run.threads(), Progress.of(run.quiet, "validating"))
                    : ValidationSuite.builtInSuite(m, rc.seed(), run.threads(), Progress.of(run.quiet, "validating"));
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("mode", m.name().toLowerCase(java.util.Locale.ROOT));
            extra.put("cases", rows.size());
            extra.put("passed", rows.stream().filter(ValidationSuite.Row::pass).count());
            if (config == null) { // the built-in cases set their own cells; the default config gave only the seed
                extra.put("config", BUILT_IN_NOTE);
            }
            ValidationOutputs.write(rows, f, info, rc, run.threads(), extra);
            Reports.render(f.stagingFolder(), Rendering.DEFAULT, !run.noFigures, CompareRunner.displayPath(f.target()));
            f.commit(ValidationOutputs.FILES);
        }
        if (!run.quiet) {
            ValidationOutputs.print(rows, System.out);
            System.out.println("results: " + CompareRunner.displayPath(out.toAbsolutePath())
                    + "  (validation.csv, " + (run.noFigures ? "" : "figures/validation.png, ") + "report.html)");
        }
        String failure = failureLine(rows, CompareRunner.displayPath(out.toAbsolutePath().resolve("validation.csv")));
        if (failure == null) {
            return ExitCodes.OK;
        }
        // the failure's one line on stderr, --quiet or not (stdout's table may go to a log nobody reads)
        System.err.println(failure);
        return ExitCodes.FAILURE;
    }

    /** The one line of a failed validation (which checks, where the table is), or null if every check passed. */
    static String failureLine(List<ValidationSuite.Row> rows, String table) {
        List<ValidationSuite.Row> failed = rows.stream().filter(r -> !r.pass()).toList();
        if (failed.isEmpty()) {
            return null;
        }
        return "purkinje: validation failed: " + failed.size() + " of " + rows.size() + " checks outside their "
                + "tolerance (" + failed.stream().limit(3).map(r -> r.caseName() + " " + r.quantity())
                .collect(java.util.stream.Collectors.joining(", ")) + (failed.size() > 3 ? ", ..." : "") + "); see "
                + table;
    }
}
