package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * f-I curves: firing rate against injected current, one colour per condition. Simulated rates are
 * filled dots with ± SEM error bars, the theory with the configured noise is a solid line, the
 * noise-free (deterministic) theory a thin dashed line, and the rheobase of the noise-free cell a
 * small downward triangle on the current axis labelled "rheobase". The legend sits in the upper
 * left corner of the plot and explains the colours (conditions) and the line styles (theories).
 */
public final class FiFigure {

    /** Chart title. */
    public static final String TITLE = "Firing rate vs injected current (f-I curve)";
    /** X axis label. */
    public static final String X_LABEL = "Injected current (pA)";
    /** Y axis label. */
    public static final String Y_LABEL = "Firing rate (Hz)";
    /** Legend text of the noisy theory line. */
    public static final String THEORY_LABEL = "theory (noise)";
    /** Legend text of the deterministic theory line. */
    public static final String DETERMINISTIC_LABEL = "theory (no noise)";
    /** Legend text of the rheobase marker. */
    public static final String RHEOBASE_LABEL = "rheobase (no-noise onset)";

    private static final Color KEY_GREY = new Color(0x555555);
    private static final float THEORY_WIDTH = 2.4f;
    private static final float DETERMINISTIC_WIDTH = 1.4f;
    private static final double DOT = 9;

    private FiFigure() {
    }

    /**
     * Builds the figure.
     *
     * @param curves   one entry per condition, in display order (index = palette index)
     * @param subtitle line under the title, e.g. the noise level and number of cells; may be null
     */
    public static JFreeChart chart(List<FiCurve> curves, String subtitle) {
        List<FiCurve> list = curves == null ? List.of() : curves;
        List<String> keys = Stats.uniqueKeys(list.stream().map(FiCurve::condition).toList());

        DefaultXYDataset deterministic = new DefaultXYDataset();
        DefaultXYDataset theory = new DefaultXYDataset();
        YIntervalSeriesCollection simulated = new YIntervalSeriesCollection();
        XYLineAndShapeRenderer detRenderer = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer theoryRenderer = new XYLineAndShapeRenderer(true, false);
        XYErrorRenderer pointRenderer = new XYErrorRenderer();
        Range xr = new Range();
        Range yr = new Range();
        yr.add(0);
        boolean anyTheory = false;
        boolean anyDeterministic = false;
        List<RheobaseMarkers.Marker> rheobases = new ArrayList<>();

        for (int i = 0; i < list.size(); i++) {
            FiCurve c = list.get(i);
            Color colour = ConditionPalette.colour(i);

            double[][] det = line(c.theoryCurrentPa(), c.deterministicRateHz(), xr, yr);
            deterministic.addSeries(keys.get(i), det);
            anyDeterministic |= countFinite(det) > 1;
            detRenderer.setSeriesPaint(i, colour);
            detRenderer.setSeriesStroke(i, new BasicStroke(DETERMINISTIC_WIDTH, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));

            double[][] th = line(c.theoryCurrentPa(), c.theoryRateHz(), xr, yr);
            theory.addSeries(keys.get(i), th);
            anyTheory |= countFinite(th) > 1;
            theoryRenderer.setSeriesPaint(i, colour);
            theoryRenderer.setSeriesStroke(i,
                    new BasicStroke(THEORY_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));

            YIntervalSeries pts = new YIntervalSeries(keys.get(i), false, true);
            int n = Math.min(c.currentPa().length, c.rateHz().length);
            for (int k = 0; k < n; k++) {
                double x = c.currentPa()[k];
                double y = c.rateHz()[k];
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    continue;
                }
                double sem = k < c.rateSemHz().length && Double.isFinite(c.rateSemHz()[k])
                        ? Math.abs(c.rateSemHz()[k]) : 0;
                pts.add(x, y, y - sem, y + sem);
                xr.add(x);
                yr.add(y + sem);
            }
            simulated.addSeries(pts);
            pointRenderer.setSeriesPaint(i, colour);
            pointRenderer.setSeriesShape(i, new Ellipse2D.Double(-DOT / 2, -DOT / 2, DOT, DOT));

            if (Double.isFinite(c.rheobasePa())) {
                rheobases.add(new RheobaseMarkers.Marker(c.rheobasePa(), colour));
                xr.add(c.rheobasePa());
            }
        }
        detRenderer.setDrawSeriesLineAsPath(true);
        theoryRenderer.setDrawSeriesLineAsPath(true);
        pointRenderer.setDefaultLinesVisible(false);
        pointRenderer.setDefaultShapesVisible(true);
        pointRenderer.setDrawXError(false);
        pointRenderer.setDrawYError(true);
        pointRenderer.setErrorPaint(null); // series colour
        pointRenderer.setErrorStroke(new BasicStroke(1.6f));
        pointRenderer.setCapLength(7);
        pointRenderer.setUseOutlinePaint(true);
        pointRenderer.setDefaultOutlinePaint(Color.WHITE);
        pointRenderer.setDefaultOutlineStroke(new BasicStroke(1.2f));
        pointRenderer.setDrawOutlines(true);

