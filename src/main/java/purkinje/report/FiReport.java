package purkinje.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import purkinje.analysis.theory.TheoryRates;
import purkinje.io.Quantities;
import purkinje.model.CellParameters;
import purkinje.model.Condition;
import purkinje.model.RunConfig;
import purkinje.plot.FiCurve;
import purkinje.plot.FiFigure;
import purkinje.report.ReportContent.Figure;
import purkinje.report.ReportContent.TableData;

/** The figure and report of an f-I result, from fi.csv, rheobase.csv and the manifest (config, current range). */
public final class FiReport {
    /** Points of the smooth theory curves per condition. */
    static final int THEORY_POINTS = 201;

    private FiReport() {
    }

    /** Simulated rate at 0 pA injected (the cell's own I_pace): the point itself or linearly interpolated. */
    record AtPace(double rateHz, boolean interpolated) {
    }

    static AtPace rateAtPace(double[] current, double[] rate) {
        for (int k = 0; k < current.length; k++) {
            if (current[k] == 0) {
                return new AtPace(rate[k], false);
            }
        }
        for (int k = 0; k + 1 < current.length; k++) {
            double a = current[k];
            double b = current[k + 1];
            if ((a < 0 && b > 0) || (a > 0 && b < 0)) {
                double f = (0 - a) / (b - a);
                return new AtPace(rate[k] + f * (rate[k + 1] - rate[k]), true);
            }
        }
        return new AtPace(Double.NaN, false);
    }

    public static ReportContent build(ResultFiles files, boolean figures) {
        RunConfig config = files.runConfig();
        ResultFiles.Table fi = files.csv("fi.csv");
        ResultFiles.Table rb = files.csv("rheobase.csv");
        List<Condition> conditions = config.conditions();
        List<FiCurve> curves = new ArrayList<>();
        List<double[]> currents = new ArrayList<>();
        List<double[]> rates = new ArrayList<>();
        double[] rheobase = new double[conditions.size()];
        for (int c = 0; c < conditions.size(); c++) {
            String name = conditions.get(c).name();
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < fi.size(); i++) {
                if (fi.text(i, "condition").equals(name)) {
                    rows.add(i);
                }
            }
            double[] current = rows.stream().mapToDouble(i -> fi.number(i, "current_pA")).toArray();
            double[] rate = rows.stream().mapToDouble(i -> fi.number(i, "rate_hz")).toArray();
            double[] sem = rows.stream().mapToDouble(i -> fi.number(i, "rate_sem_hz")).toArray();
            currents.add(current);
            rates.add(rate);
            rheobase[c] = Double.NaN;
            for (int i = 0; i < rb.size(); i++) {
                if (rb.text(i, "condition").equals(name)) {
                    rheobase[c] = rb.number(i, "rheobase_injected_pA");
                }
            }
            if (!figures) {
                continue;
            }
            JsonNode range = files.manifest().path("currents");
            double from = range.path("from_pA").asDouble(current.length > 0 ? current[0] : 0);
            double to = range.path("to_pA").asDouble(current.length > 0 ? current[current.length - 1] : 1);
            if (range.path("steps").asInt(current.length) == 1 || to == from) {
                to = from + 1;
            }
            CellParameters p = config.cellFor(conditions.get(c));
            purkinje.model.Inputs inputs = config.inputsFor(conditions.get(c));
            double[] fine = new double[THEORY_POINTS];
            double[] theory = new double[THEORY_POINTS];
            double[] deterministic = new double[THEORY_POINTS];
            for (int i = 0; i < THEORY_POINTS; i++) {
                fine[i] = from + (to - from) * i / (THEORY_POINTS - 1);
                theory[i] = TheoryRates.rateHz(p, config.noise(), inputs, fine[i]);
                deterministic[i] = TheoryRates.deterministicRateHz(p, inputs, fine[i]);
            }
            curves.add(new FiCurve(name, current, rate, sem, fine, theory, deterministic, rheobase[c]));
        }

