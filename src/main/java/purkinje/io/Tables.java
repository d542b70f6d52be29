package purkinje.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tidy CSV tables (one observation per row, units in column names) readable by pandas, R and
 * Excel. Numbers are written with {@link Double#toString} precision (exact round trip); an undefined
 * statistic is {@code NaN}, which pandas and R read as missing.
 */
public final class Tables {
    private Tables() {
    }

    /** Incremental CSV writer. */
    public static final class CsvWriter implements AutoCloseable {
        private final BufferedWriter out;
        private final int columns;

        public CsvWriter(Path file, List<String> header) {
            try {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            columns = header.size();
            row(header.toArray());
        }

        /** One row; strings are quoted when needed, numbers written exactly. */
        public void row(Object... values) {
            if (values.length != columns) {
                throw new IllegalArgumentException("row has " + values.length + " values for " + columns + " columns");
            }
            try {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(cell(values[i]));
                }
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One CSV line split into fields; double quotes as {@link CsvWriter} writes them (RFC 4180). */
    public static List<String> splitLine(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    static String cell(Object v) {
        if (v instanceof Double d) {
            return Quantities.formatNumber(d);
        }
        if (v instanceof Float f) {
            return Quantities.formatNumber(f);
        }
        String s = String.valueOf(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
