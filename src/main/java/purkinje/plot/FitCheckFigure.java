package purkinje.plot;

import java.awt.BasicStroke;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Posterior-predictive check: cumulative distributions of the recorded (solid) and simulated
 * (dashed) rates and, when given, ISI CVs, per condition in its colour. Where solid and dashed
 * steps run together, the fitted model reproduces the data; the Kolmogorov-Smirnov statistic is
 * the largest vertical gap between them.
 */
public final class FitCheckFigure {
    public static final String TITLE = "Predictive check: recorded vs simulated cells of the fit";
    public static final String Y_LABEL = "Fraction of cells at or below";

    /** One condition's recorded and simulated values of one quantity. */
    public record Sample(String condition, int colourIndex, double[] recorded, double[] simulated) {
    }

    /** One panel: an axis label with unit and the samples drawn on it. */
    public record Panel(String axisLabel, List<Sample> samples) {
    }

    private FitCheckFigure() {
    }

    public static JFreeChart chart(List<Panel> panels, String subtitle) {
        NumberAxis y = FigureStyle.numberAxis(Y_LABEL);
        y.setRange(0, 1.02);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(y);
        combined.setGap(16);
        boolean legend = true;
        for (Panel p : panels) {
            XYSeriesCollection data = new XYSeriesCollection();
            // one path per curve, steps as corner points: XYStepRenderer drew every step as a segment of its
            // own, each restarting the dash pattern, so a curve of many cells came out solid, not dashed
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setDrawSeriesLineAsPath(true);
            int s = 0;
            for (Sample sample : p.samples()) {
                data.addSeries(ecdf(sample.condition() + " recorded" + (legend ? "" : " "), sample.recorded()));
                r.setSeriesPaint(s, ConditionPalette.colour(sample.colourIndex()));
                r.setSeriesStroke(s, new BasicStroke(2.2f));
                r.setSeriesVisibleInLegend(s, legend);
                s++;
                data.addSeries(ecdf(sample.condition() + " simulated" + (legend ? "" : " "), sample.simulated()));
                r.setSeriesPaint(s, ConditionPalette.colour(sample.colourIndex()));
                r.setSeriesStroke(s, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                        new float[] {5f, 3f}, 0f));
                r.setSeriesVisibleInLegend(s, legend);
                s++;
            }
            legend = false;
            NumberAxis x = FigureStyle.numberAxis(p.axisLabel());
            x.setAutoRangeIncludesZero(false);
            XYPlot plot = new XYPlot(data, x, null, r);
            FigureStyle.styleXYPlot(plot);
            combined.add(plot, 1);
        }
        return FigureStyle.chart(TITLE, subtitle, combined, true);
    }

    private static XYSeries ecdf(String name, double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        XYSeries s = new XYSeries(name, false, true);
        if (v.length == 0) {
            return s;
        }
        for (int i = 0; i < v.length; i++) { // up at each value: (v_i, i/n) to (v_i, (i+1)/n), then along
            s.add(v[i], (double) i / v.length);
            s.add(v[i], (i + 1.0) / v.length);
        }
        return s;
    }
}
