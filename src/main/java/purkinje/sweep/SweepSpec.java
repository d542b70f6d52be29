package purkinje.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import purkinje.engine.RandomStreams;
import purkinje.io.ConfigException;
import purkinje.io.ConfigTree.ListNode;
import purkinje.io.ConfigTree.MapNode;
import purkinje.io.ConfigTree.Node;
import purkinje.io.ConfigTree.ScalarNode;
import purkinje.io.Quantities;

/**
 * The {@code sweep} block of a config (README, "Config files"): a design and, per swept parameter, a value
 * list or bounds. Generates the design's points, each a vector of values in the parameters' units.
 *
 * <ul>
 *   <li>{@code grid}: the cartesian product of the value lists ({@code [a, b, c]} or
 *       {@code {from, to, steps}}, evenly spaced, ends included); the first parameter varies
 *       slowest.</li>
 *   <li>{@code random}: {@code samples} independent uniform draws within {@code {from, to}}.</li>
 *   <li>{@code lhs}: Latin hypercube (McKay, Beckman and Conover 1979): each parameter's range is
 *       cut into {@code samples} equal strata, each stratum used once, at a uniform position
 *       within it, strata paired by independent random permutations.</li>
 *   <li>{@code sobol}: the first {@code samples} points of the Sobol low-discrepancy sequence
 *       (Commons Math {@link SobolSequenceGenerator}, Joe and Kuo 2008 direction numbers),
 *       starting with the origin, scaled to the bounds. Powers of two keep its balance.</li>
 * </ul>
 * Random and Latin-hypercube points come from a stream derived from the master seed, so the same
 * config and seed always give the same points.
 */
public final class SweepSpec {
    /** The sampling design. */
    public enum Design { GRID, RANDOM, LHS, SOBOL }

    /** Keys of the sweep block. */
    public static final Set<String> KEYS = Set.of("design", "samples", "parameters");
    /** Seed child index of the design's random stream (point seeds use indices 0, 1, 2, ...). */
    static final long DESIGN_STREAM = 1L << 40;
    /** Largest number of points a sweep may have. */
    public static final int MAX_POINTS = 10_000_000;

