package purkinje.plot;

/**
 * One condition's mean firing rate along a swept parameter, for {@link SweepRateFigure}.
 *
 * @param condition condition name (legend)
 * @param x         swept value of each point, in the axis unit
 * @param meanHz    mean rate over cells at each point (Hz)
 * @param lowHz     lower end of the 95 % confidence interval (Hz)
 * @param highHz    upper end of the 95 % confidence interval (Hz)
 * @param theoryHz  analytic rate at each point (Hz), NaN where none; drawn as a dashed line
 */
public record SweepSeries(String condition, double[] x, double[] meanHz, double[] lowHz, double[] highHz,
                          double[] theoryHz) {
}
