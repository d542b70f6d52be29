package purkinje.plot;

import java.awt.Color;
import java.util.Arrays;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
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
 * A quantity over a two-parameter grid as a heatmap: one square per grid point, with its value
 * written in it (grids of up to {@value #MAX_LABELLED_CELLS} squares). The mean firing rate is
 * coloured on a perceptually uniform, colour-blind-safe scale (viridis); a rate change in % on a
 * diverging scale (blue = fires less, white = no change, red = fires more) symmetric about 0, so
 * the colour says the sign at a glance. Grid values are axis labels, so uneven value lists still
 * give equal cells.
 */
public final class SweepHeatmapFigure {
    /** Colour bar label. */
    public static final String SCALE_LABEL = "Mean firing rate (Hz)";
    private static final Color[] VIRIDIS = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
        new Color(0x5EC962), new Color(0xFDE725)};
    private static final int LEVELS = 64;
    /** Largest grid whose cells carry their value as text. */
    static final int MAX_LABELLED_CELLS = 120;
    /** ColorBrewer RdBu ends and middle (colour-blind safe). */
    private static final Color LESS = new Color(0x2166AC);
    private static final Color NONE = new Color(0xF7F7F7);
    private static final Color MORE = new Color(0xB2182B);

    /** What the cells show. */
    public enum Scale {
        /** Mean firing rate in Hz (viridis). */
        RATE("Mean firing rate (Hz)"),
        /** Rate change against the reference condition in % (diverging, centred on 0). */
        CHANGE_PERCENT("Rate change vs reference (%)");

        private final String label;

        Scale(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

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
        return chart(xLabel, xValues, yLabel, yValues, rateHz, title, Scale.RATE, Scale.RATE.label());
    }

    /**
     * Builds the figure with the given scale.
     *
     * @param z          {@code [ix][iy]} values (Hz or %); NaN is drawn empty
     * @param scaleLabel colour bar label, with the unit
     */
    public static JFreeChart chart(String xLabel, double[] xValues, String yLabel, double[] yValues,
                                   double[][] z, String title, Scale kind, String scaleLabel) {
        double[][] rateHz = z;
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
        if (kind == Scale.CHANGE_PERCENT) {
            double m = Math.max(Math.abs(lo), Math.abs(hi));
            lo = -(Double.isFinite(m) && m > 0 ? m : 1);
            hi = -lo;
        }
        if (!(lo < hi)) {
            lo = Double.isFinite(lo) ? lo - 0.5 : 0;
            hi = lo + 1;
        }
        data.addSeries("value", xyz);
        LookupPaintScale scale = new LookupPaintScale(lo, hi, Color.WHITE);
        for (int l = 0; l < LEVELS; l++) {
            double t = (double) l / (LEVELS - 1);
            scale.add(lo + (hi - lo) * l / LEVELS, kind == Scale.RATE ? viridis(t) : diverging(t));
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
        if (xValues.length * yValues.length <= MAX_LABELLED_CELLS) {
            for (int i = 0; i < xValues.length; i++) {
                for (int j = 0; j < yValues.length; j++) {
                    double v = rateHz[i][j];
                    if (Double.isFinite(v)) {
                        String text = kind == Scale.RATE ? FigureStyle.fmtMeasured(v)
                                : Math.abs(v) < 0.5 ? "0 %" : String.format(java.util.Locale.ROOT, "%+.0f %%", v);
                        XYTextAnnotation a = new XYTextAnnotation(text, i, j);
                        a.setFont(FigureStyle.TICK_FONT);
                        a.setPaint(luminance((Color) scale.getPaint(v)) > 0.5 ? FigureStyle.TEXT : Color.WHITE);
                        plot.addAnnotation(a);
                    }
                }
            }
        }
        String sub = kind == Scale.RATE ? "Each square = one grid point (mean over the simulated cells)"
                : "Each square = one grid point: 100 (rate / reference rate - 1), means over the simulated cells";
        JFreeChart chart = FigureStyle.chart(title, sub, plot, false);
        NumberAxis scaleAxis = FigureStyle.numberAxis(scaleLabel);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(8, 8, 8, 8));
        legend.setStripWidth(18);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Grid values as tick labels: up to 4 significant digits, no trailing zeros (0, 0.2, 0.4, 1). */
    private static String[] labels(double[] v) {
        return Arrays.stream(v).mapToObj(SweepHeatmapFigure::tick).toArray(String[]::new);
    }

    static String tick(double v) {
        String t = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (t.contains("e")) {
            return t;
        }
        return t.contains(".") ? t.replaceAll("0+$", "").replaceAll("\\.$", "") : t;
    }

    /** Diverging colour at t in [0, 1]: blue, white at 0.5, red. */
    static Color diverging(double t) {
        double u = Math.max(0, Math.min(1, t));
        return u < 0.5 ? mix(LESS, NONE, u / 0.5) : mix(NONE, MORE, (u - 0.5) / 0.5);
    }

    private static Color mix(Color a, Color b, double f) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * f),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * f),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * f));
    }

    /** Relative luminance (0 black .. 1 white), to pick dark or light text on a cell. */
    private static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255;
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
