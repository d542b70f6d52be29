package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Profile likelihoods of the one-parameter hypotheses, one panel per hypothesis side by side with
 * a shared vertical axis: ln L at each parameter value minus its maximum. The dashed line at
 * -1.92 is the 95 % level (chi-square, 1 degree of freedom); the shaded band is the interval
 * where the profile lies above it.
 */
public final class FitProfileFigure {
    public static final String TITLE = "Profile likelihood of each one-parameter hypothesis";
    public static final String Y_LABEL = "ln L - max ln L";
    /** The 95 % level, -3.841 / 2. */
    public static final double LEVEL_95 = -0.5 * 3.841458820694124;

    /** One panel: the parameter's axis label (with unit), the profile, the estimate and interval. */
    public record Profile(String axisLabel, double[] values, double[] drops, double estimate, double ciLow,
                          double ciHigh) {
    }

    private FitProfileFigure() {
    }

    public static JFreeChart chart(List<Profile> profiles, String subtitle) {
        NumberAxis y = FigureStyle.numberAxis(Y_LABEL);
        double lowest = LEVEL_95 * 2.5;
        y.setRange(lowest, 0.4);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(y);
        combined.setGap(16);
        for (Profile p : profiles) {
            XYSeries s = new XYSeries(p.axisLabel(), false, true);
            for (int i = 0; i < p.values().length; i++) {
                if (Double.isFinite(p.drops()[i])) {
                    s.add(p.values()[i], Math.max(p.drops()[i], lowest));
                }
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
            r.setSeriesPaint(0, ConditionPalette.colour(0));
            r.setSeriesStroke(0, new BasicStroke(2f));
            r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
            NumberAxis x = FigureStyle.numberAxis(p.axisLabel());
            x.setAutoRangeIncludesZero(false);
            XYPlot plot = new XYPlot(new XYSeriesCollection(s), x, null, r);
            FigureStyle.styleXYPlot(plot);
            IntervalMarker band = new IntervalMarker(p.ciLow(), p.ciHigh(), new Color(0xE6EEF6));
            plot.addDomainMarker(band, Layer.BACKGROUND);
            ValueMarker estimate = new ValueMarker(p.estimate(), FigureStyle.THRESHOLD, new BasicStroke(1f));
            plot.addDomainMarker(estimate, Layer.FOREGROUND);
            plot.addRangeMarker(new ValueMarker(LEVEL_95, FigureStyle.THRESHOLD, new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)), Layer.FOREGROUND);
            combined.add(plot, 1);
        }
        return FigureStyle.chart(TITLE, subtitle, combined, false);
    }
}
