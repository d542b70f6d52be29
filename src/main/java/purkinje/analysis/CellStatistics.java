package purkinje.analysis;

/**
 * Firing statistics of one cell over one observation window.
 *
 * <p>Built by {@link SpikeStatistics#of(double[], double, double)} from a spike train or by
 * {@link SpikeStatistics#fromAccumulated} from online sums. See {@link SpikeStatistics} for the
 * formula, the Poisson-process value, the citation and the NaN rule of each statistic.
 *
 * @param nSpikes   number of spikes in the window
 * @param rateHz    mean firing rate, {@code nSpikes / duration_s}; 0 for a silent cell
 * @param isiMeanMs mean inter-spike interval (ms); NaN with fewer than 1 ISI
 * @param isiSdMs   population standard deviation (ddof = 0) of the ISIs (ms); NaN with fewer than 2 ISIs
 * @param cv        coefficient of variation {@code isiSdMs / isiMeanMs}; NaN with fewer than 2 ISIs
 * @param cv2       local coefficient of variation CV2 (Holt et al. 1996); NaN with fewer than 2 ISIs
 * @param lv        local variation LV (Shinomoto et al. 2003); NaN with fewer than 2 ISIs
 */
public record CellStatistics(int nSpikes, double rateHz, double isiMeanMs, double isiSdMs,
                             double cv, double cv2, double lv) {
}
