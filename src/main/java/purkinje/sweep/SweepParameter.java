package purkinje.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import purkinje.io.ConfigSchema;
import purkinje.io.ConfigTree.ListNode;
import purkinje.io.ConfigTree.MapNode;
import purkinje.io.ConfigTree.Node;
import purkinje.io.ConfigTree.ScalarNode;
import purkinje.io.Quantities;
import purkinje.model.CellParameter;
import purkinje.model.Unit;

/**
 * A config value a sweep varies, named by its config path ({@code noise.sigma_v}, {@code dt},
 * {@code heterogeneity.I_pace}, ...) or the special {@code meis1_dosage}, which replaces the
 * condition list by the single condition {@value #DOSAGE_CONDITION} at that dosage.
 *
 * @param path    the config path as written in the sweep block
 * @param unit    the unit values are held (and written) in; null for a dimensionless value
 * @param example a typical value for error messages, e.g. "2 mV"
 */
public record SweepParameter(String path, Unit unit, String example) {
    /** The path that sweeps the MEIS1 dosage. */
    public static final String DOSAGE = "meis1_dosage";
    /** Name of the one condition of a point when the dosage is swept. */
    public static final String DOSAGE_CONDITION = "meis1-dosage";

    /** Every path a sweep may vary, in schema order. */
    public static List<SweepParameter> all() {
        List<SweepParameter> out = new ArrayList<>();
        for (Map.Entry<String, ConfigSchema.Field> e : ConfigSchema.RUN.entrySet()) {
            String key = e.getKey();
            ConfigSchema.Field f = e.getValue();
            if (f instanceof ConfigSchema.Quantity q) {
                out.add(new SweepParameter(key, q.unit(), q.example()));
            } else if (f instanceof ConfigSchema.Block b) {
                b.fields().forEach((k, sub) -> {
                    if (sub instanceof ConfigSchema.Quantity q) {
                        out.add(new SweepParameter(key + "." + k, q.unit(), q.example()));
                    }
                });
            } else if (f instanceof ConfigSchema.ParameterTable) {
                for (CellParameter p : CellParameter.values()) {
                    out.add(new SweepParameter(key + "." + p.configName(), null, "0.1"));
                }
            }
        }
        out.add(new SweepParameter(DOSAGE, null, "0.5"));
        return List.copyOf(out);
    }

    /**
     * The parameter for a path.
     *
     * @throws IllegalArgumentException naming the nearest valid path when the path is unknown
     */
    public static SweepParameter of(String path) {
        List<SweepParameter> all = all();
        for (SweepParameter p : all) {
            if (p.path.equals(path)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown sweep parameter '" + path + "'; did you mean '"
                + ConfigSchema.nearest(path, all.stream().map(SweepParameter::path).toList()) + "'?");
    }

    public boolean isDosage() {
        return path.equals(DOSAGE);
    }

    /** Column name in points.csv: the path with its unit, e.g. {@code noise.sigma_v_mV}. */
    public String column() {
        return unit == null ? path : path + "_" + unit.symbol();
    }

    /** Axis label with the unit, e.g. {@code noise.sigma_v (mV)}. */
    public String axisLabel() {
        return unit == null ? path : path + " (" + unit.symbol() + ")";
    }

    /** Parses one value as written in the sweep block ("1 mV", or a bare number where dimensionless). */
    public double parse(ScalarNode s, String field) {
        String text = s.text();
        if (unit != null) {
            return Quantities.parse(text, unit, field, example);
        }
        if (s.kind() != ScalarNode.Kind.NUMBER) {
            throw new IllegalArgumentException(field + ": expected a plain number without unit, was '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    /** Formats a value as the config would write it. */
    public String format(double value) {
        return unit == null ? Quantities.formatNumber(value) : Quantities.format(value, unit);
    }

    /** A copy of the config tree with this parameter set to {@code value}. */
    MapNode apply(MapNode root, double value, int line) {
        if (isDosage()) {
            MapNode condition = new MapNode(Map.of(), Map.of(), line)
                    .with("name", new ScalarNode(DOSAGE_CONDITION, ScalarNode.Kind.STRING, line))
                    .with("meis1_dosage", new ScalarNode(Quantities.formatNumber(value), ScalarNode.Kind.NUMBER, line));
            return root.with("conditions", new ListNode(List.of(condition), line));
        }
        ScalarNode scalar = unit == null
                ? new ScalarNode(Quantities.formatNumber(value), ScalarNode.Kind.NUMBER, line)
                : new ScalarNode(format(value), ScalarNode.Kind.STRING, line);
        int dot = path.indexOf('.');
        if (dot < 0) {
            return root.with(path, scalar);
        }
        String block = path.substring(0, dot);
        Node existing = root.entries().get(block);
        MapNode m = existing instanceof MapNode mm ? mm : new MapNode(Map.of(), Map.of(), line);
        return root.with(block, m.with(path.substring(dot + 1), scalar));
    }
}