    /** One swept parameter: its values (grid) or bounds (other designs), in the parameter's unit. */
    public record Axis(SweepParameter parameter, double[] values, double from, double to) {
        /** Canonical description for the config hash. */
        Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", parameter.path());
            m.put("unit", parameter.unit() == null ? "1" : parameter.unit().symbol());
            if (values != null) {
                m.put("values", Arrays.stream(values).mapToObj(Quantities::formatNumber).toList());
            } else {
                m.put("from", Quantities.formatNumber(from));
                m.put("to", Quantities.formatNumber(to));
            }
            return m;
        }
    }

    private final Design design;
    private final int samples;
    private final List<Axis> axes;
    private final Map<String, Integer> lines;

    private SweepSpec(Design design, int samples, List<Axis> axes, Map<String, Integer> lines) {
        this.design = design;
        this.samples = samples;
        this.axes = List.copyOf(axes);
        this.lines = Map.copyOf(lines);
    }

    public Design design() {
        return design;
    }

    public List<Axis> axes() {
        return axes;
    }

    public List<SweepParameter> parameters() {
        return axes.stream().map(Axis::parameter).toList();
    }

    /** Config line of a parameter's entry (for errors at one point). */
    int line(SweepParameter p) {
        return lines.getOrDefault(p.path(), 1);
    }

    /** True for a grid of exactly two parameters (drawn as a heatmap). */
    public boolean isTwoParameterGrid() {
        return design == Design.GRID && axes.size() == 2;
    }

    /** Canonical description for the config hash and the manifest. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("design", design.name().toLowerCase(Locale.ROOT));
        if (design != Design.GRID) {
            m.put("samples", samples);
        }
        m.put("parameters", axes.stream().map(Axis::describe).toList());
        return m;
    }

    /** Reads the sweep block of the config {@code tree}; {@code source} names the file in messages. */
    public static SweepSpec parse(Node node, MapNode tree, String source) {
        Errors err = new Errors(source);
        if (node == null) {
            throw new ConfigException(source + ": no 'sweep' block; a sweep config needs one (README, 'Parameter sweeps and "
                    + "clusters'; e.g. configs/sweep-dosage.yaml)");
        }
        if (!(node instanceof MapNode root)) {
            throw err.at(node.line(), "sweep: expected a block with design, samples and parameters");
        }
        for (String key : root.entries().keySet()) {
            if (!KEYS.contains(key)) {
                throw err.at(root.keyLines().get(key), "unknown key 'sweep." + key + "'; did you mean 'sweep."
                        + purkinje.io.ConfigSchema.nearest(key, KEYS) + "'?");
            }
        }
        Design design = Design.GRID;
        Node d = root.entries().get("design");
        if (d != null) {
            String text = d instanceof ScalarNode s && s.text() != null ? s.text().trim() : "";
            try {
                design = Design.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw err.at(d.line(), "sweep.design: '" + text + "' is not a design; use grid, random, lhs or sobol");
            }
        }
        Node sn = root.entries().get("samples");
        int samples = 0;
        if (design == Design.GRID) {
            if (sn != null) {
                throw err.at(sn.line(), "sweep.samples: applies to random, lhs and sobol designs only; a grid's size "
                        + "is the product of its value lists");
            }
        } else {
            if (sn == null) {
                throw err.at(root.line(), "sweep.samples: the " + design.name().toLowerCase(Locale.ROOT)
                        + " design needs the number of points, e.g. 'samples: 64'");
            }
            samples = positiveInt(sn, "sweep.samples", err);
        }
        Node pn = root.entries().get("parameters");
        if (!(pn instanceof MapNode params) || params.entries().isEmpty()) {
            throw err.at(pn == null ? root.line() : pn.line(), "sweep.parameters: give at least one parameter, e.g. "
                    + "'noise.sigma_v: {from: 1 mV, to: 4 mV, steps: 4}'");
        }
        List<Axis> axes = new ArrayList<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        long size = 1;
        for (Map.Entry<String, Node> e : params.entries().entrySet()) {
            int line = params.keyLines().get(e.getKey());
            SweepParameter p;
            try {
                p = SweepParameter.of(e.getKey(), tree);
            } catch (IllegalArgumentException ex) {
                throw err.at(line, ex.getMessage());
            }
            Axis axis = axis(p, e.getValue(), design, err);
            axes.add(axis);
            lines.put(p.path(), line);
            size *= axis.values() == null ? 1 : axis.values().length;
            if (size > MAX_POINTS) {
                throw err.at(line, "sweep: the grid has more than " + MAX_POINTS + " points; use fewer values");
            }
        }
        checkOverlap(axes, lines, err);
        return new SweepSpec(design, samples, axes, lines);
    }

    /** meis1_dosage sets the dosage of conditions 1, 2, ... (or 0 alone), so it cannot be swept with theirs. */
    private static void checkOverlap(List<Axis> axes, Map<String, Integer> lines, Errors err) {
        if (axes.stream().noneMatch(a -> a.parameter().isDosage())) {
            return;
        }
        for (Axis a : axes) {
            String path = a.parameter().path();
            if (path.startsWith("conditions[") && path.endsWith("].meis1_dosage")) {
                throw err.at(lines.get(path), "sweep.parameters: " + path + " and meis1_dosage both set condition "
                        + "dosages; keep one");
            }
        }
    }

    private static Axis axis(SweepParameter p, Node n, Design design, Errors err) {
        String field = "sweep.parameters." + p.path();
        if (n instanceof ListNode list) {
            if (design != Design.GRID) {
                throw err.at(n.line(), field + ": a " + design.name().toLowerCase(Locale.ROOT)
                        + " design samples within bounds; write {from: ..., to: ...}");
            }
            if (list.items().isEmpty()) {
                throw err.at(n.line(), field + ": the value list is empty; give at least one value");
            }
            double[] v = new double[list.items().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = value(p, list.items().get(i), field + "[" + i + "]", err);
            }
            return new Axis(p, v, Double.NaN, Double.NaN);
        }
        if (n instanceof MapNode m) {
            for (String key : m.entries().keySet()) {
                Set<String> allowed = design == Design.GRID ? Set.of("from", "to", "steps") : Set.of("from", "to");
                if (!allowed.contains(key)) {
                    throw err.at(m.keyLines().get(key), key.equals("steps")
                            ? field + ".steps: applies to grid designs only; " + design.name().toLowerCase(Locale.ROOT)
                                    + " samples within {from, to} ('samples' sets how many points)"
                            : "unknown key '" + field + "." + key + "'; did you mean '" + field + "."
                                    + purkinje.io.ConfigSchema.nearest(key, allowed) + "'?");
                }
            }
            for (String key : List.of("from", "to")) {
                if (!m.entries().containsKey(key)) {
                    throw err.at(m.line(), field + ": needs '" + key + "' (e.g. {from: " + p.example() + ", to: ...})");
                }
            }
            double from = value(p, m.entries().get("from"), field + ".from", err);
            double to = value(p, m.entries().get("to"), field + ".to", err);
            if (from > to) {
                throw err.at(m.line(), field + ": from (" + p.format(from) + ") is greater than to (" + p.format(to)
                        + "); swap them");
            }
            if (design != Design.GRID) {
                if (from == to) {
                    throw err.at(m.line(), field + ": empty range, from equals to (" + p.format(from)
                            + "); give from < to, or leave the parameter out of the sweep");
                }
                return new Axis(p, null, from, to);
            }
            Node sn = m.entries().get("steps");
            if (sn == null) {
                throw err.at(m.line(), field + ": a grid range needs 'steps' (number of values, ends included)");
            }
            int steps = positiveInt(sn, field + ".steps", err);
            if (steps > 1 && from == to) {
                throw err.at(m.line(), field + ": empty range, from equals to (" + p.format(from)
                        + "); give from < to or a single value as a list");
            }
            if (steps == 1 && from != to) {
                throw err.at(sn.line(), field + ".steps: 1 step cannot span " + p.format(from) + " to " + p.format(to)
                        + "; use at least 2");
            }
            double[] v = new double[steps];
            for (int i = 0; i < steps; i++) {
                v[i] = i == steps - 1 ? to : from + (to - from) * i / (steps - 1);
                if (p.integer() && v[i] != Math.rint(v[i])) {
                    throw err.at(sn.line(), field + ": " + p.path() + " is a whole number, but " + steps
                            + " steps from " + p.format(from) + " to " + p.format(to) + " give " + v[i]
                            + "; choose steps so that every value is whole, or list the values");
                }
            }
            return new Axis(p, v, from, to);
        }
        throw err.at(n.line(), field + (design == Design.GRID
                ? ": expected a list of values or {from: ..., to: ..., steps: ...}"
                : ": expected bounds {from: ..., to: ...}"));
    }

    private static double value(SweepParameter p, Node n, String field, Errors err) {
        if (!(n instanceof ScalarNode s) || s.kind() == ScalarNode.Kind.NULL) {
            throw err.at(n.line(), field + ": expected a single value like " + p.example());
        }
        try {
            return p.parse(s, field);
        } catch (IllegalArgumentException e) {
            throw err.at(s.line(), e.getMessage());
        }
    }

    /**
     * A whole number from 1 to {@link #MAX_POINTS} (steps and samples: a sweep has no more points),
     * checked before anything is allocated for it.
     */
    private static int positiveInt(Node n, String field, Errors err) {
        if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NUMBER && s.text().matches("\\d+")) {
            java.math.BigInteger v = new java.math.BigInteger(s.text());
            if (v.compareTo(java.math.BigInteger.valueOf(MAX_POINTS)) > 0) {
                throw err.at(n.line(), field + ": at most " + MAX_POINTS + " (the most points a sweep has), was "
                        + s.text() + "; use fewer");
            }
            if (v.signum() > 0) {
                return v.intValueExact();
            }
        }
        throw err.at(n.line(), field + ": expected a whole number of at least 1, was '"
                + (n instanceof ScalarNode s ? s.text() : "a block") + "'");
    }

    /** Number of points of the design. */
    public int size() {
        if (design != Design.GRID) {
            return samples;
        }
        int n = 1;
        for (Axis a : axes) {
            n *= a.values().length;
        }
        return n;
    }

    /** The design's points: {@code [point][parameter]}, values in each parameter's unit. */
    public double[][] points(long masterSeed) {
        int n = size();
        int dims = axes.size();
        double[][] out = new double[n][dims];
        switch (design) {
            case GRID -> {
                for (int i = 0; i < n; i++) {
                    int rest = i;
                    for (int d = dims - 1; d >= 0; d--) {
                        double[] v = axes.get(d).values();
                        out[i][d] = v[rest % v.length];
                        rest /= v.length;
                    }
                }
            }
            case RANDOM -> {
                UniformRandomProvider rng = designStream(masterSeed);
                for (int i = 0; i < n; i++) {
                    for (int d = 0; d < dims; d++) {
                        out[i][d] = scale(d, rng.nextDouble());
                    }
                }
            }
            case LHS -> {
                UniformRandomProvider rng = designStream(masterSeed);
                for (int d = 0; d < dims; d++) {
                    int[] perm = org.apache.commons.rng.sampling.PermutationSampler.natural(n);
                    org.apache.commons.rng.sampling.PermutationSampler.shuffle(rng, perm);
                    for (int i = 0; i < n; i++) {
                        out[i][d] = scale(d, (perm[i] + rng.nextDouble()) / n);
                    }
                }
            }
            case SOBOL -> {
                SobolSequenceGenerator sobol = new SobolSequenceGenerator(dims);
                for (int i = 0; i < n; i++) {
                    double[] u = sobol.nextVector();
                    for (int d = 0; d < dims; d++) {
                        out[i][d] = scale(d, u[d]);
                    }
                }
            }
            default -> throw new IllegalStateException(design.name());
        }
        return out;
    }

    /** A sampled value within the bounds; a whole-number parameter takes the nearest whole number. */
    private double scale(int d, double u) {
        Axis a = axes.get(d);
        double v = a.from() + (a.to() - a.from()) * u;
        return a.parameter().integer() ? Math.rint(v) : v;
    }

    private static UniformRandomProvider designStream(long masterSeed) {
        return RandomStreams.forCell(RandomStreams.derive(masterSeed, DESIGN_STREAM), 0,
                RandomStreams.Purpose.DYNAMICS);
    }

    private record Errors(String source) {
        ConfigException at(Integer line, String message) {
            return new ConfigException(source + (line == null ? "" : ":" + line) + ": " + message);
        }
    }
}
