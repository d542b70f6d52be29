package purkinje.report;

/**
 * Choices about what a figure shows (not how it is rendered: that is {@link purkinje.plot.Rendering}).
 * Runs draw with {@link #DEFAULT}; {@code purkinje plot --raster-window/--raster-cells} redraws with others.
 *
 * @param rasterWindowMs          the raster shows spikes in [0, this) (capped at the run's duration)
 * @param rasterCellsPerCondition the raster shows the first this many cells of each condition
 * @param skipWhatDoesNotFit      true (a run): figures whose data would not fit in the heap are left
 *                                out with a line saying so, so that the run's result is kept; false
 *                                ('purkinje plot'): such a redraw is refused, and figures/ left as it was
 */
public record FigureOptions(double rasterWindowMs, int rasterCellsPerCondition, boolean skipWhatDoesNotFit) {
    /**
     * The first 2 s of 10 cells per condition: about 30 spikes per row at 15 Hz and rows about 20 px
     * high for two conditions, so every spike is a separate tick (a whole 10 s x 40-cell run is a
     * barcode with moire).
     */
    public static final FigureOptions DEFAULT = new FigureOptions(2_000, 10, true);

    /** A redraw's choices ('purkinje plot'): what does not fit is refused, not skipped. */
    public static FigureOptions redraw(double rasterWindowMs, int rasterCellsPerCondition) {
        return new FigureOptions(rasterWindowMs, rasterCellsPerCondition, false);
    }

    /**
     * @throws IllegalArgumentException if the window is not positive and finite or there is not at least 1 cell
     */
    public FigureOptions {
        if (!(rasterWindowMs > 0) || Double.isInfinite(rasterWindowMs)) {
            throw new IllegalArgumentException("--raster-window must be a positive time such as '5 s', was "
                    + purkinje.io.Quantities.formatNumber(rasterWindowMs) + " ms");
        }
        if (rasterCellsPerCondition < 1) {
            throw new IllegalArgumentException("--raster-cells must be at least 1, was " + rasterCellsPerCondition);
        }
    }
}
