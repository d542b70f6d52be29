package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Simulation against theory for the validation suite: one row per case and quantity, the relative
 * error (simulated / theory - 1, in percent) as a dot, and the case's tolerance as a light grey band
 * around 0. Passing cases are blue dots, failing cases larger vermillion diamonds, so a glance
 * shows whether every dot lies inside its band; a line under the title counts the checks outside.
 * Errors far beyond every tolerance are drawn at the edge of the axis with their value written
 * next to them, so one wild failure does not shrink all the bands.
 */
public final class ValidationFigure {

    /** Chart title. */
    public static final String TITLE = "Simulation vs theory: relative error per validation case";
    /** X axis label. */
    public static final String X_LABEL = "Relative error, simulated vs theory (%)";
    /** Colour of a passing case. */
    public static final Color PASS = new Color(0x0072B2);
    /** Colour of a failing case. */
    public static final Color FAIL = new Color(0xD55E00);
    /** Fill of the tolerance bands. */
    public static final Color BAND = new Color(0xDCDCDC);
    /** Legend text of a passing case. */
    public static final String PASS_LABEL = "pass (error within tolerance)";
    /** Legend text of a failing case. */
    public static final String FAIL_LABEL = "fail";
    /** Legend text of the tolerance band. */
    public static final String BAND_LABEL = "tolerance band (± tolerance)";

    /** Errors beyond this multiple of the largest tolerance are drawn at the axis edge. */
    private static final double CLIP_FACTOR = 6;
    private static final double BAND_HALF_HEIGHT = 0.34;
    private static final double PASS_DOT = 10;
    private static final double FAIL_DIAMOND = 16;
    private static final int ROW_PX = 24;
    private static final int OVERHEAD_PX = 200;
    private static final int MIN_HEIGHT_PX = 360;

    private ValidationFigure() {
    }

    /**
     * A figure height in pixels that gives each of {@code rows} rows enough room for its label
     * (pass it to {@link FigureWriter#write(JFreeChart, java.nio.file.Path, String, int, int)}).
     */
    public static int suggestedHeightPx(int rows) {
        return Math.max(MIN_HEIGHT_PX, OVERHEAD_PX + ROW_PX * Math.max(0, rows));
    }

