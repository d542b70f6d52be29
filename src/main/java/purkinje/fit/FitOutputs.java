package purkinje.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import purkinje.experiment.Manifests;
import purkinje.experiment.RunInfo;
import purkinje.io.Json;
import purkinje.io.OutputFolder;
import purkinje.io.Tables.CsvWriter;

/**
 * Writes a fit result: fit.json, fit.csv (tidy: one row per condition x hypothesis x parameter),
 * the tables the figures are drawn from (measured.csv, fit-curves.csv, fit-profiles.csv,
 * fit-check.csv) and manifest.json.
 */
public final class FitOutputs {
    /** Top-level names this tool writes into a fit result. */
    public static final Set<String> FILES = Set.of("manifest.json", "fit.json", "fit.csv", "measured.csv",
            "fit-curves.csv", "fit-profiles.csv", "fit-check.csv", "figures", "report.html");
    /** Drive quantiles (in SDs of the log drive) at which the predicted rate-CV curves are tabulated. */
    static final double CURVE_SD = 2.5;
    static final int CURVE_POINTS = 21;

    private FitOutputs() {
    }

    /** Keys of the base config a fit does not use: its conditions come from the data, the drive's spread is fitted. */
    private static final List<String> UNUSED_BY_FIT = List.of("cells_per_condition", "record", "heterogeneity", "meis1",
            "conditions");

    /**
     * @param dataSha256 SHA-256 of the data file's bytes, so the manifest names the recording as it
     *                   names the config
     */
    public static void write(FitExperiment.Result r, OutputFolder out, RunInfo info, String dataSha256) {
        writeMeasured(r, out);
        Json.write(out.resolve("fit.json"), json(r));
        writeCsv(r, out);
        writeCurves(r, out);
        writeProfiles(r, out);
        writeChecks(r, out);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("data_file", r.settings().dataSource());
        extra.put("data_sha256", dataSha256);
        extra.put("recording_s", r.settings().base().durationMs() / 1000);
        extra.put("check_seeds", r.settings().checkSeeds());
        // the parameters the fit used, for the report: not the base config's conditions, MEIS1 mapping or spread
        Map<String, Object> used = new LinkedHashMap<>(purkinje.io.ResolvedConfig.toMap(r.settings().base()));
        used.keySet().removeAll(UNUSED_BY_FIT);
        extra.put("config", used);
        Json.write(out.resolve(OutputFolder.MANIFEST), Manifests.of(r.settings().base(), info, r.settings().threads(),
                null, extra));
    }

    private static void writeMeasured(FitExperiment.Result r, OutputFolder out) {
        MeasuredCells d = r.settings().data();
        try (CsvWriter w = new CsvWriter(out.resolve("measured.csv"), List.of("condition", "rate_hz", "isi_cv"))) {
            for (int c = 0; c < d.conditions().size(); c++) {
                for (int i = 0; i < d.ratesHz().get(c).length; i++) {
                    w.row(d.conditions().get(c), d.ratesHz().get(c)[i], d.isiCvs().get(c)[i]);
                }
            }
        }
    }

    static Map<String, Object> json(FitExperiment.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("reference", r.reference());
        root.put("reference_cells", r.referenceCells());
        root.put("likelihood", r.usesCv() ? "rate and ISI CV" : "rate only");
        if (!r.usesCv()) { // why, for the report: the data, or the model
            root.put("rate_only_because", r.settings().data().hasCv() ? "the model has no closed-form ISI CV (synaptic "
                    + "inputs or coloured noise)" : "the recording has no isi_cv column");
        }
        root.put("interval", "95 % profile likelihood (chi-square, 1 degree of freedom: drop of 1.92)");
        root.put("verdict_rule", "candidates: within " + Json.number(FitExperiment.CONSISTENT_AIC) + " AIC units of "
                + "the lowest AIC; best: the candidate with fewest parameters whose predictive check passes; "
                + "indistinguishable: the other candidates with as few parameters; consistent: the other candidates; "
                + "less support: up to " + Json.number(FitExperiment.RULED_OUT_AIC) + " AIC units; ruled out: beyond "
                + "(Burnham and Anderson 2002), or a failed predictive check");
        List<Object> conditions = new ArrayList<>();
        for (FitExperiment.ConditionFit c : r.conditions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("condition", c.condition());
            m.put("cells", c.cells());
            List<Object> hyps = new ArrayList<>();
            for (FitExperiment.Ranked h : c.hypotheses()) {
                HypothesisFit f = h.fit();
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("name", h.name());
                hm.put("description", f.hypothesis().description());
                Map<String, Object> params = new LinkedHashMap<>();
                for (HypothesisFit.Parameter p : f.parameters()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("estimate", Json.number(p.estimate()));
                    List<Object> ci = new ArrayList<>();
                    ci.add(Json.number(p.ciLow()));
                    ci.add(Json.number(p.ciHigh()));
                    pm.put("ci95", ci);
                    pm.put("unit", p.effect().unit());
                    pm.put("ci95_reaches_search_bound", List.of(p.lowAtBound(), p.highAtBound()));
                    params.put(p.effect().parameter(), pm);
                }
                hm.put("parameters", params);
                Map<String, Object> drive = new LinkedHashMap<>();
                drive.put("I_pace_mean_pA", Json.number(f.meanDrivePa()));
                drive.put("I_pace_cv", Json.number(f.driveCv()));
                hm.put("drive", drive);
                hm.put("log_likelihood", Json.number(f.logLikelihood()));
                hm.put("n_parameters", f.parameterCount());
                hm.put("aic", Json.number(f.aic()));
                hm.put("bic", Json.number(f.bic()));
                hm.put("delta_aic", Json.number(h.deltaAic()));
                hm.put("verdict", h.verdict());
                if (h.check() != null) {
                    hm.put("predictive_check", checkJson(h.check()));
                }
                hyps.add(hm);
            }
            m.put("hypotheses", hyps);
            m.put("best", c.best() == null ? null : c.best().name());
            m.put("indistinguishable_from_best", c.indistinguishable().stream().map(FitExperiment.Ranked::name).toList());
            conditions.add(m);
        }
        root.put("conditions", conditions);
        return root;
    }

