package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Mean firing rate against one swept parameter, one colour per condition, with its 95 % confidence
 * interval: a shaded band along a line when only this parameter varies, error bars on separate
 * points when other swept parameters vary too (a random, Latin-hypercube or Sobol design, or a
 * grid of several parameters). The analytic rate, where given, is a dashed line.
 */
public final class SweepRateFigure {
    /** Y axis label. */
    public static final String Y_LABEL = "Mean firing rate (Hz)";

    private SweepRateFigure() {
    }

    /**
     * Builds the figure.
     *
     * @param xLabel    swept parameter with its unit, e.g. "noise.sigma_v (mV)"
     * @param series    one per condition, in display order (index = palette index)
     * @param connected true to draw lines with bands (x sorted, one point per x), false for error bars
     * @param subtitle  line under the title; may be null
     */
    public static JFreeChart chart(String xLabel, List<SweepSeries> series, boolean connected, String subtitle) {
        List<String> keys = Stats.uniqueKeys(series.stream().map(SweepSeries::condition).toList());
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYSeriesCollection theory = new XYSeriesCollection();
        List<Integer> theoryColour = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            SweepSeries c = series.get(s);
            XYSeries t = theoryLine(c, keys.get(s) + " (theory)", connected);
            data.addSeries(meanWithBounds(c, keys.get(s), connected));
            if (t.getItemCount() > 0 && connected) {
                theory.addSeries(t);
                theoryColour.add(s);
            }
        }
        NumberAxis x = FigureStyle.numberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        x.setLowerMargin(0.03);
        x.setUpperMargin(0.03);
        NumberAxis y = FigureStyle.numberAxis(Y_LABEL);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, null);
        FigureStyle.styleXYPlot(plot);
        boolean bands = drawsBands(series, connected);
        if (bands) {
            DeviationRenderer r = new DeviationRenderer(true, true);
            r.setAlpha(0.25f);
            for (int s = 0; s < series.size(); s++) {
                r.setSeriesPaint(s, ConditionPalette.colour(s));
                r.setSeriesFillPaint(s, ConditionPalette.colour(s));
                r.setSeriesStroke(s, new BasicStroke(2f));
                r.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            }
            plot.setRenderer(r);
        } else {
            XYErrorRenderer r = new XYErrorRenderer();
            r.setDrawXError(false);
            r.setDefaultLinesVisible(false);
            r.setDefaultShapesVisible(true);
            r.setErrorStroke(new BasicStroke(1f));
            for (int s = 0; s < series.size(); s++) {
                r.setSeriesPaint(s, ConditionPalette.colour(s, 200));
                r.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
            }
            plot.setRenderer(r);
        }
        if (theory.getSeriesCount() > 0) {
            XYLineAndShapeRenderer tr = new XYLineAndShapeRenderer(true, false);
            for (int s = 0; s < theoryColour.size(); s++) {
                tr.setSeriesPaint(s, ConditionPalette.colour(theoryColour.get(s)));
                tr.setSeriesStroke(s, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f));
            }
            plot.setDataset(1, theory);
            plot.setRenderer(1, tr);
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD); // theory on top
        }
        String key = bands ? "Line = mean over cells; band = 95 % confidence interval"
                : "Dot = mean over cells" + (connected ? "" : " at one sweep point") + "; bar = 95 % confidence interval";
        if (theory.getSeriesCount() > 0) {
            key += "; dashed = theory";
        }
        String sub = subtitle == null || subtitle.isBlank() ? key : subtitle + " | " + key;
        return FigureStyle.chart(titleName(xLabel), sub, plot, true);
    }

    /** "MEIS1 dosage (0 = null, 1 = wild type)" -> "MEIS1 dosage": the title names the parameter, the axis its unit. */
    static String withoutParenthesis(String label) {
        int k = label.lastIndexOf(" (");
        return label.endsWith(")") && k > 0 ? label.substring(0, k) : label;
    }

    /** "Membrane noise sigma_V (mV)" -> "Firing rate vs membrane noise sigma_V" (acronyms such as MEIS1 kept). */
    static String titleName(String xLabel) {
        String n = withoutParenthesis(xLabel);
        boolean word = n.length() > 1 && Character.isUpperCase(n.charAt(0)) && Character.isLowerCase(n.charAt(1));
        return "Firing rate vs " + (word ? Character.toLowerCase(n.charAt(0)) + n.substring(1) : n);
    }

    /** The simulated means with their 95 % bounds (a missing bound collapses onto the mean). */
    static YIntervalSeries meanWithBounds(SweepSeries c, String key, boolean sorted) {
        YIntervalSeries y = new YIntervalSeries(key, sorted, true);
        for (int i = 0; i < c.x().length; i++) {
            if (Double.isFinite(c.meanHz()[i])) {
                double lo = Double.isFinite(c.lowHz()[i]) ? c.lowHz()[i] : c.meanHz()[i];
                double hi = Double.isFinite(c.highHz()[i]) ? c.highHz()[i] : c.meanHz()[i];
                y.add(c.x()[i], c.meanHz()[i], lo, hi);
            }
        }
        return y;
    }

    /** The theory at the points where it is given. */
    static XYSeries theoryLine(SweepSeries c, String key, boolean sorted) {
        XYSeries t = new XYSeries(key, sorted, true);
        for (int i = 0; i < c.x().length; i++) {
            if (c.theoryHz() != null && Double.isFinite(c.theoryHz()[i])) {
                t.add(c.x()[i], c.theoryHz()[i]);
            }
        }
        return t;
    }

    /**
     * Whether {@link #chart} draws the intervals as shaded bands (true) or error bars: a band needs
     * two points in a row, so series of single points (the lab's dots) get error bars.
     */
    public static boolean drawsBands(List<SweepSeries> series, boolean connected) {
        return connected && series.stream().anyMatch(SweepRateFigure::hasAdjacentPoints);
    }

    /** Whether two consecutive means of the series are finite (a line and band can be drawn between them). */
    private static boolean hasAdjacentPoints(SweepSeries c) {
        for (int i = 1; i < c.meanHz().length; i++) {
            if (Double.isFinite(c.meanHz()[i - 1]) && Double.isFinite(c.meanHz()[i])) {
                return true;
            }
        }
        return false;
    }
}
