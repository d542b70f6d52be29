package purkinje.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import purkinje.io.ConfigException;
import purkinje.io.ConfigLoader;
import purkinje.io.ConfigTree.ListNode;
import purkinje.io.ConfigTree.MapNode;
import purkinje.io.ConfigTree.Node;
import purkinje.io.ConfigTree.ScalarNode;
import purkinje.io.Quantities;
import purkinje.model.CellParameter;
import purkinje.model.Condition;
import purkinje.model.Meis1Mapping;
import purkinje.model.RunConfig;
import purkinje.model.Unit;

/**
 * Turns the page's settings into a config file: the config the lab was started with, with the
 * page's values set, written as YAML and read back by the same {@link ConfigLoader} that
 * {@code purkinje compare --config} uses. The page runs exactly that config, so the YAML it
 * saves gives the same numbers; every value is checked by the config rules, and a refused value
 * gets the loader's one-line message.
 *
 * <p>The lab's run has two conditions: the config's first condition as the wild-type reference
 * (dosage 1) and its second (or {@code meis1-reduced}) at the page's dosage; the run-wide
 * {@code meis1:} block holds the one parameter the page lets MEIS1 act on (and sets the default
 * mapping's I_pace to 1 when that is not the one, since a block adds to the defaults). One voltage trace per
 * condition is kept for the V(t) figure.
 */
public final class LabConfig {
    /** Shown as the config's source in messages (and stripped from them: the page has no lines). */
    static final String SOURCE = "lab settings";
    /** Above this many cell-steps per condition a request is refused: it would not answer within ~0.3 s. */
    public static final double MAX_CELL_STEPS_PER_CONDITION = 4e6;
    /** The page starts with at most this duration (a quick first answer); the config's if shorter. */
    static final double START_DURATION_S = 2;
    private static final Pattern LOCATION = Pattern.compile("^" + Pattern.quote(SOURCE) + "(:\\d+)?: ");

    private final ConfigLoader.Loaded base;
    private final String reference;
    private final String reduced;

    public LabConfig(ConfigLoader.Loaded base) {
        this.base = base;
        List<Condition> c = base.run().conditions();
        this.reference = c.get(0).name();
        this.reduced = c.size() > 1 ? c.get(1).name() : "meis1-reduced";
    }

    /** The config the lab was started with. */
    public ConfigLoader.Loaded base() {
        return base;
    }

    /**
     * The warning for a config of more than two conditions (the page compares two), naming those it
     * leaves out; null if none is. A MEIS1 target chosen on the page acts on the second condition,
     * whatever the left-out ones meant (e.g. 'fewer-granule-inputs' of configs/compare-inputs.yaml).
     */
    public String leftOutWarning() {
        List<Condition> c = base.run().conditions();
        if (c.size() <= 2) {
            return null;
        }
        List<String> out = c.subList(2, c.size()).stream().map(x -> "'" + x.name() + "'").toList();
        return "the lab compares two conditions, '" + reference + "' and '" + reduced + "'; " + base.source()
                + "'s " + String.join(", ", out) + (out.size() == 1 ? " is" : " are") + " left out (purkinje compare "
                + "runs every condition)";
    }

    /** The lab's two conditions: the wild-type reference and the reduced condition. */
    public List<String> conditionNames() {
        return List.of(reference, reduced);
    }

    /** What the page shows first: the config's reduced dosage, its I_pace effect, noise, cells and seed. */
    public LabSettings startSettings() {
        RunConfig r = base.run();
        List<Condition> c = r.conditions();
        double dosage = c.size() > 1 ? c.get(1).meis1Dosage() : 0.5;
        Double f0 = r.meis1().relativeAtNull().get(CellParameter.I_PACE);
        double effect = f0 != null ? f0 : Meis1Target.PACEMAKING.defaultEffect();
        return new LabSettings(dosage, Meis1Target.PACEMAKING, effect, r.noise().sigmaVMv(), r.cellsPerCondition(),
                Math.min(START_DURATION_S, r.durationMs() / 1000), r.seed());
    }

    /** True if the config models parallel fibres, so MEIS1 can act on their rate. */
    public boolean hasParallelFibres() {
        return base.run().inputs().parallelFibres() != null;
    }

