package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Measured vs predicted cells in the rate-CV plane: every recorded cell a dot in its condition's
 * colour, and for each hypothesis the line its fit predicts for the mutant as the drive runs over
 * the fitted cell-to-cell spread. Hypotheses that move the rate the same way can still predict
 * different CVs at that rate, which is what tells them apart; the best fit is drawn thick in the
 * mutant's colour, the others thin and grey with their own dash pattern, and the reference's
 * predicted line (best fit) in the reference's colour.
 */
public final class FitRateCvFigure {
    public static final String TITLE = "Measured cells and what each hypothesis predicts";
    public static final String X_LABEL = "Firing rate (Hz)";
    public static final String Y_LABEL = "ISI coefficient of variation";

    /** Recorded cells of one condition ({@code colourIndex} as in {@link ConditionPalette}). */
    public record Cells(String condition, int colourIndex, double[] ratesHz, double[] isiCvs) {
    }

    /** A predicted line in the plane; {@code best} draws it thick in {@code colourIndex}'s colour. */
    public record Prediction(String label, int colourIndex, boolean best, double[] ratesHz, double[] isiCvs) {
    }

    private static final float[][] DASHES = {{6f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, {1f, 2f}, {8f, 6f}, {4f, 2f, 1f, 2f}};

    private FitRateCvFigure() {
    }

    public static JFreeChart chart(List<Cells> cells, List<Prediction> predictions, String subtitle) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        int s = 0;
        int dash = 0;
        for (Prediction p : predictions) {
            XYSeries series = new XYSeries(p.label(), false, true);
            for (int i = 0; i < p.ratesHz().length; i++) {
                if (Double.isFinite(p.ratesHz()[i]) && Double.isFinite(p.isiCvs()[i])) {
                    series.add(p.ratesHz()[i], p.isiCvs()[i]);
                }
            }
            data.addSeries(series);
            r.setSeriesShapesVisible(s, false);
            r.setSeriesLinesVisible(s, true);
            if (p.best()) {
                r.setSeriesPaint(s, ConditionPalette.colour(p.colourIndex()));
                r.setSeriesStroke(s, new BasicStroke(3.5f));
            } else {
                r.setSeriesPaint(s, new Color(0x777777));
                r.setSeriesStroke(s, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                        DASHES[dash++ % DASHES.length], 0f));
            }
            s++;
        }
        for (Cells c : cells) {
            XYSeries series = new XYSeries(c.condition() + " (recorded)", false, true);
            for (int i = 0; i < c.ratesHz().length; i++) {
                if (Double.isFinite(c.isiCvs()[i])) {
                    series.add(c.ratesHz()[i], c.isiCvs()[i]);
                }
            }
            if (series.isEmpty()) {
                continue; // a recording without CVs has no dots here: no legend entry for them either
            }
            data.addSeries(series);
            r.setSeriesLinesVisible(s, false);
            r.setSeriesShapesVisible(s, true);
            r.setSeriesShape(s, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
            r.setSeriesPaint(s, ConditionPalette.colour(c.colourIndex(), 190));
            s++;
        }
        NumberAxis x = FigureStyle.numberAxis(X_LABEL);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = FigureStyle.numberAxis(Y_LABEL);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, r);
        FigureStyle.styleXYPlot(plot);
        return FigureStyle.chart(TITLE, subtitle, plot, true);
    }
}
