package purkinje.plot;

import java.awt.BasicStroke;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/** Population firing rate over time, one line per condition. */
public final class PopulationRateFigure {

    /** Chart title. */
    public static final String TITLE = "Population firing rate over time";
    /** X axis label. */
    public static final String X_LABEL = "Time (s)";
    /** Y axis label. */
    public static final String Y_LABEL = "Population rate (Hz)";

    private PopulationRateFigure() {
    }

    /**
     * Builds the figure.
     *
     * @param rates  one entry per condition, in display order (index = palette index)
     * @param kernel how the rate was smoothed, shown as the subtitle (e.g. "Gaussian kernel, SD 100 ms"); null for none
     */
    public static JFreeChart chart(List<ConditionPopulationRate> rates, String kernel) {
        List<ConditionPopulationRate> list = rates == null ? List.of() : rates;
        List<String> keys = Stats.uniqueKeys(list.stream().map(ConditionPopulationRate::condition).toList());
        DefaultXYDataset dataset = new DefaultXYDataset();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        double maxRate = 0;
        double maxT = 0;
        double minT = 0;
        for (int i = 0; i < list.size(); i++) {
            ConditionPopulationRate r = list.get(i);
            int n = r.timeMs().length;
            double[][] xy = new double[2][n];
            for (int k = 0; k < n; k++) {
                xy[0][k] = r.timeMs()[k] / 1000.0;
                xy[1][k] = r.rateHz()[k];
                if (Double.isFinite(r.rateHz()[k])) {
                    maxRate = Math.max(maxRate, r.rateHz()[k]);
                }
                if (Double.isFinite(xy[0][k])) {
                    maxT = Math.max(maxT, xy[0][k]);
                    minT = Math.min(minT, xy[0][k]);
                }
            }
            dataset.addSeries(keys.get(i), xy);
            renderer.setSeriesPaint(i, ConditionPalette.colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        NumberAxis xAxis = FigureStyle.numberAxis(X_LABEL);
        xAxis.setRange(minT, maxT > minT ? maxT : minT + 1);
        NumberAxis yAxis = FigureStyle.numberAxis(Y_LABEL);
        yAxis.setRange(0, maxRate > 0 ? maxRate * 1.1 : 1.0);

        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        FigureStyle.styleXYPlot(plot);
        return FigureStyle.chart(TITLE, kernel, plot, true);
    }
}
