package purkinje.plot;

/** Test access to package-private layout constants of the plot package. */
public final class RasterFigureAccess {
    private RasterFigureAccess() {
    }

    /** How far (rows) complex-spike triangles sit above their row's centre. */
    public static double complexOffsetRows() {
        return RasterFigure.COMPLEX_MARK_OFFSET_ROWS;
    }
}
