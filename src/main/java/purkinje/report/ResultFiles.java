package purkinje.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import purkinje.io.ConfigException;
import purkinje.io.ConfigLoader;
import purkinje.io.Json;
import purkinje.io.OutputFolder;
import purkinje.io.Tables;
import purkinje.model.RunConfig;

/**
 * Reads the files of a result folder back: manifest.json, the CSV tables and JSON. Every problem
 * (no manifest, a missing file or column, a bad number) is a {@link ConfigException} with one line
 * that names the file, so 'purkinje plot' exits 2 with that line.
 */
public final class ResultFiles {
    private final Path folder;
    private final JsonNode manifest;

    private ResultFiles(Path folder, JsonNode manifest) {
        this.folder = folder;
        this.manifest = manifest;
    }

    /** Opens a result folder: it must hold a manifest.json written by purkinje. */
    public static ResultFiles open(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigException(folder + " is not a folder; give a result folder such as results/demo");
        }
        Path m = folder.resolve(OutputFolder.MANIFEST);
        if (!Files.isRegularFile(m)) {
            throw new ConfigException(folder + " is not a purkinje result folder (no " + OutputFolder.MANIFEST + ")");
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(m.toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + m + ": " + firstLine(e.getMessage()));
        }
        if (node == null || !"purkinje".equals(node.path("tool").asText())) {
            throw new ConfigException(m + " was not written by purkinje, so " + folder + " is not a result folder");
        }
        return new ResultFiles(folder, node);
    }

    public Path folder() {
        return folder;
    }

    public JsonNode manifest() {
        return manifest;
    }

    /** The command that wrote the result: demo, compare, fi, validate, sweep or merge. */
    public String command() {
        return manifest.path("command").asText("");
    }

    /** The resolved run config recorded in the manifest. */
    public RunConfig runConfig() {
        JsonNode config = manifest.get("config");
        if (config == null || !config.isObject()) {
            throw new ConfigException(folder.resolve(OutputFolder.MANIFEST) + " holds no resolved 'config'");
        }
        try {
            return ConfigLoader.parse(Json.mapper().writeValueAsString(config), folder.resolve(OutputFolder.MANIFEST)
                    + " (config)", "result", Map.of()).run();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if the folder holds this file. */
    public boolean has(String name) {
        return Files.isRegularFile(folder.resolve(name));
    }

    /** Fails with a clear line if a needed file is missing. */
    public Path require(String name) {
        Path p = folder.resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new ConfigException(folder + " lacks " + name + ", which the figures of a '" + command()
                    + "' result are drawn from; it cannot be redrawn without it");
        }
        return p;
    }

    /** Reads a JSON file of the folder. */
    public JsonNode json(String name) {
        Path p = require(name);
        try {
            return Json.mapper().readTree(p.toFile());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + p + ": " + firstLine(e.getMessage()));
        }
    }

    /** Reads a CSV file of the folder (header row first; quoted values may hold commas and line breaks). */
    public Table csv(String name) {
        Path p = require(name);
        List<List<String>> records = Tables.read(p);
        if (records.isEmpty()) {
            throw new ConfigException(p + " is empty (no header row)");
        }
        List<String[]> rows = new ArrayList<>();
        records.subList(1, records.size()).forEach(r -> rows.add(r.toArray(new String[0])));
        return new Table(p, List.copyOf(records.get(0)), rows);
    }

    /** What {@link #scan} hands each row to: its index (0 = the first row after the header) and values. */
    public interface RowVisitor {
        void row(int index, String[] values);
    }

    /**
     * Reads a CSV file of the folder row by row without keeping its rows, for tables that may not
     * fit in the heap (a long run's spikes.csv): {@code onHeader} gets the header as a table without
     * rows (for its column lookups) and returns what each row goes to.
     */
    public void scan(String name, java.util.function.Function<Table, RowVisitor> onHeader) {
        Path p = require(name);
        RowVisitor[] visitor = {null};
        int[] index = {-1};
        Tables.forEachRecord(p, r -> {
            if (visitor[0] == null) {
                visitor[0] = onHeader.apply(new Table(p, List.copyOf(r), List.of()));
            } else {
                visitor[0].row(++index[0], r.toArray(new String[0]));
            }
        });
        if (visitor[0] == null) {
            throw new ConfigException(p + " is empty (no header row)");
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** A CSV table read back; column lookups fail with a line naming the file and column. */
    public static final class Table {
        private final Path file;
        private final List<String> header;
        private final List<String[]> rows;
        private final Map<String, Integer> index = new HashMap<>();

        Table(Path file, List<String> header, List<String[]> rows) {
            this.file = file;
            this.header = header;
            this.rows = rows;
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i), i);
            }
        }

        public List<String> header() {
            return header;
        }

        /** The file this table was read from. */
        public Path file() {
            return file;
        }

        public int size() {
            return rows.size();
        }

        public boolean hasColumn(String name) {
            return index.containsKey(name);
        }

        /** Column position, or a ConfigException naming the file. */
        public int column(String name) {
            Integer i = index.get(name);
            if (i == null) {
                throw new ConfigException(file + " has no column '" + name + "' (written by another version?)");
            }
            return i;
        }

        public String text(int row, String column) {
            String[] r = rows.get(row);
            int c = column(column);
            if (c >= r.length) {
                throw new ConfigException(file + ": row " + (row + 2) + " has " + r.length + " values, fewer than the"
                        + " header");
            }
            return r[c];
        }

        /** A number; NaN stays NaN. */
        public double number(int row, String column) {
            String t = text(row, column);
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new ConfigException(file + ": row " + (row + 2) + ", column '" + column + "': '" + t
                        + "' is not a number");
            }
        }

        public String[] row(int row) {
            return rows.get(row);
        }
    }
}
