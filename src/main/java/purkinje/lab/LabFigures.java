package purkinje.lab;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import purkinje.engine.EnsembleResult;
import purkinje.experiment.CompareExperiment;
import purkinje.experiment.CompareExperiment.Comparison;
import purkinje.experiment.CompareExperiment.ConditionResult;
import purkinje.analysis.theory.TheoryRates;
import purkinje.model.Condition;
import purkinje.model.RunConfig;
import purkinje.plot.ConditionRates;
import purkinje.plot.ConditionTrace;
import purkinje.plot.ConditionTrains;
import purkinje.plot.FigureWriter;
import purkinje.plot.RasterFigure;
import purkinje.plot.RateByConditionFigure;
import purkinje.plot.SweepRateFigure;
import purkinje.plot.SweepSeries;
import purkinje.plot.VoltageTraceFigure;

/**
 * The lab's figures, drawn by the same figure classes as the files the CLI writes (same colours
 * per condition, same axis labels), as SVG text: the rates by condition, a raster of a few cells,
 * V(t) of one cell per condition, and the theory curve rate vs MEIS1 dosage with the current point.
 */
final class LabFigures {
    /** Cells per condition in the raster. */
    static final int RASTER_CELLS = 10;
    /** The raster shows at most the first 2 s. */
    static final double RASTER_WINDOW_MS = 2000;
    /** Sampling interval of the drawn V(t). */
    static final double TRACE_SAMPLE_MS = 0.5;
    /** Points of the theory curve over dosage 0..1. */
    static final int THEORY_POINTS = 21;
    private static final int WIDTH_PX = 720;
    private static final int HEIGHT_PX = 440;

    private LabFigures() {
    }

    static String rates(CompareExperiment.Result r) {
        List<ConditionRates> rates = new ArrayList<>();
        r.conditions().forEach(c -> rates.add(new ConditionRates(c.condition().name(), c.ratesHz())));
        Comparison cmp = r.comparisons().get(0);
        String subtitle = RateByConditionFigure.comparisonSubtitle(cmp.test(), cmp.reference(),
                cmp.result().rateChangePercent(),
                cmp.result().rateChangeCiLowPercent(), cmp.result().rateChangeCiHighPercent(),
                cmp.result().mannWhitneyP(), r.config().cellsPerCondition());
        return svg(RateByConditionFigure.chart(rates, subtitle), "rates");
    }

    static String raster(CompareExperiment.Result r) {
        List<ConditionTrains> trains = new ArrayList<>();
        EnsembleResult sim = r.simulation();
        for (ConditionResult c : r.conditions()) {
            List<double[]> cells = new ArrayList<>();
            for (int i = 0; i < Math.min(RASTER_CELLS, c.cells().size()); i++) {
                cells.add(sim.spikeTimesMs(c.firstCell() + i));
            }
            trains.add(new ConditionTrains(c.condition().name(), cells));
        }
        return svg(RasterFigure.chart(trains, rasterWindowMs(r.config())), "raster");
    }

    static double rasterWindowMs(RunConfig c) {
        return Math.min(RASTER_WINDOW_MS, c.durationMs());
    }

    static String voltage(CompareExperiment.Result r) {
        List<ConditionTrace> traces = new ArrayList<>();
        // every k-th sample, at most TRACE_SAMPLE_MS apart: a quarter of the points of the CLI's figure
        // (drawing them was most of a request's time); resets still show, as V is held at V_reset for t_ref
        int k = (int) Math.max(1, Math.floor(TRACE_SAMPLE_MS / r.config().dtMs()));
        for (ConditionResult c : r.conditions()) {
            double[] v = r.simulation().voltageMv(c.firstCell());
            if (v != null) {
                double[] sampled = new double[(v.length + k - 1) / k];
                for (int i = 0; i < sampled.length; i++) {
                    sampled[i] = v[i * k];
                }
                traces.add(new ConditionTrace(c.condition().name(), r.config().dtMs() * k, List.of(sampled),
                        c.parameters().vThresholdMv()));
            }
        }
        return svg(VoltageTraceFigure.chart(traces, Math.min(CompareExperiment.TRACE_WINDOW_MS,
                r.config().durationMs())), "voltage");
    }

    /** The theory rate of the reduced condition's nominal cell at each dosage 0, 0.05, ..., 1 (Hz). */
    static double[][] theoryCurve(RunConfig config) {
        Condition reduced = config.conditions().get(1);
        double[] d = new double[THEORY_POINTS];
        double[] rate = new double[THEORY_POINTS];
        for (int i = 0; i < THEORY_POINTS; i++) {
            d[i] = (double) i / (THEORY_POINTS - 1);
            rate[i] = theoryRateHz(config, new Condition(reduced.name(), d[i], reduced.meis1()));
        }
        return new double[][] {d, rate};
    }

    static double theoryRateHz(RunConfig config, Condition c) {
        return TheoryRates.rateHz(config.cellFor(c), config.noise(), config.inputsFor(c), 0);
    }

    /** Rate vs dosage: the theory line of the reduced condition and both conditions' simulated means (95 % CI). */
    static String theory(CompareExperiment.Result r, double[][] curve) {
        List<SweepSeries> series = new ArrayList<>();
        for (ConditionResult c : r.conditions()) {
            double dosage = c.condition().meis1Dosage();
            boolean reduced = c.index() == 1;
            // the reduced condition's series carries the theory curve, with the simulated point inserted at its dosage
            List<Double> x = new ArrayList<>();
            if (reduced) {
                for (double v : curve[0]) {
                    x.add(v);
                }
            }
            if (!x.contains(dosage)) {
                x.add(dosage);
                x.sort(Double::compare);
            }
            int n = x.size();
            double[] xs = new double[n];
            double[] mean = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            double[] th = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x.get(i);
                boolean here = xs[i] == dosage;
                double half = 1.96 * c.rateHz().sem();
                mean[i] = here ? c.rateHz().mean() : Double.NaN;
                lo[i] = here ? c.rateHz().mean() - half : Double.NaN;
                hi[i] = here ? c.rateHz().mean() + half : Double.NaN;
                int onCurve = java.util.Arrays.binarySearch(curve[0], xs[i]);
                th[i] = !reduced ? Double.NaN : onCurve >= 0 ? curve[1][onCurve]
                        : theoryRateHz(r.config(), new Condition(c.condition().name(), xs[i], c.condition().meis1()));
            }
            series.add(new SweepSeries(c.condition().name(), xs, mean, lo, hi, th));
        }
        JFreeChart chart = SweepRateFigure.chart("MEIS1 dosage", series, true,
                "theory: the nominal cell of " + r.conditions().get(1).condition().name());
        // the whole dosage range, with room for the points at 0 and 1
        ((XYPlot) chart.getPlot()).getDomainAxis().setRange(-0.04, 1.04);
        return svg(chart, "theory");
    }

    private static String svg(JFreeChart chart, String id) {
        return FigureWriter.svgElement(chart, "lab-" + id + "-", WIDTH_PX, HEIGHT_PX, 1.0);
    }
}
