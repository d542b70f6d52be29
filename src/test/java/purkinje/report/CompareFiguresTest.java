package purkinje.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.analysis.PopulationRate;
import purkinje.cli.PurkinjeCommand;
import purkinje.experiment.CompareExperiment;

/**
 * What a user sees in the figures of a compare run with three conditions and a climbing fibre:
 * the data series of the raster, the rates subtitle, population-rate.csv and its figure, and that
 * 'plot' replaces the whole figure set. 12 cells x 3 s per condition (about a second to run).
 */
class CompareFiguresTest {
    static final String CONFIG = """
            name: three-conditions
            seed: 5
            duration: 3 s
            cells_per_condition: 12
            record:
              spikes: true
              voltage_cells: 0
            inputs:
              climbing_fibre:
                rate: 2 Hz
                pause: 20 ms
            meis1:
              I_pace: 0.6
            conditions:
              - name: wild-type
                meis1_dosage: 1.0
              - name: het
                meis1_dosage: 0.5
              - name: no-meis1
                meis1_dosage: 0.0
            """;

    @TempDir
    static Path dir;
    static Path result;
    static ResultFiles files;

    @BeforeAll
    static void run() throws IOException {
        Path c = Files.writeString(dir.resolve("three.yaml"), CONFIG);
        result = dir.resolve("three");
        assertEquals(0, PurkinjeCommand.execute("compare", "--config", c.toString(), "--out", result.toString(),
                "--quiet", "--threads", "2"));
        files = ResultFiles.open(result);
    }

    private static JFreeChart figure(ReportContent content, String name) {
        return content.figures().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().chart();
    }

    /** Issue 11.6: the subtitle names every condition against the reference, one line each. */
    @Test
    void ratesSubtitleShowsEveryConditionAgainstTheReference() {
        JFreeChart chart = figure(Reports.content(files, true), "rates");
        String subtitle = ((TextTitle) chart.getSubtitle(0)).getText();
        String[] lines = subtitle.split("\n");
        assertEquals(2, lines.length, subtitle);
        assertTrue(lines[0].startsWith("het vs wild-type: -"), subtitle);
        assertTrue(lines[1].startsWith("no-meis1 vs wild-type: -"), subtitle);
        assertTrue(lines[1].contains("Mann-Whitney p = ") && lines[1].endsWith("12 cells each"), subtitle);
    }

    /**
     * Issue 11.7: by default the raster shows the first 2 s of the first 10 cells of each condition
     * (rows 1-10, 11-20, 21-30), every spike of those cells in that window and no other, and the
     * complex-spike triangles sit between the rows' ticks, not on them.
     */
    @Test
    void rasterShowsAReadableWindowWithComplexSpikesBesideTheTicks() {
        XYPlot plot = (XYPlot) figure(Reports.content(files, true), "raster").getPlot();
        assertRaster(plot, 2.0, 10);
        XYPlot wider = (XYPlot) figure(Reports.content(files, true, FigureOptions.redraw(2500, 4)), "raster").getPlot();
        assertRaster(wider, 2.5, 4);
    }

    private static void assertRaster(XYPlot plot, double windowS, int cellsPerCondition) {
        assertEquals(windowS, plot.getDomainAxis().getUpperBound(), 1e-12);
        XYDataset ticks = plot.getDataset(0);
        assertEquals(3, ticks.getSeriesCount());
        ResultFiles.Table spikes = files.csv("spikes.csv");
        List<String> conditions = List.of("wild-type", "het", "no-meis1");
        for (int s = 0; s < 3; s++) {
            Set<Double> rows = new HashSet<>();
            for (int i = 0; i < ticks.getItemCount(s); i++) {
                double t = ticks.getXValue(s, i);
                assertTrue(t >= 0 && t < windowS, "tick at " + t + " s");
                rows.add(ticks.getYValue(s, i));
            }
            for (double row : rows) {
                assertTrue(row == Math.rint(row) && row > s * cellsPerCondition
                        && row <= (s + 1) * cellsPerCondition, "row " + row + " of condition " + s);
            }
            // every simple spike of the shown cells inside the window is drawn
            int expected = 0;
            for (int i = 0; i < spikes.size(); i++) {
                if (spikes.text(i, "condition").equals(conditions.get(s)) && spikes.text(i, "kind").equals("simple")
                        && spikes.number(i, "cell") < cellsPerCondition && spikes.number(i, "time_s") < windowS) {
                    expected++;
                }
            }
            assertEquals(expected, ticks.getItemCount(s), conditions.get(s));
        }
        XYDataset complex = plot.getDataset(1);
        assertTrue(complex.getItemCount(0) > 0, "a 2 Hz climbing fibre gives complex spikes in the window");
        for (int i = 0; i < complex.getItemCount(0); i++) {
            double y = complex.getYValue(0, i);
            double offset = Math.rint(y) - y;
            assertEquals(purkinje.plot.RasterFigureAccess.complexOffsetRows(), offset, 1e-12, "triangle at row " + y);
            assertTrue(complex.getXValue(0, i) < windowS);
        }
    }

