package purkinje.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import purkinje.analysis.CellStatistics;
import purkinje.analysis.GroupComparison;
import purkinje.analysis.PopulationRate;
import purkinje.analysis.SpikeStatistics;
import purkinje.analysis.TriggeredRate;
import purkinje.engine.EnsembleResult;
import purkinje.experiment.CompareExperiment.Comparison;
import purkinje.experiment.CompareExperiment.ConditionResult;
import purkinje.experiment.CompareExperiment.Result;
import purkinje.io.Json;
import purkinje.io.OutputFolder;
import purkinje.io.Tables.CsvWriter;
import purkinje.model.CellParameter;
import purkinje.model.RunConfig;
import purkinje.plot.ComplexSpikeTriggeredFigure;
import purkinje.plot.ConditionIsis;
import purkinje.plot.ConditionPopulationRate;
import purkinje.plot.ConditionRates;
import purkinje.plot.ConditionTrace;
import purkinje.plot.ConditionTrains;
import purkinje.plot.FigureWriter;
import purkinje.plot.IsiHistogramFigure;
import purkinje.plot.PopulationRateFigure;
import purkinje.plot.RasterFigure;
import purkinje.plot.RateByConditionFigure;
import purkinje.plot.VoltageTraceFigure;

/**
 * Writes a compare run (ARCHITECTURE.md, "Files a run writes"): cells.csv, summary.csv,
 * comparison.json, spikes.csv (when kept), figures/*.png|svg and manifest.json, into an
 * {@link OutputFolder} that is moved into place only when everything is written.
 */
public final class CompareOutputs {
    /** Top-level names this tool writes into a compare result. */
    public static final Set<String> FILES = Set.of("manifest.json", "cells.csv", "summary.csv", "comparison.json",
            "spikes.csv", "figures");
    /** Cells per condition drawn in the raster (all cells' spikes are still in spikes.csv). */
    static final int RASTER_CELLS = 50;
    /** The raster shows the first 20 s: longer runs would be a solid block (spikes.csv has all). */
    static final double RASTER_WINDOW_MS = 20_000;
    static final double ISI_BIN_MS = 2;
    static final double POPULATION_KERNEL_MS = 100;
    static final double POPULATION_STEP_MS = 20;
    /** Window and bin of the complex-spike-triggered histogram. */
    static final double CS_BEFORE_MS = 100;
    static final double CS_AFTER_MS = 200;
    static final double CS_BIN_MS = 5;

    private CompareOutputs() {
    }

    /** Writes every file; figures may be skipped. Returns the figure paths written. */
    public static List<Path> write(Result r, OutputFolder out, RunInfo info, boolean figures) {
        writeCells(r, out.resolve("cells.csv"));
        writeSummary(r, out.resolve("summary.csv"));
        Json.write(out.resolve("comparison.json"), comparisonJson(r));
        if (r.config().record().spikes()) {
            writeSpikes(r, out.resolve("spikes.csv"));
        }
        List<Path> written = figures ? writeFigures(r, out.resolve("figures/x").getParent()) : List.of();
        Json.write(out.resolve(OutputFolder.MANIFEST), Manifests.of(r.config(), info, r.threads(), r.simulation(),
                Map.of()));
        return written;
    }

    /** Parameters listed per cell: those that vary between cells or between conditions. */
    static List<CellParameter> varyingParameters(RunConfig c) {
        Set<CellParameter> s = new LinkedHashSet<>();
        for (CellParameter p : CellParameter.values()) {
            if (c.heterogeneity().coefficientOfVariation().containsKey(p)
                    || c.meis1().relativeAtNull().containsKey(p)) {
                s.add(p);
            }
        }
        return List.copyOf(s);
    }

