package purkinje.fit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import purkinje.engine.ProgressListener;
import purkinje.experiment.CompareExperiment;
import purkinje.experiment.CompareOutputs;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigLoader;
import purkinje.io.OutputFolder;
import purkinje.model.RunConfig;

/**
 * Synthetic recordings with a planted truth, made by 'purkinje compare' in process: the shipped
 * cells with MEIS1 acting on the threshold only ({@code meis1: {V_th: +5 mV}} at dosage 0.5, so
 * +2.5 mV), 40 cells per condition, 20 s each, written as cells.csv and read back as a user would.
 */
final class PlantedTruth {
    static final double V_TH_SHIFT_MV = 2.5;

    private PlantedTruth() {
    }

    static RunConfig config(long seed) {
        String yaml = """
                name: planted
                seed: %d
                duration: 20 s
                dt: 0.1 ms
                cells_per_condition: 40
                record: {spikes: false, voltage_cells: 0}
                heterogeneity: {I_pace: 0.1}
                meis1: {I_pace: 1, V_th: +5 mV}
                conditions:
                  - {name: wild-type, meis1_dosage: 1.0}
                  - {name: meis1-het, meis1_dosage: 0.5}
                """.formatted(seed);
        return ConfigLoader.parse(yaml, "planted.yaml", "planted", Map.of()).run();
    }

    /** Simulates the planted truth and returns the cells as read back from cells.csv. */
    static MeasuredCells record(long seed, Path folder) {
        RunConfig rc = config(seed);
        try (OutputFolder out = OutputFolder.prepare(folder, false)) {
            CompareExperiment.Result r = CompareExperiment.run(rc, 2, ProgressListener.NONE);
            CompareOutputs.write(r, out, new RunInfo("compare", List.of(), "planted.yaml", "", Instant.now()));
            r.simulation().close();
            out.commit(CompareOutputs.FILES);
        }
        return MeasuredCells.read(folder.resolve("cells.csv"), rc.durationMs());
    }

    /** The fit of the planted data with the shipped base cells (configs/compare.yaml's values). */
    static FitExperiment.Result fit(MeasuredCells data, int checkSeeds) {
        RunConfig base = ConfigLoader.load(Path.of("configs/compare.yaml"), Map.of()).run();
        return FitExperiment.run(new FitExperiment.Settings(data, "cells.csv", base, null, checkSeeds, 2));
    }

    static FitExperiment.Ranked hypothesis(FitExperiment.ConditionFit c, String name) {
        return c.hypotheses().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }
}
