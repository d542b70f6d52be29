package purkinje.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import purkinje.io.ConfigSchema.Field;
import purkinje.io.ConfigTree.ListNode;
import purkinje.io.ConfigTree.MapNode;
import purkinje.io.ConfigTree.Node;
import purkinje.io.ConfigTree.ScalarNode;
import purkinje.model.CellParameter;
import purkinje.model.CellParameters;
import purkinje.model.Condition;
import purkinje.model.Heterogeneity;
import purkinje.model.ClimbingFibre;
import purkinje.model.InputParameter;
import purkinje.model.Inputs;
import purkinje.model.InvalidParameterException;
import purkinje.model.PoissonInput;
import purkinje.model.Meis1Mapping;
import purkinje.model.NoiseParameters;
import purkinje.model.RecordOptions;
import purkinje.model.RunConfig;
import purkinje.model.Unit;

/**
 * Reads a run config (README, "Config files") into a validated {@link RunConfig}. Omitted fields take the
 * defaults of MODEL.md, field by field (so {@code heterogeneity: {tau_m: 0.05}} keeps the default
 * I_pace variability; write {@code I_pace: 0} to remove it). Every problem becomes a one-line
 * {@link ConfigException} naming the file, line, field and fix.
 */
public final class ConfigLoader {
    /** Condition names that pandas' and R's CSV readers take for missing values (their default lists) or numbers. */
    static final java.util.regex.Pattern MISSING_OR_NUMBER = java.util.regex.Pattern.compile(
            "(?:-?(?:NaN|nan|NA|N/A|n/a|NULL|null|None|none|Inf|inf|-?Infinity)|[-+]?(?:\\d+\\.?\\d*|\\.\\d+)"
                    + "(?:[eE][-+]?\\d+)?|0[xX][0-9a-fA-F]+)");

    /** Top-level blocks that only one command reads, by the command (and what it makes): named as such elsewhere. */
    static final Map<String, String> OTHER_COMMANDS_BLOCKS = Map.of("fi", "an f-I curve config ('purkinje fi')",
            "sweep", "a sweep config ('purkinje sweep')");

    /** Defaults of fields MODEL.md does not fix (the README's example values). */
    public static final long DEFAULT_SEED = 20261126L;
    public static final double DEFAULT_DURATION_MS = 20_000;
    public static final double DEFAULT_DT_MS = 0.1;
    public static final int DEFAULT_CELLS = 40;
    /** Largest config file read (a config is a few kB; this refuses /dev/zero or a data file up front). */
    public static final int MAX_CONFIG_BYTES = 1 << 20;
    /** Longest run name: it names a folder, with room for the staging folder's suffix. */
    public static final int MAX_NAME_CHARS = 100;

    private ConfigLoader() {
    }

    /** A config as read: the resolved run, the tree (for blocks other commands read) and its source. */
    public record Loaded(RunConfig run, MapNode tree, String source, String text) {
    }

    /**
     * The note for a {@code meis1} block that leaves out I_pace: a block adds to the default
     * mapping, so {@code meis1: {V_th: +3 mV}} is the threshold hypothesis <em>and</em> the
     * default I_pace 0.6, which a reader of the block would not guess. Null where every block
     * (the run's, or a condition's over it) states I_pace, or where no block is written.
     */
    public static String defaultPacemakingNote(Loaded loaded) {
        MapNode root = loaded.tree();
        String key = "I_pace";
        String f0 = Quantities.formatNumber(Meis1Mapping.DEFAULTS.relativeAtNull().get(CellParameter.I_PACE));
        MapNode run = root.entries().get("meis1") instanceof MapNode m ? m : null;
        boolean runStates = run != null && run.entries().containsKey(key);
        if (runStates) {
            return null;
        }
        Integer line = root.keyLines().get("meis1");
        MapNode without = run;
        if (root.entries().get("conditions") instanceof ListNode list) {
            boolean allOwn = !list.items().isEmpty();
            for (Node item : list.items()) {
                MapNode own = item instanceof MapNode c && c.entries().get("meis1") instanceof MapNode b ? b : null;
                allOwn &= own != null && own.entries().containsKey(key);
                if (own != null && !own.entries().containsKey(key) && without == null) {
                    without = own;
                    line = ((MapNode) item).keyLines().get("meis1");
                }
            }
            if (allOwn) {
                return null; // every condition states its own
            }
        }
        if (without == null) {
            return null; // no block: the default mapping, as documented
        }
        String listed = String.join(", ", without.entries().keySet());
        return loaded.source() + (line != null ? ":" + line : "") + ": meis1 lists " + (listed.isEmpty() ? "nothing"
                : listed) + " but not " + key + ", so the default " + key + ": " + f0 + " acts as well; write "
                + key + ": 1 in the block for a hypothesis without it (or " + key + ": " + f0 + " to keep it)";
    }

