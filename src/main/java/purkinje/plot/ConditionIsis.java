package purkinje.plot;

/**
 * Pooled interspike intervals of one condition.
 *
 * @param condition display name of the condition
 * @param isisMs    interspike intervals in ms (non-finite and negative values are ignored)
 */
public record ConditionIsis(String condition, double[] isisMs) {
    public ConditionIsis {
        condition = condition == null ? "" : condition;
        isisMs = isisMs == null ? new double[0] : isisMs;
    }
}
