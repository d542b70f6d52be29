package purkinje.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import purkinje.analysis.PopulationRate;
import purkinje.analysis.SpikeStatistics;
import purkinje.experiment.CompareExperiment;
import purkinje.experiment.CompareOutputs;
import purkinje.model.Condition;
import purkinje.model.RunConfig;
import purkinje.plot.ConditionIsis;
import purkinje.plot.ConditionPopulationRate;
import purkinje.plot.ConditionRates;
import purkinje.plot.ConditionTrace;
import purkinje.plot.ConditionTrains;
import purkinje.plot.IsiHistogramFigure;
import purkinje.plot.PopulationRateFigure;
import purkinje.plot.RasterFigure;
import purkinje.plot.RateByConditionFigure;
import purkinje.plot.VoltageTraceFigure;
import purkinje.report.ReportContent.Figure;
import purkinje.report.ReportContent.TableData;

/**
 * The figures and report of a compare (or demo) result, drawn only from its files: rates from
 * cells.csv, rasters, ISIs and population rate from spikes.csv, voltage traces from voltage.csv,
 * the statistics from summary.csv and comparison.json, duration and thresholds from the manifest's
 * resolved config.
 */
public final class CompareReport {
    /** Window and bin of the complex-spike-triggered histogram. */
    static final double CS_BEFORE_MS = 100;
    static final double CS_AFTER_MS = 200;
    static final double CS_BIN_MS = 5;
    static final double ISI_BIN_MS = 2;

    /** How to read the rates figure (also the lab's words for it). */
    public static final String RATES_CAPTION = "Each dot is one simulated cell, at its mean firing rate over the whole "
            + "run (vertical axis, Hz); dots are spread sideways only so that fewer of them hide each other (with many cells they still merge into a cloud). The box spans the "
            + "middle half of the cells (25th to 75th percentile) and the black line in it is the median. The line "
            + "above the plot gives, for each condition against the first (the reference), the change of the mean rate "
            + "with its 95 % confidence interval and the Mann-Whitney test: when the clouds of dots barely overlap, "
            + "the difference is large compared with how much cells differ from each other.";
    /** The rates caption where the subtitle has one short clause per condition (no intervals). */
    static final String RATES_CAPTION_COMPACT = RATES_CAPTION.replace("with its 95 % confidence interval and the "
            + "Mann-Whitney test", "and the Mann-Whitney p-value (the 95 % confidence intervals of the changes are "
            + "in the table below and in comparison.json)");
    /** How to read a raster (also the lab's words for it). */
    /** The figures drawn from spikes.csv, as a refusal to draw them names them. */
    static final String SPIKE_FIGURES = "The raster, ISI histogram and population-rate figures were";

    public static final String RASTER_READING = "Evenly spaced ticks mean regular pacemaking; fewer ticks per row "
            + "mean a lower rate.";
    /** How to read the voltage traces (also the lab's words for them). */
    public static final String VOLTAGE_READING = "V climbs from the reset potential towards the threshold (dashed "
            + "line), the cell fires (vertical stroke) and V is reset. The noise makes each climb a little different; "
            + "a slower climb means a lower firing rate.";

    private CompareReport() {
    }

    /** One comparison of comparison.json. */
    record Comparison(String reference, String test, int referenceCells, int testCells, double referenceMeanHz,
                      double testMeanHz, double changePercent, double ciLow, double ciHigh, double mannWhitneyP,
                      double welchP) {
    }

    static List<Comparison> comparisons(ResultFiles files) {
        List<Comparison> out = new ArrayList<>();
        for (JsonNode c : files.json("comparison.json").path("comparisons")) {
            JsonNode ci = c.path("rate_change_ci95_percent");
            out.add(new Comparison(c.path("reference").asText(), c.path("test").asText(),
                    c.path("reference_cells").asInt(), c.path("test_cells").asInt(), num(c.path("reference_mean_rate_hz")),
                    num(c.path("test_mean_rate_hz")), num(c.path("rate_change_percent")), num(ci.path(0)),
                    num(ci.path(1)), num(c.path("mann_whitney").path("p_value")), num(c.path("welch_t").path("p_value"))));
        }
        return out;
    }