    /**
     * Issue 11.2: population-rate.csv holds condition, time_s, rate_hz from 0 to the duration every
     * 20 ms: the edge-corrected kernel rate of spikes.csv's simple spikes, and the figure draws
     * exactly these numbers.
     */
    @Test
    void populationRateCsvIsTheFiguresSeries() throws IOException {
        List<String> lines = Files.readAllLines(result.resolve("population-rate.csv"));
        assertEquals("condition,time_s,rate_hz", lines.get(0));
        ResultFiles.Table table = files.csv("population-rate.csv");
        assertEquals(3 * 151, table.size());
        assertEquals(0.0, table.number(0, "time_s"), 0.0);
        assertEquals(3.0, table.number(150, "time_s"), 1e-12);
        assertEquals("het", table.text(151, "condition"));

        // the CSV is the kernel rate of the spikes in spikes.csv
        ResultFiles.Table spikes = files.csv("spikes.csv");
        List<double[]> wildType = new ArrayList<>();
        for (int cell = 0; cell < 12; cell++) {
            int c = cell;
            List<Double> t = new ArrayList<>();
            for (int i = 0; i < spikes.size(); i++) {
                if (spikes.text(i, "condition").equals("wild-type") && spikes.number(i, "cell") == c
                        && spikes.text(i, "kind").equals("simple")) {
                    t.add(spikes.number(i, "time_s") * 1000);
                }
            }
            wildType.add(t.stream().mapToDouble(Double::doubleValue).toArray());
        }
        PopulationRate.Series expected = PopulationRate.gaussianKernel(wildType, 0, 3000,
                CompareExperiment.POPULATION_KERNEL_SIGMA_MS, CompareExperiment.POPULATION_STEP_MS);
        for (int k = 0; k < 151; k++) {
            assertEquals(expected.rateHz()[k], table.number(k, "rate_hz"), 1e-9 * expected.rateHz()[k], "sample " + k);
        }

        JFreeChart chart = figure(Reports.content(files, true), "population-rate");
        XYDataset d = ((XYPlot) chart.getPlot()).getDataset();
        assertEquals(3, d.getSeriesCount());
        for (int s = 0; s < 3; s++) {
            assertEquals(151, d.getItemCount(s));
            for (int k = 0; k < 151; k++) {
                assertEquals(table.number(s * 151 + k, "time_s"), d.getXValue(s, k), 1e-12);
                assertEquals(table.number(s * 151 + k, "rate_hz"), d.getYValue(s, k), 0.0);
            }
        }
        String subtitle = ((TextTitle) chart.getSubtitle(1)).getText();
        assertEquals("Gaussian kernel, SD 100 ms, corrected at both ends", subtitle);
    }

    /**
     * Issue 11.11: 'plot --style slides' after 'plot --format png,svg,pdf' leaves no PDF of the
     * earlier rendering; a file the user put into figures/ is kept.
     */
    @Test
    void plotReplacesTheWholeFigureSet() throws IOException {
        Path copy = dir.resolve("replot");
        try (Stream<Path> s = Files.list(result)) {
            Files.createDirectories(copy);
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        assertEquals(0, PurkinjeCommand.execute("plot", copy.toString(), "--format", "png,svg,pdf", "--quiet"));
        Path figures = copy.resolve("figures");
        assertTrue(Files.exists(figures.resolve("rates.pdf")));
        Files.writeString(figures.resolve("my-notes.txt"), "mine");
        assertEquals(0, PurkinjeCommand.execute("plot", copy.toString(), "--style", "slides", "--quiet"));
        try (Stream<Path> s = Files.list(figures)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertFalse(names.stream().anyMatch(n -> n.endsWith(".pdf")), names.toString());
            assertTrue(names.contains("rates.png") && names.contains("rates.svg"), names.toString());
            assertTrue(names.contains("my-notes.txt"), names.toString());
        }
    }

    /** Bad raster options: one line, exit 2 (the figures are untouched, as for every bad plot input). */
    @Test
    void badRasterOptionsExitTwo() {
        assertEquals(2, PurkinjeCommand.execute("plot", result.toString(), "--raster-window", "0 s", "--quiet"));
        assertEquals(2, PurkinjeCommand.execute("plot", result.toString(), "--raster-window", "2", "--quiet"));
        assertEquals(2, PurkinjeCommand.execute("plot", result.toString(), "--raster-cells", "0", "--quiet"));
        assertNotEquals(0, PurkinjeCommand.execute("plot", result.toString(), "--raster-cells", "x", "--quiet"));
    }
}
