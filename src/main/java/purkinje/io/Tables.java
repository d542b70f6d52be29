package purkinje.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Tidy CSV tables (one observation per row, units in column names) readable by pandas, R and
 * Excel. Every table of the tool is written and read here, with one library (Apache Commons CSV)
 * and one dialect, {@link #FORMAT}: RFC 4180 with {@code \n} line ends; a value is quoted when it
 * holds a comma, a double quote, {@code \r} or {@code \n} (or starts with a space or {@code #}, or
 * ends with a space), so every string round-trips, line breaks included. Numbers are written with
 * {@link Double#toString} precision (exact round trip); an undefined statistic is {@code NaN},
 * which pandas and R read as missing.
 */
public final class Tables {
    /** The dialect of every table. */
    public static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private Tables() {
    }

    /** Incremental CSV writer. */
    public static final class CsvWriter implements AutoCloseable {
        private final CSVPrinter out;
        private final int columns;

        public CsvWriter(Path file, List<String> header) {
            try {
                BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out = new CSVPrinter(w, FORMAT);
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
                out.printRecord(cells(values));
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

    /** One record as text, without its line end (for logs written row by row). */
    public static String line(Object... values) {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(b, FORMAT)) {
            p.printRecord(cells(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.substring(0, b.length() - 1);
    }

    /**
     * Every record of a CSV text, in order (empty lines skipped). A record cut off inside a quoted
     * value (a file whose writer was killed) ends the list: it and anything after it are dropped.
     */
    public static List<List<String>> records(String text) {
        List<List<String>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord r : parser) {
                out.add(r.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // an unterminated quoted value: the records before it are complete
        }
        return out;
    }

    /**
     * Every record of a CSV file (empty lines skipped).
     *
     * @throws ConfigException naming the file if it cannot be read or is not well-formed CSV
     */
    public static List<List<String>> read(Path file) {
        List<List<String>> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, FORMAT)) {
            for (CSVRecord r : parser) {
                out.add(r.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ConfigException("cannot read " + file + " as CSV: " + firstLine(e.getMessage()));
        }
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static Object[] cells(Object[] values) {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = cell(values[i]);
        }
        return out;
    }

    static String cell(Object v) {
        if (v instanceof Double d) {
            return Quantities.formatNumber(d);
        }
        if (v instanceof Float f) {
            return Quantities.formatNumber(f);
        }
        return String.valueOf(v);
    }
}
