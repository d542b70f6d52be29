package purkinje.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import purkinje.experiment.FiExperiment;
import purkinje.experiment.FiOutputs;
import purkinje.plot.Rendering;
import purkinje.report.Reports;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigException;
import purkinje.io.ConfigLoader;
import purkinje.io.ConfigSchema;
import purkinje.io.ConfigTree.MapNode;
import purkinje.io.OutputFolder;
import purkinje.io.Quantities;
import purkinje.model.InvalidParameterException;
import purkinje.model.RunConfig;
import purkinje.model.Unit;

/** {@code purkinje fi}: f-I curves per condition with the closed-form curves overlaid. */
@Command(name = "fi", mixinStandardHelpOptions = true,
        description = {"Firing rate vs injected current (f-I curve) for each condition: simulated points with their "
                + "standard error, the theory curve with the configured noise and without noise, the rheobase.",
            "The injected current is added to each cell's I_pace. Writes fi.csv, rheobase.csv, figures/fi.png|svg, "
                + "manifest.json."})
final class FiCommand implements Callable<Integer> {
    /** The config's optional {@code fi} block. */
    static final Map<String, ConfigSchema.Field> FI_BLOCK = Map.of("fi", new ConfigSchema.Block(Map.of(
            "from", new ConfigSchema.Quantity(Unit.PICOAMPERE, "0 pA"),
            "to", new ConfigSchema.Quantity(Unit.PICOAMPERE, "30 pA"),
            "steps", new ConfigSchema.Plain("integer"))));
    static final double DEFAULT_FROM_PA = 0;
    static final double DEFAULT_TO_PA = 100;
    static final int DEFAULT_STEPS = 21;

    @Option(names = "--config", paramLabel = "FILE", description = "Run config (default: configs/fi.yaml).")
    Path config;

    @Option(names = "--from", paramLabel = "CURRENT", description = "First injected current, e.g. '0 pA'.")
    String from;

    @Option(names = "--to", paramLabel = "CURRENT", description = "Last injected current, e.g. '100 pA'.")
    String to;

    @Option(names = "--steps", paramLabel = "N", description = "Number of currents (default 21).")
    Integer steps;

    @Mixin
    RunOptions run;

    @Mixin
    RunOverrides overrides;

    @Spec
    CommandSpec spec;

