package purkinje.plot;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The average simple-spike rate around complex spikes (a complex-spike-triggered histogram), one
 * line per condition; time 0 is the complex spike, so the pause shows as a dip after 0.
 */
public final class ComplexSpikeTriggeredFigure {
    public static final String TITLE = "Simple-spike rate around complex spikes";
    public static final String X_LABEL = "Time from complex spike (ms)";
    public static final String Y_LABEL = "Simple-spike rate (Hz)";

    private ComplexSpikeTriggeredFigure() {
    }

    /**
     * @param rates per condition: bin start times relative to the complex spike (ms) and the mean
     *              simple-spike rate in each bin (Hz)
     */
    public static JFreeChart chart(List<ConditionPopulationRate> rates, String subtitle) {
        List<ConditionPopulationRate> list = rates == null ? List.of() : rates;
        List<String> keys = Stats.uniqueKeys(list.stream().map(ConditionPopulationRate::condition).toList());
        DefaultXYDataset data = new DefaultXYDataset();
        XYStepRenderer renderer = new XYStepRenderer();
        double max = 0;
        double lo = 0;
        double hi = 0;
        for (int i = 0; i < list.size(); i++) {
            ConditionPopulationRate r = list.get(i);
            data.addSeries(keys.get(i), new double[][] {r.timeMs(), r.rateHz()});
            renderer.setSeriesPaint(i, ConditionPalette.colour(i));
            renderer.setSeriesStroke(i, new BasicStroke(2.2f));
            for (int k = 0; k < r.timeMs().length; k++) {
                lo = Math.min(lo, r.timeMs()[k]);
                hi = Math.max(hi, r.timeMs()[k]);
                if (Double.isFinite(r.rateHz()[k])) {
                    max = Math.max(max, r.rateHz()[k]);
                }
            }
        }
        NumberAxis x = FigureStyle.numberAxis(X_LABEL);
        x.setRange(lo, hi > lo ? hi : lo + 1);
        NumberAxis y = FigureStyle.numberAxis(Y_LABEL);
        y.setRange(0, max > 0 ? max * 1.15 : 1);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        FigureStyle.styleXYPlot(plot);
        ValueMarker zero = new ValueMarker(0, FigureStyle.THRESHOLD, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
        zero.setLabel("complex spike");
        zero.setLabelFont(FigureStyle.SMALL_FONT);
        zero.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        zero.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        plot.addDomainMarker(zero);
        return FigureStyle.chart(TITLE, subtitle, plot, true);
    }
}
