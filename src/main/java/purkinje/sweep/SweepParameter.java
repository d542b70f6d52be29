package purkinje.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import purkinje.io.ConfigSchema;
import purkinje.io.ConfigTree.ListNode;
import purkinje.io.ConfigTree.MapNode;
import purkinje.io.ConfigTree.Node;
import purkinje.io.ConfigTree.ScalarNode;
import purkinje.io.Quantities;
import purkinje.model.Condition;
import purkinje.model.RunConfig;
import purkinje.model.Unit;

/**
 * A config value a sweep varies, named by its config path: any numeric key of a run config
 * ({@code dt}, {@code noise.sigma_v}, {@code cell.I_pace}, {@code inputs.parallel_fibres.rate},
 * {@code heterogeneity.I_pace}, {@code meis1.V_th}, {@code cells_per_condition}, ...), a key of one
 * condition ({@code conditions[1].meis1_dosage}, {@code conditions[1].meis1.I_pace}; index from 0,
 * in the order of the config's condition list), or the special {@value #DOSAGE}: the dosage of
 * every condition after the first (the first is the reference and keeps its own dosage; a config
 * with one condition has that one swept), each condition keeping its own {@code meis1} mapping.
 *
 * <p>A value is written as the config itself would write it: with its unit where the config needs
 * one ({@code 2 mV}, {@code 0.5 Hz}), bare where it is dimensionless. A {@code meis1} or
 * {@code heterogeneity} entry takes the form its table takes (a factor or CV bare, a potential's
 * shift or SD in mV); the loader checks every point exactly as a run config.
 *
 * @param path    the config path as written in the sweep block
 * @param unit    the unit values are held (and written) in; null for a dimensionless value
 * @param integer true for a whole-number key (cells_per_condition, synapses)
 * @param example a typical value for error messages, e.g. "2 mV"
 * @param label   axis label: what the value is, with its unit, e.g. "Membrane noise sigma_V (mV)"
 */
public record SweepParameter(String path, Unit unit, boolean integer, String example, String label) {
    /** The path that sweeps the MEIS1 dosage of the non-reference conditions. */
    public static final String DOSAGE = "meis1_dosage";
    /** Column of points.csv holding the swept dosage (meis1_dosage is each row's own dosage). */
    public static final String DOSAGE_COLUMN = "swept_meis1_dosage";

    private static final Pattern INDEXED = Pattern.compile("([A-Za-z_]+)\\[(\\d+)]");
    /** Keys whose values do not change what a sweep computes. */
    private static final Map<String, String> NOT_SWEPT = Map.of(
            "seed", "each point's seed derives from the master seed and the point index; give --seed for another "
                    + "master seed",
            "record", "a sweep records no spikes or traces, so record settings change nothing");

    /** Readable names of config keys (axis labels). */
    private static final Map<String, String> NAMES = names();

    private static Map<String, String> names() {
        Map<String, String> n = new LinkedHashMap<>();
        n.put("C_m", "membrane capacitance C_m");
        n.put("tau_m", "membrane time constant tau_m");
        n.put("E_L", "resting potential E_L");
        n.put("V_th", "spike threshold V_th");
        n.put("V_reset", "reset potential V_reset");
        n.put("t_ref", "refractory period t_ref");
        n.put("I_pace", "pacemaking current I_pace");
        n.put("noise.sigma_v", "membrane noise sigma_V");
        n.put("noise.tau", "noise correlation time tau_noise");
        n.put("duration", "simulated time");
        n.put("dt", "time step dt");
        n.put("cells_per_condition", "cells per condition");
        n.put("parallel_fibres", "parallel-fibre");
        n.put("interneurons", "interneuron");
        n.put("rate", "rate per synapse");
        n.put("synapses", "synapses");
        n.put("weight", "weight");
        n.put("tau_syn", "decay tau_syn");
        n.put("climbing_fibre.rate", "climbing-fibre rate");
        n.put("climbing_fibre.pause", "complex-spike pause");
        n.put("climbing_fibre.pause_potential", "complex-spike pause potential");
        return Map.copyOf(n);
    }

