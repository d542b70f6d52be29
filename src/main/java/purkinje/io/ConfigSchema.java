package purkinje.io;

import java.util.LinkedHashMap;
import java.util.Map;
import purkinje.model.CellParameter;
import purkinje.model.Unit;

/**
 * The keys a run config may hold (README, "Config files"), each with the kind of value it takes. Used to reject
 * unknown keys (naming the nearest valid one) before any value is read.
 */
public final class ConfigSchema {
    /** What a key takes. */
    public sealed interface Field permits Quantity, Plain, Block, ParameterTable, ConditionList {
    }

    /** A dimensional value written with its unit. */
    public record Quantity(Unit unit, String example) implements Field {
    }

    /** A dimensionless value: text, integer, number or boolean. */
    public record Plain(String kind) implements Field {
    }

    /** A nested mapping with fixed keys. */
    public record Block(Map<String, Field> fields) implements Field {
    }

    /**
     * A mapping from cell parameter names (C_m, tau_m, ..., I_pace) to values; with {@code inputs},
     * also from input parameter paths ({@code inputs.parallel_fibres.rate}, ...). A potential
     * (E_L, V_th, V_reset, the pause potential) takes a quantity in mV (a MEIS1 shift, a
     * heterogeneity SD); every other key a bare number (a factor, a CV).
     *
     * @param meaning         what a bare number means here, e.g. "relative value at dosage 0"
     * @param potentialMeaning what a potential's value means here, e.g. "shift in mV at dosage 0"
     */
    public record ParameterTable(String meaning, String potentialMeaning, boolean inputs) implements Field {
        /** The unit a key takes: millivolt for a potential, null (a bare number) otherwise. */
        public Unit unitOf(String key) {
            boolean potential = purkinje.model.CellParameter.byConfigName(key).map(CellParameter::isPotential)
                    .orElseGet(() -> purkinje.model.InputParameter.byPath(key)
                            .map(purkinje.model.InputParameter::isPotential).orElse(false));
            return potential ? Unit.MILLIVOLT : null;
        }

        /** Valid keys of this table. */
        public java.util.Set<String> keys() {
            java.util.Set<String> k = new java.util.LinkedHashSet<>(CELL.keySet());
            if (inputs) {
                for (purkinje.model.InputParameter p : purkinje.model.InputParameter.values()) {
                    k.add(p.configPath());
                }
            }
            return k;
        }
    }

    /** The list of conditions, each {name, meis1_dosage}. */
    public record ConditionList() implements Field {
    }

    /** Cell parameter keys with their unit and a typical value. */
    public static final Map<String, Field> CELL = ordered(
            "C_m", new Quantity(Unit.PICOFARAD, "20 pF"),
            "tau_m", new Quantity(Unit.MILLISECOND, "47 ms"),
            "E_L", new Quantity(Unit.MILLIVOLT, "-59 mV"),
            "V_th", new Quantity(Unit.MILLIVOLT, "-43 mV"),
            "V_reset", new Quantity(Unit.MILLIVOLT, "-69 mV"),
            "t_ref", new Quantity(Unit.MILLISECOND, "1 ms"),
            "I_pace", new Quantity(Unit.PICOAMPERE, "10.3 pA"));

    public static final Map<String, Field> NOISE = ordered(
            "sigma_v", new Quantity(Unit.MILLIVOLT, "2 mV"),
            "tau", new Quantity(Unit.MILLISECOND, "0 ms"));

    public static final Map<String, Field> RECORD = ordered(
            "spikes", new Plain("true or false"),
            "voltage_cells", new Plain("integer"));

    /** MEIS1 mapping tables (run-wide or a condition's own). */
    public static final ParameterTable MEIS1 = new ParameterTable("relative value at dosage 0",
            "shift in mV at dosage 0", true);

    /** Cell-to-cell variability: a CV per scaled parameter, an SD in mV per potential. */
    public static final ParameterTable HETEROGENEITY = new ParameterTable("coefficient of variation",
            "standard deviation in mV", false);

    public static final Map<String, Field> CONDITION = ordered(
            "name", new Plain("text"),
            "meis1_dosage", new Plain("number"),
            "meis1", MEIS1);

    /** A Poisson synaptic input (parallel fibres, interneurons); every key is required. */
    public static final Map<String, Field> POISSON_INPUT = ordered(
            "rate", new Quantity(Unit.HERTZ, "1 Hz"),
            "synapses", new Plain("integer"),
            "weight", new Quantity(Unit.PICOAMPERE, "0.5 pA"),
            "tau_syn", new Quantity(Unit.MILLISECOND, "2 ms"));

    /** The climbing fibre; rate and pause are required, pause_potential defaults to V_reset. */
    public static final Map<String, Field> CLIMBING_FIBRE = ordered(
            "rate", new Quantity(Unit.HERTZ, "1 Hz"),
            "pause", new Quantity(Unit.MILLISECOND, "20 ms"),
            "pause_potential", new Quantity(Unit.MILLIVOLT, "-69 mV"));

    public static final Map<String, Field> INPUTS = ordered(
            "parallel_fibres", new Block(POISSON_INPUT),
            "interneurons", new Block(POISSON_INPUT),
            "climbing_fibre", new Block(CLIMBING_FIBRE));

    /** The top level of a run config. */
    public static final Map<String, Field> RUN = ordered(
            "name", new Plain("text"),
            "seed", new Plain("integer"),
            "duration", new Quantity(Unit.SECOND, "20 s"),
            "dt", new Quantity(Unit.MILLISECOND, "0.1 ms"),
            "cells_per_condition", new Plain("integer"),
            "record", new Block(RECORD),
            "cell", new Block(CELL),
            "noise", new Block(NOISE),
            "heterogeneity", HETEROGENEITY,
            "meis1", MEIS1,
            "conditions", new ConditionList(),
            "inputs", new Block(INPUTS));

    private ConfigSchema() {
    }

    static {
        for (CellParameter p : CellParameter.values()) {
            if (!CELL.containsKey(p.configName())) {
                throw new AssertionError("cell schema lacks " + p.configName());
            }
        }
    }

    private static Map<String, Field> ordered(Object... keyValues) {
        Map<String, Field> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], (Field) keyValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The valid key closest to {@code key} by edit distance (case-insensitive), for "did you mean". */
    public static String nearest(String key, Iterable<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String v : valid) {
            int d = editDistance(key.toLowerCase(java.util.Locale.ROOT), v.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = v;
            }
        }
        return best;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
