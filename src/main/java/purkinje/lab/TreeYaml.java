package purkinje.lab;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import purkinje.io.ConfigTree.ListNode;
import purkinje.io.ConfigTree.MapNode;
import purkinje.io.ConfigTree.Node;
import purkinje.io.ConfigTree.ScalarNode;

/**
 * Writes a config tree back as YAML that {@code ConfigTree.parse} reads to the same tree: numbers
 * and booleans unquoted, strings quoted only where YAML would otherwise read them as something else.
 */
final class TreeYaml {
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private TreeYaml() {
    }

    static String write(MapNode root) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = YAML.createGenerator(out)) {
            write(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write YAML", e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Node node) throws IOException {
        if (node instanceof MapNode m) {
            g.writeStartObject();
            for (Map.Entry<String, Node> e : m.entries().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof ListNode l) {
            g.writeStartArray();
            for (Node item : l.items()) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (node instanceof ScalarNode s) {
            switch (s.kind()) {
                case NUMBER -> g.writeNumber(s.text());
                case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(s.text()));
                case NULL -> g.writeNull();
                default -> g.writeString(s.text());
            }
        }
    }
}
