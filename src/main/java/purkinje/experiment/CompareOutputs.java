package purkinje.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import purkinje.analysis.CellStatistics;
import purkinje.analysis.GroupComparison;
import purkinje.analysis.PopulationRate;
import purkinje.analysis.SpikeStatistics;
import purkinje.engine.EnsembleResult;
import purkinje.experiment.CompareExperiment.Comparison;
import purkinje.experiment.CompareExperiment.ConditionResult;
import purkinje.experiment.CompareExperiment.Result;
import purkinje.io.Json;
import purkinje.io.OutputFolder;
import purkinje.io.Tables.CsvWriter;
import purkinje.model.CellParameter;
import purkinje.model.RunConfig;

/**
 * Writes a compare run (ARCHITECTURE.md, "Files a run writes"): cells.csv, summary.csv,
 * comparison.json, spikes.csv (when kept), voltage.csv (traced cells) and manifest.json, into an
 * {@link OutputFolder} that is moved into place only when everything is written.
 */
public final class CompareOutputs {
    /** Top-level names this tool writes into a compare result. */
    public static final Set<String> FILES = Set.of("manifest.json", "cells.csv", "summary.csv", "comparison.json",
            "spikes.csv", "population-rate.csv", "voltage.csv", "figures", "report.html");
    /** The population-rate table: {@code condition, time_s, rate_hz}. */
    public static final String POPULATION_RATE = "population-rate.csv";

    private CompareOutputs() {
    }

    /**
     * Writes the tables and the manifest. Figures and report.html are drawn from these files
     * afterwards (purkinje.report), the same way 'purkinje plot' redraws them.
     */
    public static void write(Result r, OutputFolder out, RunInfo info) {
        writeCells(r, out.resolve("cells.csv"));
        writeSummary(r, out.resolve("summary.csv"));
        Json.write(out.resolve("comparison.json"), comparisonJson(r));
        if (r.config().record().spikes()) {
            writeSpikes(r, out.resolve("spikes.csv"));
            writePopulationRate(r, out.resolve(POPULATION_RATE));
        }
        if (hasVoltage(r)) {
            writeVoltage(r, out.resolve("voltage.csv"));
        }
        Json.write(out.resolve(OutputFolder.MANIFEST), Manifests.of(r.config(), info, r.threads(), r.simulation(),
                Map.of()));
    }

    /** Parameters listed per cell: those that vary between cells or between conditions. */
    static List<CellParameter> varyingParameters(RunConfig c) {
        Set<CellParameter> s = new LinkedHashSet<>();
        for (CellParameter p : CellParameter.values()) {
            if (c.heterogeneity().varies(p) || c.meis1().dependsOn(p)) {
                s.add(p);
            }
        }
        return List.copyOf(s);
    }

    private static void writeCells(Result r, Path file) {
        List<CellParameter> varying = varyingParameters(r.config());
        List<String> header = new ArrayList<>(List.of("condition", "cell", "meis1_dosage"));
        varying.forEach(p -> header.add(p.configName() + "_" + p.unit().symbol()));
        header.addAll(List.of("n_spikes", "rate_hz", "isi_mean_ms", "isi_sd_ms", "isi_cv", "cv2", "lv",
                "fano_factor_1s"));
        EnsembleResult sim = r.simulation();
        // complex-spike columns only when a climbing fibre is modelled: input-free results keep their bytes
        boolean complex = sim.ensemble().anyClimbingFibre();
        if (complex) {
            header.addAll(List.of("complex_spikes", "complex_rate_hz", "cs_pause_median_ms"));
        }
        try (CsvWriter w = new CsvWriter(file, header)) {
            for (ConditionResult c : r.conditions()) {
                for (int i = 0; i < c.cells().size(); i++) {
                    int cell = c.firstCell() + i;
                    CellStatistics s = c.cells().get(i);
                    List<Object> row = new ArrayList<>(List.of(c.condition().name(), i, c.condition().meis1Dosage()));
                    varying.forEach(p -> row.add(sim.ensemble().parameter(p, cell)));
                    double[] train = sim.spikeTimesMs(cell);
                    double fano = train == null ? Double.NaN
                            : SpikeStatistics.fanoFactor(train, 0, r.durationMs(), CompareExperiment.FANO_WINDOW_MS);
                    row.addAll(List.of(s.nSpikes(), s.rateHz(), s.isiMeanMs(), s.isiSdMs(), s.cv(), s.cv2(), s.lv(),
                            fano));
                    if (complex) {
                        int n = sim.complexSpikeCount(cell);
                        row.addAll(List.of(n, n / (r.durationMs() * 1e-3), sim.medianPostComplexPauseMs(cell)));
                    }
                    w.row(row.toArray());
                }
            }
        }
    }

    private static void writeSummary(Result r, Path file) {
        try (CsvWriter w = new CsvWriter(file, List.of("condition", "meis1_dosage", "cells", "mean_rate_hz",
                "sd_rate_hz", "sem_rate_hz", "median_rate_hz", "q1_rate_hz", "q3_rate_hz", "mean_isi_cv",
                "median_isi_cv", "mean_cv2", "mean_lv", "total_spikes"))) {
            for (ConditionResult c : r.conditions()) {
                double cv2 = c.cells().stream().mapToDouble(CellStatistics::cv2).filter(Double::isFinite).average()
                        .orElse(Double.NaN);
                double lv = c.cells().stream().mapToDouble(CellStatistics::lv).filter(Double::isFinite).average()
                        .orElse(Double.NaN);
                long spikes = c.cells().stream().mapToLong(CellStatistics::nSpikes).sum();
                w.row(c.condition().name(), c.condition().meis1Dosage(), c.cells().size(), c.rateHz().mean(),
                        c.rateHz().sd(), c.rateHz().sem(), c.rateHz().median(), c.rateHz().q1(), c.rateHz().q3(),
                        c.isiCv().mean(), c.isiCv().median(), cv2, lv, spikes);
            }
        }
    }

