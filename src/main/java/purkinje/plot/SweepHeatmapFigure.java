package purkinje.plot;

import java.awt.Color;
import java.util.Arrays;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Mean firing rate over a two-parameter grid as a heatmap: one cell per grid point, coloured on a
 * perceptually uniform, colour-blind-safe scale (viridis), with a colour bar in Hz. Grid values
 * are axis labels, so uneven value lists still give equal cells.
 */
public final class SweepHeatmapFigure {
    /** Colour bar label. */
    public static final String SCALE_LABEL = "Mean firing rate (Hz)";
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
        new Color(0x5EC962), new Color(0xFDE725)};
    private static final int LEVELS = 64;

    private SweepHeatmapFigure() {
    }

    /**
     * Builds the figure.
     *
     * @param xLabel  first parameter with unit (columns)
     * @param xValues its grid values
     * @param yLabel  second parameter with unit (rows)
     * @param yValues its grid values
     * @param rateHz  {@code [ix][iy]} mean rate; NaN is drawn empty
     * @param title   e.g. the condition's name
     */
    public static JFreeChart chart(String xLabel, double[] xValues, String yLabel, double[] yValues,
                                   double[][] rateHz, String title) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        int n = xValues.length * yValues.length;
        double[][] xyz = new double[3][n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int k = 0;
        for (int i = 0; i < xValues.length; i++) {
            for (int j = 0; j < yValues.length; j++) {
                xyz[0][k] = i;
                xyz[1][k] = j;
                xyz[2][k] = rateHz[i][j];
                if (Double.isFinite(rateHz[i][j])) {
                    lo = Math.min(lo, rateHz[i][j]);
                    hi = Math.max(hi, rateHz[i][j]);
                }
                k++;
            }
        }
        if (!(lo < hi)) {
            lo = Double.isFinite(lo) ? lo - 0.5 : 0;
            hi = lo + 1;
        }
        data.addSeries("rate", xyz);
        LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.WHITE);
        for (int l = 0; l < LEVELS; l++) {
            scale.add(lo + (hi - lo) * l / LEVELS, viridis((double) l / (LEVELS - 1)));
        }
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(1);
        r.setBlockHeight(1);
        SymbolAxis x = new SymbolAxis(xLabel, labels(xValues));
        SymbolAxis y = new SymbolAxis(yLabel, labels(yValues));
        for (SymbolAxis a : new SymbolAxis[] {x, y}) {
            FigureStyle.styleAxis(a);
            a.setGridBandsVisible(false);
        }
        x.setRange(-0.5, xValues.length - 0.5);
        y.setRange(-0.5, yValues.length - 0.5);
        XYPlot plot = new XYPlot(data, x, y, r);
        FigureStyle.styleXYPlot(plot);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = FigureStyle.chart(title, "Each cell = one grid point (mean over cells)", plot, false);
        NumberAxis scaleAxis = FigureStyle.numberAxis(SCALE_LABEL);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(8, 8, 8, 8));
        legend.setStripWidth(18);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    private static String[] labels(double[] v) {
        return Arrays.stream(v).mapToObj(FigureStyle::fmt).toArray(String[]::new);
    }

    /** Viridis colour at t in [0, 1], interpolated between five anchors. */
    static Color viridis(double t) {
        double u = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int i = Math.min((int) u, VIRIDIS.length - 2);
        double f = u - i;
        Color a = VIRIDIS[i];
        Color b = VIRIDIS[i + 1];
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }
}
