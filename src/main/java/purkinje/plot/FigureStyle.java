package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Shared visual language of the figures: fonts, white background, light grid, axis styling.
 * Everything is applied per chart; no global JFreeChart theme is touched.
 */
final class FigureStyle {

    static final String FONT_FAMILY = Font.SANS_SERIF;
    static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 20);
    static final Font SUBTITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font AXIS_LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 16);
    static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font CATEGORY_TICK_FONT = new Font(FONT_FAMILY, Font.BOLD, 16);
    static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    static final Font ANNOTATION_FONT = new Font(FONT_FAMILY, Font.BOLD, 14);
    static final Font SMALL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);

    static final Color TEXT = new Color(0x222222);
    static final Color AXIS = new Color(0x555555);
    static final Color GRID = new Color(0xE3E3E3);
    static final Color THRESHOLD = new Color(0x444444);

    private FigureStyle() {
    }

    /** A white chart with title, optional subtitle and (optionally) a legend at the bottom. */
    static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.getRenderingHints().put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        chart.getTitle().setPaint(TEXT);
        if (subtitle != null && !subtitle.isBlank()) {
            TextTitle sub = new ClauseTitle(subtitle, SUBTITLE_FONT);
            sub.setPaint(TEXT);
            sub.setPadding(new RectangleInsets(2, 0, 6, 0));
            chart.addSubtitle(sub);
        }
        LegendTitle lt = chart.getLegend();
        if (lt != null) {
            lt.setItemFont(LEGEND_FONT);
            lt.setItemPaint(TEXT);
            lt.setBackgroundPaint(Color.WHITE);
            lt.setFrame(BlockBorder.NONE);
            lt.setPosition(RectangleEdge.TOP);
        }
        return chart;
    }

    /** White plot area, no outline, light horizontal grid only. */
    static void styleXYPlot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setDomainZeroBaselineVisible(false);
        plot.setRangeZeroBaselineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        plot.setInsets(new RectangleInsets(4, 4, 4, 8));
    }

    /** A number axis with the given label (which should carry the unit). */
    static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        styleAxis(axis);
        return axis;
    }

    static void styleAxis(ValueAxis axis) {
        axis.setLabelFont(AXIS_LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS);
        axis.setTickMarkPaint(AXIS);
        axis.setAxisLineStroke(new BasicStroke(1f));
    }

    /**
     * A measured value (a median, a mean rate) with three significant digits whatever its value, so
     * labels side by side read alike: 15.0 and 9.50, never 15 next to 9.50.
     */
    static String fmtMeasured(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        if (v == 0) {
            return "0";
        }
        // round first (9.996 is 10.0, not 10.00), then show the three digits, zeros included (15.0)
        java.math.BigDecimal r = new java.math.BigDecimal(v).round(new java.math.MathContext(3));
        int magnitude = r.precision() - r.scale() - 1; // floor(log10 |r|)
        return r.setScale(Math.max(0, 2 - magnitude), java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Formats a number with a sensible number of digits for labels, e.g. 41.8, 3.2, 120. */
    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100 || a == 0 || (a >= 1 && v == Math.rint(v))) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /** Count with a thousands separator, e.g. 12,345. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String plural(long n, String singular, String plural) {
        return count(n) + " " + (n == 1 ? singular : plural);
    }
}