    /** The YAML of the page's settings: a config file that {@code purkinje compare --config} runs. */
    public String yaml(LabSettings s) {
        if (s.target() == Meis1Target.PARALLEL_FIBRE_RATE && !hasParallelFibres()) {
            throw new LabInputException("target: " + base.source() + " has no parallel-fibre input; choose another "
                    + "target or start the lab with a config that has inputs.parallel_fibres "
                    + "(e.g. --config configs/compare-inputs.yaml)");
        }
        MapNode root = base.tree();
        int line = root.line();
        root = root.with("name", scalar("lab", ScalarNode.Kind.STRING, line))
                .with("seed", scalar(Long.toString(s.seed()), ScalarNode.Kind.NUMBER, line))
                .with("duration", scalar(Quantities.format(s.durationS(), Unit.SECOND), ScalarNode.Kind.STRING, line))
                .with("cells_per_condition", scalar(Long.toString(s.cells()), ScalarNode.Kind.NUMBER, line));
        root = root.with("record", map(line, "spikes", scalar("true", ScalarNode.Kind.BOOLEAN, line),
                "voltage_cells", scalar("1", ScalarNode.Kind.NUMBER, line)));
        Node noise = root.entries().get("noise");
        MapNode noiseBlock = noise instanceof MapNode m ? m : map(line);
        root = root.with("noise", noiseBlock.with("sigma_v", scalar(Quantities.format(s.sigmaVMv(), Unit.MILLIVOLT),
                ScalarNode.Kind.STRING, line)));
        String value = s.target().configValue(s.effect());
        MapNode meis1 = map(line, s.target().configKey(), scalar(value,
                s.target() == Meis1Target.THRESHOLD ? ScalarNode.Kind.STRING : ScalarNode.Kind.NUMBER, line));
        // a meis1 block adds to the default mapping (I_pace 0.6): neutralise every default but the chosen one
        for (CellParameter p : Meis1Mapping.DEFAULTS.relativeAtNull().keySet()) {
            if (!p.configName().equals(s.target().configKey())) {
                meis1 = meis1.with(p.configName(), scalar("1", ScalarNode.Kind.NUMBER, line));
            }
        }
        root = root.with("meis1", meis1);
        root = root.with("conditions", new ListNode(List.of(
                map(line, "name", scalar(reference, ScalarNode.Kind.STRING, line),
                        "meis1_dosage", scalar("1.0", ScalarNode.Kind.NUMBER, line)),
                map(line, "name", scalar(reduced, ScalarNode.Kind.STRING, line),
                        "meis1_dosage", scalar(Quantities.formatNumber(s.dosage()), ScalarNode.Kind.NUMBER, line))),
                line));
        return "# Saved by 'purkinje lab' from " + base.source() + ". Run it with:\n"
                + "#   purkinje compare --config THIS_FILE\n"
                + "# (same seed and cells as the page: the same numbers). Lab settings: " + query(s) + "\n"
                + TreeYaml.write(root);
    }

    /** The run the page's settings describe, checked by the config rules and the lab's budget. */
    public RunConfig resolve(LabSettings s) {
        String yaml = yaml(s);
        RunConfig run;
        try {
            run = ConfigLoader.parse(yaml, SOURCE, "lab", Map.of()).run();
        } catch (ConfigException e) {
            throw new LabInputException(LOCATION.matcher(e.getMessage()).replaceFirst(""));
        }
        double cellSteps = (double) run.cellsPerCondition() * run.steps();
        if (cellSteps > MAX_CELL_STEPS_PER_CONDITION) {
            double maxCellSeconds = MAX_CELL_STEPS_PER_CONDITION * run.dtMs() / 1000;
            throw new LabInputException("cells x duration = " + run.cellsPerCondition() + " x "
                    + Quantities.format(run.durationMs() / 1000, Unit.SECOND) + " is above the lab's budget of "
                    + Quantities.formatNumber(maxCellSeconds) + " cell-seconds per condition (at dt = "
                    + Quantities.format(run.dtMs(), Unit.MILLISECOND) + "); use fewer cells or a shorter duration, "
                    + "or save the config and run it with purkinje compare");
        }
        return run;
    }

    private static String query(LabSettings s) {
        List<String> parts = new ArrayList<>();
        s.toQuery().forEach((k, v) -> parts.add(k + "=" + v));
        return String.join("&", parts);
    }

    private static ScalarNode scalar(String text, ScalarNode.Kind kind, int line) {
        return new ScalarNode(text, kind, line);
    }

    private static MapNode map(int line, Object... keysAndValues) {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.put((String) keysAndValues[i], (Node) keysAndValues[i + 1]);
            lines.put((String) keysAndValues[i], line);
        }
        return new MapNode(entries, lines, line);
    }
}