        List<Figure> list = new ArrayList<>();
        if (figures) {
            StringBuilder sub = new StringBuilder();
            for (int c = 0; c < conditions.size(); c++) {
                sub.append(c == 0 ? "" : ";  ").append(String.format(Locale.ROOT, "%s rheobase %+.1f pA injected",
                        conditions.get(c).name(), rheobase[c]));
            }
            sub.append(String.format(Locale.ROOT, "  (%d cells per point, noise sigma_v %s mV)",
                    config.cellsPerCondition(), Quantities.formatNumber(config.noise().sigmaVMv())));
            String kinds = conditions.stream().map(c -> TheoryRates.kind(config.cellFor(c), config.noise(),
                    config.inputsFor(c))).distinct().collect(java.util.stream.Collectors.joining("; "));
            // where the theory with noise does not apply there is no solid line: say that, not "the theory is no theory"
            boolean none = kinds.startsWith("no theory");
            list.add(new Figure("fi", FiFigure.chart(curves, sub.toString()), 0,
                    "Firing rate (Hz) against the current injected on top of each cell's own pacemaking drive I_pace "
                    + "(pA; negative values hyperpolarise, 0 pA is the cell with its own drive alone). Dots are the simulated mean rate "
                    + "over cells with its standard error; " + (none ? "the thin dashed line is" : "the solid line is the "
                    + "closed-form theory with the configured noise and the thin dashed line") + " the theory without noise, which starts "
                    + "at the rheobase (triangle on the axis). A curve shifted to the right needs more current to fire "
                    + "at the same rate: the cell is less excitable. " + (none ? "With the configured noise there is "
                    + kinds.replaceFirst("^no theory: ", "no theory line: ") : "The theory with noise is " + kinds) + "."));
        }
        return new ReportContent(files.command(), "f-I curves: " + config.name(),
                headline(conditions, currents, rates, rheobase), list, tables(conditions, currents, rates, rb));
    }

    static String headline(List<Condition> conditions, List<double[]> currents, List<double[]> rates,
                           double[] rheobase) {
        if (conditions.isEmpty()) {
            return "No conditions were simulated.";
        }
        StringBuilder b = new StringBuilder();
        AtPace ref = rateAtPace(currents.get(0), rates.get(0));
        if (conditions.size() == 1) {
            b.append(String.format(Locale.ROOT, "The %s cells start to fire (without noise) at %s pA of injected current",
                    conditions.get(0).name(), Numbers.signed(rheobase[0], "%+.1f")));
            b.append(Double.isFinite(ref.rateHz()) ? String.format(Locale.ROOT,
                    " and fire %s Hz at their own I_pace (0 pA injected%s).", Numbers.value(ref.rateHz()),
                    ref.interpolated() ? ", interpolated" : "") : ".");
            return b.toString();
        }
        for (int c = 1; c < conditions.size(); c++) {
            AtPace test = rateAtPace(currents.get(c), rates.get(c));
            double shift = rheobase[c] - rheobase[0];
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT,
                    "The %s cells need %s pA %s injected current than the %s cells to start firing (rheobase %s vs "
                    + "%s pA, without noise)", conditions.get(c).name(),
                    Numbers.value(Math.abs(shift)), shift >= 0 ? "more" : "less", conditions.get(0).name(),
                    Numbers.signed(rheobase[c], "%+.1f"), Numbers.signed(rheobase[0], "%+.1f")));
            if (Double.isFinite(test.rateHz()) && Double.isFinite(ref.rateHz())) {
                b.append(String.format(Locale.ROOT, "; at their own I_pace (0 pA injected%s) they fire %s vs %s Hz.",
                        test.interpolated() || ref.interpolated() ? ", interpolated" : "",
                        Numbers.value(test.rateHz()), Numbers.value(ref.rateHz())));
            } else {
                b.append("; 0 pA injected (I_pace alone) is outside the simulated range.");
            }
        }
        return b.toString();
    }

    private static List<TableData> tables(List<Condition> conditions, List<double[]> currents, List<double[]> rates,
                                          ResultFiles.Table rb) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < rb.size(); i++) {
            String name = rb.text(i, "condition");
            int c = 0;
            while (c < conditions.size() && !conditions.get(c).name().equals(name)) {
                c++;
            }
            AtPace at = c < conditions.size() ? rateAtPace(currents.get(c), rates.get(c)) : new AtPace(Double.NaN,
                    false);
            rows.add(List.of(name, rb.text(i, "meis1_dosage"), Numbers.precise(rb.number(i, "I_pace_pA")),
                    Numbers.signed(rb.number(i, "synaptic_mean_pA"), "%+.2f"),
                    Numbers.precise(rb.number(i, "rheobase_total_pA")), Numbers.signed(rb.number(i,
                            "rheobase_injected_pA"), "%+.2f"), Numbers.precise(at.rateHz()) + (at.interpolated()
                            ? " (interpolated)" : "")));
        }
        return List.of(new TableData("Rheobase and rate at I_pace (rheobase.csv, fi.csv)", List.of("condition",
                "MEIS1 dosage", "I_pace (pA)", "mean synaptic input (pA)", "rheobase, total (pA)", "rheobase, injected (pA)",
                "rate at 0 pA injected (Hz)"), rows,
                "Rheobase: the total current g_L (V_th - E_L) at which a noise-free cell starts to fire, and the "
                + "injected current that reaches it (the total minus I_pace and the mean synaptic input). With noise, cells fire below the rheobase too. The simulated "
                + "points are in fi.csv."));
    }
}
