package purkinje.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import purkinje.io.ConfigException;
import purkinje.io.Tables;
import purkinje.plot.SweepGroupedFigure;
import purkinje.plot.SweepHeatmapFigure;
import purkinje.plot.SweepRateFigure;
import purkinje.plot.SweepSeries;
import purkinje.report.ReportContent.Figure;
import purkinje.report.ReportContent.TableData;
import purkinje.sweep.PointRow;
import purkinje.sweep.SweepJob;
import purkinje.sweep.SweepMerge;
import purkinje.sweep.SweepOutputs;
import purkinje.sweep.SweepParameter;
import purkinje.sweep.SweepPlan;

/** The figures and report of a sweep (or merge) result, from points.csv and the manifest (which holds the sweep). */
public final class SweepReport {
    /** Rows of points.csv shown in the report's table. */
    static final int TABLE_ROWS = 40;

    private SweepReport() {
    }

    static List<PointRow> rows(ResultFiles files, SweepPlan plan) {
        Path p = files.require(SweepOutputs.POINTS);
        List<List<String>> records = Tables.read(p);
        List<String> header = PointRow.header(plan.parameters());
        if (records.isEmpty() || !records.get(0).equals(header)) {
            throw new ConfigException(p + " does not have the columns of this sweep (" + String.join(",", header) + ")");
        }
        List<PointRow> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            PointRow r = PointRow.parse(records.get(i), plan.parameters());
            if (r == null) {
                throw new ConfigException(p + ": record " + (i + 1) + " is not a complete row");
            }
            rows.add(r);
        }
        return rows;
    }

    public static ReportContent build(ResultFiles files, boolean figures) {
        SweepPlan plan = SweepMerge.planOf(files.folder());
        List<PointRow> rows = rows(files, plan);
        List<Figure> list = figures ? figures(plan, rows) : List.of();
        int points = (int) rows.stream().mapToInt(PointRow::point).distinct().count();
        String status = files.manifest().path("status").asText("complete");
        String headline = headline(plan, rows);
        if (points < plan.size()) {
            headline += " (" + points + " of " + plan.size() + " points are in this folder" + (SweepJob.RUNNING.equals(status)
                    ? ", status: " + status : "") + ".)";
        }
        return new ReportContent(files.command(), "Parameter sweep: " + plan.name(), headline, list,
                List.of(table(plan, rows)));
    }

    static String headline(SweepPlan plan, List<PointRow> rows) {
        if (rows.isEmpty()) {
            return "The sweep holds no finished points yet.";
        }
        List<SweepParameter> params = plan.parameters();
        List<String> conditions = plan.conditionNames();
        StringBuilder b = new StringBuilder();
        if (params.size() == 1) {
            SweepParameter p = params.get(0);
            for (String c : conditions) {
                List<PointRow> rs = rows.stream().filter(r -> r.condition().equals(c))
                        .sorted(Comparator.comparingDouble(r -> r.values()[0])).toList();
                if (rs.isEmpty()) {
                    continue;
                }
                b.append(b.length() == 0 ? "" : " ");
                if (isFixedReference(plan, c)) {
                    b.append(String.format(Locale.ROOT, "The %s cells (the reference, MEIS1 dosage %s throughout) "
                            + "fire %s Hz on average.", c, withUnit(p, rs.get(0).meis1Dosage()),
                            Numbers.value(rs.stream().mapToDouble(PointRow::meanRateHz).average().orElse(Double.NaN))));
                    continue;
                }
                PointRow lo = rs.get(0);
                PointRow hi = rs.get(rs.size() - 1);
                double change = hi.meanRateHz() - lo.meanRateHz();
                b.append(String.format(Locale.ROOT, "As %s goes from %s to %s, the mean rate of the %s cells %s "
                        + "from %s to %s Hz.", p.name(), withUnit(p, lo.values()[0]), withUnit(p, hi.values()[0]), c,
                        Math.abs(change) < 1e-9 ? "stays" : change > 0 ? "rises" : "falls",
                        Numbers.value(lo.meanRateHz()), Numbers.value(hi.meanRateHz())));
            }
            return b.toString();
        }
        PointRow min = rows.stream().filter(r -> Double.isFinite(r.meanRateHz()))
                .min(Comparator.comparingDouble(PointRow::meanRateHz)).orElse(rows.get(0));
        PointRow max = rows.stream().filter(r -> Double.isFinite(r.meanRateHz()))
                .max(Comparator.comparingDouble(PointRow::meanRateHz)).orElse(rows.get(0));
        List<String> names = params.stream().map(SweepParameter::name).toList();
        b.append(String.format(Locale.ROOT, "Across %d points varying %s, the mean rate ranges from %s Hz (%s) to "
                + "%s Hz (%s).", rows.stream().mapToInt(PointRow::point).distinct().count(),
                String.join(" and ", names), Numbers.value(min.meanRateHz()), place(plan, params, min),
                Numbers.value(max.meanRateHz()), place(plan, params, max)));
        for (String c : conditions.subList(1, conditions.size())) {
            double[] change = changes(rows, conditions.get(0), c).values().stream().mapToDouble(Double::doubleValue)
                    .filter(Double::isFinite).sorted().toArray();
            if (change.length > 0) {
                b.append(String.format(Locale.ROOT, " Against the %s cells at the same point, the %s cells' rate "
                        + "changes by %s to %s.", conditions.get(0), c, percent(change[0]),
                        percent(change[change.length - 1])));
            }
        }
        return b.toString();
    }

    /**
     * Where a row is, so the reader finds it in points.csv: "point 3: meis1-reduced, MEIS1 dosage =
     * 0.5, ...". The reference of a dosage sweep keeps its own dosage, so its place gives the point's
     * swept value and says so ("point 11: MEIS1 dosage = 0.4, ...; wild-type, the reference, at
     * dosage 1 throughout"); naming its own dosage alone did not locate the point.
     */
    private static String place(SweepPlan plan, List<SweepParameter> params, PointRow r) {
        String w = where(params, r);
        String at = "point " + r.point() + ": ";
        if (isFixedReference(plan, r.condition())) {
            return at + w + "; " + r.condition() + ", the reference, at dosage "
                    + purkinje.io.Quantities.formatNumber(r.meis1Dosage()) + " throughout";
        }
        return at + (w.startsWith(r.condition() + ": ") ? w : r.condition() + ", " + w);
    }

    /** Per point: 100 (rate of {@code condition} / rate of {@code reference} - 1), the change in %. */
    static java.util.Map<Integer, Double> changes(List<PointRow> rows, String reference, String condition) {
        java.util.Map<Integer, Double> ref = new java.util.HashMap<>();
        for (PointRow r : rows) {
            if (r.condition().equals(reference)) {
                ref.put(r.point(), r.meanRateHz());
            }
        }
        java.util.Map<Integer, Double> out = new java.util.TreeMap<>();
        for (PointRow r : rows) {
            if (r.condition().equals(condition) && ref.containsKey(r.point())) {
                out.put(r.point(), 100 * (r.meanRateHz() / ref.get(r.point()) - 1));
            }
        }
        return out;
    }

    /** A change in %, signed, "0 %" where it rounds to zero. */
    private static String percent(double v) {
        return Math.abs(v) < 0.5 ? "0 %" : String.format(Locale.ROOT, "%+.0f %%", v);
    }

    /** A parameter for a sentence: its name with the unit, e.g. "membrane noise sigma_V (mV)". */
    private static String inSentence(SweepParameter p) {
        return p.name() + (p.unit() == null ? "" : " (" + p.unit().symbol() + ")");
    }

    private static String where(List<SweepParameter> params, PointRow r) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < params.size(); d++) { // the swept values, as in points.csv's swept_ columns
            parts.add(params.get(d).name() + " = " + withUnit(params.get(d), r.values()[d]));
        }
        return String.join(", ", parts);
    }

    private static String withUnit(SweepParameter p, double v) {
        String n = String.format(Locale.ROOT, "%.4g", v);
        if (n.contains(".") && !n.contains("e")) {
            n = n.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (n.contains("e")) {
            n = String.format(Locale.ROOT, "%.3g", v);
        }
        return p.unit() == null ? n : n + " " + p.unit().symbol();
    }

    /**
     * The figures: for one parameter, rate against it, one colour per condition; for a grid of
     * two, rate against each, one line per value of the other (a panel per condition), a rate
     * heatmap per condition and, with several conditions, a heatmap of each condition's rate
     * change against the reference in %; otherwise rate against each parameter as scattered points.
     */
    static List<Figure> figures(SweepPlan plan, List<PointRow> rows) {
        List<Figure> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<SweepParameter> params = plan.parameters();
        List<String> conditions = plan.conditionNames();
        String subtitle = rows.get(0).cells() + " cells per condition and point, " + plan.size() + " points ("
                + plan.spec().design().name().toLowerCase(Locale.ROOT) + ")";
        if (plan.spec().isTwoParameterGrid()) {
            for (int d = 0; d < 2; d++) {
                out.add(grouped(plan, rows, d, subtitle));
            }
            out.addAll(heatmaps(plan, rows));
            return out;
        }
        boolean connected = params.size() == 1;
        for (int d = 0; d < params.size(); d++) {
            List<SweepSeries> series = new ArrayList<>();
            for (String c : conditions) {
                final int dim = d;
                series.add(series(c, rows.stream().filter(r -> r.condition().equals(c))
                        .sorted(Comparator.comparingDouble(r -> r.values()[dim])).toList(), d));
            }
            String caption = "Mean firing rate over cells (Hz) at each value of " + inSentence(params.get(d))
                    + ", one colour per condition; " + (SweepRateFigure.drawsBands(series, connected)
                            ? "the shaded band is the 95 % confidence interval of the mean" : "bars are 95 % "
                            + "confidence intervals of the mean") + " and the dashed line "
                    + "is the closed-form theory for the nominal cell (shown where it applies)."
                    + (params.size() > 1 ? " The other swept parameters vary too, so the spread at one x value comes "
                    + "from them as well as from chance." : " The slope shows how strongly the rate depends on this "
                    + "parameter.");
            out.add(new Figure("rate-vs-" + fileName(params.get(d).path()), SweepRateFigure.chart(
                    params.get(d).axisLabel(), series, connected, subtitle), 0, caption));
        }
        return out;
    }

    /** One condition's rows (sorted along parameter d) as a line with 95 % bounds and theory. */
    private static SweepSeries series(String name, List<PointRow> rs, int d) {
        int n = rs.size();
        double[] x = new double[n];
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] theory = new double[n];
        for (int i = 0; i < n; i++) {
            PointRow r = rs.get(i);
            x[i] = r.values()[d];
            mean[i] = r.meanRateHz();
            double half = SweepOutputs.halfWidth95(r);
            lo[i] = mean[i] - half;
            hi[i] = mean[i] + half;
            theory[i] = r.theoryRateHz();
        }
        return new SweepSeries(name, x, mean, lo, hi, theory);
    }

    /** Rate against parameter d of a two-parameter grid, one line per value of the other, a panel per condition. */
    private static Figure grouped(SweepPlan plan, List<PointRow> rows, int d, String subtitle) {
        List<SweepParameter> params = plan.parameters();
        int o = 1 - d;
        SweepParameter x = params.get(d);
        SweepParameter other = params.get(o);
        double[] groups = plan.spec().axes().get(o).values();
        List<String> groupNames = Arrays.stream(groups).mapToObj(v -> withUnit(other, v)).toList();
        List<SweepGroupedFigure.Panel> panels = new ArrayList<>();
        for (String c : plan.conditionNames()) {
            List<SweepSeries> lines = new ArrayList<>();
            for (int g = 0; g < groups.length; g++) {
                double value = groups[g];
                lines.add(series(groupNames.get(g), rows.stream().filter(r -> r.condition().equals(c)
                        && r.values()[o] == value).sorted(Comparator.comparingDouble(r -> r.values()[d])).toList(), d));
            }
            panels.add(new SweepGroupedFigure.Panel(isFixedReference(plan, c) ? c + " (reference, dosage "
                    + withUnit(params.stream().filter(SweepParameter::isDosage).findFirst().orElseThrow(), rows.stream().filter(r -> r.condition().equals(c)).findFirst()
                    .map(PointRow::meis1Dosage).orElse(Double.NaN)) + ")" : c, lines));
        }
        String caption = "Mean firing rate over cells (Hz) against " + inSentence(x) + ", one line per value of "
                + inSentence(other) + " (dark to light as it grows), one panel per condition; bands are 95 % "
                + "confidence intervals of the mean and dashed lines the closed-form theory for the nominal cell "
                + "(where it applies). Lines that stay apart show that " + other.name() + " changes the rate; lines "
                + "that are not parallel show that it changes how the rate depends on " + x.name() + ".";
        // the reference's own dosage does not vary: its lines are the points of the other conditions' dosages
        String groupLabel = other.isDosage() && plan.conditionNames().stream().anyMatch(c -> isFixedReference(plan, c))
                ? other.axisLabel() + " of the swept conditions" : other.axisLabel();
        return new Figure("rate-vs-" + fileName(x.path()), SweepGroupedFigure.chart(x.axisLabel(), groupLabel,
                groupNames, panels, subtitle), 0, caption);
    }

    /** Rate heatmaps per condition and, with several conditions, rate-change heatmaps against the reference. */
    private static List<Figure> heatmaps(SweepPlan plan, List<PointRow> rows) {
        List<Figure> out = new ArrayList<>();
        List<SweepParameter> params = plan.parameters();
        List<String> conditions = plan.conditionNames();
        double[] xs = plan.spec().axes().get(0).values();
        double[] ys = plan.spec().axes().get(1).values();
        String across = inSentence(params.get(0)) + " (horizontal) and " + inSentence(params.get(1)) + " (vertical)";
        for (String c : conditions) {
            if (isFixedReference(plan, c)) {
                continue; // its dosage does not vary: a heatmap over dosage would mislead
            }
            double[][] z = grid(xs.length, ys.length);
            for (PointRow r : rows) {
                if (r.condition().equals(c)) {
                    z[r.point() / ys.length][r.point() % ys.length] = r.meanRateHz();
                }
            }
            String name = conditions.size() == 1 || plan.sweepsDosage() && conditions.size() == 2 ? "heatmap"
                    : "heatmap-" + fileName(c);
            out.add(new Figure(name, SweepHeatmapFigure.chart(params.get(0).axisLabel(), xs,
                    params.get(1).axisLabel(), ys, z, "Mean firing rate, " + c), 0,
                    "Mean firing rate of " + c + " cells (colour and number, Hz) for every combination of " + across
                    + ". Squares of equal colour are combinations that give the same rate."));
        }
        String reference = conditions.get(0);
        for (String c : conditions.subList(1, conditions.size())) {
            double[][] z = grid(xs.length, ys.length);
            changes(rows, reference, c).forEach((point, change) -> z[point / ys.length][point % ys.length] = change);
            out.add(new Figure("heatmap-change-" + fileName(c), SweepHeatmapFigure.chart(params.get(0).axisLabel(), xs,
                    params.get(1).axisLabel(), ys, z, "Rate change of " + c + " vs " + reference,
                    SweepHeatmapFigure.Scale.CHANGE_PERCENT, "Rate change vs " + reference + " (%)"), 0,
                    "How much more (red) or less (blue) the " + c + " cells fire than the " + reference + " cells "
                    + "simulated at the same point: 100 (rate / reference rate - 1), in %, for every combination of "
                    + across + ". Each rate is a mean over cells, so near 0 % the sign can be chance."));
        }
        return out;
    }

    /** True for the reference condition of a dosage sweep, which keeps its own dosage at every point. */
    private static boolean isFixedReference(SweepPlan plan, String condition) {
        List<String> conditions = plan.conditionNames();
        return plan.sweepsDosage() && conditions.size() > 1 && conditions.get(0).equals(condition);
    }

    private static double[][] grid(int nx, int ny) {
        double[][] z = new double[nx][ny];
        for (double[] zz : z) {
            Arrays.fill(zz, Double.NaN);
        }
        return z;
    }

    private static TableData table(SweepPlan plan, List<PointRow> rows) {
        List<String> header = new ArrayList<>(List.of("point"));
        plan.parameters().forEach(p -> header.add(p.axisLabel()));
        header.addAll(List.of("condition", "MEIS1 dosage", "cells", "mean rate (Hz)", "SEM (Hz)", "ISI CV", "theory (Hz)"));
        List<List<String>> out = new ArrayList<>();
        for (PointRow r : rows.subList(0, Math.min(TABLE_ROWS, rows.size()))) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.point())));
            for (double v : r.values()) {
                row.add(String.format(Locale.ROOT, "%.4g", v));
            }
            row.addAll(List.of(r.condition(), String.format(Locale.ROOT, "%.4g", r.meis1Dosage()),
                    Integer.toString(r.cells()), Numbers.precise(r.meanRateHz()),
                    Numbers.precise(r.semRateHz()), Numbers.precise(r.meanIsiCv()), Numbers.precise(r.theoryRateHz())));
            out.add(row);
        }
        String note = rows.size() > TABLE_ROWS ? "The first " + TABLE_ROWS + " of " + rows.size() + " rows; all are "
                + "in points.csv." : "All rows of points.csv.";
        return new TableData("Sweep points (points.csv)", header, out, note
                + " Theory: the closed-form rate of the nominal cell (analysis.theory, synaptic inputs included), n/a "
                + "where it does not apply (cell-to-cell heterogeneity, climbing fibre, noise slower than tau / tau_m = 0.25).");
    }

    private static String fileName(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
