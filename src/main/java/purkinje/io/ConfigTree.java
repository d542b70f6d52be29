package purkinje.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node remembers its line, so that errors can say
 * "compare.yaml:12: ...". Read with Jackson's streaming YAML parser; duplicate keys are errors,
 * and so are YAML aliases ({@code *name}; a config states each value where it applies) and keys or
 * values longer than {@link #MAX_SCALAR_CHARS} characters (which keeps parsing linear in the file size).
 */
public final class ConfigTree {
    /** Longest key or value accepted; numbers are held to {@link Quantities#MAX_CHARS}. */
    public static final int MAX_SCALAR_CHARS = 1000;
    private ConfigTree() {
    }

    /** A node of the tree. */
    public sealed interface Node permits MapNode, ListNode, ScalarNode {
        int line();
    }

    /** A mapping; keys keep their order of appearance. */
    public record MapNode(Map<String, Node> entries, Map<String, Integer> keyLines, int line) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }

        /** A copy with one entry set (added at the end if new). */
        public MapNode with(String key, Node value) {
            Map<String, Node> e = new LinkedHashMap<>(entries);
            Map<String, Integer> l = new LinkedHashMap<>(keyLines);
            e.put(key, value);
            l.putIfAbsent(key, value.line());
            return new MapNode(e, l, line);
        }
    }

    /** A sequence. */
    public record ListNode(List<Node> items, int line) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar as written. {@code quoted} is false for plain numbers and booleans (YAML types them),
     * true for strings; {@code text} is null for an empty value.
     */
    public record ScalarNode(String text, Kind kind, int line) implements Node {
        /** What YAML made of the scalar. */
        public enum Kind { STRING, NUMBER, BOOLEAN, NULL }
    }

    /** Parses a YAML document; the root must be a mapping (an empty document gives an empty one). */
    public static MapNode parse(String text, String source) {
        try (JsonParser p = new YAMLFactory().createParser(new StringReader(text))) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return new MapNode(Map.of(), Map.of(), 1);
            }
            Node root = read(p, t, source);
            if (!(root instanceof MapNode m)) {
                throw new ConfigException(source + ":" + root.line() + ": the config must be a mapping of keys "
                        + "to values (key: value), not a single value or a list");
            }
            if (p.nextToken() != null) {
                throw new ConfigException(source + ": holds more than one YAML document; keep one");
            }
            return m;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : -1;
            // the scanner's own mark is where the problem is (Jackson's location is the token before it)
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                line = y.getProblemMark().getLine() + 1;
                if (y.getProblem() != null && (y.getProblem().contains("TAB") || y.getProblem().contains("\\t"))) {
                    throw new ConfigException(source + ":" + line + ": " + tabProblem(text, line));
                }
            }
            throw new ConfigException(source + (line > 0 ? ":" + line : "") + ": not valid YAML (" + msg
                    + "); check indentation and colons");
        }
    }

    /** What a tab on line {@code line} of the text is doing wrong: indenting, or separating a key from its value. */
    static String tabProblem(String text, int line) {
        String l = text.lines().skip(line - 1L).findFirst().orElse("");
        int tab = l.indexOf('\t');
        if (tab < 0 || l.substring(0, tab).isBlank()) {
            return "a tab character in the indentation; YAML indents with spaces only (replace the tab by spaces)";
        }
        return "a tab character after '" + l.substring(0, tab).strip() + "'; YAML takes only spaces between a key "
                + "and its value (replace the tab by a space)";
    }

    private static Node read(JsonParser p, JsonToken t, String source) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        if (p instanceof YAMLParser y && y.isCurrentAlias()) {
            throw new ConfigException(source + ":" + line + ": '*" + p.getText() + "' is a YAML alias; aliases "
                    + "(and '<<' merges) are not supported: write the value out");
        }
        if (t.isScalarValue() && p.getText() != null && p.getText().length() > MAX_SCALAR_CHARS) {
            throw new ConfigException(source + ":" + line + ": a value of " + p.getText().length()
                    + " characters; a config value may have at most " + MAX_SCALAR_CHARS);
        }
        switch (t) {
            case START_OBJECT: {
                Map<String, Node> entries = new LinkedHashMap<>();
                Map<String, Integer> lines = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String key = p.currentName();
                    int keyLine = p.currentTokenLocation().getLineNr();
                    if (key.length() > MAX_SCALAR_CHARS) {
                        throw new ConfigException(source + ":" + keyLine + ": a key of " + key.length()
                                + " characters; a config key may have at most " + MAX_SCALAR_CHARS);
                    }
                    Node value = read(p, p.nextToken(), source);
                    if (entries.containsKey(key)) {
                        throw new ConfigException(source + ":" + keyLine + ": key '" + key + "' appears twice (also on line "
                                + lines.get(key) + "); keep one");
                    }
                    entries.put(key, value);
                    lines.put(key, keyLine);
                }
                return new MapNode(entries, lines, line);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                    items.add(read(p, i, source));
                }
                return new ListNode(items, line);
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new ScalarNode(p.getText(), ScalarNode.Kind.NUMBER, line);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ScalarNode(p.getText(), ScalarNode.Kind.BOOLEAN, line);
            case VALUE_NULL:
                return new ScalarNode(null, ScalarNode.Kind.NULL, line);
            default:
                return new ScalarNode(p.getText(), ScalarNode.Kind.STRING, line);
        }
    }
}
