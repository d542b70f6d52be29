package purkinje.plot;

/**
 * Per-cell mean firing rates of one condition.
 *
 * @param condition display name of the condition, e.g. "Wild type"
 * @param ratesHz   one firing rate per cell, in Hz (non-finite values are ignored when plotting)
 */
public record ConditionRates(String condition, double[] ratesHz) {
    public ConditionRates {
        condition = condition == null ? "" : condition;
        ratesHz = ratesHz == null ? new double[0] : ratesHz;
    }
}