        CurrentAxis xAxis = new CurrentAxis(X_LABEL);
        FigureStyle.styleAxis(xAxis);
        if (xr.empty()) {
            xAxis.setRange(0, 1);
        } else {
            double span = xr.max > xr.min ? xr.max - xr.min : Math.max(1, Math.abs(xr.max));
            xAxis.setRange(xr.min - 0.03 * span, xr.max + 0.03 * span);
        }
        NumberAxis yAxis = FigureStyle.numberAxis(Y_LABEL);
        yAxis.setRange(0, yr.max > 0 ? yr.max * 1.08 : 1.0);

        XYPlot plot = new XYPlot();
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
        // back to front: noise-free theory, theory with noise, simulated points
        plot.setDataset(0, deterministic);
        plot.setRenderer(0, detRenderer);
        plot.setDataset(1, theory);
        plot.setRenderer(1, theoryRenderer);
        plot.setDataset(2, simulated);
        plot.setRenderer(2, pointRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        FigureStyle.styleXYPlot(plot);
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(FigureStyle.GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        if (!rheobases.isEmpty()) {
            RheobaseMarkers markers = new RheobaseMarkers(rheobases);
            xAxis.setRheobaseMarkers(markers); // labels under the axis line, where they never cover data
            plot.addAnnotation(markers); // the triangles
        }

        LegendItemCollection items = legendItems(keys, anyTheory, anyDeterministic, !rheobases.isEmpty());
        if (items.getItemCount() > 0) {
            LegendTitle legend = new LegendTitle(() -> items);
            legend.setItemFont(FigureStyle.LEGEND_FONT);
            legend.setItemPaint(FigureStyle.TEXT);
            legend.setBackgroundPaint(new Color(255, 255, 255, 230));
            legend.setFrame(new BlockBorder(new RectangleInsets(1, 1, 1, 1), FigureStyle.GRID));
            legend.setPadding(new RectangleInsets(4, 6, 4, 8));
            legend.setPosition(RectangleEdge.LEFT); // one item per row
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 2));
            plot.addAnnotation(new XYTitleAnnotation(0.015, 0.985, legend, RectangleAnchor.TOP_LEFT));
        }
        return FigureStyle.chart(TITLE, subtitle, plot, false);
    }

    private static LegendItemCollection legendItems(List<String> keys, boolean theory, boolean deterministic,
            boolean rheobase) {
        LegendItemCollection items = new LegendItemCollection();
        Shape dot = new Ellipse2D.Double(-DOT / 2, -DOT / 2, DOT, DOT);
        Shape errorBar = new Line2D.Double(0, -8, 0, 8);
        for (int i = 0; i < keys.size(); i++) {
            Color c = ConditionPalette.colour(i);
            items.add(item(keys.get(i) + ": simulated ± SEM", true, dot, c, true, errorBar,
                    new BasicStroke(1.6f), c));
        }
        Shape longLine = new Line2D.Double(-15, 0, 15, 0);
        if (theory) {
            items.add(item(THEORY_LABEL, false, dot, KEY_GREY, true, longLine,
                    new BasicStroke(THEORY_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND), KEY_GREY));
        }
        if (deterministic) {
            items.add(item(DETERMINISTIC_LABEL, false, dot, KEY_GREY, true, longLine,
                    new BasicStroke(DETERMINISTIC_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                            new float[] {6f, 4f}, 0f), KEY_GREY));
        }
        if (rheobase) {
            items.add(item(RHEOBASE_LABEL, true, RheobaseMarkers.triangle(0, 5), KEY_GREY, false, longLine,
                    new BasicStroke(1f), KEY_GREY));
        }
        return items;
    }

    private static LegendItem item(String label, boolean shapeVisible, Shape shape, Paint fill,
            boolean lineVisible, Shape line, Stroke lineStroke, Paint linePaint) {
        LegendItem item = new LegendItem(label, null, null, null, shapeVisible, shape, true, fill, shapeVisible,
                Color.WHITE, new BasicStroke(1f), lineVisible, line, lineStroke, linePaint);
        item.setLabelFont(FigureStyle.LEGEND_FONT);
        item.setLabelPaint(FigureStyle.TEXT);
        return item;
    }

    /** x/y series of a curve (up to the shorter array); non-finite y is kept as NaN so it leaves a gap. */
    private static double[][] line(double[] x, double[] y, Range xr, Range yr) {
        int n = Math.min(x.length, y.length);
        double[][] xy = new double[2][n];
        for (int k = 0; k < n; k++) {
            xy[0][k] = x[k];
            xy[1][k] = Double.isFinite(x[k]) && Double.isFinite(y[k]) ? y[k] : Double.NaN;
            if (Double.isFinite(xy[1][k])) {
                xr.add(x[k]);
                yr.add(y[k]);
            }
        }
        return xy;
    }

    private static int countFinite(double[][] xy) {
        int n = 0;
        for (double y : xy[1]) {
            if (Double.isFinite(y)) {
                n++;
            }
        }
        return n;
    }

    /** Running min/max of finite values. */
    private static final class Range {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double v) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }

        boolean empty() {
            return min > max;
        }
    }

    /**
     * Downward triangles with their tip on the current axis at each rheobase, each labelled
     * "rheobase N pA" in the condition colour in a strip between the axis line and the tick labels
     * (reserved with {@link #reserveStrip}), so labels never cover data. Labels of nearby markers
     * are moved sideways or into a second row so they do not overlap.
     */
    static final class RheobaseMarkers extends AbstractXYAnnotation {

        private static final long serialVersionUID = 1L;
        private static final double SIZE = 13;
        /** Height of one label row in the strip, in pixels. */
        static final int ROW_PX = 17;
        static final int MAX_ROWS = 2;

        record Marker(double currentPa, Color colour) {
        }

        private final List<Marker> markers;

        RheobaseMarkers(List<Marker> markers) {
            this.markers = List.copyOf(markers);
        }

        /** Number of label rows the strip needs. */
        int rows() {
            return Math.min(MAX_ROWS, markers.size());
        }

        /** Pushes the tick labels of the current axis down to make room for the label rows. */
        void reserveStrip(NumberAxis axis) {
            RectangleInsets i = axis.getTickLabelInsets();
            axis.setTickLabelInsets(new RectangleInsets(i.getTop() + rows() * ROW_PX + 2, i.getLeft(),
                    i.getBottom(), i.getRight()));
        }

        /** Downward triangle with its tip at (x, tipY) in Java2D space. */
        static Shape triangle(double x, double tipY) {
            return triangle(x, tipY, 11);
        }

        private static Shape triangle(double x, double tipY, double size) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(x, tipY);
            p.lineTo(x - size / 2, tipY - size * 0.9);
            p.lineTo(x + size / 2, tipY - size * 0.9);
            p.closePath();
            return p;
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis,
                ValueAxis rangeAxis, int rendererIndex, PlotRenderingInfo info) {
            double bottom = dataArea.getMaxY();
            for (Marker m : markers) {
                double px = domainAxis.valueToJava2D(m.currentPa(), dataArea, plot.getDomainAxisEdge());
                g2.setPaint(m.colour());
                g2.fill(triangle(px, bottom, SIZE));
                g2.setStroke(new BasicStroke(1f));
                g2.setPaint(Color.WHITE);
                g2.draw(triangle(px, bottom, SIZE));
            }
        }

        /**
         * Draws the labels (and a short tick through the axis line) in the strip under the axis line
         * at {@code axisY}; called by {@link CurrentAxis}, which is drawn without the data-area clip.
         */
        void drawLabels(Graphics2D g2, ValueAxis axis, double axisY, Rectangle2D dataArea, RectangleEdge edge) {
            g2.setFont(FigureStyle.SMALL_FONT);
            FontMetrics fm = g2.getFontMetrics();
            List<double[]> placed = new ArrayList<>(); // {left, right, row}
            List<Marker> sorted = new ArrayList<>(markers);
            sorted.sort(Comparator.comparingDouble(Marker::currentPa));
            for (Marker m : sorted) {
                double px = axis.valueToJava2D(m.currentPa(), dataArea, edge);
                if (px < dataArea.getMinX() - 1 || px > dataArea.getMaxX() + 1) {
                    continue;
                }
                String text = "rheobase " + FigureStyle.fmt(m.currentPa()) + " pA";
                double w = fm.stringWidth(text);
                double[] slot = place(placed, px, w, dataArea);
                placed.add(slot);
                g2.setPaint(m.colour());
                g2.setStroke(new BasicStroke(1.5f));
                g2.draw(new Line2D.Double(px, dataArea.getMaxY(), px, axisY + 3));
                double baseline = axisY + 3 + fm.getAscent() + slot[2] * ROW_PX;
                g2.drawString(text, (float) slot[0], (float) baseline);
            }
        }

        /** First free slot: centred under the marker, then to its right, then to its left, per row. */
        private double[] place(List<double[]> placed, double px, double w, Rectangle2D area) {
            double[] starts = {px - w / 2, px - 4, px - w + 4};
            for (int row = 0; row < rows(); row++) {
                for (double start : starts) {
                    double left = Math.max(area.getMinX() - 20, Math.min(start, area.getMaxX() + 10 - w));
                    boolean free = true;
                    for (double[] p : placed) {
                        if (p[2] == row && left < p[1] + 8 && left + w > p[0] - 8) {
                            free = false;
                            break;
                        }
                    }
                    if (free) {
                        return new double[] {left, left + w, row};
                    }
                }
            }
            return new double[] {px - w / 2, px + w / 2, 0};
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RheobaseMarkers r && r.markers.equals(markers);
        }

        @Override
        public int hashCode() {
            return markers.hashCode();
        }
    }

    /** The current axis; also draws the rheobase labels under its line, outside the clipped data area. */
    static final class CurrentAxis extends NumberAxis {

        private static final long serialVersionUID = 1L;
        private RheobaseMarkers markers;

        CurrentAxis(String label) {
            super(label);
        }

        void setRheobaseMarkers(RheobaseMarkers markers) {
            this.markers = markers;
            markers.reserveStrip(this);
        }

        @Override
        public AxisState draw(Graphics2D g2, double cursor, Rectangle2D plotArea, Rectangle2D dataArea,
                RectangleEdge edge, PlotRenderingInfo plotState) {
            AxisState state = super.draw(g2, cursor, plotArea, dataArea, edge, plotState);
            if (markers != null && isVisible() && edge == RectangleEdge.BOTTOM) {
                markers.drawLabels(g2, this, cursor, dataArea, edge);
            }
            return state;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CurrentAxis a && super.equals(a) && java.util.Objects.equals(markers, a.markers);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
