package purkinje.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigLoader;
import purkinje.io.OutputFolder;

/** {@code purkinje demo}: the zero-configuration teaching run. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the teaching demo (configs/demo.yaml) into results/demo/ and print the result.",
            "Replaces its own earlier demo output each time."})
final class DemoCommand implements Callable<Integer> {
    static final Path OUT = Path.of("results", "demo");

    @picocli.CommandLine.Option(names = "--no-figures", description = "Write the tables and report.html only, no "
            + "figures (draw them later with 'purkinje plot results/demo').")
    boolean noFigures;

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = ConfigFiles.load(null, "demo.yaml", Map.of());
        if (java.nio.file.Files.exists(OUT) && !OutputFolder.isResultFolder(OUT)) {
            // never delete a folder the tool did not write, even for the demo; demo has no --out or
            // --force, so the fix named is the one that works here
            try {
                OutputFolder.checkWritable(OUT.toAbsolutePath(), true);
            } catch (purkinje.io.ConfigException e) {
                throw new purkinje.io.ConfigException(OUT + " exists but is not a purkinje result (no manifest.json), "
                        + "and the demo writes only there: move or rename that folder, then run the demo again (or "
                        + "'purkinje compare --out DIR' to write elsewhere)");
            }
        }
        System.out.println("Simulating " + loaded.run().cellsPerCondition() + " wild-type and "
                + loaded.run().cellsPerCondition() + " reduced-MEIS1 Purkinje cells for "
                + purkinje.io.Quantities.formatNumber(loaded.run().durationMs() / 1000) + " s ...");
        CompareRunner.Outcome o = CompareRunner.run(loaded.run(), loaded, OUT, true,
                purkinje.engine.SimulationSettings.allCores(), false, !noFigures,
                new RunInfo("demo", List.of(), loaded.source(), RunInfo.sha256(loaded.text()), Instant.now()), Double.NaN);
        CompareRunner.printSummary(o, System.out);
        return ExitCodes.OK;
    }
}
