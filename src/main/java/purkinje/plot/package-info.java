/**
 * Figures comparing wild-type and reduced-MEIS1 Purkinje cells, built with JFreeChart and written
 * headless as PNG and SVG.
 *
 * <p>Three steps, all pure and display-free: plain data records ({@link purkinje.plot.ConditionRates},
 * {@link purkinje.plot.ConditionTrains}, {@link purkinje.plot.ConditionTrace},
 * {@link purkinje.plot.ConditionIsis}, {@link purkinje.plot.ConditionPopulationRate},
 * {@link purkinje.plot.FiCurve}, {@link purkinje.plot.ValidationPoint}) are turned into
 * charts by one class per figure ({@code XxxFigure.chart(...)}), and {@link purkinje.plot.FigureWriter}
 * writes a chart as {@code name.png} and {@code name.svg}. Conditions are passed as a list in display
 * order; the list index is the colour index of {@link purkinje.plot.ConditionPalette} (0 = wild type,
 * blue; 1 = reduced MEIS1, vermillion), so a condition has the same colour in every figure. Spike
 * times and intervals are in ms; time axes are drawn in seconds. No global JFreeChart theme is set.
 */
package purkinje.plot;