    public boolean isDosage() {
        return path.equals(DOSAGE);
    }

    /** Column name in points.csv: the path with its unit, e.g. {@code noise.sigma_v_mV}. */
    public String column() {
        if (isDosage()) {
            return DOSAGE_COLUMN;
        }
        return unit == null ? path : path + "_" + unit.symbol();
    }

    /** Axis label with the unit, e.g. {@code Membrane noise sigma_V (mV)}. */
    public String axisLabel() {
        return label;
    }

    /** The label without its parenthesis (unit or scale), for sentences: {@code membrane noise sigma_V}. */
    public String name() {
        String n = label.endsWith(")") && label.contains(" (") ? label.substring(0, label.lastIndexOf(" (")) : label;
        return n.startsWith("MEIS1") || n.contains(":") ? n : n.substring(0, 1).toLowerCase(Locale.ROOT) + n.substring(1);
    }

    /**
     * The parameter for a path in the config {@code tree}; a {@code meis1} or {@code heterogeneity}
     * entry takes the unit its table gives it ({@link ConfigSchema.ParameterTable#unitOf}).
     *
     * @throws IllegalArgumentException with a one-line message (naming the nearest valid path when the path is unknown)
     */
    public static SweepParameter of(String path, MapNode tree) {
        if (path.equals(DOSAGE)) {
            return new SweepParameter(DOSAGE, null, false, "0.5", "MEIS1 dosage (0 = null, 1 = wild type)");
        }
        String[] tokens = path.split("\\.", -1);
        String top = tokens[0];
        Matcher indexed = INDEXED.matcher(top);
        if (indexed.matches()) {
            return conditionParameter(path, indexed.group(1), Integer.parseInt(indexed.group(2)), tokens, tree);
        }
        if (NOT_SWEPT.containsKey(top)) {
            throw new IllegalArgumentException("sweep parameter '" + path + "' cannot be swept: " + NOT_SWEPT.get(top));
        }
        if (top.equals("conditions")) {
            throw new IllegalArgumentException("sweep parameter '" + path + "': name one condition by its index, e.g. "
                    + "'conditions[1].meis1_dosage' (0 is the first)");
        }
        ConfigSchema.Field field = ConfigSchema.RUN.get(top);
        if (field == null) {
            throw unknown(path, tree);
        }
        SweepParameter p = leaf(path, field, tokens, 1, "", tree);
        if (top.equals("inputs")) {
            String block = tokens.length > 1 ? tokens[1] : "";
            Node inputs = tree.entries().get("inputs");
            if (!(inputs instanceof MapNode m) || !m.entries().containsKey(block)) {
                throw new IllegalArgumentException("sweep parameter '" + path + "': the config has no inputs." + block
                        + " block to vary; add it with all its keys (see README, Synaptic inputs)");
            }
        }
        return p;
    }

    private static SweepParameter conditionParameter(String path, String list, int index, String[] tokens,
                                                     MapNode tree) {
        if (!list.equals("conditions")) {
            throw unknown(path, tree);
        }
        List<String> names = conditionNames(tree);
        if (index >= names.size()) {
            throw new IllegalArgumentException("sweep parameter '" + path + "': the config has " + names.size()
                    + " condition(s), so the index runs from 0 to " + (names.size() - 1));
        }
        String key = tokens.length > 1 ? tokens[1] : "";
        ConfigSchema.Field field = ConfigSchema.CONDITION.get(key);
        if (field == null || key.equals("name")) {
            throw new IllegalArgumentException("sweep parameter '" + path + "': a condition's numeric keys are "
                    + "meis1_dosage and its meis1 entries, e.g. 'conditions[" + index + "].meis1_dosage'");
        }
        return leaf(path, field, tokens, 2, names.get(index) + ": ", tree);
    }

