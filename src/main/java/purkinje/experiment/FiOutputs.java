package purkinje.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import purkinje.experiment.FiExperiment.Point;
import purkinje.experiment.FiExperiment.Result;
import purkinje.experiment.FiExperiment.Rheobase;
import purkinje.io.Json;
import purkinje.io.OutputFolder;
import purkinje.io.Tables.CsvWriter;

/** Writes an f-I run: fi.csv, rheobase.csv and manifest.json (figures: purkinje.report). */
public final class FiOutputs {
    public static final Set<String> FILES = Set.of("manifest.json", "fi.csv", "rheobase.csv", "figures",
            "report.html");

    private FiOutputs() {
    }

    /** Writes the tables and the manifest; figures and report.html are drawn from them afterwards. */
    public static void write(Result r, OutputFolder out, RunInfo info) {
        try (CsvWriter w = new CsvWriter(out.resolve("fi.csv"), List.of("condition", "current_pA", "rate_hz",
                "rate_sem_hz", "theory_rate_hz", "cells", "rate_sd_hz", "isi_cv", "theory_deterministic_rate_hz"))) {
            for (Point p : r.points()) {
                w.row(p.condition().name(), p.currentPa(), p.rateHz().mean(), p.rateHz().sem(), p.theoryRateHz(),
                        p.rateHz().n(), p.rateHz().sd(), p.meanIsiCv(), p.deterministicRateHz());
            }
        }
        try (CsvWriter w = new CsvWriter(out.resolve("rheobase.csv"), List.of("condition", "meis1_dosage",
                "I_pace_pA", "synaptic_mean_pA", "rheobase_total_pA", "rheobase_injected_pA"))) {
            for (Rheobase rb : r.rheobases()) {
                w.row(rb.condition().name(), rb.condition().meis1Dosage(), rb.iPacePa(), rb.synapticMeanPa(),
                        rb.rheobaseTotalPa(), rb.injectedPa());
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        Map<String, Object> currents = new LinkedHashMap<>();
        currents.put("from_pA", r.currents().fromPa());
        currents.put("to_pA", r.currents().toPa());
        currents.put("steps", r.currents().steps());
        extra.put("currents", currents);
        Json.write(out.resolve(OutputFolder.MANIFEST), Manifests.of(r.config(), info, r.threads(), r.simulation(),
                extra));
    }
}
