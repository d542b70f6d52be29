package purkinje.model;

/**
 * What a run keeps besides per-cell spike counts and statistics (always kept), in the spirit of
 * Brian2's monitors: full spike trains and voltage traces are opt-in.
 *
 * @param spikes       keep every spike time (written to spikes.csv, used for rasters)
 * @param voltageCells cells per condition whose membrane potential is kept for trace figures
 */
public record RecordOptions(boolean spikes, int voltageCells) {
    public static final RecordOptions DEFAULTS = new RecordOptions(true, 2);

    public RecordOptions {
        if (voltageCells < 0) {
            throw new InvalidParameterException("record.voltage_cells must be zero or positive, was " + voltageCells);
        }
    }
}
