package purkinje.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import purkinje.experiment.FiExperiment.Point;
import purkinje.experiment.FiExperiment.Result;
import purkinje.experiment.FiExperiment.Rheobase;
import purkinje.io.Json;
import purkinje.io.OutputFolder;
import purkinje.io.Tables.CsvWriter;
import purkinje.model.CellParameters;
import purkinje.plot.FiCurve;
import purkinje.plot.FiFigure;
import purkinje.plot.FigureWriter;

/** Writes an f-I run: fi.csv, rheobase.csv, figures/fi.png|svg and manifest.json. */
public final class FiOutputs {
    public static final Set<String> FILES = Set.of("manifest.json", "fi.csv", "rheobase.csv", "figures");
    /** Points of the smooth theory curves per condition. */
    static final int THEORY_POINTS = 201;

    private FiOutputs() {
    }

    public static List<Path> write(Result r, OutputFolder out, RunInfo info, boolean figures) {
        try (CsvWriter w = new CsvWriter(out.resolve("fi.csv"), List.of("condition", "current_pA", "rate_hz",
                "rate_sem_hz", "theory_rate_hz", "cells", "rate_sd_hz", "isi_cv", "theory_deterministic_rate_hz"))) {
            for (Point p : r.points()) {
                w.row(p.condition().name(), p.currentPa(), p.rateHz().mean(), p.rateHz().sem(), p.theoryRateHz(),
                        p.rateHz().n(), p.rateHz().sd(), p.meanIsiCv(), p.deterministicRateHz());
            }
        }
        try (CsvWriter w = new CsvWriter(out.resolve("rheobase.csv"), List.of("condition", "meis1_dosage",
                "I_pace_pA", "rheobase_total_pA", "rheobase_injected_pA"))) {
            for (Rheobase rb : r.rheobases()) {
                w.row(rb.condition().name(), rb.condition().meis1Dosage(), rb.iPacePa(), rb.rheobaseTotalPa(),
                        rb.injectedPa());
            }
        }
        List<Path> written = new ArrayList<>();
        if (figures) {
            try {
                written.addAll(FigureWriter.write(FiFigure.chart(curves(r), subtitle(r)),
                        out.resolve("figures/fi.png").getParent(), "fi"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not write figure fi", e);
            }
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        Map<String, Object> currents = new LinkedHashMap<>();
        currents.put("from_pA", r.currents().fromPa());
        currents.put("to_pA", r.currents().toPa());
        currents.put("steps", r.currents().steps());
        extra.put("currents", currents);
        Json.write(out.resolve(OutputFolder.MANIFEST), Manifests.of(r.config(), info, r.threads(), r.simulation(),
                extra));
        return written;
    }

    static List<FiCurve> curves(Result r) {
        List<FiCurve> curves = new ArrayList<>();
        int steps = r.currents().steps();
        for (int c = 0; c < r.config().conditions().size(); c++) {
            List<Point> pts = r.points().subList(c * steps, (c + 1) * steps);
            CellParameters p = r.config().cellFor(r.config().conditions().get(c));
            double[] current = pts.stream().mapToDouble(Point::currentPa).toArray();
            double[] rate = pts.stream().mapToDouble(x -> x.rateHz().mean()).toArray();
            double[] sem = pts.stream().mapToDouble(x -> x.rateHz().sem()).toArray();
            double from = r.currents().fromPa();
            double to = r.currents().steps() == 1 ? from + 1 : r.currents().toPa();
            double[] fine = new double[THEORY_POINTS];
            double[] theory = new double[THEORY_POINTS];
            double[] deterministic = new double[THEORY_POINTS];
            for (int i = 0; i < THEORY_POINTS; i++) {
                fine[i] = from + (to - from) * i / (THEORY_POINTS - 1);
                theory[i] = TheoryRates.rateHz(p, r.config().noise(),
                        r.config().inputsFor(r.config().conditions().get(c)), fine[i]);
                deterministic[i] = TheoryRates.deterministicRateHz(p,
                        r.config().inputsFor(r.config().conditions().get(c)), fine[i]);
            }
            curves.add(new FiCurve(r.config().conditions().get(c).name(), current, rate, sem, fine, theory,
                    deterministic, r.rheobases().get(c).injectedPa()));
        }
        return curves;
    }

    private static String subtitle(Result r) {
        StringBuilder sb = new StringBuilder();
        for (Rheobase rb : r.rheobases()) {
            sb.append(sb.length() == 0 ? "" : ";  ").append(String.format(Locale.ROOT, "%s rheobase %+.1f pA injected",
                    rb.condition().name(), rb.injectedPa()));
        }
        return sb + String.format(Locale.ROOT, "  (%d cells per point, noise sigma_v %s mV)",
                r.config().cellsPerCondition(), purkinje.io.Quantities.formatNumber(r.config().noise().sigmaVMv()));
    }
}
