package purkinje.plot;

import java.util.List;

/**
 * Membrane-potential traces of one or more example cells of one condition.
 *
 * @param condition    display name of the condition
 * @param dtMs         sampling step in ms; sample k is at time k * dtMs
 * @param voltageMv    one array of membrane potentials (mV) per example cell
 * @param vThresholdMv spike threshold (mV), drawn as a dashed line
 */
public record ConditionTrace(String condition, double dtMs, List<double[]> voltageMv, double vThresholdMv) {
    public ConditionTrace {
        condition = condition == null ? "" : condition;
        voltageMv = voltageMv == null ? List.of() : voltageMv;
    }
}