    /**
     * Builds the figure.
     *
     * @param points   one entry per row, top to bottom
     * @param subtitle line under the title, e.g. the suite and seed; may be null
     */
    public static JFreeChart chart(List<ValidationPoint> points, String subtitle) {
        List<ValidationPoint> list = points == null ? List.of() : points;
        int n = list.size();

        double maxTol = 0;
        for (ValidationPoint p : list) {
            if (Double.isFinite(p.tolerance())) {
                maxTol = Math.max(maxTol, Math.abs(p.tolerance()) * 100);
            }
        }
        double cap = maxTol > 0 ? CLIP_FACTOR * maxTol : Double.POSITIVE_INFINITY;
        double maxShown = maxTol;
        for (ValidationPoint p : list) {
            double e = Math.abs(p.effectiveRelativeError() * 100);
            if (Double.isFinite(e) && e <= cap) {
                maxShown = Math.max(maxShown, e);
            }
        }
        double limit = maxShown > 0 ? maxShown * 1.25 : 1.0;

        String[] labels = new String[n];
        List<double[]> pass = new ArrayList<>();
        List<double[]> fail = new ArrayList<>();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int failures = 0;
        for (int row = 0; row < n; row++) {
            ValidationPoint p = list.get(row);
            // the first case at the top: y = n - 1 - row (an inverted axis would break the bands)
            int i = n - 1 - row;
            labels[i] = p.label();
            if (!p.pass()) {
                failures++;
            }
            double tol = Math.abs(p.tolerance()) * 100;
            if (Double.isFinite(tol) && tol > 0) {
                renderer.addAnnotation(new XYBoxAnnotation(-tol, i - BAND_HALF_HEIGHT, tol, i + BAND_HALF_HEIGHT,
                        null, null, BAND), Layer.BACKGROUND);
            }
            double e = p.effectiveRelativeError() * 100;
            if (!Double.isFinite(e)) {
                renderer.addAnnotation(text("n/a", 0, i, TextAnchor.CENTER, FigureStyle.AXIS), Layer.FOREGROUND);
                continue;
            }
            double x = e;
            if (Math.abs(e) > limit) {
                x = Math.signum(e) * limit * 0.96;
                XYTextAnnotation value = text(signedPercent(e) + " ›", x - Math.signum(e) * limit * 0.04, i,
                        e > 0 ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT, p.pass() ? PASS : FAIL);
                if (e < 0) {
                    value.setText("‹ " + signedPercent(e));
                }
                renderer.addAnnotation(value, Layer.FOREGROUND);
            } else if (!p.pass()) {
                // a failing case also gets its value, written on the far side of the diamond
                double gap = limit * 0.035;
                boolean right = e >= 0 ? e + 4 * gap < limit : e - 4 * gap < -limit;
                renderer.addAnnotation(text(signedPercent(e), right ? e + gap : e - gap, i,
                        right ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT, FAIL), Layer.FOREGROUND);
            }
            (p.pass() ? pass : fail).add(new double[] {x, i});
        }
        // the zero line on top of the bands, below the dots
        renderer.addAnnotation(new XYLineAnnotation(0, -0.5, 0, Math.max(0.5, n - 0.5),
                new BasicStroke(1.3f), FigureStyle.THRESHOLD), Layer.BACKGROUND);

        DefaultXYDataset dataset = new DefaultXYDataset();
        dataset.addSeries(PASS_LABEL, toXy(pass));
        dataset.addSeries(FAIL_LABEL, toXy(fail));
        Shape dot = new Ellipse2D.Double(-PASS_DOT / 2, -PASS_DOT / 2, PASS_DOT, PASS_DOT);
        Shape diamond = diamond(FAIL_DIAMOND);
        renderer.setSeriesShape(0, dot);
        renderer.setSeriesPaint(0, PASS);
        renderer.setSeriesShape(1, diamond);
        renderer.setSeriesPaint(1, FAIL);
        renderer.setUseOutlinePaint(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        renderer.setDefaultOutlineStroke(new BasicStroke(1f));
        renderer.setDrawOutlines(true);
        renderer.setSeriesVisibleInLegend(0, false);
        renderer.setSeriesVisibleInLegend(1, false);

        NumberAxis xAxis = FigureStyle.numberAxis(X_LABEL);
        xAxis.setRange(-limit, limit);

        SymbolAxis yAxis = new SymbolAxis(null, labels);
        FigureStyle.styleAxis(yAxis);
        yAxis.setTickLabelFont(n > 25 ? FigureStyle.SMALL_FONT : FigureStyle.TICK_FONT);
        yAxis.setGridBandsVisible(false);
        yAxis.setTickMarksVisible(false);
        yAxis.setRange(-0.6, Math.max(0.6, n - 0.4));
        yAxis.setAutoRange(false);

        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        FigureStyle.styleXYPlot(plot);
        plot.setRangeGridlinePaint(new Color(0xEEEEEE));
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(FigureStyle.GRID);
        plot.setFixedLegendItems(legendItems(dot, diamond));

        JFreeChart chart = FigureStyle.chart(TITLE, subtitle, plot, true);
        LegendTitle legend = chart.getLegend();
        chart.removeLegend();
        TextTitle summary = new TextTitle(summary(n, failures), new Font(FigureStyle.FONT_FAMILY, Font.BOLD, 14));
        summary.setPaint(failures == 0 ? PASS : FAIL);
        summary.setPadding(new RectangleInsets(0, 0, 4, 0));
        chart.addSubtitle(summary);
        chart.addLegend(legend); // under the summary
        return chart;
    }

    /** e.g. "All 24 checks are within tolerance", "2 of 24 checks outside tolerance" (a check: one case's rate, CV, ...). */
    static String summary(int checks, int failures) {
        if (checks == 0) {
            return "No validation checks";
        }
        if (failures == 0) {
            return (checks == 1 ? "The check is" : "All " + FigureStyle.count(checks) + " checks are")
                    + " within tolerance";
        }
        return FigureStyle.count(failures) + " of " + FigureStyle.plural(checks, "check", "checks")
                + " outside tolerance";
    }

    private static LegendItemCollection legendItems(Shape dot, Shape diamond) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(item(PASS_LABEL, dot, PASS));
        items.add(item(FAIL_LABEL, diamond, FAIL));
        items.add(item(BAND_LABEL, new Rectangle2D.Double(-12, -6, 24, 12), BAND));
        return items;
    }

    private static LegendItem item(String label, Shape shape, Color fill) {
        LegendItem item = new LegendItem(label, null, null, null, shape, fill);
        item.setLabelFont(FigureStyle.LEGEND_FONT);
        item.setLabelPaint(FigureStyle.TEXT);
        return item;
    }

    private static XYTextAnnotation text(String s, double x, double y, TextAnchor anchor, Color colour) {
        XYTextAnnotation a = new XYTextAnnotation(s, x, y);
        a.setFont(FigureStyle.SMALL_FONT);
        a.setPaint(colour);
        a.setTextAnchor(anchor);
        return a;
    }

    private static String signedPercent(double v) {
        String s = FigureStyle.fmt(v) + " %";
        return v > 0 ? "+" + s : s;
    }

    private static Shape diamond(double size) {
        double h = size / 2;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -h);
        p.lineTo(h, 0);
        p.lineTo(0, h);
        p.lineTo(-h, 0);
        p.closePath();
        return p;
    }

    private static double[][] toXy(List<double[]> pts) {
        double[][] xy = new double[2][pts.size()];
        for (int k = 0; k < pts.size(); k++) {
            xy[0][k] = pts.get(k)[0];
            xy[1][k] = pts.get(k)[1];
        }
        return xy;
    }
}
