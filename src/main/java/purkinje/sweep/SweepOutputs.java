package purkinje.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.TDistribution;
import purkinje.experiment.RunInfo;
import purkinje.io.Json;
import purkinje.io.ResolvedConfig;

/** What a sweep result holds: points.csv (sorted), manifest.json; figures and report.html come from purkinje.report. */
public final class SweepOutputs {
    public static final String POINTS = "points.csv";
    public static final String MANIFEST = "manifest.json";
    /** Top-level names the tool writes into a sweep folder. */
    public static final Set<String> FILES = Set.of(MANIFEST, POINTS, ResultLog.NAME, "figures", "report.html");

    private SweepOutputs() {
    }

    /** All rows sorted by point, then condition in config order. */
    static List<PointRow> sorted(SweepPlan plan, Iterable<List<PointRow>> points) {
        List<PointRow> rows = new ArrayList<>();
        points.forEach(rows::addAll);
        List<String> conditions = plan.conditionNames();
        rows.sort(Comparator.comparingInt(PointRow::point).thenComparingInt(r -> conditions.indexOf(r.condition())));
        return rows;
    }

    /** The text of points.csv. */
    static String pointsCsv(SweepPlan plan, List<PointRow> rows) {
        StringBuilder b = new StringBuilder(purkinje.io.Tables.line(PointRow.header(plan.parameters()).toArray())).append('\n');
        rows.forEach(r -> b.append(r.toCsv(plan.parameters())).append('\n'));
        return b.toString();
    }

    /** A manifest as written to {@value #MANIFEST}: pretty JSON and a final newline. */
    static String manifestText(Map<String, Object> manifest) {
        try {
            return Json.mapper().writeValueAsString(manifest) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest of a sweep or merge result. */
    static Map<String, Object> manifest(SweepPlan plan, RunInfo info, Selection selection, int selectedPoints,
                                        String status, int threads, Map<String, Object> extra) {
        Map<String, Object> m = purkinje.experiment.Manifests.header(info);
        m.put("sweep_sha256", plan.hash());
        m.put("seed", plan.masterSeed());
        m.put("design", plan.spec().describe());
        List<Object> cols = new ArrayList<>();
        for (SweepParameter p : plan.parameters()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("path", p.path());
            c.put("column", p.column());
            c.put("unit", p.unit() == null ? "1" : p.unit().symbol());
            cols.add(c);
        }
        m.put("parameters", cols);
        m.put("total_points", plan.size());
        m.put("selection", selection.describe());
        m.put("selected_points", selectedPoints);
        m.put("status", status);
        if (threads > 0) { // a merge ran no simulation: no thread count
            m.put("threads", threads);
        }
        m.put("java_version", System.getProperty("java.version"));
        m.put("started", info.started().toString());
        m.put("wall_seconds", Math.round(java.time.Duration.between(info.started(), java.time.Instant.now())
                .toMillis() / 10.0) / 100.0);
        m.putAll(extra);
        m.put("config_text", plan.loaded().text());
        m.put("config", ResolvedConfig.toMap(plan.base()));
        return m;
    }

    /** Half width of the 95 % confidence interval of the mean rate: t(0.975, n - 1) * SEM; NaN for one cell. */
    public static double halfWidth95(PointRow r) {
        if (r.cells() < 2 || !Double.isFinite(r.semRateHz())) {
            return Double.NaN;
        }
        return new TDistribution(null, r.cells() - 1).inverseCumulativeProbability(0.975) * r.semRateHz();
    }

    /** Compact list of point indices, e.g. "3, 5-9, 12". */
    public static String ranges(List<Integer> points) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            int start = points.get(i);
            int end = start;
            while (i + 1 < points.size() && points.get(i + 1) == end + 1) {
                end = points.get(++i);
            }
            b.append(b.length() == 0 ? "" : ", ").append(start).append(start == end ? "" : "-" + end);
        }
        return b.toString();
    }

    static TreeMap<Integer, List<PointRow>> merged(List<TreeMap<Integer, List<PointRow>>> parts) {
        TreeMap<Integer, List<PointRow>> all = new TreeMap<>();
        parts.forEach(all::putAll);
        return all;
    }
}
