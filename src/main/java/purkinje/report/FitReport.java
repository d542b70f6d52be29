package purkinje.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import purkinje.plot.FitCheckFigure;
import purkinje.plot.FitProfileFigure;
import purkinje.plot.FitRateCvFigure;
import purkinje.report.ReportContent.Figure;
import purkinje.report.ReportContent.TableData;

/**
 * The figures and report of a fit result, from fit.json, measured.csv, fit-curves.csv,
 * fit-profiles.csv and fit-check.csv.
 */
public final class FitReport {
    // verdicts as fit.json writes them (the fit's FitExperiment; the report reads the file, not the
    // package, and FitReportVerdictsTest checks that the two agree)
    static final String INDISTINGUISHABLE = "indistinguishable";
    static final String CONSISTENT = "consistent";
    static final String LESS_SUPPORT = "less support";

    private FitReport() {
    }

    public static ReportContent build(ResultFiles files, boolean figures) {
        JsonNode fit = files.json("fit.json");
        ResultFiles.Table measured = files.csv("measured.csv");
        String reference = fit.path("reference").asText();
        List<String> order = new ArrayList<>();
        Map<String, double[][]> cells = new LinkedHashMap<>();
        for (int i = 0; i < measured.size(); i++) {
            String c = measured.text(i, "condition");
            if (!order.contains(c)) {
                order.add(c);
            }
        }
        for (String c : order) {
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < measured.size(); i++) {
                if (measured.text(i, "condition").equals(c)) {
                    rows.add(new double[] {measured.number(i, "rate_hz"), measured.number(i, "isi_cv")});
                }
            }
            cells.put(c, new double[][] {rows.stream().mapToDouble(v -> v[0]).toArray(),
                rows.stream().mapToDouble(v -> v[1]).toArray()});
        }
        List<Figure> list = new ArrayList<>();
        List<TableData> tables = new ArrayList<>();
        StringBuilder headline = new StringBuilder();
        boolean withCv = fit.path("likelihood").asText().contains("CV");
        ResultFiles.Table curves = figures ? files.csv("fit-curves.csv") : null;
        ResultFiles.Table profiles = figures ? files.csv("fit-profiles.csv") : null;
        ResultFiles.Table checks = figures ? files.csv("fit-check.csv") : null;
        int n = 0;
        for (JsonNode c : fit.path("conditions")) {
            String condition = c.path("condition").asText();
            String suffix = fit.path("conditions").size() > 1 ? "-" + (++n) : "";
            String best = c.path("best").isNull() ? null : c.path("best").asText();
            headline.append(headline.length() == 0 ? "" : " ").append(sentence(c, reference, best));
            tables.add(table(c, reference));
            if (!figures) {
                continue;
            }
            int colour = Math.max(order.indexOf(condition), 1);
            int refColour = Math.max(order.indexOf(reference), 0);
            list.add(rateCv(c, condition, reference, best, colour, refColour, cells, curves, withCv,
                    fit.path("rate_only_because").asText("the model has no closed-form ISI CV"), suffix));
            Figure profile = profiles(c, condition, profiles, suffix);
            if (profile != null) {
                list.add(profile);
            }
            Figure check = check(c, condition, reference, best, colour, refColour, cells, checks, withCv, suffix);
            if (check != null) {
                list.add(check);
            }
        }
        return new ReportContent(files.command(), "Which MEIS1 hypothesis explains the recorded cells?",
                headline.toString(), list, tables);
    }

    static String sentence(JsonNode c, String reference, String best) {
        String condition = c.path("condition").asText();
        if (best == null) {
            return String.format(Locale.ROOT, "No hypothesis explains %s vs %s: every candidate failed its "
                    + "predictive check.", condition, reference);
        }
        JsonNode b = null;
        List<String> tied = new ArrayList<>();
        List<String> consistent = new ArrayList<>();
        int lessSupport = 0;
        int ruledOut = 0;
        for (JsonNode h : c.path("hypotheses")) {
            String v = h.path("verdict").asText();
            if (h.path("name").asText().equals(best)) {
                b = h;
            } else if (v.equals(INDISTINGUISHABLE)) {
                tied.add(String.format(Locale.ROOT, "the %s (dAIC %.2f)", h.path("description").asText(),
                        h.path("delta_aic").asDouble()));
            } else if (v.equals(CONSISTENT)) {
                consistent.add(h.path("name").asText());
            } else if (v.equals(LESS_SUPPORT)) {
                lessSupport++;
            } else {
                ruledOut++;
            }
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, tied.isEmpty()
                ? "%s vs %s: the best explanation is a change of the %s"
                : "%s vs %s: the best-scoring explanation is a change of the %s", condition, reference,
                b.path("description").asText()));
        List<String> parts = new ArrayList<>();
        b.path("parameters").fields().forEachRemaining(e -> parts.add(parameter(e.getKey(), e.getValue())));
        if (!parts.isEmpty()) {
            s.append(" (").append(String.join("; ", parts)).append(", 95 % profile-likelihood interval)");
        }
        s.append(b.has("predictive_check") ? ", and its simulation reproduces the recorded cells" : "");
        if (!tied.isEmpty()) {
            s.append(", but a change of ").append(String.join(" or of ", tied)).append(tied.size() == 1 ? " explains"
                    : " explain").append(" them as well with as many parameters: these data cannot tell them apart");
        }
        s.append(consistent.isEmpty() ? "; " : "; also consistent (within 2 AIC, more parameters): "
                + String.join(", ", consistent) + "; ");
        if (lessSupport > 0) {
            s.append(lessSupport).append(lessSupport == 1 ? " hypothesis has" : " hypotheses have")
                    .append(" less support (2 to 10 AIC) and ");
        }
        s.append(ruledOut).append(ruledOut == 1 ? " hypothesis is" : " hypotheses are").append(" ruled out.");
        return s.toString();
    }

    static String parameter(String name, JsonNode p) {
        boolean mv = p.path("unit").asText().equals("mV");
        String f = mv ? "%+.2f" : "%.3f";
        return String.format(Locale.ROOT, "%s " + f + "%s, " + f + " to " + f, name, p.path("estimate").asDouble(),
                mv ? " mV" : " x wild type", p.path("ci95").get(0).asDouble(), p.path("ci95").get(1).asDouble());
    }

    private static TableData table(JsonNode c, String reference) {
        List<List<String>> rows = new ArrayList<>();
        int rank = 1;
        for (JsonNode h : c.path("hypotheses")) {
            List<String> parts = new ArrayList<>();
            h.path("parameters").fields().forEachRemaining(e -> parts.add(parameter(e.getKey(), e.getValue())));
            String check = "";
            if (h.has("predictive_check")) {
                JsonNode k = h.path("predictive_check");
                double minP = 1;
                for (JsonNode t : k.path("tests")) {
                    minP = Math.min(minP, t.path("p_value").asDouble());
                }
                check = (k.path("passed").asBoolean() ? "passed" : "failed") + String.format(Locale.ROOT,
                        " (min p %.2g)", minP);
            }
            rows.add(List.of(Integer.toString(rank++), h.path("name").asText(), parts.isEmpty() ? "-"
                    : String.join("; ", parts), Numbers.precise(h.path("drive").path("I_pace_mean_pA").asDouble()),
                    String.format(Locale.ROOT, "%.3f", h.path("drive").path("I_pace_cv").asDouble()),
                    String.format(Locale.ROOT, "%.2f", h.path("log_likelihood").asDouble()),
                    String.format(Locale.ROOT, "%.2f", h.path("aic").asDouble()),
                    String.format(Locale.ROOT, "%.2f", h.path("bic").asDouble()),
                    String.format(Locale.ROOT, "%.2f", h.path("delta_aic").asDouble()), h.path("verdict").asText(),
                    check));
        }
        return new TableData("Hypotheses for " + c.path("condition").asText() + " vs " + reference + " (fit.json), "
                + "ranked by AIC", List.of("rank", "hypothesis", "estimate, 95 % interval", "mean I_pace (pA)",
                "drive CV", "ln L", "AIC", "BIC", "dAIC", "verdict", "predictive check"), rows,
                "Each hypothesis also fits the drive (mean I_pace of the reference and its cell-to-cell CV). "
                + "Intervals: profile likelihood, chi-square with 1 degree of freedom. Verdicts: candidates lie within 2 "
                + "AIC units of the lowest; the best is the candidate with fewest parameters whose simulation passes "
                + "the predictive check.");
    }

    private static Figure rateCv(JsonNode c, String condition, String reference, String best, int colour, int refColour,
                                 Map<String, double[][]> cells, ResultFiles.Table curves, boolean withCv,
                                 String rateOnlyBecause, String suffix) {
        List<FitRateCvFigure.Cells> dots = List.of(
                new FitRateCvFigure.Cells(reference, refColour, cells.get(reference)[0], cells.get(reference)[1]),
                new FitRateCvFigure.Cells(condition, colour, cells.get(condition)[0], cells.get(condition)[1]));
        List<FitRateCvFigure.Prediction> lines = new ArrayList<>();
        for (JsonNode h : c.path("hypotheses")) {
            String name = h.path("name").asText();
            boolean isBest = name.equals(best);
            if (h.path("parameters").size() > 1 && !isBest) {
                continue; // pairs only when best: the figure stays readable
            }
            lines.add(line(curves, condition, name, condition, (isBest ? name + " (best)" : name), colour, isBest));
            if (isBest) {
                lines.add(line(curves, condition, name, reference, reference + ", " + name + " fit", refColour, true));
            }
        }
        boolean recordedCvs = dots.stream().anyMatch(d -> java.util.Arrays.stream(d.isiCvs()).anyMatch(Double::isFinite));
        String sub = withCv ? "dots: recorded cells; lines: each hypothesis' fitted prediction as the drive varies "
                + "over +-2.5 SD" : "the fit used rates only (" + rateOnlyBecause + ")"
                + (recordedCvs ? "; dots: recorded cells" : ", so no dots; lines: what each hypothesis predicts");
        return new Figure("fit-rate-cv" + suffix, FitRateCvFigure.chart(dots, lines, sub), 0,
                (recordedCvs ? "Each dot is a recorded cell: its firing rate (Hz) and ISI coefficient of variation. "
                        : "The recording has no ISI CVs, so its cells are not drawn here (their rates are in the fit). ")
                + "Each line is what a "
                + "fitted hypothesis predicts for " + condition + " cells as their drive runs over the fitted "
                + "cell-to-cell spread (the thick line in the condition's colour is the best fit; the thick line in the "
                + "reference colour is the reference under it). A hypothesis that shifts the rate the same way as "
                + "another may still predict a different CV at that rate: " + (recordedCvs ? "the line that runs through the "
                + "dots wins." : "recorded CVs would tell such lines apart; these rates alone cannot."));
    }

    private static FitRateCvFigure.Prediction line(ResultFiles.Table t, String condition, String hypothesis,
                                                   String curveCondition, String label, int colour, boolean best) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.text(i, "condition").equals(condition) && t.text(i, "hypothesis").equals(hypothesis)
                    && t.text(i, "curve_condition").equals(curveCondition)) {
                pts.add(new double[] {t.number(i, "rate_hz"), t.number(i, "isi_cv")});
            }
        }
        return new FitRateCvFigure.Prediction(label, colour, best, pts.stream().mapToDouble(v -> v[0]).toArray(),
                pts.stream().mapToDouble(v -> v[1]).toArray());
    }

    /** fit-profiles.csv's column: ln L(value) - ln L(estimate), at most 0. */
    private static final String DELTA_LOG_LIKELIHOOD = "delta_log_likelihood";

    private static Figure profiles(JsonNode c, String condition, ResultFiles.Table t, String suffix) {
        List<FitProfileFigure.Profile> panels = new ArrayList<>();
        for (JsonNode h : c.path("hypotheses")) {
            if (h.path("parameters").size() != 1) {
                continue;
            }
            String name = h.path("name").asText();
            List<double[]> pts = new ArrayList<>();
            double[] est = null;
            String unit = "";
            // fits written before 0.4.8 called the column log_likelihood_drop (the same values, <= 0)
            String delta = t.hasColumn(DELTA_LOG_LIKELIHOOD) ? DELTA_LOG_LIKELIHOOD : "log_likelihood_drop";
            for (int i = 0; i < t.size(); i++) {
                if (t.text(i, "condition").equals(condition) && t.text(i, "hypothesis").equals(name)) {
                    pts.add(new double[] {t.number(i, "value"), t.number(i, delta)});
                    est = new double[] {t.number(i, "estimate"), t.number(i, "ci95_low"), t.number(i, "ci95_high")};
                    unit = t.text(i, "unit");
                }
            }
            if (est == null) {
                continue;
            }
            String label = name + (unit.equals("mV") ? " shift (mV)" : " factor (x wild type)");
            panels.add(new FitProfileFigure.Profile(label, pts.stream().mapToDouble(v -> v[0]).toArray(),
                    pts.stream().mapToDouble(v -> v[1]).toArray(), est[0], est[1], est[2]));
        }
        if (panels.isEmpty()) {
            return null;
        }
        return new Figure("fit-profiles" + suffix, FitProfileFigure.chart(panels, condition
                + ": dashed line = 95 % level (drop of 1.92), band = interval"), 0,
                "For each one-parameter hypothesis, how much worse the data are explained (log-likelihood below its "
                + "maximum) as its parameter moves away from the best estimate (vertical line), with the drive refitted "
                + "at every value. The shaded band, where the curve stays above the dashed line, is the 95 % "
                + "profile-likelihood interval. A narrow peak means the data pin the parameter down.");
    }

    private static Figure check(JsonNode c, String condition, String reference, String best, int colour, int refColour,
                                Map<String, double[][]> cells, ResultFiles.Table t, boolean withCv, String suffix) {
        String checked = null;
        String passed = "";
        for (JsonNode h : c.path("hypotheses")) {
            if (h.has("predictive_check") && (checked == null || h.path("name").asText().equals(best))) {
                checked = h.path("name").asText();
                passed = h.path("predictive_check").path("passed").asBoolean() ? "passed" : "FAILED";
            }
        }
        if (checked == null) {
            return null;
        }
        String[] names = {reference, condition};
        int[] colours = {refColour, colour};
        List<FitCheckFigure.Sample> rates = new ArrayList<>();
        List<FitCheckFigure.Sample> cvs = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            List<double[]> sim = new ArrayList<>();
            for (int i = 0; i < t.size(); i++) {
                if (t.text(i, "condition").equals(condition) && t.text(i, "hypothesis").equals(checked)
                        && t.text(i, "cell_condition").equals(names[k])) {
                    sim.add(new double[] {t.number(i, "rate_hz"), t.number(i, "isi_cv")});
                }
            }
            rates.add(new FitCheckFigure.Sample(names[k], colours[k], cells.get(names[k])[0],
                    sim.stream().mapToDouble(v -> v[0]).toArray()));
            cvs.add(new FitCheckFigure.Sample(names[k], colours[k], cells.get(names[k])[1],
                    sim.stream().mapToDouble(v -> v[1]).toArray()));
        }
        List<FitCheckFigure.Panel> panels = new ArrayList<>();
        panels.add(new FitCheckFigure.Panel("Firing rate (Hz)", rates));
        if (withCv) {
            panels.add(new FitCheckFigure.Panel("ISI CV", cvs));
        }
        return new Figure("fit-check" + suffix, FitCheckFigure.chart(panels, "hypothesis " + checked
                + " simulated; check " + passed + " (Kolmogorov-Smirnov, Bonferroni)"), 0,
                "Cumulative distributions of the recorded cells (solid) and of the cells simulated with the fitted "
                + "parameters (dashed; as many cells as recorded, several seeds pooled), per condition. The simulator, "
                + "not the closed-form theory, makes the dashed lines, so this checks the fit's approximations too. "
                + "The check fails when a two-sample Kolmogorov-Smirnov test rejects at 5 % divided by the number of "
                + "tests.");
    }
}
