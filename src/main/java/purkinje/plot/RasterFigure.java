package purkinje.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Spike raster: one row per cell, conditions stacked (condition 0 in the top rows), each spike a
 * short vertical tick in the condition colour. One dataset series per condition, so 100k spikes
 * stay cheap.
 */
public final class RasterFigure {

    /** Chart title. */
    public static final String TITLE = "Spike raster: every tick is one spike of one cell";
    /** X axis label. */
    public static final String X_LABEL = "Time (s)";
    /** Y axis label. */
    public static final String Y_LABEL = "Cell";

    /** Approximate height of the data area in pixels at the default figure size. */
    private static final double NOMINAL_PLOT_HEIGHT_PX = 440;

    /** Complex-spike triangles sit this far (in rows) above the centre of their cell's row. */
    static final double COMPLEX_MARK_OFFSET_ROWS = 0.34;

    private RasterFigure() {
    }

    /**
     * Builds the raster.
     *
     * @param conditions one entry per condition, in display order (index = palette index)
     * @param durationMs length of the recording; the time axis runs from 0 to this value
     *                   (if not positive, the last spike time is used)
     */
    public static JFreeChart chart(List<ConditionTrains> conditions, double durationMs) {
        return chart(conditions, durationMs, null);
    }

    /**
     * As {@link #chart(List, double)}, with complex spikes marked as black triangles in the upper part
     * of their cell's row, above its (then shorter) simple-spike ticks.
     *
     * @param complexSpikesMs per condition (same order), per cell (same order as the trains), the
     *                        complex-spike times in ms; null for none
     */
    public static JFreeChart chart(List<ConditionTrains> conditions, double durationMs,
                                   List<List<double[]>> complexSpikesMs) {
        List<ConditionTrains> list = conditions == null ? List.of() : conditions;
        List<String> keys = Stats.uniqueKeys(list.stream().map(ConditionTrains::condition).toList());

        int totalCells = 0;
        for (ConditionTrains c : list) {
            totalCells += c.spikeTimesMs().size();
        }

        DefaultXYDataset dataset = new DefaultXYDataset();
        int row = 0;
        double lastSpikeMs = 0;
        int[] firstRow = new int[list.size()];
        for (int i = 0; i < list.size(); i++) {
            List<double[]> cells = list.get(i).spikeTimesMs();
            int n = 0;
            for (double[] cell : cells) {
                n += cell == null ? 0 : cell.length;
            }
            double[][] xy = new double[2][n];
            int k = 0;
            firstRow[i] = row;
            for (double[] cell : cells) {
                row++; // rows are numbered from 1 at the top
                if (cell == null) {
                    continue;
                }
                for (double t : cell) {
                    if (Double.isFinite(t)) {
                        xy[0][k] = t / 1000.0;
                        xy[1][k] = row;
                        lastSpikeMs = Math.max(lastSpikeMs, t);
                        k++;
                    }
                }
            }
            if (k < n) {
                xy = new double[][] {java.util.Arrays.copyOf(xy[0], k), java.util.Arrays.copyOf(xy[1], k)};
            }
            dataset.addSeries(keys.get(i), xy);
        }

        double endMs = durationMs > 0 ? durationMs : (lastSpikeMs > 0 ? lastSpikeMs : 1000);
        NumberAxis xAxis = FigureStyle.numberAxis(X_LABEL);
        xAxis.setRange(0, endMs / 1000.0);

        NumberAxis yAxis = FigureStyle.numberAxis(Y_LABEL);
        yAxis.setInverted(true); // cell 1 (first cell of condition 0) at the top
        // with complex spikes a little room above row 1 for its triangles
        yAxis.setRange(complexSpikesMs == null ? 0.5 : 0.5 - COMPLEX_MARK_OFFSET_ROWS / 2, Math.max(1, totalCells) + 0.5);
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());

        // tick height: ~75 % of a row, between 2 and 12 px; with complex spikes ~45 %, so that the
        // triangle marking a complex spike sits in the upper part of the row, beside the ticks, not over them
        double rowPx = NOMINAL_PLOT_HEIGHT_PX / Math.max(1, totalCells);
        double h = Math.max(2, Math.min(12, (complexSpikesMs == null ? 0.75 : 0.45) * rowPx));
        float w = totalCells > 60 ? 1.0f : 1.4f;
        RasterTickRenderer renderer = new RasterTickRenderer(h, w);
        for (int i = 0; i < list.size(); i++) {
            renderer.setSeriesPaint(i, ConditionPalette.colour(i));
        }

        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        FigureStyle.styleXYPlot(plot);
        plot.setRangeGridlinesVisible(false);

        // a faint band per condition block and a line between blocks; the names go in the legend,
        // above the data: a label inside the plot covered the ticks of the block's first rows
        LegendItemCollection names = new LegendItemCollection();
        for (int i = 0; i < list.size(); i++) {
            int n = list.get(i).spikeTimesMs().size();
            if (n == 0) {
                continue;
            }
            IntervalMarker band = new IntervalMarker(firstRow[i] + 0.5, firstRow[i] + n + 0.5,
                    ConditionPalette.colour(i, 20), new BasicStroke(0f), null, null, 1f);
            plot.addRangeMarker(band, Layer.BACKGROUND);
            LegendItem name = new LegendItem(list.get(i).condition() + " (" + FigureStyle.plural(n, "cell", "cells") + ")",
                    ConditionPalette.colour(i));
            name.setLabelPaint(ConditionPalette.colour(i));
            names.add(name);
            if (i > 0 && firstRow[i] > 0) {
                ValueMarker sep = new ValueMarker(firstRow[i] + 0.5, FigureStyle.AXIS, new BasicStroke(1.2f));
                plot.addRangeMarker(sep, Layer.FOREGROUND);
            }
        }
        plot.setFixedLegendItems(names);
        if (complexSpikesMs != null) {
            addComplexSpikes(plot, list, firstRow, complexSpikesMs);
        }
        return FigureStyle.chart(TITLE, complexSpikesMs == null ? null
                : "Ticks: simple spikes; black triangles above a row: that cell's complex spikes (climbing-fibre input)",
                plot, names.getItemCount() > 0);
    }

    private static void addComplexSpikes(XYPlot plot, List<ConditionTrains> list, int[] firstRow,
                                         List<List<double[]>> complexSpikesMs) {
        java.util.List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(list.size(), complexSpikesMs.size()); i++) {
            List<double[]> cells = complexSpikesMs.get(i);
            int shown = Math.min(cells.size(), list.get(i).spikeTimesMs().size());
            for (int c = 0; c < shown; c++) {
                for (double t : cells.get(c)) {
                    points.add(new double[] {t / 1000.0, firstRow[i] + c + 1 - COMPLEX_MARK_OFFSET_ROWS});
                }
            }
        }
        double[][] xy = new double[2][points.size()];
        for (int k = 0; k < points.size(); k++) {
            xy[0][k] = points.get(k)[0];
            xy[1][k] = points.get(k)[1];
        }
        DefaultXYDataset cs = new DefaultXYDataset();
        cs.addSeries("complex spikes", xy);
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer r =
                new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(false, true);
        java.awt.geom.Path2D triangle = new java.awt.geom.Path2D.Double();
        // pointing down at the spike time, from the upper part of the row
        triangle.moveTo(0, 3);
        triangle.lineTo(3.2, -3);
        triangle.lineTo(-3.2, -3);
        triangle.closePath();
        r.setSeriesShape(0, triangle);
        r.setSeriesPaint(0, Color.BLACK);
        plot.setDataset(1, cs);
        plot.setRenderer(1, r);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
    }
}
