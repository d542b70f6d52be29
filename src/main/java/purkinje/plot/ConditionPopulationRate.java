package purkinje.plot;

/**
 * Population firing rate of one condition over time.
 *
 * @param condition display name of the condition
 * @param timeMs    sample times in ms (e.g. bin centres)
 * @param rateHz    population rate in Hz at each time, same length as {@code timeMs}
 */
public record ConditionPopulationRate(String condition, double[] timeMs, double[] rateHz) {
    public ConditionPopulationRate {
        condition = condition == null ? "" : condition;
        timeMs = timeMs == null ? new double[0] : timeMs;
        rateHz = rateHz == null ? new double[0] : rateHz;
        if (timeMs.length != rateHz.length) {
            throw new IllegalArgumentException("timeMs and rateHz differ in length: "
                    + timeMs.length + " vs " + rateHz.length);
        }
    }
}
