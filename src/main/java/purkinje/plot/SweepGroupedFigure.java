package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Mean firing rate against one parameter of a two-parameter grid, the points grouped by the other
 * parameter: one line per value of it (a sequential colour scale, dark to light as the value
 * grows, so the colours do not stand for conditions), each with its 95 % confidence band and its
 * closed-form theory as a dashed line of the same colour. One panel per condition, side by side,
 * sharing the rate axis.
 */
public final class SweepGroupedFigure {
    private SweepGroupedFigure() {
    }

    /** One panel: a condition and its lines, one per value of the grouping parameter (in group order). */
    public record Panel(String condition, List<SweepSeries> groups) {
    }

    /**
     * Builds the figure.
     *
     * @param xLabel     the parameter on the horizontal axis, with its unit
     * @param groupLabel the grouping parameter, with its unit (legend title)
     * @param groupNames legend text per group, e.g. "2 mV"
     * @param panels     one per condition; each holds one series per group, in the order of groupNames
     * @param subtitle   line under the title; may be null
     */
    public static JFreeChart chart(String xLabel, String groupLabel, List<String> groupNames, List<Panel> panels,
                                   String subtitle) {
        NumberAxis y = FigureStyle.numberAxis(SweepRateFigure.Y_LABEL);
        y.setAutoRangeIncludesZero(true);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(y);
        combined.setGap(16);
        boolean anyTheory = false;
        for (Panel panel : panels) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            XYSeriesCollection theory = new XYSeriesCollection();
            DeviationRenderer r = new DeviationRenderer(true, true);
            r.setAlpha(0.2f);
            XYLineAndShapeRenderer tr = new XYLineAndShapeRenderer(true, false);
            for (int g = 0; g < panel.groups().size(); g++) {
                SweepSeries s = panel.groups().get(g);
                XYSeries t = SweepRateFigure.theoryLine(s, groupNames.get(g) + " theory", true);
                data.addSeries(SweepRateFigure.meanWithBounds(s, groupNames.get(g), true));
                Color c = groupColour(g, groupNames.size());
                r.setSeriesPaint(g, c);
                r.setSeriesFillPaint(g, c);
                r.setSeriesStroke(g, new BasicStroke(2f));
                r.setSeriesShape(g, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
                theory.addSeries(t);
                tr.setSeriesPaint(g, c);
                tr.setSeriesStroke(g, dashed());
                anyTheory |= t.getItemCount() > 1;
            }
            NumberAxis x = FigureStyle.numberAxis(xLabel);
            x.setAutoRangeIncludesZero(false);
            x.setLowerMargin(0.03);
            x.setUpperMargin(0.03);
            XYPlot sub = new XYPlot(data, x, null, r);
            FigureStyle.styleXYPlot(sub);
            sub.setDataset(1, theory);
            sub.setRenderer(1, tr);
            sub.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD); // theory on top
            TextTitle name = new TextTitle(panel.condition(), FigureStyle.ANNOTATION_FONT);
            name.setPaint(FigureStyle.TEXT);
            name.setBackgroundPaint(new Color(255, 255, 255, 200));
            sub.addAnnotation(new XYTitleAnnotation(0.02, 0.02, name, RectangleAnchor.BOTTOM_LEFT));
            combined.add(sub, 1);
        }
        LegendItemCollection legend = new LegendItemCollection();
        for (int g = 0; g < groupNames.size(); g++) {
            LegendItem item = new LegendItem((g == 0 ? SweepRateFigure.withoutParenthesis(groupLabel) + ": " : "")
                    + groupNames.get(g), null, null,
                    null, new Line2D.Double(-9, 0, 9, 0), new BasicStroke(3f), groupColour(g, groupNames.size()));
            item.setLabelFont(FigureStyle.LEGEND_FONT);
            legend.add(item);
        }
        if (anyTheory) {
            LegendItem item = new LegendItem("dashed: theory", null, null, null, new Line2D.Double(-9, 0, 9, 0),
                    dashed(), FigureStyle.THRESHOLD);
            item.setLabelFont(FigureStyle.LEGEND_FONT);
            legend.add(item);
        }
        combined.setFixedLegendItems(legend);
        String key = "Line = mean over cells; band = 95 % confidence interval";
        String sub = subtitle == null || subtitle.isBlank() ? key : subtitle + " | " + key;
        return FigureStyle.chart(SweepRateFigure.titleName(xLabel), sub, combined, true);
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    /**
     * Colour of group {@code g} of {@code n}: viridis from dark purple to green, stopping before
     * its light yellow end, which would vanish on white.
     */
    static Color groupColour(int g, int n) {
        return SweepHeatmapFigure.viridis(n <= 1 ? 0 : 0.8 * g / (n - 1));
    }
}
