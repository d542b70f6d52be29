package purkinje.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static purkinje.plot.FigureTestSupport.assertHasConditionColours;
import static purkinje.plot.FigureTestSupport.countPixels;
import static purkinje.plot.FigureTestSupport.writeAndCheck;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiAndValidationFiguresTest {

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- f-I

    @Test
    void fiFigureShowsBothConditionsTheoriesAndRheobase() throws Exception {
        JFreeChart chart = FiFigure.chart(SyntheticData.fiCurves(3), "20 cells per current");
        BufferedImage img = writeAndCheck(chart, dir, "fi", FiFigure.TITLE, "Injected current (pA)",
                "Firing rate (Hz)", "Wild type: simulated", "Reduced MEIS1: simulated", "theory (noise)",
                "theory (no noise)", "rheobase", "rheobase 80 pA", "rheobase 115 pA", "20 cells per current");
        assertHasConditionColours(img, 2);
        ValueAxis y = chart.getXYPlot().getRangeAxis();
        assertEquals(0.0, y.getLowerBound(), 0.0, "rate axis starts at 0");
        assertTrue(y.getUpperBound() >= 150, "all points and error bars fit: " + y.getUpperBound());
        ValueAxis x = chart.getXYPlot().getDomainAxis();
        assertTrue(x.getLowerBound() <= 0 && x.getUpperBound() >= 300, "all currents visible");
        // three layers: noise-free theory, noisy theory, simulated points with error bars
        assertEquals(3, chart.getXYPlot().getDatasetCount());
        assertEquals(2, chart.getXYPlot().getDataset(2).getSeriesCount());
    }

    @Test
    void fiFigureIsReproducible() throws Exception {
        List<Path> a = FigureWriter.write(FiFigure.chart(SyntheticData.fiCurves(4), "x"), dir.resolve("a"), "fi",
                500, 350);
        List<Path> b = FigureWriter.write(FiFigure.chart(SyntheticData.fiCurves(4), "x"), dir.resolve("b"), "fi",
                500, 350);
        assertArrayEquals(pixels(a.get(0)), pixels(b.get(0)));
        assertEquals(Files.readString(a.get(1)), Files.readString(b.get(1)));
    }

    @Test
    void fiFigureToleratesNanNullAndMismatchedArrays() throws Exception {
        double[] grid = {0, 50, 100, 150, 200, 250};
        double[] theory = {Double.NaN, 5, Double.NaN, Double.NaN, 60, 80}; // gaps
        List<FiCurve> curves = List.of(
                new FiCurve("Wild type", new double[] {0, 100, 200, Double.NaN}, new double[] {0, 20, Double.NaN},
                        null, grid, theory, null, Double.NaN),
                new FiCurve("Reduced MEIS1", new double[] {50, 150}, new double[] {1, 30},
                        new double[] {Double.NaN, 2, 99}, grid, new double[] {Double.NaN, Double.NaN},
                        new double[grid.length], 120),
                new FiCurve(null, null, null, null, null, null, null, Double.POSITIVE_INFINITY));
        writeAndCheck(FiFigure.chart(curves, null), dir, "fi-nan", "Injected current (pA)", "Firing rate (Hz)",
                "rheobase 120 pA");
        // all theory NaN: no theory legend entries
        List<FiCurve> onlyPoints = List.of(new FiCurve("A", new double[] {1, 2}, new double[] {3, 4},
                new double[] {0.5, 0.5}, grid, new double[grid.length - 1], null, Double.NaN));
        JFreeChart chart = FiFigure.chart(onlyPoints, "");
        writeAndCheck(chart, dir, "fi-points", "A: simulated");
        assertEquals(0.0, chart.getXYPlot().getRangeAxis().getLowerBound(), 0.0);
    }

    @Test
    void fiFigureToleratesEmptyInput() throws Exception {
        writeAndCheck(FiFigure.chart(List.of(), null), dir, "fi-none", "Injected current (pA)",
                "Firing rate (Hz)");
        writeAndCheck(FiFigure.chart(null, "s"), dir, "fi-null", "Injected current (pA)");
        writeAndCheck(FiFigure.chart(List.of(new FiCurve("Wild type", new double[0], new double[0], new double[0],
                new double[0], new double[0], new double[0], Double.NaN)), null), dir, "fi-empty",
                "Firing rate (Hz)", "Wild type");
    }

    @Test
    void fiCurveReplacesNullArrays() {
        FiCurve c = new FiCurve(null, null, null, null, null, null, null, Double.NaN);
        assertEquals("", c.condition());
        assertEquals(0, c.currentPa().length + c.rateHz().length + c.rateSemHz().length
                + c.theoryCurrentPa().length + c.theoryRateHz().length + c.deterministicRateHz().length);
    }

    // ---------------------------------------------------------------- validation

    @Test
    void validationFigureAllPassing() throws Exception {
        List<ValidationPoint> points = SyntheticData.validation(12, 5);
        JFreeChart chart = ValidationFigure.chart(points, "Built-in suite");
        BufferedImage img = writeAndCheck(chart, dir, "validation", "Simulation vs theory",
                "Relative error, simulated vs theory (%)", "case-1 deterministic rate", "case-12 white noise",
                "All 12 checks are within tolerance", "tolerance band", "Built-in suite");
        assertTrue(countPixels(img, ValidationFigure.PASS, 12) > 12 * 30, "a blue dot per case");
        assertTrue(countPixels(img, ValidationFigure.BAND, 4) > 12 * 100, "grey tolerance bands");
        ValueAxis x = chart.getXYPlot().getDomainAxis();
        assertEquals(-x.getUpperBound(), x.getLowerBound(), 1e-12, "centred on 0");
        assertTrue(x.getUpperBound() > 2.0, "widest tolerance (2 %) inside the axis");
    }

    @Test
    void validationFigureMarksFailures() throws Exception {
        BufferedImage ok = writeAndCheck(ValidationFigure.chart(SyntheticData.validation(12, 5), null), dir,
                "validation-ok");
        List<ValidationPoint> points = SyntheticData.validation(12, 5, 2, 7);
        BufferedImage bad = writeAndCheck(ValidationFigure.chart(points, null), dir, "validation-fail",
                "Relative error, simulated vs theory (%)", "2 of 12 checks outside tolerance");
        int okFail = countPixels(ok, ValidationFigure.FAIL, 12);
        int badFail = countPixels(bad, ValidationFigure.FAIL, 12);
        assertTrue(badFail > okFail + 2 * 60, "two large vermillion markers: " + okFail + " -> " + badFail);
        assertTrue(countPixels(bad, ValidationFigure.PASS, 12) > 10 * 30, "passing cases stay blue");
    }

    @Test
    void validationFigureAtSuggestedHeightForFortyRows() throws Exception {
        List<ValidationPoint> points = SyntheticData.validation(40, 6, 3, 17);
        int h = ValidationFigure.suggestedHeightPx(points.size());
        List<Path> out = FigureWriter.write(ValidationFigure.chart(points, null), dir, "validation-40", 900, h);
        BufferedImage img = ImageIO.read(out.get(0).toFile());
        assertEquals(h, img.getHeight());
        assertTrue(Files.readString(out.get(1)).contains("case-40 white noise rate"));
        assertTrue(h >= 40 * 20 && h <= 1400, "height " + h);
        assertTrue(ValidationFigure.suggestedHeightPx(0) > 0);
        assertTrue(ValidationFigure.suggestedHeightPx(41) > ValidationFigure.suggestedHeightPx(40));
    }

    @Test
    void validationFigureClipsWildErrorsAndToleratesNan() throws Exception {
        List<ValidationPoint> points = new ArrayList<>(SyntheticData.validation(5, 1));
        points.add(new ValidationPoint("diverged", "rate", 510, 10, 50, 0.005, false)); // +5000 %
        points.add(new ValidationPoint("no theory", "CV", 1, 0, Double.NaN, Double.NaN, false));
        points.add(new ValidationPoint(null, null, Double.NaN, Double.NaN, Double.NaN, -0.01, true));
        points.add(new ValidationPoint("recomputed", "rate", 101, 100, Double.NaN, 0.02, true)); // +1 %
        JFreeChart chart = ValidationFigure.chart(points, null);
        writeAndCheck(chart, dir, "validation-wild", "diverged rate", "+5000 %", "n/a",
                "2 of 9 checks outside tolerance");
        assertTrue(chart.getXYPlot().getDomainAxis().getUpperBound() < 20, "bands stay readable");
    }

    @Test
    void validationFigureToleratesEmptyInput() throws Exception {
        writeAndCheck(ValidationFigure.chart(List.of(), null), dir, "validation-none",
                "Relative error, simulated vs theory (%)", "No validation checks");
        writeAndCheck(ValidationFigure.chart(null, "x"), dir, "validation-null", "Relative error");
    }

    @Test
    void validationSummaryAndLabel() {
        assertEquals("All 3 checks are within tolerance", ValidationFigure.summary(3, 0));
        assertEquals("The check is within tolerance", ValidationFigure.summary(1, 0));
        assertEquals("1 of 3 checks outside tolerance", ValidationFigure.summary(3, 1));
        assertEquals("lif rate", new ValidationPoint("lif", "rate", 1, 1, 0, 0.005, true).label());
        assertEquals(0.01, new ValidationPoint("a", "b", 101, 100, Double.NaN, 0.005, true)
                .effectiveRelativeError(), 1e-12);
    }

    private static int[] pixels(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
