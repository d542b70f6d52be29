package purkinje.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import purkinje.experiment.RunInfo;
import purkinje.plot.Rendering;
import purkinje.report.Reports;
import purkinje.sweep.SweepMerge;
import purkinje.sweep.SweepPlan;

/** {@code purkinje merge DIR...}: joins the shard folders of one sweep. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join the result folders of the shards of ONE sweep into one result (points.csv, manifest.json, "
            + "figures/).",
            "Refuses folders of different sweeps (config or seed differ); exits 1 listing the points no folder holds."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Sweep result folders (e.g. one per shard).")
    List<Path> folders;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<name from config>).")
    Path out;

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
        SweepPlan plan = SweepMerge.planOf(folders.get(0));
        Path target = out != null ? out : Path.of("results", plan.name());
        RunInfo info = new RunInfo("merge", List.of(spec.commandLine().getParseResult().originalArgs()
                .toArray(new String[0])), plan.loaded().source(), RunInfo.sha256(plan.loaded().text()), Instant.now());
        SweepMerge.Outcome o;
        try {
            Path display = target;
            o = SweepMerge.merge(folders, target, force,
                    f -> Reports.render(f, Rendering.DEFAULT, !noFigures, CompareRunner.displayPath(
                            display.toAbsolutePath().normalize())), info);
        } catch (SweepMerge.MissingPointsException e) {
            System.err.println("purkinje: merge: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (!quiet) {
            SweepCommand.printSummary(o.plan(), o.rows(), System.out);
            System.out.println("merged " + folders.size() + " folders, " + o.plan().size() + " points: "
                    + CompareRunner.displayPath(o.folder()) + "  (report: "
                    + CompareRunner.displayPath(o.folder().resolve("report.html")) + ")");
        }
        return ExitCodes.OK;
    }
}
