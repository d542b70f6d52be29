package purkinje.plot;

import java.nio.file.Path;
import java.util.List;

/** Writes all figures from synthetic data into a directory for visual inspection (not a test). */
public final class PlotDemo {

    private PlotDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/plot-demo");
        double duration = 10_000;
        List<ConditionTrains> trains = SyntheticData.conditionTrains(40, duration, 7);
        String sub = RateByConditionFigure.comparisonSubtitle(SyntheticData.MEIS1, "wild type", -31.2, -34.4, -27.9, 2.1e-12, 40);
        long t0 = System.nanoTime();
        FigureWriter.write(RateByConditionFigure.chart(SyntheticData.rates(40, 1), sub), dir, "rates");
        FigureWriter.write(RasterFigure.chart(trains, duration), dir, "raster");
        FigureWriter.write(RasterFigure.chart(SyntheticData.conditionTrains(40, 2000, 7), 2000), dir, "raster-2s");
        FigureWriter.write(VoltageTraceFigure.chart(SyntheticData.traces(2000, 0.1, 3), 500), dir, "voltage");
        FigureWriter.write(VoltageTraceFigure.chart(SyntheticData.traces(2000, 0.1, 3), 2000), dir, "voltage-2s");
        FigureWriter.write(IsiHistogramFigure.chart(SyntheticData.isis(trains), 2), dir, "isi");
        FigureWriter.write(PopulationRateFigure.chart(SyntheticData.populationRates(trains, duration, 100), "Gaussian kernel, SD 100 ms"), dir, "poprate");
        FigureWriter.write(FiFigure.chart(SyntheticData.fiCurves(3), "20 cells per current, current noise sd 20 pA"),
                dir, "fi");
        List<ValidationPoint> ok = SyntheticData.validation(24, 5);
        FigureWriter.write(ValidationFigure.chart(ok, "Built-in suite, seed 5"), dir, "validation", 900,
                ValidationFigure.suggestedHeightPx(ok.size()));
        List<ValidationPoint> bad = SyntheticData.validation(40, 6, 3, 17);
        FigureWriter.write(ValidationFigure.chart(bad, "Built-in suite, seed 6"), dir, "validation-fail", 900,
                ValidationFigure.suggestedHeightPx(bad.size()));
        System.out.printf("wrote %s in %.1f s%n", dir.toAbsolutePath(), (System.nanoTime() - t0) / 1e9);
    }
}
