package purkinje.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import purkinje.engine.RandomStreams;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigException;
import purkinje.io.ConfigLoader;
import purkinje.io.ConfigSchema;
import purkinje.io.ConfigTree.MapNode;
import purkinje.io.ResolvedConfig;
import purkinje.model.Condition;
import purkinje.model.RunConfig;

/**
 * A sweep config turned into its points: for point i, the config tree with the swept values set,
 * resolved into a {@link RunConfig} whose seed is {@code RandomStreams.derive(masterSeed, i)}. So a
 * point is exactly a compare run with that seed, and any point can be re-run alone. Every point
 * is resolved (and so validated) when the plan is made, before anything is simulated or written.
 */
public final class SweepPlan {
    /** The extra top-level block a sweep config holds (checked by {@link SweepSpec}). */
    public static final Map<String, ConfigSchema.Field> EXTRA_BLOCKS =
            Map.of("sweep", new ConfigSchema.Plain("sweep block"));

    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL =
            com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final ConfigLoader.Loaded loaded;
    private final SweepSpec spec;
    private final long masterSeed;
    private final double[][] values;
    private final List<RunConfig> points;
    private final String hash;

    private SweepPlan(ConfigLoader.Loaded loaded, SweepSpec spec, long masterSeed, double[][] values,
                      List<RunConfig> points, String hash) {
        this.loaded = loaded;
        this.spec = spec;
        this.masterSeed = masterSeed;
        this.values = values;
        this.points = points;
        this.hash = hash;
    }

    /** Reads a sweep config file; {@code seed} overrides its master seed when not null. */
    public static SweepPlan load(Path file, Long seed) {
        return of(ConfigLoader.load(file, EXTRA_BLOCKS), seed);
    }

    /** A plan from config text (as stored in a manifest). */
    public static SweepPlan parse(String text, String source, String defaultName, Long seed) {
        return of(ConfigLoader.parse(text, source, defaultName, EXTRA_BLOCKS), seed);
    }

    private static SweepPlan of(ConfigLoader.Loaded loaded, Long seedOverride) {
        SweepSpec spec = SweepSpec.parse(loaded.tree().entries().get("sweep"), loaded.tree(), loaded.source());
        RunConfig base = loaded.run();
        long master = seedOverride != null ? seedOverride : base.seed();
        checkPlanFits(spec.size(), Runtime.getRuntime().maxMemory(), loaded.source());
        double[][] values = spec.points(master);
        List<RunConfig> points = new ArrayList<>(values.length);
        List<SweepParameter> params = spec.parameters();
        for (int i = 0; i < values.length; i++) {
            MapNode tree = loaded.tree();
            StringBuilder where = new StringBuilder();
            for (int d = 0; d < params.size(); d++) {
                SweepParameter p = params.get(d);
                tree = p.apply(tree, values[i][d], spec.line(p));
                where.append(d == 0 ? "" : ", ").append(p.path()).append(" = ").append(p.format(values[i][d]));
            }
            try {
                RunConfig rc = ConfigLoader.resolve(tree, loaded.source(), base.name(), EXTRA_BLOCKS);
                points.add(rc.withSeed(RandomStreams.derive(master, i)));
            } catch (ConfigException e) {
                String m = e.getMessage();
                String prefix = loaded.source();
                int colon = m.startsWith(prefix) ? m.indexOf(": ", prefix.length()) : -1;
                String detail = colon >= 0 ? m.substring(colon + 2) : m;
                throw new ConfigException(prefix + ":" + spec.line(params.get(0)) + ": sweep point " + i + " ("
                        + where + "): " + detail);
            }
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("config", ResolvedConfig.toMap(base.withSeed(master)));
        canonical.put("sweep", spec.describe());
        String hash;
        try {
            // keys sorted: some maps (Map.of) iterate in an order that changes from one JVM to the next
            hash = RunInfo.sha256(CANONICAL.writeValueAsString(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new SweepPlan(loaded, spec, master, values, List.copyOf(points), hash);
    }

    /**
     * Heap per planned point (bytes): its design values and its resolved, checked config. Measured:
     * 200,000 points of configs/sweep-dosage.yaml planned in a 300 MB heap and ran out of memory in
     * 200 MB (1.0-1.5 kB a point); 2 kB leaves a margin.
     */
    static final double BYTES_PER_PLANNED_POINT = 2048;

    /**
     * Refuses, before any point is built, a design whose plan (every point's config, built and
     * checked before any is simulated) cannot fit in the heap: it died of OutOfMemoryError after
     * minutes of planning.
     */
    static void checkPlanFits(int points, double maxHeapBytes, String source) {
        double need = purkinje.experiment.RunEstimate.BASE_BYTES + points * BYTES_PER_PLANNED_POINT;
        if (need > maxHeapBytes) {
            throw new ConfigException(String.format(java.util.Locale.ROOT, "%s: the sweep has %d points; planning "
                    + "them (every point's config is built and checked before any is simulated) needs about %s of "
                    + "memory, more than the %s the JVM may use; use fewer points, or give Java more memory "
                    + "(PURKINJE_JAVA_OPTS=-Xmx...)", source, points, purkinje.experiment.RunEstimate.bytes(need),
                    purkinje.experiment.RunEstimate.bytes(maxHeapBytes)));
        }
    }

    public ConfigLoader.Loaded loaded() {
        return loaded;
    }

    public SweepSpec spec() {
        return spec;
    }

    public List<SweepParameter> parameters() {
        return spec.parameters();
    }

    public long masterSeed() {
        return masterSeed;
    }

    public String name() {
        return loaded.run().name();
    }

    /** The config as written (without the sweep's values) with the master seed. */
    public RunConfig base() {
        return loaded.run().withSeed(masterSeed);
    }

    /** Number of points. */
    public int size() {
        return points.size();
    }

    /** The resolved run of point {@code i} (its seed is the point's seed). */
    public RunConfig point(int i) {
        return points.get(i);
    }

    /** Swept values of point {@code i}, in the parameters' units. */
    public double[] values(int i) {
        return values[i].clone();
    }

    /** SHA-256 of the resolved base config, master seed and sweep design: equal hashes, equal points. */
    public String hash() {
        return hash;
    }

    /** Condition names of every point, in order (the same at every point). */
    public List<String> conditionNames() {
        return point(0).conditions().stream().map(Condition::name).toList();
    }

    /** True when meis1_dosage is a swept parameter. */
    public boolean sweepsDosage() {
        return parameters().stream().anyMatch(SweepParameter::isDosage);
    }
}