    /**
     * The injected current is added to each condition's I_pace: a cell the numerics cannot handle at
     * either end of the range is refused naming the option (the cell's own check blamed I_pace).
     */
    static void checkCurrents(RunConfig rc, FiExperiment.Currents currents) {
        for (double pa : new double[] {currents.fromPa(), currents.toPa()}) {
            for (purkinje.model.Condition c : rc.conditions()) {
                purkinje.model.CellParameters p = rc.cellFor(c);
                try {
                    p.with(purkinje.model.CellParameter.I_PACE, p.iPacePa() + pa);
                } catch (purkinje.model.InvalidParameterException e) {
                    String option = pa == currents.toPa() && pa != currents.fromPa() ? "--to" : "--from";
                    throw new ConfigException(option + " " + purkinje.io.Quantities.formatNumber(pa) + " pA (added to "
                            + "the I_pace of '" + c.name() + "'): " + e.getMessage().replaceFirst(": use a smaller "
                            + "I_pace or a larger C_m$", "") + "; use a " + option + " nearer 0 pA");
                }
            }
        }
    }

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = ConfigFiles.load(config, "fi.yaml", FI_BLOCK);
        RunConfig rc = overrides.apply(loaded.run(), run.seed);
        FiExperiment.Currents currents = currents(loaded);
        checkCurrents(rc, currents);
        Path out = run.out != null ? run.out : Path.of("results", rc.name());
        purkinje.experiment.RunEstimate.untraced(rc, (double) rc.cellsPerCondition() * rc.conditions().size()
                * currents.steps(), run.threads()).checkAndWarn(run.timeLimitS());
        RunInfo info = new RunInfo("fi", spec.commandLine().getParseResult().originalArgs(), loaded.source(),
                RunInfo.sha256(loaded.text()), Instant.now());
        FiExperiment.Result r;
        Path folder;
        try (OutputFolder f = OutputFolder.prepare(out, run.force)) {
            r = FiExperiment.run(rc, currents, run.threads(), Progress.of(run.quiet, "f-I"));
            FiOutputs.write(r, f, info);
            Reports.render(f.stagingFolder(), Rendering.DEFAULT, !run.noFigures, CompareRunner.displayPath(f.target()));
            f.commit(FiOutputs.FILES);
            folder = f.target();
        }
        if (!run.quiet) {
            print(r, folder, !run.noFigures);
        }
        return ExitCodes.OK;
    }

    private FiExperiment.Currents currents(ConfigLoader.Loaded loaded) {
        ConfigLoader.Values v = new ConfigLoader.Values(loaded.source());
        MapNode block = v.block(loaded.tree(), "fi");
        Map<String, ConfigSchema.Field> fields = ((ConfigSchema.Block) FI_BLOCK.get("fi")).fields();
        double fromPa = from != null ? option("--from", from) : v.quantity(block, "from", fields, "fi.", DEFAULT_FROM_PA);
        double toPa = to != null ? option("--to", to) : v.quantity(block, "to", fields, "fi.", DEFAULT_TO_PA);
        long n = steps != null ? steps : v.integer(block, "steps", DEFAULT_STEPS, "fi.");
        if (n < 1) { // named as the user gave it (it said "was -1" for any negative value)
            Integer line = block == null ? null : block.keyLines().get("steps");
            throw new ConfigException((steps != null ? "--steps" : loaded.source() + (line != null ? ":" + line : "")
                    + ": fi.steps") + " must be at least 1 (the number of currents), was " + n);
        }
        try {
            return new FiExperiment.Currents(fromPa, toPa, (int) Math.min(n, Integer.MAX_VALUE));
        } catch (InvalidParameterException e) {
            // a range that runs backwards or is empty: from the options, or from the config's fi block
            boolean options = from != null || to != null;
            throw new ConfigException((options ? "" : loaded.source() + (block != null ? ":" + block.line() : "")
                    + ": ") + e.getMessage());
        }
    }

    private static double option(String name, String text) {
        try {
            return Quantities.parse(text, Unit.PICOAMPERE, name, "10 pA");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static void print(FiExperiment.Result r, Path folder, boolean figures) {
        System.out.printf(Locale.ROOT, "%-20s %12s %10s %9s %12s%n", "condition", "current (pA)", "rate (Hz)", "SEM (Hz)",
                "theory (Hz)");
        for (FiExperiment.Point p : r.points()) {
            double theory = p.theoryRateHz(); // none where the theory does not apply (the line below says why)
            System.out.printf(Locale.ROOT, "%-20s %12.2f %10.2f %9.2f %12s%n", p.condition().name(), p.currentPa(),
                    p.rateHz().mean(), p.rateHz().sem(), Double.isNaN(theory) ? "n/a"
                            : String.format(Locale.ROOT, "%.2f", theory));
        }
        // one line per kind of theory: a few % between simulation and an approximation is not an error
        r.config().conditions().stream().map(c -> purkinje.analysis.theory.TheoryRates.kind(r.config().cellFor(c),
                r.config().noise(), r.config().inputsFor(c))).distinct()
                .forEach(kind -> System.out.println(kind.startsWith("no theory") ? kind : "theory: " + kind));
        for (FiExperiment.Rheobase rb : r.rheobases()) {
            System.out.printf(Locale.ROOT, "rheobase %s: %.2f pA total, %+.2f pA injected (I_pace %.2f pA%s)%n",
                    rb.condition().name(), rb.rheobaseTotalPa(), rb.injectedPa(), rb.iPacePa(),
                    rb.synapticMeanPa() == 0 ? "" : String.format(Locale.ROOT, ", mean synaptic input %+.2f pA",
                            rb.synapticMeanPa()));
        }
        System.out.println("results: " + CompareRunner.displayPath(folder) + "  (fi.csv, rheobase.csv, "
                + (figures ? "figures/fi.png, " : "") + "report.html)");
    }
}