    /** Walks the schema from {@code tokens[at]} on; {@code owner} prefixes the label (a condition's name). */
    private static SweepParameter leaf(String path, ConfigSchema.Field field, String[] tokens, int at, String owner,
                                       MapNode tree) {
        String key = tokens[at - 1];
        if (field instanceof ConfigSchema.Block b) {
            if (at >= tokens.length) {
                throw new IllegalArgumentException("sweep parameter '" + path + "' is a block; name one of its keys, "
                        + "e.g. '" + path + "." + b.fields().keySet().iterator().next() + "'");
            }
            ConfigSchema.Field sub = b.fields().get(tokens[at]);
            if (sub == null) {
                throw unknown(path, tree);
            }
            return leaf(path, sub, tokens, at + 1, owner, tree);
        }
        if (field instanceof ConfigSchema.ParameterTable t) {
            String entry = String.join(".", java.util.Arrays.copyOfRange(tokens, at, tokens.length));
            if (!t.keys().contains(entry)) {
                throw unknown(path, tree);
            }
            String what = label(entry);
            Unit u = t.unitOf(entry);
            boolean meis1 = t == ConfigSchema.MEIS1;
            String l = u == null
                    ? (meis1 ? "MEIS1: " + what + " at dosage 0 (x wild type)" : "cell-to-cell CV of " + what)
                    : (meis1 ? "MEIS1: " + what + " shift at dosage 0" : "cell-to-cell SD of " + what) + " ("
                            + u.symbol() + ")";
            return new SweepParameter(path, u, false, u == null ? "0.5" : "1 " + u.symbol(), owner + capitalise(l));
        }
        if (at != tokens.length) {
            throw unknown(path, tree);
        }
        String name = owner + capitalise(label(String.join(".", java.util.Arrays.copyOfRange(tokens, 0, at))));
        if (field instanceof ConfigSchema.Quantity q) {
            return new SweepParameter(path, q.unit(), false, q.example(), name + " (" + q.unit().symbol() + ")");
        }
        if (field instanceof ConfigSchema.Plain p && (p.kind().equals("integer") || p.kind().equals("number"))) {
            boolean whole = p.kind().equals("integer");
            String label = key.equals("meis1_dosage") ? owner + "MEIS1 dosage" : name;
            return new SweepParameter(path, null, whole, whole ? "10" : "0.5", label);
        }
        throw new IllegalArgumentException("sweep parameter '" + path + "' is not a number; only numeric keys can "
                + "be swept");
    }

