package purkinje.plot;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultIntervalXYDataset;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Interspike-interval histograms of all conditions overlaid: a solid outline plus a faint fill
 * in the condition colour, normalised to a probability density so that conditions with different
 * numbers of intervals compare directly (each histogram has area 1).
 */
public final class IsiHistogramFigure {

    /** Chart title. */
    public static final String TITLE = "Distribution of interspike intervals by condition";
    /** X axis label. */
    public static final String X_LABEL = "Interspike interval (ms)";
    /** Y axis label. */
    public static final String Y_LABEL = "Probability density (1/ms)";
    /** Upper bound on the number of bins (the bin width is widened beyond it). */
    public static final int MAX_BINS = 2000;
    /** Fraction of pooled intervals shown; the axis is cut at this quantile to hide a long tail. */
    public static final double SHOWN_QUANTILE = 0.995;

    private IsiHistogramFigure() {
    }

    /**
     * Builds the figure.
     *
     * @param isis  one entry per condition, in display order (index = palette index)
     * @param binMs bin width in ms (if not positive, about 50 bins over the shown range are used)
     */
    public static JFreeChart chart(List<ConditionIsis> isis, double binMs) {
        List<ConditionIsis> list = isis == null ? List.of() : isis;
        List<String> keys = Stats.uniqueKeys(list.stream().map(ConditionIsis::condition).toList());

        List<double[]> sorted = new ArrayList<>();
        int pooledN = 0;
        for (ConditionIsis c : list) {
            double[] s = java.util.Arrays.stream(Stats.finiteSorted(c.isisMs())).filter(x -> x >= 0).toArray();
            sorted.add(s);
            pooledN += s.length;
        }
        double[] pooled = new double[pooledN];
        int p = 0;
        for (double[] s : sorted) {
            System.arraycopy(s, 0, pooled, p, s.length);
            p += s.length;
        }
        java.util.Arrays.sort(pooled);
        double maxIsi = pooledN > 0 ? pooled[pooledN - 1] : 0;
        double shownMax = pooledN > 0 ? Stats.quantile(pooled, SHOWN_QUANTILE) : 0;

        double bin = binMs > 0 && Double.isFinite(binMs) ? binMs : Math.max(shownMax, 1) / 50.0;
        if (maxIsi / bin > MAX_BINS) {
            bin = maxIsi / MAX_BINS;
        }
        int nBins = Math.max(1, (int) Math.floor(maxIsi / bin) + 1);

        DefaultIntervalXYDataset bars = new DefaultIntervalXYDataset();
        DefaultXYDataset outlines = new DefaultXYDataset();
        double maxDensity = 0;
        for (int i = 0; i < list.size(); i++) {
            double[] s = sorted.get(i);
            double[] counts = new double[nBins];
            for (double x : s) {
                counts[Math.min(nBins - 1, (int) Math.floor(x / bin))]++;
            }
            double[][] data = new double[6][nBins];
            double[][] step = new double[2][nBins + 2];
            for (int b = 0; b < nBins; b++) {
                double density = s.length > 0 ? counts[b] / (s.length * bin) : 0;
                maxDensity = Math.max(maxDensity, density);
                data[0][b] = (b + 0.5) * bin;
                data[1][b] = b * bin;
                data[2][b] = (b + 1) * bin;
                data[3][b] = density;
                data[4][b] = 0;
                data[5][b] = density;
                step[0][b] = b * bin;
                step[1][b] = density;
            }
            step[0][nBins] = nBins * bin;
            step[1][nBins] = 0;
            step[0][nBins + 1] = nBins * bin;
            step[1][nBins + 1] = 0;
            String label = keys.get(i) + " (" + FigureStyle.plural(s.length, "interval", "intervals")
                    + (s.length > 0 ? ", median " + FigureStyle.fmtMeasured(Stats.quantile(s, 0.5)) + " ms" : "") + ")";
            bars.addSeries(keys.get(i), data);
            outlines.addSeries(label, s.length > 0 ? step : new double[2][0]);
        }

        NumberAxis xAxis = FigureStyle.numberAxis(X_LABEL);
        double upper = Math.max(bin, Math.ceil(shownMax / bin) * bin);
        xAxis.setRange(0, upper);
        NumberAxis yAxis = FigureStyle.numberAxis(Y_LABEL);
        yAxis.setRange(0, maxDensity > 0 ? maxDensity * 1.08 : 1.0);

        XYBarRenderer barRenderer = new XYBarRenderer();
        barRenderer.setBarPainter(new StandardXYBarPainter());
        barRenderer.setShadowVisible(false);
        barRenderer.setDrawBarOutline(false);
        barRenderer.setMargin(0);
        XYStepRenderer stepRenderer = new XYStepRenderer();
        stepRenderer.setDefaultShapesVisible(false);
        for (int i = 0; i < list.size(); i++) {
            barRenderer.setSeriesPaint(i, ConditionPalette.colour(i, 38));
            stepRenderer.setSeriesPaint(i, ConditionPalette.colour(i));
            stepRenderer.setSeriesStroke(i, new BasicStroke(2.2f));
            barRenderer.setSeriesVisibleInLegend(i, false); // the solid outline carries the legend
        }

        XYPlot plot = new XYPlot(bars, xAxis, yAxis, barRenderer);
        plot.setDataset(1, outlines);
        plot.setRenderer(1, stepRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        FigureStyle.styleXYPlot(plot);

        JFreeChart chart = FigureStyle.chart(TITLE, null, plot, true);
        String note = "Bin width " + FigureStyle.fmt(bin) + " ms; each histogram has area 1";
        if (pooledN > 0 && shownMax < maxIsi) {
            note += "; longest intervals (above " + FigureStyle.fmt(upper) + " ms) not shown";
        }
        TextTitle key = new TextTitle(note, FigureStyle.SMALL_FONT);
        key.setPaint(FigureStyle.AXIS);
        key.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(key);
        return chart;
    }
}
