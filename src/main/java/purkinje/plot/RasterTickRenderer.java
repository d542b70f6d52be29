package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * Draws every item of a series as a short vertical tick centred on (x, y), collecting all ticks
 * of a series into one path that is stroked once. This keeps 100k-spike rasters fast and the SVG
 * small (one path element per condition instead of one element per spike).
 */
final class RasterTickRenderer extends AbstractXYItemRenderer {

    private static final long serialVersionUID = 1L;

    private final double tickHeightPx;
    private final float tickWidthPx;

    RasterTickRenderer(double tickHeightPx, float tickWidthPx) {
        this.tickHeightPx = tickHeightPx;
        this.tickWidthPx = tickWidthPx;
    }

    private static final class State extends XYItemRendererState {
        Path2D.Double path;
        int series = -1;

        State(PlotRenderingInfo info) {
            super(info);
        }
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset dataset,
            PlotRenderingInfo info) {
        return new State(info);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState rendererState, Rectangle2D dataArea,
            PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset,
            int series, int item, CrosshairState crosshairState, int pass) {
        State state = (State) rendererState;
        if (state.series != series || state.path == null) {
            state.series = series;
            state.path = new Path2D.Double(Path2D.WIND_NON_ZERO, Math.min(dataset.getItemCount(series), 65536) * 2);
        }
        double x = dataset.getXValue(series, item);
        double y = dataset.getYValue(series, item);
        if (Double.isFinite(x) && Double.isFinite(y) && getItemVisible(series, item)) {
            RectangleEdge xEdge = plot.getDomainAxisEdge();
            RectangleEdge yEdge = plot.getRangeAxisEdge();
            double jx = domainAxis.valueToJava2D(x, dataArea, xEdge);
            double jy = rangeAxis.valueToJava2D(y, dataArea, yEdge);
            double h = tickHeightPx / 2;
            if (plot.getOrientation() == PlotOrientation.VERTICAL) {
                if (jx >= dataArea.getMinX() - 1 && jx <= dataArea.getMaxX() + 1) {
                    state.path.moveTo(jx, jy - h);
                    state.path.lineTo(jx, jy + h);
                }
            } else {
                if (jx >= dataArea.getMinY() - 1 && jx <= dataArea.getMaxY() + 1) {
                    state.path.moveTo(jy - h, jx);
                    state.path.lineTo(jy + h, jx);
                }
            }
        }
        if (item == dataset.getItemCount(series) - 1) {
            Paint paint = getItemPaint(series, item);
            g2.setPaint(paint);
            g2.setStroke(new BasicStroke(tickWidthPx, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            g2.draw(state.path);
            state.path = null;
        }
    }

    @Override
    public boolean equals(Object obj) {
        if (obj == this) {
            return true;
        }
        if (!(obj instanceof RasterTickRenderer other) || !super.equals(obj)) {
            return false;
        }
        return tickHeightPx == other.tickHeightPx && tickWidthPx == other.tickWidthPx;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + Double.hashCode(tickHeightPx);
    }
}