    static Map<String, Object> comparisonJson(Result r) {
        List<Object> list = new ArrayList<>();
        for (Comparison c : r.comparisons()) {
            GroupComparison g = c.result();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reference", c.reference());
            m.put("test", c.test());
            m.put("reference_cells", g.referenceN());
            m.put("test_cells", g.testN());
            m.put("reference_mean_rate_hz", Json.number(g.referenceMeanHz()));
            m.put("test_mean_rate_hz", Json.number(g.testMeanHz()));
            m.put("rate_change_percent", Json.number(g.rateChangePercent()));
            // undefined ends (a silent reference) are null, as every undefined number of the file
            m.put("rate_change_ci95_percent", java.util.Arrays.asList(Json.number(g.rateChangeCiLowPercent()),
                    Json.number(g.rateChangeCiHighPercent())));
            m.put("bootstrap_resamples", g.bootstrapResamples());
            Map<String, Object> mw = new LinkedHashMap<>();
            mw.put("test", "Mann-Whitney U, two-sided");
            mw.put("statistic_u", Json.number(g.mannWhitneyU()));
            mw.put("p_value", Json.number(g.mannWhitneyP()));
            mw.put("method", g.mannWhitneyMethod() == null ? "not tested (fewer than 2 cells)" : g.mannWhitneyMethod());
            m.put("mann_whitney", mw);
            Map<String, Object> welch = new LinkedHashMap<>();
            welch.put("test", "Welch t-test, two-sided");
            welch.put("statistic_t", Json.number(g.welchT()));
            welch.put("df", Json.number(g.welchDf()));
            welch.put("p_value", Json.number(g.welchP()));
            m.put("welch_t", welch);
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("statistic", "per-cell firing rate (Hz)");
        root.put("comparisons", list);
        return root;
    }

    private static void writeSpikes(Result r, Path file) {
        EnsembleResult sim = r.simulation();
        // the kind column appears with a climbing fibre; input-free results keep their bytes
        boolean complex = sim.ensemble().anyClimbingFibre();
        List<String> header = complex ? List.of("condition", "cell", "time_s", "kind")
                : List.of("condition", "cell", "time_s");
        try (CsvWriter w = new CsvWriter(file, header)) {
            for (ConditionResult c : r.conditions()) {
                for (int i = 0; i < c.cells().size(); i++) {
                    int cell = c.firstCell() + i;
                    if (!complex) {
                        for (double t : sim.spikeTimesMs(cell)) {
                            w.row(c.condition().name(), i, t / 1000);
                        }
                        continue;
                    }
                    // simple and complex spikes merged in time order
                    double[] simple = sim.spikeTimesMs(cell);
                    double[] cs = sim.complexSpikeTimesMs(cell);
                    int a = 0;
                    int b = 0;
                    while (a < simple.length || b < cs.length) {
                        if (b >= cs.length || (a < simple.length && simple[a] <= cs[b])) {
                            w.row(c.condition().name(), i, simple[a++] / 1000, "simple");
                        } else {
                            w.row(c.condition().name(), i, cs[b++] / 1000, "complex");
                        }
                    }
                }
            }
        }
    }

    /**
     * population-rate.csv: each condition's simple-spike rate over time, Gaussian kernel of SD
     * {@link CompareExperiment#POPULATION_KERNEL_SIGMA_MS}, edge-corrected
     * ({@link PopulationRate#gaussianKernel}), every {@link CompareExperiment#POPULATION_STEP_MS}
     * from 0 to the duration.
     */
    private static void writePopulationRate(Result r, Path file) {
        EnsembleResult sim = r.simulation();
        try (CsvWriter w = new CsvWriter(file, List.of("condition", "time_s", "rate_hz"))) {
            for (ConditionResult c : r.conditions()) {
                List<double[]> trains = new ArrayList<>();
                for (int i = 0; i < c.cells().size(); i++) {
                    trains.add(sim.spikeTimesMs(c.firstCell() + i));
                }
                PopulationRate.Series s = PopulationRate.gaussianKernel(trains, 0, r.durationMs(),
                        CompareExperiment.POPULATION_KERNEL_SIGMA_MS, CompareExperiment.POPULATION_STEP_MS);
                double[] t = s.timeMs();
                double[] rate = s.rateHz();
                for (int k = 0; k < t.length; k++) {
                    w.row(c.condition().name(), t[k] / 1000, rate[k]);
                }
            }
        }
    }

    /** voltage.csv: the membrane potential of the traced cells (sampled every dt over the first trace window). */
    private static void writeVoltage(Result r, Path file) {
        EnsembleResult sim = r.simulation();
        double dt = r.config().dtMs();
        try (CsvWriter w = new CsvWriter(file, List.of("condition", "cell", "time_ms", "v_mV"))) {
            for (ConditionResult c : r.conditions()) {
                for (int i = 0; i < c.cells().size(); i++) {
                    double[] v = sim.voltageMv(c.firstCell() + i);
                    if (v == null) {
                        continue;
                    }
                    for (int k = 0; k < v.length; k++) {
                        w.row(c.condition().name(), i, Math.round(k * dt * 1e6) / 1e6, v[k]);
                    }
                }
            }
        }
    }

    /** True if the run traced at least one cell's membrane potential. */
    static boolean hasVoltage(Result r) {
        for (ConditionResult c : r.conditions()) {
            for (int i = 0; i < c.cells().size(); i++) {
                if (r.simulation().voltageMv(c.firstCell() + i) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
