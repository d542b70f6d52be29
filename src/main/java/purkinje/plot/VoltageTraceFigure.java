package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Example membrane-potential traces, one panel per condition sharing the time axis, with the
 * spike threshold as a dashed line. Because the model resets V after a spike, each spike is drawn
 * as a vertical stroke from the last sample before the reset up to {@link #SPIKE_HEIGHT_MV} above
 * threshold (a drawing convention, not a simulated value). Long traces are reduced to at most
 * {@link #MAX_POINTS_PER_TRACE} points with min/max decimation, which keeps every spike stroke.
 */
public final class VoltageTraceFigure {

    /** Chart title. */
    public static final String TITLE = "Example membrane potential of single cells";
    /** X axis label. */
    public static final String X_LABEL = "Time (s)";
    /** Y axis label of each panel. */
    public static final String Y_LABEL = "V (mV)";
    /** Height above threshold at which spike strokes end (drawing convention). */
    public static final double SPIKE_HEIGHT_MV = 20.0;
    /** Upper bound on the number of points drawn per trace. */
    public static final int MAX_POINTS_PER_TRACE = 4000;

    /** Space above the highest point of the traces for the panel's name, as a fraction of their V span. */
    private static final double HEAD_ROOM = 0.16;

    private static final String NOTE = "Dashed line: spike threshold. After each spike V is reset; "
            + "spikes are drawn as vertical strokes";

    private VoltageTraceFigure() {
    }

    /** Builds the figure with spike strokes drawn. */
    public static JFreeChart chart(List<ConditionTrace> traces, double windowMs) {
        return chart(traces, windowMs, true);
    }

    /**
     * Builds the figure.
     *
     * @param traces     one entry per condition, in display order (index = palette index); all example
     *                   cells of a condition are drawn in its panel, the first one strongest
     * @param windowMs   only samples with time &lt; windowMs are shown (if not positive, everything)
     * @param drawSpikes whether to draw detected spikes (resets) as vertical strokes
     */
    public static JFreeChart chart(List<ConditionTrace> traces, double windowMs, boolean drawSpikes) {
        List<ConditionTrace> list = traces == null ? List.of() : traces;
        NumberAxis timeAxis = FigureStyle.numberAxis(X_LABEL);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(timeAxis);
        combined.setGap(14);
        combined.setBackgroundPaint(Color.WHITE);
        combined.setOutlineVisible(false);

        double maxTimeS = 0;
        List<XYPlot> panels = new ArrayList<>();
        double lowMv = Double.POSITIVE_INFINITY;
        double highMv = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < list.size(); i++) {
            ConditionTrace tr = list.get(i);
            double dt = tr.dtMs() > 0 ? tr.dtMs() : 1.0;
            DefaultXYDataset dataset = new DefaultXYDataset();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setDrawSeriesLineAsPath(true);
            int s = 0;
            for (double[] v : tr.voltageMv()) {
                if (v == null) {
                    continue;
                }
                int n = windowMs > 0 ? (int) Math.min(v.length, Math.ceil(windowMs / dt)) : v.length;
                double[][] xy = tracePoints(v, n, dt, tr.vThresholdMv(), drawSpikes);
                dataset.addSeries("cell " + (s + 1), xy);
                if (xy[0].length > 0) {
                    maxTimeS = Math.max(maxTimeS, xy[0][xy[0].length - 1]);
                }
                for (double y : xy[1]) {
                    if (Double.isFinite(y)) {
                        lowMv = Math.min(lowMv, y);
                        highMv = Math.max(highMv, y);
                    }
                }
                renderer.setSeriesPaint(s, s == 0 ? ConditionPalette.colour(i) : ConditionPalette.colour(i, 110));
                renderer.setSeriesStroke(s, new BasicStroke(s == 0 ? 1.4f : 1.0f,
                        BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                s++;
            }
            NumberAxis vAxis = FigureStyle.numberAxis(Y_LABEL);
            vAxis.setAutoRangeIncludesZero(false);
            vAxis.setAutoRangeMinimumSize(10);
            XYPlot sub = new XYPlot(dataset, null, vAxis, renderer);
            FigureStyle.styleXYPlot(sub);

            if (Double.isFinite(tr.vThresholdMv())) {
                ValueMarker th = new ValueMarker(tr.vThresholdMv(), FigureStyle.THRESHOLD,
                        new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                                new float[] {6f, 4f}, 0f));
                th.setLabel("threshold " + FigureStyle.fmt(tr.vThresholdMv()) + " mV");
                th.setLabelFont(FigureStyle.SMALL_FONT);
                th.setLabelPaint(FigureStyle.THRESHOLD);
                // above the line, without a box: below it a white box hid the traces just under threshold
                th.setLabelBackgroundColor(new Color(0, 0, 0, 0));
                th.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                th.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
                th.setLabelOffset(new RectangleInsets(3, 3, 3, 3));
                sub.addRangeMarker(th, Layer.FOREGROUND);
                // the threshold is always in view: a silent cell's panel shows how far below it V stays
                lowMv = Math.min(lowMv, tr.vThresholdMv() - 20);
                highMv = Math.max(highMv, tr.vThresholdMv() + 2);
            }
            panels.add(sub);

            TextTitle name = new TextTitle(tr.condition(), FigureStyle.ANNOTATION_FONT);
            name.setPaint(ConditionPalette.colour(i));
            // no background: the name sits in the head room above the strokes (below)
            name.setPadding(new RectangleInsets(2, 4, 2, 4));
            XYTitleAnnotation label = new XYTitleAnnotation(0.005, 0.99, name, RectangleAnchor.TOP_LEFT);
            sub.addAnnotation(label);
            combined.add(sub, 1);
        }

        // one V scale for every panel, so that conditions compare at a glance; with many panels one
        // axis label (in the middle) instead of labels that run into each other
        if (lowMv < highMv) {
            double margin = 0.04 * (highMv - lowMv);
            // head room for the condition's name, so that it covers no spike stroke
            double headRoom = HEAD_ROOM * (highMv - lowMv);
            for (XYPlot sub : panels) {
                sub.getRangeAxis().setRange(lowMv - margin, highMv + headRoom);
            }
        }
        if (panels.size() > 3) {
            // short panels: JFreeChart fits one tick in each; a coarser unit gives every panel at least two
            double span = highMv - lowMv;
            double unit = span > 40 ? 20 : span > 20 ? 10 : 5;
            for (int i = 0; i < panels.size(); i++) {
                NumberAxis axis = (NumberAxis) panels.get(i).getRangeAxis();
                axis.setLabel(i == (panels.size() - 1) / 2 ? Y_LABEL : null);
                if (lowMv < highMv) {
                    axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(unit));
                }
            }
        }

        double endS = windowMs > 0 ? windowMs / 1000.0 : maxTimeS;
        timeAxis.setRange(0, endS > 0 ? endS : 1.0);

        JFreeChart chart = FigureStyle.chart(TITLE, null, combined, false);
        TextTitle note = new TextTitle(NOTE, FigureStyle.SMALL_FONT);
        note.setPaint(FigureStyle.AXIS);
        note.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(note);
        return chart;
    }

    /**
     * Converts the first {@code n} samples into (time in s, V) points, inserting a spike stroke at
     * each reset, then reduces them to at most {@link #MAX_POINTS_PER_TRACE} points.
     */
    static double[][] tracePoints(double[] v, int n, double dtMs, double thresholdMv, boolean drawSpikes) {
        if (n <= 0) {
            return new double[2][0];
        }
        double lo = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (Double.isFinite(v[k])) {
                lo = Math.min(lo, v[k]);
            }
        }
        // a reset is a drop of more than half the distance between the lowest V and threshold
        double drop = Double.isFinite(thresholdMv) && Double.isFinite(lo) && thresholdMv > lo
                ? 0.5 * (thresholdMv - lo) : Double.POSITIVE_INFINITY;
        double peak = thresholdMv + SPIKE_HEIGHT_MV;

        double[] t = new double[n + n / 2 + 2];
        double[] y = new double[t.length];
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (drawSpikes && k > 0 && v[k - 1] - v[k] > drop && v[k - 1] > thresholdMv - drop) {
                if (m + 2 >= t.length) {
                    t = java.util.Arrays.copyOf(t, t.length * 2);
                    y = java.util.Arrays.copyOf(y, y.length * 2);
                }
                t[m] = (k - 1) * dtMs / 1000.0;
                y[m] = peak;
                m++;
            }
            if (m + 1 >= t.length) {
                t = java.util.Arrays.copyOf(t, t.length * 2);
                y = java.util.Arrays.copyOf(y, y.length * 2);
            }
            t[m] = k * dtMs / 1000.0;
            y[m] = v[k];
            m++;
        }
        return decimate(t, y, m, MAX_POINTS_PER_TRACE);
    }

    /** Min/max decimation: per bucket keep the lowest and highest point in time order. */
    static double[][] decimate(double[] t, double[] y, int m, int maxPoints) {
        if (m <= maxPoints) {
            return new double[][] {java.util.Arrays.copyOf(t, m), java.util.Arrays.copyOf(y, m)};
        }
        int buckets = Math.max(1, maxPoints / 2);
        double[] ot = new double[2 * buckets];
        double[] oy = new double[2 * buckets];
        int o = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * m / buckets);
            int to = (int) ((long) (b + 1) * m / buckets);
            if (to <= from) {
                continue;
            }
            int iMin = from;
            int iMax = from;
            for (int k = from + 1; k < to; k++) {
                if (y[k] < y[iMin]) {
                    iMin = k;
                }
                if (y[k] > y[iMax]) {
                    iMax = k;
                }
            }
            int first = Math.min(iMin, iMax);
            int second = Math.max(iMin, iMax);
            ot[o] = t[first];
            oy[o] = y[first];
            o++;
            if (second != first) {
                ot[o] = t[second];
                oy[o] = y[second];
                o++;
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ot, o), java.util.Arrays.copyOf(oy, o)};
    }
}