    private static void writeCells(Result r, Path file) {
        EnsembleResult sim = r.simulation();
        List<CellParameter> varying = varyingParameters(r.config());
        List<String> header = new ArrayList<>(List.of("condition", "cell", "meis1_dosage"));
        varying.forEach(p -> header.add(p.configName() + "_" + p.unit().symbol()));
        header.addAll(List.of("n_spikes", "rate_hz", "isi_mean_ms", "isi_sd_ms", "isi_cv", "cv2", "lv",
                "fano_factor_1s"));
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
            m.put("rate_change_ci95_percent", List.of(nullable(g.rateChangeCiLowPercent()),
                    nullable(g.rateChangeCiHighPercent())));
            m.put("bootstrap_resamples", g.bootstrapResamples());
            Map<String, Object> mw = new LinkedHashMap<>();
            mw.put("test", "Mann-Whitney U, two-sided");
            mw.put("statistic_u", Json.number(g.mannWhitneyU()));
            mw.put("p_value", Json.number(g.mannWhitneyP()));
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

    private static Object nullable(double v) {
        Double d = Json.number(v);
        return d == null ? "NaN" : d;
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
                    // merge simple and complex spikes in time order
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

    /** The five figures of a compare run, each as PNG and SVG. */
    public static List<Path> writeFigures(Result r, Path dir) {
        List<Path> out = new ArrayList<>();
        EnsembleResult sim = r.simulation();
        List<ConditionRates> rates = new ArrayList<>();
        List<ConditionTrains> trains = new ArrayList<>();
        List<ConditionIsis> isis = new ArrayList<>();
        List<ConditionPopulationRate> population = new ArrayList<>();
        List<ConditionTrace> traces = new ArrayList<>();
        List<List<double[]>> complexByCondition = new ArrayList<>();
        List<ConditionPopulationRate> triggered = new ArrayList<>();
        boolean complex = sim.ensemble().anyClimbingFibre();
        for (ConditionResult c : r.conditions()) {
            String name = c.condition().name();
            rates.add(new ConditionRates(name, c.ratesHz()));
            List<double[]> all = new ArrayList<>();
            List<double[]> voltages = new ArrayList<>();
            for (int i = 0; i < c.cells().size(); i++) {
                double[] t = sim.spikeTimesMs(c.firstCell() + i);
                if (t != null) {
                    all.add(t);
                }
                double[] v = sim.voltageMv(c.firstCell() + i);
                if (v != null) {
                    voltages.add(v);
                }
            }
            if (complex) {
                List<double[]> cs = new ArrayList<>();
                for (int i = 0; i < c.cells().size(); i++) {
                    cs.add(sim.complexSpikeTimesMs(c.firstCell() + i));
                }
                complexByCondition.add(cs);
                if (!all.isEmpty()) {
                    TriggeredRate.Histogram h = TriggeredRate.of(all, cs, CS_BEFORE_MS, CS_AFTER_MS, CS_BIN_MS, 0,
                            r.durationMs());
                    triggered.add(new ConditionPopulationRate(name + " (" + h.triggers() + " complex spikes)",
                            h.binStartMs(), h.rateHz()));
                }
            }
            if (!all.isEmpty()) {
                trains.add(new ConditionTrains(name, all.subList(0, Math.min(RASTER_CELLS, all.size()))));
                List<double[]> isiLists = all.stream().map(SpikeStatistics::interspikeIntervalsMs).toList();
                isis.add(new ConditionIsis(name, isiLists.stream().flatMapToDouble(java.util.Arrays::stream).toArray()));
                PopulationRate.Series s = PopulationRate.gaussianKernel(all, 0, r.durationMs(), POPULATION_KERNEL_MS,
                        POPULATION_STEP_MS);
                population.add(new ConditionPopulationRate(name, s.timeMs(), s.rateHz()));
            }
            if (!voltages.isEmpty()) {
                traces.add(new ConditionTrace(name, r.config().dtMs(), voltages, c.parameters().vThresholdMv()));
            }
        }
        write(out, RateByConditionFigure.chart(rates, subtitle(r)), dir, "rates");
        if (!trains.isEmpty()) {
            double rasterMs = Math.min(r.durationMs(), RASTER_WINDOW_MS);
            write(out, complex ? RasterFigure.chart(trains, rasterMs, complexByCondition)
                    : RasterFigure.chart(trains, rasterMs), dir, "raster");
            if (complex && !triggered.isEmpty()) {
                write(out, ComplexSpikeTriggeredFigure.chart(triggered, "Mean over all complex spikes of all cells; "
                        + "bins of " + (int) CS_BIN_MS + " ms"), dir, "cs-triggered-rate");
            }
            write(out, IsiHistogramFigure.chart(isis, ISI_BIN_MS), dir, "isi-histogram");
            write(out, PopulationRateFigure.chart(population), dir, "population-rate");
        }
        if (!traces.isEmpty()) {
            write(out, VoltageTraceFigure.chart(traces, Math.min(CompareExperiment.TRACE_WINDOW_MS, r.durationMs())),
                    dir, "voltage-traces");
        }
        return out;
    }

    private static String subtitle(Result r) {
        if (r.comparisons().isEmpty()) {
            return r.conditions().get(0).cells().size() + " cells";
        }
        Comparison c = r.comparisons().get(0);
        GroupComparison g = c.result();
        return RateByConditionFigure.comparisonSubtitle(c.test(), g.rateChangePercent(), g.rateChangeCiLowPercent(),
                g.rateChangeCiHighPercent(), g.mannWhitneyP(), r.config().cellsPerCondition());
    }

    private static void write(List<Path> out, JFreeChart chart, Path dir, String name) {
        try {
            out.addAll(FigureWriter.write(chart, dir, name));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write figure " + name, e);
        }
    }
}
