package purkinje.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import purkinje.plot.ValidationFigure;
import purkinje.plot.ValidationPoint;
import purkinje.report.ReportContent.Figure;
import purkinje.report.ReportContent.TableData;

/** The figure and report of a validate result, from validation.csv and the manifest. */
public final class ValidationReport {
    private ValidationReport() {
    }

    public static ReportContent build(ResultFiles files, boolean figures) {
        ResultFiles.Table t = files.csv("validation.csv");
        List<ValidationPoint> points = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            points.add(new ValidationPoint(t.text(i, "case"), t.text(i, "quantity"), t.number(i, "simulated"),
                    t.number(i, "theory"), t.number(i, "relative_error"), t.number(i, "tolerance"),
                    Boolean.parseBoolean(t.text(i, "pass"))));
        }
        List<Figure> list = new ArrayList<>();
        if (figures) {
            String subtitle = "purkinje " + files.manifest().path("version").asText("unknown") + ", seed "
                    + files.manifest().path("seed").asText() + "; tolerance = max(stated accuracy, 3 standard errors)";
            list.add(new Figure("validation", ValidationFigure.chart(points, subtitle),
                    ValidationFigure.suggestedHeightPx(points.size()),
                    "One row per validation case and quantity: the dot is the relative error of the simulated value "
                    + "against the closed-form theory (%; 0 = exact), the grey band the tolerance the case allows. A "
                    + "dot inside its band passes. Tolerances combine the accuracy the method claims with 3 standard "
                    + "errors of the finite simulation, so a pass means the difference is within what chance alone "
                    + "would give."));
        }
        List<List<String>> rows = new ArrayList<>();
        for (ValidationPoint p : points) {
            rows.add(List.of(p.caseName(), p.quantity(), String.format(Locale.ROOT, "%.5g", p.simulated()),
                    String.format(Locale.ROOT, "%.5g", p.theory()), Numbers.signed(100 * p.relativeError(), "%+.3f"),
                    Numbers.signed(100 * p.tolerance(), "%.3f"), p.pass() ? "pass" : "FAIL"));
        }
        return new ReportContent(files.command(), "Validation against theory", headline(points), list,
                List.of(new TableData("Validation cases (validation.csv)", List.of("case", "quantity", "simulated",
                        "theory", "error (%)", "tolerance (%)", "result"), rows,
                        "error = simulated / theory - 1. Rates in Hz, ISI CV without unit.")));
    }

    static String headline(List<ValidationPoint> points) {
        if (points.isEmpty()) {
            return "No validation cases were run.";
        }
        List<ValidationPoint> failed = points.stream().filter(p -> !p.pass()).toList();
        if (failed.isEmpty()) {
            ValidationPoint worst = points.stream().max((a, b) -> Double.compare(Math.abs(a.relativeError()),
                    Math.abs(b.relativeError()))).orElseThrow();
            return String.format(Locale.ROOT, "All %d checks of %d cases pass: the simulator agrees with the "
                    + "closed-form theory within tolerance; the largest error is %s %% (%s %s, tolerance %s %%).",
                    points.size(), points.stream().map(ValidationPoint::caseName).distinct().count(),
                    Numbers.signed(100 * worst.relativeError(), "%+.2f"), worst.caseName(), worst.quantity(),
                    Numbers.signed(100 * worst.tolerance(), "%.2f"));
        }
        StringBuilder names = new StringBuilder();
        for (ValidationPoint p : failed) {
            names.append(names.length() == 0 ? "" : ", ").append(p.label()).append(String.format(Locale.ROOT,
                    " (%s %%, tolerance %s %%)", Numbers.signed(100 * p.relativeError(), "%+.2f"),
                    Numbers.signed(100 * p.tolerance(), "%.2f")));
        }
        return String.format(Locale.ROOT, "%d of %d checks fail: %s.", failed.size(), points.size(), names);
    }
}
