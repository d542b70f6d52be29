package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYBoxAnnotation;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Per-cell firing rate by condition: every cell is a dot (with reproducible horizontal jitter),
 * a box spans the quartiles and a black line marks the median of each condition.
 */
public final class RateByConditionFigure {

    /** Chart title. */
    public static final String TITLE = "Firing rate of each cell by condition";
    /** Y axis label. */
    public static final String Y_LABEL = "Firing rate (Hz)";
    /** Explanation printed under the plot. */
    public static final String KEY = "Each dot is one cell; box = 25th to 75th percentile; black line = median";

    private static final double JITTER_HALF_WIDTH = 0.17;
    private static final double BOX_HALF_WIDTH = 0.28;

    private RateByConditionFigure() {
    }

    /**
     * Builds the figure.
     *
     * @param rates    one entry per condition, in display order (index = palette index)
     * @param subtitle statistics line under the title, e.g. from {@link #comparisonSubtitle}; may be null
     */
    public static JFreeChart chart(List<ConditionRates> rates, String subtitle) {
        List<ConditionRates> conditions = rates == null ? List.of() : rates;
        List<String> names = new ArrayList<>();
        names.addAll(tickLabels(conditions.stream().map(ConditionRates::condition).toList()));
        List<String> keys = Stats.uniqueKeys(names);

        DefaultXYDataset dots = new DefaultXYDataset();
        double maxRate = 0;
        List<double[]> sortedPerCondition = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            double[] values = conditions.get(i).ratesHz();
            List<double[]> points = new ArrayList<>();
            for (int k = 0; k < values.length; k++) {
                if (Double.isFinite(values[k])) {
                    points.add(new double[] {i + JITTER_HALF_WIDTH * Stats.jitter(k), values[k]});
                }
            }
            double[][] xy = new double[2][points.size()];
            for (int k = 0; k < points.size(); k++) {
                xy[0][k] = points.get(k)[0];
                xy[1][k] = points.get(k)[1];
            }
            dots.addSeries(keys.get(i), xy);
            double[] sorted = Stats.finiteSorted(values);
            sortedPerCondition.add(sorted);
            if (sorted.length > 0) {
                maxRate = Math.max(maxRate, sorted[sorted.length - 1]);
            }
        }

        SymbolAxis xAxis = new SymbolAxis(null, names.toArray(new String[0]));
        FigureStyle.styleAxis(xAxis);
        xAxis.setTickLabelFont(FigureStyle.CATEGORY_TICK_FONT);
        xAxis.setGridBandsVisible(false);
        xAxis.setTickMarksVisible(false);
        xAxis.setRange(-0.5, Math.max(0.5, conditions.size() - 0.5));
        xAxis.setAutoRange(false);

