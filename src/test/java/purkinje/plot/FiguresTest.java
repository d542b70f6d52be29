package purkinje.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static purkinje.plot.FigureTestSupport.assertHasConditionColours;
import static purkinje.plot.FigureTestSupport.writeAndCheck;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- fit check

    /**
     * The simulated cells' curves are dashed as the legend says: drawn step by step, each step a
     * segment of its own restarted the dash pattern, so a curve of 400 cells came out solid.
     */
    @Test
    void fitCheckSimulatedCurvesAreOneDashedPathEach() {
        double[] recorded = new double[20];
        double[] simulated = new double[400];
        for (int i = 0; i < simulated.length; i++) {
            simulated[i] = 10 + 5 * Math.sin(i * 0.7) + i * 1e-3;
            if (i < recorded.length) {
                recorded[i] = 10 + i * 0.3;
            }
        }
        List<FitCheckFigure.Panel> panels = List.of(new FitCheckFigure.Panel("Firing rate (Hz)", List.of(
                new FitCheckFigure.Sample("wt", 0, recorded, simulated),
                new FitCheckFigure.Sample("het", 1, recorded, simulated))));
        String svg = FigureWriter.svgElement(FitCheckFigure.chart(panels, "check"), "f", 900, 600, 1);
        int dashed = svg.split("stroke-dasharray", -1).length - 1;
        assertEquals(2 + 2, dashed, "two simulated curves and their two legend items, one dashed element each");
    }

    // ---------------------------------------------------------------- rates

    @Test
    void rateFigureShowsBothConditionsAndLowerMeis1Rates() throws Exception {
        String sub = RateByConditionFigure.comparisonSubtitle("Reduced MEIS1", "WT", -31, -34, -28, 2.1e-12, 40);
        JFreeChart chart = RateByConditionFigure.chart(SyntheticData.rates(40, 1), sub);
        BufferedImage img = writeAndCheck(chart, dir, "rates", "Firing rate (Hz)", "Wild type", "Reduced MEIS1",
                "Mann-Whitney", "median");
        assertHasConditionColours(img, 2);
        // the vermillion dots sit lower in the image (larger pixel y) than the blue ones
        assertTrue(meanY(img, ConditionPalette.colour(1)) > meanY(img, ConditionPalette.colour(0)) + 20);
        XYPlot plot = chart.getXYPlot();
        assertEquals(0.0, plot.getRangeAxis().getLowerBound(), 0.0, "rate axis starts at 0");
    }

    /**
     * With eight conditions the "median 15.3 Hz" labels overlapped and were cut at the plot's edges;
     * with 50-character names the axis drew only the first name. Now: rates alone, and names
     * shortened to fit, each condition keeping its label.
     */
    @Test
    void rateFigureLabelsFitManyConditionsAndLongNames() throws Exception {
        List<ConditionRates> eight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eight.add(new ConditionRates("dosage-0." + i, new double[] {10 + i, 11 + i, 12 + i}));
        }
        JFreeChart chart = RateByConditionFigure.chart(eight, "x");
        String svg = Files.readString(FigureWriter.write(chart, dir, "eight", 900, 600).stream()
                .filter(p -> p.toString().endsWith(".svg")).findFirst().orElseThrow());
        assertTrue(svg.contains("12.0 Hz") && !svg.contains("median 12.0 Hz"), "labels without 'median'");
        String longName = "wild-type-larvae-7dpf-cerebellum-recorded-in-vivo";
        JFreeChart two = RateByConditionFigure.chart(List.of(new ConditionRates(longName, new double[] {15, 16}),
                new ConditionRates("meis1-mutant-larvae-7dpf-cerebellum-recorded-in-vivo", new double[] {9, 10})), "x");
        String[] ticks = ((org.jfree.chart.axis.SymbolAxis) two.getXYPlot().getDomainAxis()).getSymbols();
        assertEquals(2, ticks.length);
        // the end both names share is left out first: what tells them apart stays
        assertEquals(List.of("wild-type\u2026", "meis1-mutant\u2026"), List.of(ticks));
        List<String> shared = new ArrayList<>();
        for (String d : List.of("1", "0.9", "0.8", "0.7", "0.6", "0.5", "0.3", "0")) {
            shared.add("dosage-" + d + "-knockdown-line-number-1");
        }
        List<String> labels = RateByConditionFigure.tickLabels(shared);
        assertEquals("\u20260.9\u2026", labels.get(1), labels.toString());
        assertEquals(8, new java.util.HashSet<>(labels).size(), "eight distinct labels: " + labels);
        assertEquals("dosage-0.1", RateByConditionFigure.tickLabel("dosage-0.1", 8), "short names stay whole");
        double[] many = new double[3000];
        java.util.Arrays.fill(many, 12);
        JFreeChart crowd = RateByConditionFigure.chart(List.of(new ConditionRates("a", many)), "x");
        double dotPx = crowd.getXYPlot().getRenderer().getSeriesShape(0).getBounds2D().getWidth();
        assertTrue(dotPx < 4 && dotPx >= 3, "3000 cells draw small dots, not one blob: " + dotPx);
        String svgTwo = Files.readString(FigureWriter.write(two, dir, "two", 900, 600).stream()
                .filter(p -> p.toString().endsWith(".svg")).findFirst().orElseThrow());
        assertTrue(svgTwo.contains("median 15.5 Hz"), "with few conditions the label says what it is");
    }

    @Test
    void rateFigureIsReproducible() throws Exception {
        List<Path> a = FigureWriter.write(RateByConditionFigure.chart(SyntheticData.rates(30, 5), "x"),
                dir.resolve("a"), "r", 400, 300);
        List<Path> b = FigureWriter.write(RateByConditionFigure.chart(SyntheticData.rates(30, 5), "x"),
                dir.resolve("b"), "r", 400, 300);
        assertArrayEquals(pixels(a.get(0)), pixels(b.get(0)));
    }

    @Test
    void comparisonSubtitleFormat() {
        assertEquals("Reduced MEIS1 vs WT: -31 % (95 % CI -34 to -28 %), Mann-Whitney p = 2.1e-12, 40 cells each",
                RateByConditionFigure.comparisonSubtitle("Reduced MEIS1", "WT", -31.2, -34.4, -27.9, 2.1e-12, 40));
        assertEquals("X vs Y: +5 % (95 % CI -2 to +12 %), Mann-Whitney p = 0.32, 1 cell each",
                RateByConditionFigure.comparisonSubtitle("X", "Y", 5, -2, 12, 0.3204, 1));
        assertEquals("1.0e-5", RateByConditionFigure.pValue(1e-5));
        assertEquals("0.0041", RateByConditionFigure.pValue(0.0041));
        assertEquals("n/a", RateByConditionFigure.pValue(Double.NaN));
    }

    @Test
    void rateFigureToleratesEmptyConditions() throws Exception {
        List<ConditionRates> rates = List.of(new ConditionRates("Wild type", new double[] {40, 42, Double.NaN}),
                new ConditionRates("Reduced MEIS1", new double[0]));
        writeAndCheck(RateByConditionFigure.chart(rates, null), dir, "rates-empty", "Firing rate (Hz)", "no cells");
        writeAndCheck(RateByConditionFigure.chart(List.of(), null), dir, "rates-none", "Firing rate (Hz)");
    }

    // ---------------------------------------------------------------- raster

    @Test
    void rasterStacksConditionZeroOnTop() throws Exception {
        JFreeChart chart = RasterFigure.chart(SyntheticData.conditionTrains(20, 2000, 3), 2000);
        BufferedImage img = writeAndCheck(chart, dir, "raster", "Time (s)", "Cell", "Wild type (20 cells)",
                "Reduced MEIS1 (20 cells)");
        assertHasConditionColours(img, 2);
        assertTrue(meanY(img, ConditionPalette.colour(0)) < meanY(img, ConditionPalette.colour(1)));
        assertEquals(2.0, chart.getXYPlot().getDomainAxis().getUpperBound(), 1e-9, "axis in seconds");
        // the condition names are in the legend, above the data, in their colours; none sits on the
        // ticks (a label in the plot's corner hid the first rows' last spikes behind its white box)
        org.jfree.chart.LegendItemCollection names = chart.getXYPlot().getFixedLegendItems();
        assertEquals(2, names.getItemCount());
        assertEquals("Wild type (20 cells)", names.get(0).getLabel());
        assertEquals("Reduced MEIS1 (20 cells)", names.get(1).getLabel());
        assertEquals(ConditionPalette.colour(1), names.get(1).getFillPaint());
        assertTrue(chart.getLegend() != null && chart.getLegend().isVisible());
        for (org.jfree.chart.ui.Layer layer : org.jfree.chart.ui.Layer.values()) {
            java.util.Collection<?> markers = chart.getXYPlot().getRangeMarkers(layer);
            for (Object m : markers == null ? List.of() : markers) {
                assertEquals(null, ((org.jfree.chart.plot.Marker) m).getLabel(), "a label drawn over the ticks");
            }
        }
    }

    @Test
    void rasterOfHundredThousandSpikesStaysSmall() throws Exception {
        // one path per condition keeps the SVG small (speed is not asserted here: a timed unit test
        // fails on a loaded machine; runs draw 10 cells x 2 s by default anyway)
        List<ConditionTrains> big = SyntheticData.conditionTrains(100, 20_000, 11);
        long spikes = big.stream().flatMap(c -> c.spikeTimesMs().stream()).mapToLong(a -> a.length).sum();
        assertTrue(spikes > 70_000, "enough spikes: " + spikes);
        List<Path> out = FigureWriter.write(RasterFigure.chart(big, 20_000), dir, "raster-big", 900, 600);
        assertTrue(Files.size(out.get(1)) < 6_000_000, "SVG size " + Files.size(out.get(1)));
    }

    @Test
    void rasterToleratesSilentAndMissingCells() throws Exception {
        List<double[]> cells = new ArrayList<>();
        cells.add(new double[0]);
        cells.add(null);
        List<ConditionTrains> c = List.of(new ConditionTrains("Wild type", cells),
                new ConditionTrains("Reduced MEIS1", List.of()));
        writeAndCheck(RasterFigure.chart(c, 1000), dir, "raster-empty", "Time (s)", "Cell");
        writeAndCheck(RasterFigure.chart(List.of(), 0), dir, "raster-none", "Time (s)");
    }

    // ---------------------------------------------------------------- voltage

    @Test
    void voltageFigureHasOnePanelPerConditionAndThreshold() throws Exception {
        JFreeChart chart = VoltageTraceFigure.chart(SyntheticData.traces(1000, 0.1, 3), 300);
        BufferedImage img = writeAndCheck(chart, dir, "voltage", "Time (s)", "V (mV)", "threshold", "Wild type",
                "Reduced MEIS1");
        assertHasConditionColours(img, 2);
        assertEquals(0.3, chart.getXYPlot().getDomainAxis().getUpperBound(), 1e-9);
        // no label hides a trace: the threshold's is above its line without a box (below it, a white
        // box covered V just under threshold), and each panel's name sits in head room above the strokes
        for (XYPlot panel : ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getXYPlot()).getSubplots()) {
            org.jfree.chart.plot.Marker th = (org.jfree.chart.plot.Marker) panel.getRangeMarkers(
                    org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
            assertTrue(th.getLabel().startsWith("threshold"));
            assertEquals(0, ((java.awt.Color) th.getLabelBackgroundColor()).getAlpha());
            assertEquals(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT, th.getLabelTextAnchor(), "text above the line");
            double top = Double.NEGATIVE_INFINITY;
            double bottom = Double.POSITIVE_INFINITY;
            for (int s = 0; s < panel.getDataset().getSeriesCount(); s++) {
                for (int k = 0; k < panel.getDataset().getItemCount(s); k++) {
                    double y = panel.getDataset().getYValue(s, k);
                    if (Double.isFinite(y)) {
                        top = Math.max(top, y);
                        bottom = Math.min(bottom, y);
                    }
                }
            }
            assertTrue(panel.getRangeAxis().getUpperBound() >= top + 0.15 * (top - bottom),
                    "head room above the strokes: " + panel.getRangeAxis().getRange() + " for data up to " + top);
        }
    }

    /**
     * A silent condition's panel was autoscaled to its own narrow range without the threshold in
     * view (-59..-49 mV next to -70..-25 mV), so two panels looked alike that were not: every
     * panel now shares one V scale that includes the threshold; with many panels one V label.
     */
    @Test
    void voltagePanelsShareOneScaleWithTheThresholdInView() throws Exception {
        double[] spiking = new double[3000];
        double[] silent = new double[3000];
        for (int k = 0; k < spiking.length; k++) {
            spiking[k] = -69 + 26.5 * ((k % 500) / 500.0); // ramps to just below -43 mV, reset every 50 ms
            silent[k] = -55 + 2 * Math.sin(k / 100.0);
        }
        JFreeChart chart = VoltageTraceFigure.chart(List.of(new ConditionTrace("spiking", 0.1, List.of(spiking), -43),
                new ConditionTrace("silent", 0.1, List.of(silent), -43)), 300);
        List<XYPlot> panels = ((org.jfree.chart.plot.CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
        assertEquals(2, panels.size());
        org.jfree.data.Range a = panels.get(0).getRangeAxis().getRange();
        assertEquals(a, panels.get(1).getRangeAxis().getRange(), "one V scale for both panels");
        assertTrue(a.contains(-43) && a.contains(-69) && a.contains(-43 + VoltageTraceFigure.SPIKE_HEIGHT_MV - 0.1), a.toString());
        assertEquals(VoltageTraceFigure.Y_LABEL, panels.get(1).getRangeAxis().getLabel());

        List<ConditionTrace> eight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eight.add(new ConditionTrace("c" + i, 0.1, List.of(silent), -43));
        }
        List<XYPlot> many = ((org.jfree.chart.plot.CombinedDomainXYPlot) VoltageTraceFigure.chart(eight, 300)
                .getXYPlot()).getSubplots();
        assertEquals(1, many.stream().filter(p -> p.getRangeAxis().getLabel() != null).count(),
                "eight 'V (mV)' labels ran into each other");
        for (XYPlot p : many) { // short panels kept one tick each (-50): no scale to read
            org.jfree.data.Range r = p.getRangeAxis().getRange();
            double unit = ((org.jfree.chart.axis.NumberAxis) p.getRangeAxis()).getTickUnit().getSize();
            assertTrue(r.getLength() / unit >= 2, "at least two ticks: range " + r + ", unit " + unit);
        }
    }

    @Test
    void longTracesAreDecimatedButKeepEverySpike() throws Exception {
        double[] v = SyntheticData.lif(17.5, 10_000, 0.1, 4); // 100k samples
        int resets = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k - 1] - v[k] > 7.5) {
                resets++;
            }
        }
        assertTrue(resets > 100);
        double[][] xy = VoltageTraceFigure.tracePoints(v, v.length, 0.1, -50, true);
        assertTrue(xy[0].length <= VoltageTraceFigure.MAX_POINTS_PER_TRACE, "points " + xy[0].length);
        int peaks = 0;
        for (double y : xy[1]) {
            if (y == -50 + VoltageTraceFigure.SPIKE_HEIGHT_MV) {
                peaks++;
            }
        }
        assertEquals(resets, peaks, "every spike stroke survives decimation");
        for (int k = 1; k < xy[0].length; k++) {
            assertTrue(xy[0][k] >= xy[0][k - 1], "time is monotone");
        }
        List<ConditionTrace> traces = List.of(new ConditionTrace("Wild type", 0.1, List.of(v), -50));
        List<Path> out = FigureWriter.write(VoltageTraceFigure.chart(traces, 10_000), dir, "v-long", 900, 600);
        assertTrue(Files.size(out.get(1)) < 400_000, "SVG size " + Files.size(out.get(1)));
    }

    @Test
    void voltageFigureToleratesEmptyTraces() throws Exception {
        List<ConditionTrace> t = List.of(new ConditionTrace("Wild type", 0.1, List.of(new double[0]), -50),
                new ConditionTrace("Reduced MEIS1", 0.1, List.of(), -50));
        writeAndCheck(VoltageTraceFigure.chart(t, 500), dir, "voltage-empty", "Time (s)", "V (mV)");
        writeAndCheck(VoltageTraceFigure.chart(List.of(), 500, false), dir, "voltage-none", "Time (s)");
    }

    // ---------------------------------------------------------------- ISI

    @Test
    void isiHistogramIsADensity() throws Exception {
        List<ConditionIsis> isis = SyntheticData.isis(SyntheticData.conditionTrains(20, 5000, 9));
        JFreeChart chart = IsiHistogramFigure.chart(isis, 2);
        BufferedImage img = writeAndCheck(chart, dir, "isi", "Interspike interval (ms)",
                "Probability density (1/ms)", "Wild type", "Reduced MEIS1");
        assertHasConditionColours(img, 2);
        org.jfree.data.xy.IntervalXYDataset bars =
                (org.jfree.data.xy.IntervalXYDataset) chart.getXYPlot().getDataset(0);
        for (int s = 0; s < bars.getSeriesCount(); s++) {
            double area = 0;
            for (int i = 0; i < bars.getItemCount(s); i++) {
                area += bars.getYValue(s, i) * (bars.getEndXValue(s, i) - bars.getStartXValue(s, i));
            }
            assertEquals(1.0, area, 1e-9, "series " + s + " integrates to 1");
        }
    }

    @Test
    void isiHistogramToleratesEmptyInput() throws Exception {
        List<ConditionIsis> isis = List.of(new ConditionIsis("Wild type", new double[] {10, 12, 11}),
                new ConditionIsis("Reduced MEIS1", new double[0]));
        writeAndCheck(IsiHistogramFigure.chart(isis, 1), dir, "isi-empty", "Interspike interval (ms)");
        writeAndCheck(IsiHistogramFigure.chart(List.of(new ConditionIsis("A", new double[0])), 0), dir,
                "isi-none", "Probability density (1/ms)");
    }

    // ---------------------------------------------------------------- population rate

    @Test
    void populationRateFigure() throws Exception {
        List<ConditionTrains> trains = SyntheticData.conditionTrains(20, 3000, 2);
        JFreeChart chart = PopulationRateFigure.chart(SyntheticData.populationRates(trains, 3000, 50), "Gaussian kernel, SD 50 ms");
        BufferedImage img = writeAndCheck(chart, dir, "poprate", "Time (s)", "Population rate (Hz)",
                "Wild type", "Reduced MEIS1");
        assertHasConditionColours(img, 2);
        assertEquals(0.0, chart.getXYPlot().getRangeAxis().getLowerBound(), 0.0);
        writeAndCheck(PopulationRateFigure.chart(List.of(new ConditionPopulationRate("A", null, null)), null), dir,
                "poprate-empty", "Population rate (Hz)");
    }

    // ---------------------------------------------------------------- writer

    @Test
    void writerCreatesNestedDirectoryAndUsesDefaults() throws Exception {
        Path nested = dir.resolve("a/b/c");
        List<Path> out = FigureWriter.write(PopulationRateFigure.chart(List.of(), null), nested, "fig");
        assertTrue(Files.isRegularFile(out.get(0)) && Files.isRegularFile(out.get(1)));
        BufferedImage img = javax.imageio.ImageIO.read(out.get(0).toFile());
        assertEquals(FigureWriter.DEFAULT_WIDTH_PX, img.getWidth());
        assertEquals(FigureWriter.DEFAULT_HEIGHT_PX, img.getHeight());
    }

    // ---------------------------------------------------------------- helpers

    private static double meanY(BufferedImage img, Color c) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - c.getRed()) <= 12
                        && Math.abs(((rgb >> 8) & 0xFF) - c.getGreen()) <= 12
                        && Math.abs((rgb & 0xFF) - c.getBlue()) <= 12) {
                    sum += y;
                    n++;
                }
            }
        }
        assertTrue(n > 0, "colour present");
        return (double) sum / n;
    }

    private static int[] pixels(Path png) throws Exception {
        BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