    private static double num(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    /** The one-sentence finding, from comparison.json (the same numbers as summary.csv). */
    static String headline(List<Comparison> comparisons, ResultFiles.Table summary) {
        if (comparisons.isEmpty()) {
            if (summary.size() == 0) {
                return "No cells were simulated.";
            }
            return "The " + summary.text(0, "condition") + " cells fired " + Numbers.value(summary.number(0, "mean_rate_hz"))
                    + " Hz on average (" + summary.text(0, "cells") + " cells); there was no second condition to "
                    + "compare with.";
        }
        if (compact(comparisons)) {
            return compactHeadline(comparisons);
        }
        StringBuilder b = new StringBuilder();
        for (Comparison c : comparisons) {
            String direction = c.changePercent() < 0 ? "less" : "more";
            String each = c.referenceCells() == c.testCells() ? c.testCells() + " cells each"
                    : c.testCells() + " and " + c.referenceCells() + " cells";
            if (Double.isNaN(c.changePercent())) { // a silent reference: no percent change is defined
                b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT,
                        "The %s cells fired %s Hz and the %s cells %s Hz (mean per-cell rate): %s, so no percent "
                        + "change is defined; Mann-Whitney %s, %s.", display(c.test()), Numbers.value(c.testMeanHz()),
                        display(c.reference()), Numbers.value(c.referenceMeanHz()), c.testMeanHz() == 0
                                ? "both are silent" : "the " + display(c.reference()) + " cells are silent",
                        RateByConditionFigure.pText(c.mannWhitneyP()), each));
                continue;
            }
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT,
                    "The %s cells fired %s %% %s than the %s cells: %s vs %s Hz (mean per-cell rate), Mann-Whitney "
                    + "%s, %s.", display(c.test()), Numbers.percent(c.changePercent()), direction, display(c.reference()),
                    Numbers.value(c.testMeanHz()), Numbers.value(c.referenceMeanHz()),
                    RateByConditionFigure.pText(c.mannWhitneyP()), each));
        }
        return b.toString();
    }

    /**
     * Whether the comparisons are written one short clause each (in the headline and the rates
     * figure's subtitle): more than {@link RateByConditionFigure#FULL_LINES_UP_TO}, against one
     * reference, with equal cell counts and a defined change (full sentences would fill a screen).
     */
    static boolean compact(List<Comparison> comparisons) {
        return comparisons.size() > RateByConditionFigure.FULL_LINES_UP_TO
                && comparisons.stream().map(Comparison::reference).distinct().count() == 1
                && comparisons.stream().allMatch(c -> c.testCells() == c.referenceCells()
                        && Double.isFinite(c.changePercent()));
    }

    /** "Mean per-cell rates against the wt cells (15.4 Hz), 40 cells each, with Mann-Whitney p: a 13.5 Hz (12 % less, p = 1.7e-4); ..." */
    private static String compactHeadline(List<Comparison> comparisons) {
        Comparison first = comparisons.get(0);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Mean per-cell rates against the %s cells (%s Hz), %d cells each, with Mann-Whitney p: ",
                display(first.reference()), Numbers.value(first.referenceMeanHz()), first.testCells()));
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            b.append(i > 0 ? "; " : "").append(String.format(Locale.ROOT, "%s %s Hz (%s %% %s, %s)", display(c.test()),
                    Numbers.value(c.testMeanHz()), Numbers.percent(c.changePercent()),
                    c.changePercent() < 0 ? "less" : "more", RateByConditionFigure.pText(c.mannWhitneyP())));
        }
        return b.append('.').toString();
    }

    /** "meis1-reduced" -> "meis1-reduced"; only a display hook (names are the user's). */
    private static String display(String condition) {
        return condition;
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * The report of a compare or demo result.
     *
     * @param folderName the result folder as the user would type it (for a redraw command)
     */
    public static ReportContent build(ResultFiles files, boolean figures, FigureOptions options, String folderName) {
        RunConfig config = files.runConfig();
        ResultFiles.Table cells = files.csv("cells.csv");
        ResultFiles.Table summary = files.csv("summary.csv");
        List<Comparison> comparisons = comparisons(files);
        boolean spikes = config.record().spikes();
        boolean voltage = config.record().voltageCells() > 0;
        ResultFiles.Table voltageTable = figures && voltage ? files.csv("voltage.csv") : null;
        ResultFiles.Table populationTable = figures && spikes && files.has(CompareOutputs.POPULATION_RATE)
                ? files.csv(CompareOutputs.POPULATION_RATE) : null;

        List<Figure> list = new ArrayList<>();
        List<String> notDrawn = new ArrayList<>();
        if (figures) {
            list = figures(config, cells, files, spikes, voltageTable, populationTable, comparisons, options,
                    notDrawn, folderName);
        }
        return new ReportContent(files.command(), "Wild type vs reduced MEIS1: " + config.name(),
                headline(comparisons, summary), list, tables(summary, comparisons), notDrawn);
    }

    private static List<Figure> figures(RunConfig config, ResultFiles.Table cells, ResultFiles files, boolean spikes,
                                        ResultFiles.Table voltageTable, ResultFiles.Table populationTable,
                                        List<Comparison> comparisons, FigureOptions options, List<String> notDrawn,
                                        String folderName) {
        // cells per condition in file order (config order), with their rates
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (Condition c : config.conditions()) {
            rates.put(c.name(), new ArrayList<>());
        }
        for (int i = 0; i < cells.size(); i++) {
            rates.computeIfAbsent(cells.text(i, "condition"), k -> new ArrayList<>()).add(cells.number(i, "rate_hz"));
        }
        List<ConditionRates> rateRecords = new ArrayList<>();
        rates.forEach((k, v) -> rateRecords.add(new ConditionRates(k, v.stream().mapToDouble(Double::doubleValue)
                .toArray())));
        List<Figure> out = new ArrayList<>();
        int cellsPerCondition = rates.values().stream().mapToInt(List::size).max().orElse(0);
        // each condition against the reference: a line each, or a clause each beyond two
        List<RateByConditionFigure.RateChange> changes = comparisons.stream()
                .map(c -> new RateByConditionFigure.RateChange(c.test(), c.reference(), c.changePercent(), c.ciLow(),
                        c.ciHigh(), c.mannWhitneyP()))
                .toList();
        String subtitle = comparisons.isEmpty() ? cellsPerCondition + " cells"
                : RateByConditionFigure.comparisonsSubtitle(changes, cellsPerCondition, List.copyOf(rates.keySet()));
        out.add(new Figure("rates", RateByConditionFigure.chart(rateRecords, subtitle), 0,
                RateByConditionFigure.shortClauses(changes) ? RATES_CAPTION_COMPACT : RATES_CAPTION));

        double durationMs = config.durationMs();
        // read only for figures and into primitive arrays: spikes.csv of a long run can outgrow the heap
        SpikeTrains spikeTrains = null;
        if (spikes) {
            Map<String, Integer> cellCounts = new LinkedHashMap<>();
            rates.forEach((k, v) -> cellCounts.put(k, v.size()));
            try {
                spikeTrains = SpikeTrains.read(files, cellCounts, SPIKE_FIGURES, "purkinje plot " + folderName);
            } catch (SpikeTrains.TooLarge e) {
                if (!options.skipWhatDoesNotFit()) { // a redraw: all or nothing, so no figure was redrawn
                    throw new purkinje.io.ConfigException("no figure was redrawn (figures/ is as it was): "
                            + Character.toLowerCase(e.getMessage().charAt(0)) + e.getMessage().substring(1));
                }
                notDrawn.add(e.getMessage());
            }
        }
        if (spikeTrains != null) {
            Map<String, List<double[]>> trains = spikeTrains.simple();
            boolean complex = spikeTrains.marked();
            Map<String, List<double[]>> complexTrains = spikeTrains.complex();
            List<ConditionTrains> raster = new ArrayList<>();
            List<ConditionIsis> isis = new ArrayList<>();
            List<ConditionPopulationRate> population = new ArrayList<>();
            double rasterMs = Math.min(durationMs, options.rasterWindowMs());
            int rasterCells = options.rasterCellsPerCondition();
            trains.forEach((name, all) -> {
                raster.add(new ConditionTrains(name, window(all, rasterCells, rasterMs)));
                isis.add(new ConditionIsis(name, all.stream().map(SpikeStatistics::interspikeIntervalsMs)
                        .flatMapToDouble(java.util.Arrays::stream).toArray()));
                if (populationTable == null) { // a result of 0.2 or earlier: computed as the run would have
                    PopulationRate.Series s = PopulationRate.gaussianKernel(all, 0, durationMs,
                            CompareExperiment.POPULATION_KERNEL_SIGMA_MS, CompareExperiment.POPULATION_STEP_MS);
                    population.add(new ConditionPopulationRate(name, s.timeMs(), s.rateHz()));
                }
            });
            if (populationTable != null) {
                population.addAll(populationRates(rates.keySet(), populationTable));
            }
            List<List<double[]>> complexRows = new ArrayList<>();
            complexTrains.values().forEach(all -> complexRows.add(window(all, rasterCells, rasterMs)));
            int shownCells = raster.stream().mapToInt(r -> r.spikeTimesMs().size()).max().orElse(0);
            String seconds = purkinje.io.Quantities.formatNumber(rasterMs / 1000);
            out.add(new Figure("raster", complex ? RasterFigure.chart(raster, rasterMs, complexRows)
                    : RasterFigure.chart(raster, rasterMs), 0,
                    "Each row is one cell and each tick one of its spikes (horizontal axis: time in s). Shown: the "
                    + (rasterMs < durationMs ? "first " + seconds + " s of the " + purkinje.io.Quantities.formatNumber(
                            durationMs / 1000) + " s run" : "whole " + seconds + " s run") + ", "
                    + (shownCells < cellsPerCondition ? "the first " + shownCells + " of the " + cellsPerCondition
                            + " cells of each condition" : "every cell")
                    + (rasterMs < durationMs || shownCells < cellsPerCondition
                            ? ", so single spikes can be told apart (every spike of every cell is in spikes.csv; purkinje "
                            + "plot --raster-window and --raster-cells draw more). "
                            : " (every spike of the run; a shorter purkinje plot --raster-window or fewer --raster-cells "
                            + "show single spikes). ") + RASTER_READING
                    + (complex ? " Black triangles above a row are that cell's complex spikes, each followed by a gap "
                            + "in its ticks." : "")));
            if (complex) {
                out.add(csTriggeredFigure(trains, complexTrains, durationMs));
            }
            if (voltageTable != null) {
                out.add(voltageFigure(config, voltageTable));
            }
            out.add(new Figure("isi-histogram", IsiHistogramFigure.chart(isis, ISI_BIN_MS), 0,
                    "How long cells wait between two spikes (interspike interval, ms), pooled over all cells of a "
                    + "condition and drawn as a probability density (each curve has area 1). A peak further right "
                    + "means slower firing; a wider peak means less regular firing (a higher ISI CV)."));
            String kernel = "Gaussian kernel, SD " + purkinje.io.Quantities.formatNumber(
                    CompareExperiment.POPULATION_KERNEL_SIGMA_MS) + " ms, corrected at both ends";
            out.add(new Figure("population-rate", PopulationRateFigure.chart(population, kernel), 0,
                    "The firing rate of the whole population over time (Hz): every spike of every cell of a condition, "
                    + "smoothed with a Gaussian kernel of standard deviation "
                    + purkinje.io.Quantities.formatNumber(CompareExperiment.POPULATION_KERNEL_SIGMA_MS)
                    + " ms and divided by the number of cells. Near the start and end of the run the kernel reaches "
                    + "past the simulated time, so the sum is divided by the part of the kernel inside the run: a "
                    + "steady population reads its rate up to both ends (a little noisier there). A flat line means "
                    + "the population fires steadily; its height is the mean rate of the condition. The series is in "
                    + "population-rate.csv."));
        } else if (voltageTable != null) {
            out.add(voltageFigure(config, voltageTable));
        }
        return out;
    }

    /** The mean simple-spike rate around complex spikes: the pause after a complex spike at a glance. */
    private static Figure csTriggeredFigure(Map<String, List<double[]>> simple, Map<String, List<double[]>> complex,
                                            double durationMs) {
        List<ConditionPopulationRate> rows = new ArrayList<>();
        simple.forEach((name, trains) -> {
            purkinje.analysis.TriggeredRate.Histogram h = purkinje.analysis.TriggeredRate.of(trains,
                    complex.getOrDefault(name, List.of()), CS_BEFORE_MS, CS_AFTER_MS, CS_BIN_MS, 0, durationMs);
            rows.add(new ConditionPopulationRate(name + " (" + h.triggers() + " complex spikes)", h.binStartMs(),
                    h.rateHz()));
        });
        return new Figure("cs-triggered-rate", purkinje.plot.ComplexSpikeTriggeredFigure.chart(rows,
                "Mean over all complex spikes of all cells; bins of " + (int) CS_BIN_MS + " ms"), 0,
                "The simple-spike rate (Hz) in " + (int) CS_BIN_MS + " ms bins around each complex spike (time 0), "
                + "averaged over all complex spikes of all cells of a condition. Before 0 it sits at the cells' usual "
                + "rate; right after 0 it drops to zero: the pause that follows a complex spike (the held "
                + "'pause' of the climbing-fibre input plus the climb back to threshold), then it recovers.");
    }

    /** The first {@code cells} trains, each cut to spikes before {@code windowMs}. */
    static List<double[]> window(List<double[]> trains, int cells, double windowMs) {
        return trains.subList(0, Math.min(cells, trains.size())).stream()
                .map(t -> java.util.Arrays.stream(t).filter(x -> x < windowMs).toArray()).toList();
    }

    /** The rows of population-rate.csv per condition, in the order of {@code conditions}. */
    static List<ConditionPopulationRate> populationRates(java.util.Collection<String> conditions,
                                                         ResultFiles.Table table) {
        Map<String, List<double[]>> byCondition = new LinkedHashMap<>();
        conditions.forEach(c -> byCondition.put(c, new ArrayList<>()));
        for (int i = 0; i < table.size(); i++) {
            List<double[]> rows = byCondition.get(table.text(i, "condition"));
            if (rows == null) {
                throw new purkinje.io.ConfigException(table.file() + ": row " + (i + 2) + " names condition '"
                        + table.text(i, "condition") + "', which is not in cells.csv");
            }
            rows.add(new double[] {table.number(i, "time_s") * 1000, table.number(i, "rate_hz")});
        }
        List<ConditionPopulationRate> out = new ArrayList<>();
        byCondition.forEach((name, rows) -> out.add(new ConditionPopulationRate(name,
                rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray())));
        return out;
    }

    private static Figure voltageFigure(RunConfig config, ResultFiles.Table voltage) {
        Map<String, Map<Integer, List<Double>>> byCondition = new LinkedHashMap<>();
        for (Condition c : config.conditions()) {
            byCondition.put(c.name(), new LinkedHashMap<>());
        }
        int cCol = voltage.column("condition");
        int cellCol = voltage.column("cell");
        int vCol = voltage.column("v_mV");
        voltage.column("time_ms");
        for (int i = 0; i < voltage.size(); i++) {
            String[] r = voltage.row(i);
            try {
                byCondition.computeIfAbsent(r[cCol], k -> new LinkedHashMap<>())
                        .computeIfAbsent(Integer.parseInt(r[cellCol]), k -> new ArrayList<>())
                        .add(Double.parseDouble(r[vCol]));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new purkinje.io.ConfigException("voltage.csv: row " + (i + 2)
                        + " is not 'condition,cell,time_ms,v_mV'");
            }
        }
        List<ConditionTrace> traces = new ArrayList<>();
        for (Condition c : config.conditions()) {
            Map<Integer, List<Double>> cellsOf = byCondition.get(c.name());
            if (cellsOf == null || cellsOf.isEmpty()) {
                continue;
            }
            List<double[]> v = cellsOf.values().stream().map(l -> l.stream().mapToDouble(Double::doubleValue)
                    .toArray()).toList();
            traces.add(new ConditionTrace(c.name(), config.dtMs(), v, config.cellFor(c).vThresholdMv()));
        }
        double window = Math.min(CompareExperiment.TRACE_WINDOW_MS, config.durationMs());
        return new Figure("voltage-traces", VoltageTraceFigure.chart(traces, window), 0,
                "The membrane potential V (mV) of " + config.record().voltageCells()
                + (config.record().voltageCells() == 1 ? " example cell" : " example cells") + " per condition "
                + "over the first " + purkinje.io.Quantities.formatNumber(window / 1000) + " s (time in s). "
                + VOLTAGE_READING);
    }

    private static List<TableData> tables(ResultFiles.Table summary, List<Comparison> comparisons) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < summary.size(); i++) {
            rows.add(List.of(summary.text(i, "condition"), summary.text(i, "meis1_dosage"), summary.text(i, "cells"),
                    Numbers.precise(summary.number(i, "mean_rate_hz")) + " ± "
                            + Numbers.precise(summary.number(i, "sem_rate_hz")),
                    Numbers.precise(summary.number(i, "median_rate_hz")) + " (" + Numbers.precise(summary.number(i,
                            "q1_rate_hz")) + " to " + Numbers.precise(summary.number(i, "q3_rate_hz")) + ")",
                    Numbers.precise(summary.number(i, "mean_isi_cv")), summary.text(i, "total_spikes")));
        }
        List<TableData> out = new ArrayList<>();
        out.add(new TableData("Firing per condition (summary.csv)", List.of("condition", "MEIS1 dosage", "cells",
                "mean rate ± SEM (Hz)", "median rate (IQR) (Hz)", "mean ISI CV", "spikes"), rows,
                "SEM: standard error of the mean over cells. IQR: 25th to 75th percentile. ISI CV: standard deviation "
                + "over mean of the interspike intervals (0 = clockwork, 1 = Poisson-like)."));
        if (!comparisons.isEmpty()) {
            List<List<String>> cr = new ArrayList<>();
            for (Comparison c : comparisons) {
                cr.add(List.of(c.test() + " vs " + c.reference(), Numbers.value(c.testMeanHz()) + " vs "
                        + Numbers.value(c.referenceMeanHz()), Numbers.signed(c.changePercent(), "%+.1f") + " ("
                        + Numbers.signed(c.ciLow(), "%+.1f") + " to " + Numbers.signed(c.ciHigh(), "%+.1f") + ")",
                        RateByConditionFigure.pValue(c.mannWhitneyP()), RateByConditionFigure.pValue(c.welchP())));
            }
            out.add(new TableData("Comparison of per-cell firing rates (comparison.json)", List.of("comparison",
                    "mean rate (Hz)", "change (%) (95 % CI)", "Mann-Whitney p", "Welch t-test p"), cr,
                    "Change: test mean over reference mean minus 1; the confidence interval is a bootstrap over cells. "
                    + "Both tests are two-sided."));
        }
        return out;
    }
}