    /** Readable name of a config key or path: the longest known suffix, else the key itself. */
    private static String label(String path) {
        String[] parts = path.split("\\.");
        for (int from = 0; from < parts.length; from++) {
            String tail = String.join(".", java.util.Arrays.copyOfRange(parts, from, parts.length));
            if (NAMES.containsKey(tail)) {
                String head = from > 0 ? NAMES.get(parts[from - 1]) : null;
                return head != null && !tail.contains(".") ? head + " " + NAMES.get(tail) : NAMES.get(tail);
            }
        }
        return path;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static IllegalArgumentException unknown(String path, MapNode tree) {
        return new IllegalArgumentException("unknown sweep parameter '" + path + "'; did you mean '"
                + ConfigSchema.nearest(path, allPaths(tree)) + "'?");
    }

    /** Every path a sweep of this config may vary (for suggestions). */
    static List<String> allPaths(MapNode tree) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ConfigSchema.Field> e : ConfigSchema.RUN.entrySet()) {
            if (!NOT_SWEPT.containsKey(e.getKey()) && !e.getKey().equals("conditions")) {
                addPaths(e.getKey(), e.getValue(), out);
            }
        }
        for (int i = 0; i < conditionNames(tree).size(); i++) {
            addPaths("conditions[" + i + "].meis1_dosage", ConfigSchema.CONDITION.get("meis1_dosage"), out);
            addPaths("conditions[" + i + "].meis1", ConfigSchema.MEIS1, out);
        }
        out.add(DOSAGE);
        return out;
    }

    private static void addPaths(String prefix, ConfigSchema.Field f, List<String> out) {
        if (f instanceof ConfigSchema.Block b) {
            b.fields().forEach((k, sub) -> addPaths(prefix + "." + k, sub, out));
        } else if (f instanceof ConfigSchema.ParameterTable t) {
            t.keys().forEach(k -> out.add(prefix + "." + k));
        } else if (f instanceof ConfigSchema.Quantity
                || f instanceof ConfigSchema.Plain p && !p.kind().equals("text") && !p.kind().contains("true")) {
            out.add(prefix);
        }
    }

    /** The condition names of the config: its list, or the default two when it has none. */
    static List<String> conditionNames(MapNode tree) {
        Node n = tree.entries().get("conditions");
        if (!(n instanceof ListNode list)) {
            return RunConfig.DEFAULT_CONDITIONS.stream().map(Condition::name).toList();
        }
        List<String> names = new ArrayList<>();
        for (Node item : list.items()) {
            Node name = item instanceof MapNode m ? m.entries().get("name") : null;
            names.add(name instanceof ScalarNode s && s.text() != null ? s.text() : "condition " + names.size());
        }
        return names;
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
        double v = Quantities.parseNumber(text, field); // decimals only: .nan, .inf, 0x10, 1e400 are refused
        if (integer && v != Math.rint(v)) {
            throw new IllegalArgumentException(field + ": " + path + " is a whole number, was " + text);
        }
        return v;
    }

    /** Formats a value as the config would write it. */
    public String format(double value) {
        return unit == null ? Quantities.formatNumber(value) : Quantities.format(value, unit);
    }

    /** A copy of the config tree with this parameter set to {@code value}. */
    MapNode apply(MapNode root, double value, int line) {
        ScalarNode scalar = unit == null
                ? new ScalarNode(Quantities.formatNumber(value), ScalarNode.Kind.NUMBER, line)
                : new ScalarNode(format(value), ScalarNode.Kind.STRING, line);
        if (isDosage()) {
            int n = conditionNames(root).size();
            MapNode out = root;
            for (int i = n == 1 ? 0 : 1; i < n; i++) {
                out = withCondition(out, i, line, c -> c.with("meis1_dosage", scalar));
            }
            return out;
        }
        Matcher indexed = INDEXED.matcher(path.split("\\.", 2)[0]);
        if (indexed.matches()) {
            String rest = path.substring(path.indexOf('.') + 1);
            return withCondition(root, Integer.parseInt(indexed.group(2)), line, c -> set(c, rest, scalar, line));
        }
        return set(root, path, scalar, line);
    }

    /**
     * Sets {@code path} below {@code node}, creating blocks as needed; a table entry's key (which
     * holds dots itself, e.g. {@code inputs.parallel_fibres.rate} in {@code meis1}) is one key.
     */
    private static MapNode set(MapNode node, String path, ScalarNode value, int line) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return node.with(path, value);
        }
        String key = path.substring(0, dot);
        String rest = path.substring(dot + 1);
        Node existing = node.entries().get(key);
        MapNode child = existing instanceof MapNode m ? m : new MapNode(Map.of(), Map.of(), line);
        boolean table = key.equals("meis1") || key.equals("heterogeneity");
        return node.with(key, table ? child.with(rest, value) : set(child, rest, value, line));
    }

    /** The tree with condition {@code i} replaced; the default conditions are written out when the config has none. */
    private static MapNode withCondition(MapNode root, int i, int line,
                                         java.util.function.UnaryOperator<MapNode> change) {
        Node n = root.entries().get("conditions");
        List<Node> items = new ArrayList<>();
        if (n instanceof ListNode list) {
            items.addAll(list.items());
        } else {
            for (Condition c : RunConfig.DEFAULT_CONDITIONS) {
                items.add(new MapNode(Map.of(), Map.of(), line)
                        .with("name", new ScalarNode(c.name(), ScalarNode.Kind.STRING, line))
                        .with("meis1_dosage", new ScalarNode(Quantities.formatNumber(c.meis1Dosage()),
                                ScalarNode.Kind.NUMBER, line)));
            }
        }
        Node item = items.get(i);
        MapNode m = item instanceof MapNode mm ? mm : new MapNode(Map.of(), Map.of(), line);
        items.set(i, change.apply(m));
        return root.with("conditions", new ListNode(items, n == null ? line : n.line()));
    }
}