    private static Map<String, Object> checkJson(PredictiveCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", c.passed());
        m.put("seeds", c.seeds());
        m.put("test", "two-sample Kolmogorov-Smirnov, measured vs simulated; fails below p = "
                + Json.number(PredictiveCheck.ALPHA) + " / tests (Bonferroni)");
        m.put("p_threshold", Json.number(c.threshold()));
        List<Object> tests = new ArrayList<>();
        for (PredictiveCheck.KsTest t : c.tests()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("condition", t.condition());
            tm.put("quantity", t.quantity());
            tm.put("measured_cells", t.measured());
            tm.put("simulated_cells", t.simulated());
            tm.put("ks_statistic", Json.number(t.statistic()));
            tm.put("p_value", Json.number(t.pValue()));
            tests.add(tm);
        }
        m.put("tests", tests);
        return m;
    }

    private static void writeCsv(FitExperiment.Result r, OutputFolder out) {
        try (CsvWriter w = new CsvWriter(out.resolve("fit.csv"), List.of("condition", "hypothesis", "parameter", "role",
                "estimate", "ci95_low", "ci95_high", "unit", "log_likelihood", "n_parameters", "aic", "bic",
                "delta_aic", "verdict"))) {
            for (FitExperiment.ConditionFit c : r.conditions()) {
                for (FitExperiment.Ranked h : c.hypotheses()) {
                    HypothesisFit f = h.fit();
                    Object[] tail = {f.logLikelihood(), f.parameterCount(), f.aic(), f.bic(), h.deltaAic(), h.verdict()};
                    for (HypothesisFit.Parameter p : f.parameters()) {
                        w.row(concat(new Object[] {c.condition(), h.name(), p.effect().parameter(), "effect",
                            p.estimate(), p.ciLow(), p.ciHigh(), p.effect().unit()}, tail));
                    }
                    w.row(concat(new Object[] {c.condition(), h.name(), "I_pace_mean", "drive", f.meanDrivePa(),
                        Double.NaN, Double.NaN, "pA"}, tail));
                    w.row(concat(new Object[] {c.condition(), h.name(), "I_pace_cv", "drive", f.driveCv(), Double.NaN,
                        Double.NaN, "1"}, tail));
                }
            }
        }
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] o = new Object[a.length + b.length];
        System.arraycopy(a, 0, o, 0, a.length);
        System.arraycopy(b, 0, o, a.length, b.length);
        return o;
    }

    /** Predicted (rate, CV) of each condition as the drive runs over its fitted spread, per hypothesis. */
    private static void writeCurves(FitExperiment.Result r, OutputFolder out) {
        try (CsvWriter w = new CsvWriter(out.resolve("fit-curves.csv"), List.of("condition", "hypothesis",
                "curve_condition", "drive_sd", "I_pace_pA", "rate_hz", "isi_cv"))) {
            for (FitExperiment.ConditionFit c : r.conditions()) {
                for (FitExperiment.Ranked h : c.hypotheses()) {
                    for (Curve.Point p : Curve.of(r, c, h)) {
                        w.row(c.condition(), h.name(), p.condition(), p.driveSd(), p.drivePa(), p.rateHz(), p.isiCv());
                    }
                }
            }
        }
    }

    private static void writeProfiles(FitExperiment.Result r, OutputFolder out) {
        try (CsvWriter w = new CsvWriter(out.resolve("fit-profiles.csv"), List.of("condition", "hypothesis",
                "parameter", "value", "unit", "delta_log_likelihood", "estimate", "ci95_low", "ci95_high"))) {
            for (FitExperiment.ConditionFit c : r.conditions()) {
                for (FitExperiment.Ranked h : c.hypotheses()) {
                    for (HypothesisFit.ProfilePoint p : h.fit().profile()) {
                        HypothesisFit.Parameter e = h.fit().parameters().get(0);
                        w.row(c.condition(), h.name(), p.effect().parameter(), p.value(), p.effect().unit(),
                                p.deltaLnLikelihood(), e.estimate(), e.ciLow(), e.ciHigh());
                    }
                }
            }
        }
    }

    private static void writeChecks(FitExperiment.Result r, OutputFolder out) {
        try (CsvWriter w = new CsvWriter(out.resolve("fit-check.csv"), List.of("condition", "hypothesis",
                "cell_condition", "seed_index", "rate_hz", "isi_cv", "passed", "min_p"))) {
            for (FitExperiment.ConditionFit c : r.conditions()) {
                for (FitExperiment.Ranked h : c.hypotheses()) {
                    PredictiveCheck k = h.check();
                    if (k == null) {
                        continue;
                    }
                    String[] names = {r.reference(), c.condition()};
                    for (int side = 0; side < 2; side++) {
                        List<double[]> sims = k.simulated().get(side);
                        int perSeed = sims.size() / Math.max(1, k.seeds());
                        for (int i = 0; i < sims.size(); i++) {
                            w.row(c.condition(), h.name(), names[side], i / Math.max(1, perSeed), sims.get(i)[0],
                                    sims.get(i)[1], k.passed(), k.minP());
                        }
                    }
                }
            }
        }
    }
}