    /** Reads and resolves a config file; {@code extraBlocks} are further top-level keys a command accepts. */
    public static Loaded load(Path file, Map<String, Field> extraBlocks) {
        String source = file.toString();
        InputFiles.requireReadable(file, "config file", "--config");
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file not found: " + source + " (give an existing file with --config)");
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + source + ": " + IoFailure.reason(e)
                    + " (give a readable YAML file with --config)");
        }
        if (bytes.length > MAX_CONFIG_BYTES) {
            throw new ConfigException(source + ": larger than 1 MiB, which no config is (a config is a few kB of "
                    + "text); check that --config names the config file");
        }
        String text = decodeUtf8(bytes, source);
        MapNode tree = tree(text, source);
        if (tree.entries().isEmpty()) { // a truncated copy, or the wrong file: never silently all defaults
            throw new ConfigException(source + ": the config file holds no settings (empty or only comments); "
                    + "give a config with at least one key, e.g. a copy of configs/compare.yaml");
        }
        return new Loaded(resolve(tree, source, defaultName(file), extraBlocks), tree, source, text);
    }

    /** The text of a UTF-8 file; a byte that is not UTF-8 is an error naming its line and offset. */
    static String decodeUtf8(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (!r.isError()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ConfigException(source + ":" + line + ": byte 0x" + String.format("%02X", bytes[offset] & 0xff)
                    + " (byte " + (offset + 1) + " of the file) is not UTF-8; save the config as UTF-8 text");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark is not content
    }

    /** Parses config text; {@code defaultName} names the run when the config has no {@code name}. */
    public static Loaded parse(String text, String source, String defaultName, Map<String, Field> extraBlocks) {
        MapNode tree = tree(text, source);
        return new Loaded(resolve(tree, source, defaultName, extraBlocks), tree, source, text);
    }

    private static MapNode tree(String text, String source) {
        if (text.length() > MAX_CONFIG_BYTES) {
            throw new ConfigException(source + ": larger than 1 MiB, which no config is (a config is a few kB of "
                    + "text)");
        }
        return ConfigTree.parse(text, source);
    }

    private static String defaultName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Resolves a parsed tree into a run config (also used after a sweep sets values in the tree). */
    public static RunConfig resolve(MapNode root, String source, String defaultName, Map<String, Field> extraBlocks) {
        Map<String, Field> top = new LinkedHashMap<>(ConfigSchema.RUN);
        top.putAll(extraBlocks);
        Values r = new Values(source);
        r.checkKeys(root, top, "");
        String name = r.text(root, "name", defaultName);
        long seed = r.integer(root, "seed", DEFAULT_SEED, "");
        // read in ms directly: exact, and "1e308 s" is refused as too large instead of overflowing to infinity
        double durationMs = r.quantity(root, "duration", Unit.MILLISECOND, "20 s", DEFAULT_DURATION_MS);
        double dtMs = r.quantity(root, "dt", ConfigSchema.RUN, "", DEFAULT_DT_MS);
        int cells = (int) r.integer(root, "cells_per_condition", DEFAULT_CELLS, "", 1, Integer.MAX_VALUE);

        MapNode record = r.block(root, "record");
        RecordOptions recordOptions = r.wrap(record, () -> new RecordOptions(
                r.bool(record, "spikes", RecordOptions.DEFAULTS.spikes(), "record."),
                (int) r.integer(record, "voltage_cells", RecordOptions.DEFAULTS.voltageCells(), "record.", 0,
                        Integer.MAX_VALUE)));

        MapNode cellNode = r.block(root, "cell");
        double[] cellValues = CellParameters.DEFAULTS.toArray();
        for (CellParameter p : CellParameter.values()) {
            cellValues[p.ordinal()] = r.quantity(cellNode, p.configName(), ConfigSchema.CELL, "cell.",
                    cellValues[p.ordinal()]);
        }
        CellParameters cell = r.wrap(cellNode, () -> CellParameters.fromArray(cellValues));

        MapNode noiseNode = r.block(root, "noise");
        NoiseParameters noise = r.wrap(noiseNode, () -> new NoiseParameters(
                r.quantity(noiseNode, "sigma_v", ConfigSchema.NOISE, "noise.", NoiseParameters.DEFAULTS.sigmaVMv()),
                r.quantity(noiseNode, "tau", ConfigSchema.NOISE, "noise.", NoiseParameters.DEFAULTS.tauMs())));

        MapNode hetNode = r.block(root, "heterogeneity");
        Heterogeneity heterogeneity = r.wrap(hetNode, () -> new Heterogeneity(r.parameterTable(hetNode,
                "heterogeneity", ConfigSchema.HETEROGENEITY, Heterogeneity.DEFAULTS.spread())));
        MapNode meisNode = r.block(root, "meis1");
        Meis1Mapping meis1 = r.wrap(meisNode, () -> Meis1Mapping.DEFAULTS.with(
                r.parameterTable(meisNode, "meis1", ConfigSchema.MEIS1, Map.of()), r.inputTable(meisNode, "meis1")));
        Inputs inputs = r.inputs(r.block(root, "inputs"));

        List<Condition> conditions = r.conditions(root, meis1);
        try {
            return new RunConfig(name, seed, durationMs, dtMs, cells, recordOptions, cell, noise,
                    heterogeneity, meis1, conditions, inputs);
        } catch (InvalidParameterException e) {
            // point at the key the message starts with (dt, heterogeneity.t_ref, ...), else at the conditions
            String first = e.getMessage().split("[ (:]", 2)[0];
            if (e.getMessage().startsWith("synaptic inputs")) {
                first = "inputs";
            }
            Integer line = lineOf(root, first);
            throw r.error(line != null ? line : root.keyLines().get("conditions"), e.getMessage());
        }
    }

    /** The line of {@code path} in a block, also when the path carries the block's own prefix ("noise.sigma_v"). */
    private static Integer keyLine(MapNode block, String path) {
        for (String p = path; ; p = p.substring(p.indexOf('.') + 1)) {
            Integer line = lineOf(block, p);
            if (line != null || p.indexOf('.') < 0) {
                return line;
            }
        }
    }

    /** The line of the deepest key along a dotted config path (keys may hold dots, as meis1's input paths). */
    private static Integer lineOf(MapNode node, String path) {
        Integer line = null;
        String rest = path;
        while (node != null && !rest.isEmpty()) {
            String key = node.entries().containsKey(rest) ? rest : rest.split("\\.", 2)[0];
            if (!node.entries().containsKey(key)) {
                break;
            }
            line = node.keyLines().get(key);
            Node child = node.entries().get(key);
            node = child instanceof MapNode m ? m : null;
            rest = rest.length() > key.length() ? rest.substring(key.length() + 1) : "";
        }
        return line;
    }

    /** Value readers that turn every problem into a ConfigException with file and line. */
    public static final class Values {
        private final String source;

        public Values(String source) {
            this.source = source;
        }

        public ConfigException error(Integer line, String message) {
            return new ConfigException(source + (line == null ? "" : ":" + line) + ": " + message);
        }

        /**
         * Builds from a block; a parameter check's failure points at the key its message starts with
         * ("tau_m must be positive, ..." at tau_m's line), else at the block.
         */
        public <T> T wrap(Node node, java.util.function.Supplier<T> build) {
            try {
                return build.get();
            } catch (InvalidParameterException e) {
                Integer line = node instanceof MapNode m ? keyLine(m, e.getMessage().split("[ (:,]", 2)[0]) : null;
                throw error(line != null ? line : node == null ? null : node.line(), e.getMessage());
            }
        }

        public <T> T wrap(Integer line, java.util.function.Supplier<T> build) {
            try {
                return build.get();
            } catch (InvalidParameterException e) {
                throw error(line, e.getMessage());
            }
        }

        public void checkKeys(MapNode node, Map<String, Field> schema, String prefix) {
            for (Map.Entry<String, Node> e : node.entries().entrySet()) {
                String key = e.getKey();
                Field field = schema.get(key);
                int line = node.keyLines().get(key);
                if (field == null && prefix.isEmpty() && OTHER_COMMANDS_BLOCKS.containsKey(key)) {
                    // a block of another command's config, not a typo: "did you mean 'dt'?" misled
                    throw error(line, "'" + key + "' is the block of " + OTHER_COMMANDS_BLOCKS.get(key)
                            + "; run that command with this config, or remove the block to use the rest here");
                }
                if (field == null) {
                    throw error(line, "unknown key '" + prefix + key + "'; did you mean '" + prefix
                            + ConfigSchema.nearest(key, schema.keySet()) + "'?");
                }
                if (field instanceof ConfigSchema.Block b) {
                    checkKeys(asMap(e.getValue(), prefix + key), b.fields(), prefix + key + ".");
                } else if (field instanceof ConfigSchema.ParameterTable t) {
                    MapNode table = asMap(e.getValue(), prefix + key);
                    for (String k : table.entries().keySet()) {
                        if (!t.keys().contains(k)) {
                            throw error(table.keyLines().get(k), "unknown key '" + prefix + key + "." + k
                                    + "'; did you mean '" + prefix + key + "." + ConfigSchema.nearest(k, t.keys()) + "'?");
                        }
                    }
                }
            }
        }

        public MapNode asMap(Node n, String field) {
            if (n instanceof MapNode m) {
                return m;
            }
            if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
                return new MapNode(Map.of(), Map.of(), s.line());
            }
            throw error(n.line(), field + ": expected a block of 'key: value' lines");
        }

        /** A nested block, or an empty one when absent. */
        public MapNode block(MapNode parent, String key) {
            Node n = parent.entries().get(key);
            return n == null ? new MapNode(Map.of(), Map.of(), parent.line()) : asMap(n, key);
        }

        public ScalarNode scalar(MapNode parent, String key, String prefix) {
            Node n = parent.entries().get(key);
            if (n == null) {
                return null;
            }
            if (n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL) {
                // 'name: null' (or ~, or nothing) is YAML's null, not the text
                throw error(n.line(), prefix + key + ": has no value (YAML reads null, ~ and an empty value as "
                        + "nothing); give a value, in quotes if it is the word itself ('null')");
            }
            if (!(n instanceof ScalarNode s)) {
                throw error(n.line(), prefix + key + ": expected a single value");
            }
            return s;
        }

        public double quantity(MapNode parent, String key, Map<String, Field> schema, String prefix, double fallback) {
            ConfigSchema.Quantity q = (ConfigSchema.Quantity) schema.get(key);
            return quantity(parent, key, q.unit(), q.example(), fallback, prefix);
        }

        /** A quantity read in {@code unit} (which may differ from the schema's, e.g. a duration in ms). */
        private double quantity(MapNode parent, String key, Unit unit, String example, double fallback) {
            return quantity(parent, key, unit, example, fallback, "");
        }

        private double quantity(MapNode parent, String key, Unit unit, String example, double fallback,
                                String prefix) {
            ScalarNode s = scalar(parent, key, prefix);
            if (s == null) {
                return fallback;
            }
            try {
                return Quantities.parse(s.text(), unit, prefix + key, example);
            } catch (IllegalArgumentException e) {
                throw error(s.line(), e.getMessage());
            }
        }

        /** A whole number of the Java long range (a seed). */
        public long integer(MapNode parent, String key, long fallback, String prefix) {
            return integer(parent, key, fallback, prefix, Long.MIN_VALUE, Long.MAX_VALUE);
        }

        /** A whole number in [min, max]; anything else is one line naming the bound or the form. */
        public long integer(MapNode parent, String key, long fallback, String prefix, long min, long max) {
            ScalarNode s = scalar(parent, key, prefix);
            if (s == null) {
                return fallback;
            }
            try {
                if (s.kind() != ScalarNode.Kind.NUMBER) {
                    throw new IllegalArgumentException(prefix + key + ": expected a whole number, was '" + s.text()
                            + "'" + (s.text().trim().matches("[+-]?[0-9]+") ? QUOTED : ""));
                }
                return Quantities.parseWholeNumber(s.text(), prefix + key, min, max);
            } catch (IllegalArgumentException e) {
                throw error(s.line(), e.getMessage());
            }
        }

        /** A plain decimal number (a factor, a CV, a dosage); YAML's .nan, .inf, 0x10, 1_000 are refused. */
        public double number(ScalarNode s, String field) {
            if (s.kind() != ScalarNode.Kind.NUMBER) {
                throw error(s.line(), field + ": expected a plain number without unit, was '" + s.text() + "'"
                        + (s.text().trim().matches("[+-]?[0-9]+(\\.[0-9]*)?([eE][+-]?[0-9]+)?") ? QUOTED : ""));
            }
            try {
                return Quantities.parseNumber(s.text(), field);
            } catch (IllegalArgumentException e) {
                throw error(s.line(), e.getMessage());
            }
        }

        /** The fix for a value that would be right without its quotes (YAML then reads it as text). */
        private static final String QUOTED = "; in quotes it is text: write it without the quotes";

        /** YAML 1.1 spellings a boolean may take (Jackson types them all as booleans); case is ignored. */
        private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "yes", true, "on", true,
                "false", false, "no", false, "off", false);

        /** true/yes/on or false/no/off (any case); anything else, 'y' and quoted words included, is refused. */
        public boolean bool(MapNode parent, String key, boolean fallback, String prefix) {
            ScalarNode s = scalar(parent, key, prefix);
            if (s == null) {
                return fallback;
            }
            Boolean b = s.kind() == ScalarNode.Kind.BOOLEAN
                    ? BOOLEANS.get(s.text().trim().toLowerCase(java.util.Locale.ROOT)) : null;
            if (b == null) {
                throw error(s.line(), prefix + key + ": expected true or false (or yes/no, on/off), was '" + s.text()
                        + "'" + (BOOLEANS.containsKey(s.text().trim().toLowerCase(java.util.Locale.ROOT)) ? QUOTED : ""));
            }
            return b;
        }

        public String text(MapNode parent, String key, String fallback) {
            ScalarNode s = scalar(parent, key, "");
            if (s == null) {
                return fallback;
            }
            String t = s.text().trim();
            if (t.isEmpty() || !t.matches("[A-Za-z0-9._-]+")) {
                throw error(s.line(), key + ": use letters, digits, '.', '_' or '-' only (it names a folder), was '"
                        + t + "'");
            }
            if (t.startsWith(".")) {
                // "." and ".." are the folder itself and its parent; other dot names are hidden folders
                throw error(s.line(), key + ": must not start with '.' (it names a folder; '.' and '..' are not "
                        + "names), was '" + t + "'");
            }
            if (t.length() > MAX_NAME_CHARS) {
                throw error(s.line(), key + ": at most " + MAX_NAME_CHARS + " characters (it names a folder), was "
                        + t.length());
            }
            return t;
        }

        /**
         * The cell-parameter entries of a table (meis1, heterogeneity) over {@code defaults}: a bare
         * number per scaled parameter, a quantity in mV per potential.
         */
        public Map<CellParameter, Double> parameterTable(MapNode node, String block, ConfigSchema.ParameterTable table,
                                                         Map<CellParameter, Double> defaults) {
            Map<CellParameter, Double> values = new EnumMap<>(CellParameter.class);
            values.putAll(defaults);
            for (String key : node.entries().keySet()) {
                CellParameter.byConfigName(key).ifPresent(p -> values.put(p, tableValue(node, key, block, table)));
            }
            return values;
        }

        /** The input-parameter entries of a MEIS1 table ({@code inputs.parallel_fibres.rate: 0.5}). */
        public Map<InputParameter, Double> inputTable(MapNode node, String block) {
            Map<InputParameter, Double> values = new EnumMap<>(InputParameter.class);
            for (String key : node.entries().keySet()) {
                InputParameter.byPath(key).ifPresent(p -> values.put(p, tableValue(node, key, block,
                        ConfigSchema.MEIS1)));
            }
            return values;
        }

        /** One table entry: a quantity in mV for a potential, a bare number otherwise. */
        private double tableValue(MapNode node, String key, String block, ConfigSchema.ParameterTable table) {
            String field = block + "." + key;
            ScalarNode s = scalar(node, key, block + ".");
            if (table.unitOf(key) == null) {
                return number(s, field);
            }
            String name = key.substring(key.lastIndexOf('.') + 1);
            boolean meis1 = table == ConfigSchema.MEIS1;
            String example = meis1 ? "+3 mV" : "1 mV";
            if (s.kind() == ScalarNode.Kind.NUMBER) {
                throw error(s.line(), field + ": " + s.text().trim() + (meis1 ? " is the old form (a factor); a "
                        + "potential now takes its " : " is a coefficient of variation; a potential takes its ")
                        + table.potentialMeaning() + ", e.g. " + name + ": " + example);
            }
            try {
                return Quantities.parse(s.text(), Unit.MILLIVOLT, field, example);
            } catch (IllegalArgumentException e) {
                throw error(s.line(), e.getMessage());
            }
        }

        /** The {@code inputs} block; every field of a present input is required (no silent assumptions). */
        public Inputs inputs(MapNode node) {
            PoissonInput pf = poissonInput(node, "parallel_fibres");
            PoissonInput in = poissonInput(node, "interneurons");
            ClimbingFibre cf = null;
            if (node.entries().containsKey("climbing_fibre")) {
                MapNode b = block(node, "climbing_fibre");
                String prefix = "inputs.climbing_fibre.";
                double rate = required(b, "rate", ConfigSchema.CLIMBING_FIBRE, prefix);
                double pause = required(b, "pause", ConfigSchema.CLIMBING_FIBRE, prefix);
                double potential = quantity(b, "pause_potential", ConfigSchema.CLIMBING_FIBRE, prefix, Double.NaN);
                cf = wrap(b, () -> new ClimbingFibre(rate, pause, potential));
            }
            return new Inputs(pf, in, cf);
        }

        private PoissonInput poissonInput(MapNode node, String key) {
            if (!node.entries().containsKey(key)) {
                return null;
            }
            MapNode b = block(node, key);
            String prefix = "inputs." + key + ".";
            double rate = required(b, "rate", ConfigSchema.POISSON_INPUT, prefix);
            if (!b.entries().containsKey("synapses")) {
                throw error(b.line(), prefix + "synapses: give the number of synapses, a whole number >= 0 (e.g. 1000)");
            }
            long synapses = integer(b, "synapses", -1, prefix, 0, Integer.MAX_VALUE);
            double weight = required(b, "weight", ConfigSchema.POISSON_INPUT, prefix);
            double tau = required(b, "tau_syn", ConfigSchema.POISSON_INPUT, prefix);
            try {
                return new PoissonInput(rate, (int) synapses, weight, tau);
            } catch (InvalidParameterException e) {
                String field = e.getMessage().split(" ", 2)[0]; // the message starts with the field's name
                throw error(b.keyLines().getOrDefault(field, b.line()), prefix + e.getMessage());
            }
        }

        private double required(MapNode b, String key, Map<String, Field> schema, String prefix) {
            if (!b.entries().containsKey(key)) {
                throw error(b.line(), prefix.substring(0, prefix.length() - 1) + ": missing '" + key + "' (e.g. "
                        + ((ConfigSchema.Quantity) schema.get(key)).example() + ")");
            }
            return quantity(b, key, schema, prefix, Double.NaN);
        }

        public List<Condition> conditions(MapNode root, Meis1Mapping runMapping) {
            Node n = root.entries().get("conditions");
            if (n == null) {
                return RunConfig.DEFAULT_CONDITIONS;
            }
            if (!(n instanceof ListNode list)) {
                throw error(n.line(), "conditions: expected a list of '- name: ..., meis1_dosage: ...' entries");
            }
            if (list.items().isEmpty()) {
                throw error(n.line(), "conditions: the list is empty; give at least one condition");
            }
            List<Condition> out = new ArrayList<>();
            for (Node item : list.items()) {
                MapNode m = asMap(item, "conditions[" + out.size() + "]");
                checkKeys(m, ConfigSchema.CONDITION, "conditions[" + out.size() + "].");
                String name = text(m, "name", null);
                if (name == null) {
                    throw error(m.line(), "conditions[" + out.size() + "]: needs a name");
                }
                if (MISSING_OR_NUMBER.matcher(name).matches()) {
                    // the condition column of cells.csv: pandas and R read NA, NaN, null ... as missing
                    // values and 1e3 as a number, so an analysis of the tables would go silently wrong
                    throw error(m.keyLines().get("name"), "conditions[" + out.size() + "].name: '" + name + "' reads "
                            + "as a missing value or a number in pandas and R (cells.csv names each cell's "
                            + "condition); give a name with a letter that is not such a word, e.g. 'condition-" + name
                            + "'");
                }
                ScalarNode d = scalar(m, "meis1_dosage", "conditions[" + out.size() + "].");
                double dosage = d == null ? 1.0 : number(d, "conditions[" + out.size() + "].meis1_dosage");
                Meis1Mapping own = null;
                if (m.entries().containsKey("meis1")) {
                    MapNode t = block(m, "meis1");
                    String where = "conditions[" + out.size() + "].meis1";
                    own = wrap(t, () -> runMapping.with(parameterTable(t, where, ConfigSchema.MEIS1, Map.of()),
                            inputTable(t, where)));
                }
                Meis1Mapping mapping = own;
                out.add(wrap(m, () -> new Condition(name, dosage, mapping)));
            }
            return out;
        }
    }
}
