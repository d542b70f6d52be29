package purkinje.plot;

import java.util.List;

/**
 * Spike trains of the cells of one condition.
 *
 * @param condition    display name of the condition
 * @param spikeTimesMs one array of spike times (ms) per cell; a null array is treated as a silent cell
 */
public record ConditionTrains(String condition, List<double[]> spikeTimesMs) {
    public ConditionTrains {
        condition = condition == null ? "" : condition;
        spikeTimesMs = spikeTimesMs == null ? List.of() : spikeTimesMs;
    }
}
