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
import purkinje.plot.SweepHeatmapFigure;
import purkinje.plot.SweepRateFigure;
import purkinje.plot.SweepSeries;
import purkinje.report.ReportContent.Figure;
import purkinje.report.ReportContent.TableData;
import purkinje.sweep.PointRow;
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
            headline += " (" + points + " of " + plan.size() + " points are in this folder" + ("complete".equals(status)
                    ? "" : ", status: " + status) + ".)";
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
                PointRow lo = rs.get(0);
                PointRow hi = rs.get(rs.size() - 1);
                double change = hi.meanRateHz() - lo.meanRateHz();
                b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT,
                        "As %s goes from %s to %s, the mean rate%s %s from %s to %s Hz.", p.path(),
                        withUnit(p, lo.values()[0]), withUnit(p, hi.values()[0]),
                        c.equals(SweepParameter.DOSAGE_CONDITION) ? "" : " of the " + c + " cells", Math.abs(change) < 1e-9 ? "stays"
                                : change > 0 ? "rises" : "falls", Numbers.value(lo.meanRateHz()),
                        Numbers.value(hi.meanRateHz())));
            }
            return b.toString();
        }
        PointRow min = rows.stream().filter(r -> Double.isFinite(r.meanRateHz()))
                .min(Comparator.comparingDouble(PointRow::meanRateHz)).orElse(rows.get(0));
        PointRow max = rows.stream().filter(r -> Double.isFinite(r.meanRateHz()))
                .max(Comparator.comparingDouble(PointRow::meanRateHz)).orElse(rows.get(0));
        List<String> names = params.stream().map(SweepParameter::path).toList();
        return String.format(Locale.ROOT, "Across %d points varying %s, the mean rate ranges from %s Hz (%s, %s) to "
                + "%s Hz (%s, %s).", rows.stream().mapToInt(PointRow::point).distinct().count(),
                String.join(" and ", names), Numbers.value(min.meanRateHz()), min.condition(), where(params, min),
                Numbers.value(max.meanRateHz()), max.condition(), where(params, max));
    }

    private static String where(List<SweepParameter> params, PointRow r) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < params.size(); d++) {
            parts.add(params.get(d).path() + " = " + withUnit(params.get(d), r.values()[d]));
        }
        return String.join(", ", parts);
    }

    private static String withUnit(SweepParameter p, double v) {
        String n = String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
        if (n.contains("e")) {
            n = String.format(Locale.ROOT, "%.3g", v);
        }
        return p.unit() == null ? n : n + " " + p.unit().symbol();
    }

    /** Rate against each swept parameter per condition, and a heatmap per condition for a 2-parameter grid. */
    static List<Figure> figures(SweepPlan plan, List<PointRow> rows) {
        List<Figure> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<SweepParameter> params = plan.parameters();
        List<String> conditions = plan.conditionNames();
        boolean connected = params.size() == 1;
        String subtitle = rows.get(0).cells() + " cells per condition and point, " + plan.size() + " points ("
                + plan.spec().design().name().toLowerCase(Locale.ROOT) + ")";
        for (int d = 0; d < params.size(); d++) {
            List<SweepSeries> series = new ArrayList<>();
            for (String c : conditions) {
                final int dim = d;
                List<PointRow> rs = rows.stream().filter(r -> r.condition().equals(c))
                        .sorted(Comparator.comparingDouble(r -> r.values()[dim])).toList();
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
                series.add(new SweepSeries(c, x, mean, lo, hi, theory));
            }
            String caption = "Mean firing rate over cells (Hz) at each value of " + params.get(d).axisLabel()
                    + ", one colour per condition; bars are 95 % confidence intervals of the mean and the dashed line "
                    + "is the closed-form theory for the nominal cell (shown where it applies)."
                    + (params.size() > 1 ? " The other swept parameters vary too, so the spread at one x value comes "
                    + "from them as well as from chance." : " The slope shows how strongly the rate depends on this "
                    + "parameter.");
            out.add(new Figure("rate-vs-" + fileName(params.get(d).path()), SweepRateFigure.chart(
                    params.get(d).axisLabel(), series, connected, subtitle), 0, caption));
        }
        if (plan.spec().isTwoParameterGrid()) {
            double[] xs = plan.spec().axes().get(0).values();
            double[] ys = plan.spec().axes().get(1).values();
            for (String c : conditions) {
                double[][] z = new double[xs.length][ys.length];
                for (double[] zz : z) {
                    Arrays.fill(zz, Double.NaN);
                }
                for (PointRow r : rows) {
                    if (r.condition().equals(c)) {
                        z[r.point() / ys.length][r.point() % ys.length] = r.meanRateHz();
                    }
                }
                String name = conditions.size() == 1 ? "heatmap" : "heatmap-" + fileName(c);
                out.add(new Figure(name, SweepHeatmapFigure.chart(params.get(0).axisLabel(), xs,
                        params.get(1).axisLabel(), ys, z, "Mean firing rate, " + c), 0,
                        "Mean firing rate of " + c + " cells (colour, Hz; see the scale) for every combination of "
                        + params.get(0).axisLabel() + " (horizontal) and " + params.get(1).axisLabel()
                        + " (vertical). Lines of equal colour show combinations that give the same rate."));
            }
        }
        return out;
    }

    private static TableData table(SweepPlan plan, List<PointRow> rows) {
        List<String> header = new ArrayList<>(List.of("point"));
        plan.parameters().forEach(p -> header.add(p.axisLabel()));
        header.addAll(List.of("condition", "cells", "mean rate (Hz)", "SEM (Hz)", "ISI CV", "theory (Hz)"));
        List<List<String>> out = new ArrayList<>();
        for (PointRow r : rows.subList(0, Math.min(TABLE_ROWS, rows.size()))) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.point())));
            for (double v : r.values()) {
                row.add(String.format(Locale.ROOT, "%.4g", v));
            }
            row.addAll(List.of(r.condition(), Integer.toString(r.cells()), Numbers.precise(r.meanRateHz()),
                    Numbers.precise(r.semRateHz()), Numbers.precise(r.meanIsiCv()), Numbers.precise(r.theoryRateHz())));
            out.add(row);
        }
        String note = rows.size() > TABLE_ROWS ? "The first " + TABLE_ROWS + " of " + rows.size() + " rows; all are "
                + "in points.csv." : "All rows of points.csv.";
        return new TableData("Sweep points (points.csv)", header, out, note
                + " Theory: the white-noise (Siegert) rate of the nominal cell, n/a where it does not apply.");
    }

    private static String fileName(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