        NumberAxis yAxis = FigureStyle.numberAxis(Y_LABEL);
        yAxis.setRange(0, maxRate > 0 ? maxRate * 1.15 : 1.0);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        // dots shrink with the number of cells (area ~ 1/n beyond 200 per condition), so a large run's
        // clouds keep some texture instead of a solid blob over the box
        int most = conditions.stream().mapToInt(c -> c.ratesHz().length).max().orElse(0);
        double d = most <= 200 ? 9 : Math.max(3, 9 * Math.sqrt(200.0 / most));
        Ellipse2D dot = new Ellipse2D.Double(-d / 2, -d / 2, d, d);
        for (int i = 0; i < conditions.size(); i++) {
            renderer.setSeriesShape(i, dot);
            renderer.setSeriesPaint(i, ConditionPalette.colour(i, 170));
            renderer.setSeriesOutlinePaint(i, ConditionPalette.colour(i));
        }
        renderer.setUseOutlinePaint(true);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.8f));
        renderer.setDrawOutlines(true);

        for (int i = 0; i < conditions.size(); i++) {
            double[] sorted = sortedPerCondition.get(i);
            if (sorted.length == 0) {
                XYTextAnnotation none = new XYTextAnnotation("no cells", i, maxRate > 0 ? maxRate * 0.05 : 0.05);
                none.setFont(FigureStyle.SMALL_FONT);
                none.setPaint(FigureStyle.AXIS);
                none.setTextAnchor(TextAnchor.BOTTOM_CENTER);
                renderer.addAnnotation(none, Layer.FOREGROUND);
                continue;
            }
            double q1 = Stats.quantile(sorted, 0.25);
            double med = Stats.quantile(sorted, 0.5);
            double q3 = Stats.quantile(sorted, 0.75);
            XYBoxAnnotation box = new XYBoxAnnotation(i - BOX_HALF_WIDTH, q1, i + BOX_HALF_WIDTH, q3,
                    new BasicStroke(1.5f), ConditionPalette.colour(i), ConditionPalette.tint(i, 0.85));
            renderer.addAnnotation(box, Layer.BACKGROUND);
            XYLineAnnotation medianLine = new XYLineAnnotation(i - BOX_HALF_WIDTH, med, i + BOX_HALF_WIDTH, med,
                    new BasicStroke(3.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER), Color.BLACK);
            renderer.addAnnotation(medianLine, Layer.FOREGROUND);
            // "median" only while there is room for it: with many conditions the label would overlap
            // its neighbours' and be cut at the plot's edges (the key below says what the line is)
            XYTextAnnotation label = new XYTextAnnotation((conditions.size() > MEDIAN_WORD_UP_TO ? "" : "median ")
                    + FigureStyle.fmtMeasured(med) + " Hz", i, sorted[sorted.length - 1] + 0.03 * maxRate);
            label.setFont(FigureStyle.ANNOTATION_FONT);
            label.setPaint(ConditionPalette.colour(i));
            label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            renderer.addAnnotation(label, Layer.FOREGROUND);
        }

        XYPlot plot = new XYPlot(dots, xAxis, yAxis, renderer);
        FigureStyle.styleXYPlot(plot);

        JFreeChart chart = FigureStyle.chart(TITLE, subtitle, plot, false);
        TextTitle key = new TextTitle(KEY, FigureStyle.SMALL_FONT);
        key.setPaint(FigureStyle.AXIS);
        key.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(key);
        return chart;
    }

    /** Conditions up to which each median label says "median". */
    static final int MEDIAN_WORD_UP_TO = 4;
    /** Characters of condition names that fit under the axis side by side (a figure 900 px wide). */
    static final int TICK_CHARACTERS = 75;

    /**
     * A condition's name under the axis, shortened with an ellipsis where the names of {@code n}
     * conditions would not fit side by side (the axis then drew only some of them, so clouds were
     * known by colour alone); the subtitle keeps the full names.
     */
    static String tickLabel(String name, int n) {
        int max = Math.max(10, TICK_CHARACTERS / Math.max(1, n));
        return name.length() <= max ? name : name.substring(0, max - 1) + "\u2026";
    }

    /**
     * The names under the axis: as {@link #tickLabel}, but where some name must be shortened, the
     * start and end that all names share (e.g. "dosage-" and "-knockdown-line-1") are left out
     * first, so the labels keep what tells the conditions apart.
     */
    static List<String> tickLabels(List<String> names) {
        int n = names.size();
        int max = Math.max(10, TICK_CHARACTERS / Math.max(1, n));
        if (n < 2 || names.stream().allMatch(s -> s.length() <= max)) {
            return names;
        }
        String first = names.get(0);
        int prefix = first.length();
        int suffix = first.length();
        for (String s : names) {
            int p = 0;
            while (p < Math.min(prefix, s.length()) && s.charAt(p) == first.charAt(p)) {
                p++;
            }
            prefix = p;
            int q = 0;
            while (q < Math.min(suffix, s.length()) && s.charAt(s.length() - 1 - q) == first.charAt(first.length() - 1 - q)) {
                q++;
            }
            suffix = q;
        }
        List<String> out = new ArrayList<>();
        for (String s : names) {
            int from = prefix >= 4 ? prefix : 0;
            int to = suffix >= 4 && s.length() - suffix > from ? s.length() - suffix : s.length();
            String core = (from > 0 ? "\u2026" : "") + s.substring(from, to) + (to < s.length() ? "\u2026" : "");
            out.add(tickLabel(core, n));
        }
        return out;
    }

    /**
     * One line of the statistics subtitle: one condition against the reference, e.g.
     * {@code "meis1-reduced vs wild-type: -31 % (95 % CI -34 to -28 %), Mann-Whitney p = 2.1e-12, 40 cells each"}.
     * With several conditions the subtitle has one such line per condition (joined by newlines).
     *
     * @param testCondition      name of the condition compared with the reference
     * @param referenceCondition name of the reference condition (wild type)
     * @param changePercent      change of the mean firing rate relative to the reference, in percent
     * @param ciLow              lower end of the 95 % confidence interval of the change, in percent
     * @param ciHigh             upper end of the 95 % confidence interval of the change, in percent
     * @param p                  two-sided Mann-Whitney U test p value (NaN if not computed)
     * @param nPerCondition      number of cells in each condition
     */
    public static String comparisonSubtitle(String testCondition, String referenceCondition, double changePercent,
            double ciLow, double ciHigh, double p, int nPerCondition) {
        String ci = Double.isFinite(ciLow) && Double.isFinite(ciHigh) ? percent(ciLow) + " to " + percent(ciHigh) + " %"
                : "n/a"; // one cell, or resamples with a silent reference: no interval (null in comparison.json)
        String change = Double.isFinite(changePercent) ? percent(changePercent) + " % (95 % CI " + ci + ")"
                : "no percent change (" + referenceCondition + " silent)"; // the change from 0 Hz is undefined
        return testCondition + " vs " + referenceCondition + ": " + change
                + ", Mann-Whitney " + pText(p)
                + ", " + FigureStyle.plural(nPerCondition, "cell", "cells") + " each";
    }

    /** One condition's comparison with the reference, as the subtitle shows it (percent; p two-sided). */
    public record RateChange(String test, String reference, double changePercent, double ciLowPercent,
                             double ciHighPercent, double mannWhitneyP) {
    }

    /** Whether {@link #comparisonsSubtitle} gives one short clause each (no intervals): beyond {@link #FULL_LINES_UP_TO}, one reference. */
    public static boolean shortClauses(List<RateChange> changes) {
        return changes.size() > FULL_LINES_UP_TO && changes.stream().map(RateChange::reference).distinct().count() <= 1;
    }

    /** Comparisons written in full ({@link #comparisonSubtitle}), one line each, up to this many. */
    public static final int FULL_LINES_UP_TO = 2;

    /**
     * The statistics subtitle of several comparisons: up to {@link #FULL_LINES_UP_TO} one full line
     * each; beyond, one short clause per condition after a common head, with the names as under
     * the axis, so that six comparisons take two lines instead of half the figure, e.g.
     * {@code "change of the mean rate and Mann-Whitney p against wild-type, 40 cells each: het -12 %
     * (p = 1.7e-4), no-meis1 -31 % (p = 2.1e-12), ..."} (the confidence intervals are in the report
     * and comparison.json).
     *
     * @param conditions every condition in display order (for the names under the axis)
     */
    public static String comparisonsSubtitle(List<RateChange> changes, int cellsPerCondition, List<String> conditions) {
        if (!shortClauses(changes)) {
            return String.join("\n", changes.stream().map(c -> comparisonSubtitle(c.test(), c.reference(),
                    c.changePercent(), c.ciLowPercent(), c.ciHighPercent(), c.mannWhitneyP(), cellsPerCondition))
                    .toList());
        }
        List<String> labels = tickLabels(conditions);
        StringBuilder out = new StringBuilder("change of the mean rate and Mann-Whitney p against ")
                .append(changes.get(0).reference()).append(", ")
                .append(FigureStyle.plural(cellsPerCondition, "cell", "cells")).append(" each: ");
        for (int i = 0; i < changes.size(); i++) {
            RateChange c = changes.get(i);
            int at = conditions.indexOf(c.test());
            String change = Double.isFinite(c.changePercent()) ? percent(c.changePercent()) + " %" : "n/a";
            out.append(i > 0 ? ", " : "").append(at >= 0 ? labels.get(at) : c.test()).append(' ').append(change)
                    .append(" (").append(pText(c.mannWhitneyP())).append(')');
        }
        return out.toString();
    }

    private static String percent(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        long r = Math.round(v);
        return r > 0 ? "+" + r : Long.toString(r);
    }

    /** "p = 0.032", or "p < 1e-300" where the p-value underflows (never "p = < 1e-300"). */
    public static String pText(double p) {
        String v = pValue(p);
        return v.startsWith("<") ? "p " + v : "p = " + v;
    }

    /** p value with two significant digits: 0.032, 0.0041, 2.1e-12; "< 1e-300" for underflow. */
    public static String pValue(double p) {
        if (!Double.isFinite(p) || p < 0) {
            return "n/a";
        }
        if (p == 0) {
            return "< 1e-300";
        }
        if (p >= 0.001) {
            String s = String.format(Locale.ROOT, "%.2g", p);
            return s.contains("e") ? String.format(Locale.ROOT, "%.3f", p) : s;
        }
        String s = String.format(Locale.ROOT, "%.1e", p); // e.g. 2.1e-12, 1.0e-05
        return s.replace("e-0", "e-").replace("e+0", "e+");
    }
}
