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

    /**
     * Keeps, on this thread and while it is open, the records of the tables written here, so a
     * {@link #read} of one of them right after (a run's report drawn from the tables it just wrote)
     * returns them without parsing the file again: the same strings the parser would return, since
     * every value round-trips. A file is served from memory only while its size and modification
     * time are those it had when its writer closed; a table beyond {@link #MAX_KEPT_VALUES} values
     * is not kept (it is read from its file as usual).
     */
    public static final class Capture implements AutoCloseable {
        /**
         * Values kept per capture at most (a short run's tables; a big run's are read back from disk):
         * 2e6, or fewer in a small heap, so that what is kept (about 200 bytes a value) stays under a
         * tenth of it (2e6 values filled a 96 MB heap while spikes.csv was written).
         */
        public static final long MAX_KEPT_VALUES = Math.min(2_000_000, Runtime.getRuntime().maxMemory() / 10 / 200);
        private static final ThreadLocal<Capture> CURRENT = new ThreadLocal<>();
        private final Capture outer;
        private final java.util.Map<Path, Kept> kept = new java.util.HashMap<>();
        private long values;

        private record Kept(List<List<String>> records, long size, long modified) {
        }

        private Capture(Capture outer) {
            this.outer = outer;
        }

        /** Starts keeping the tables written on this thread until {@link #close}. */
        public static Capture start() {
            Capture c = new Capture(CURRENT.get());
            CURRENT.set(c);
            return c;
        }

        private boolean reserve(int n) {
            values += n;
            return values <= MAX_KEPT_VALUES;
        }

        private void put(Path file, List<List<String>> records) {
            try {
                kept.put(key(file), new Kept(java.util.Collections.unmodifiableList(records), Files.size(file),
                        Files.getLastModifiedTime(file).toMillis()));
            } catch (IOException e) {
                kept.remove(key(file)); // read from the file then
            }
        }

        private List<List<String>> get(Path file) {
            Kept k = kept.get(key(file));
            if (k == null) {
                return null;
            }
            try {
                if (Files.size(file) == k.size() && Files.getLastModifiedTime(file).toMillis() == k.modified()) {
                    return k.records();
                }
            } catch (IOException e) {
                // read from the file, which reports the problem
            }
            return null;
        }

        private static Path key(Path file) {
            return file.toAbsolutePath().normalize();
        }

        @Override
        public void close() {
            kept.clear();
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** Incremental CSV writer. */
    public static final class CsvWriter implements AutoCloseable {
        private final CSVPrinter out;
        private final int columns;
        private final Path file;
        private final Capture capture;
        private List<List<String>> kept;

        public CsvWriter(Path file, List<String> header) {
            try {
                BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                out = new CSVPrinter(w, FORMAT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.file = file;
            capture = Capture.CURRENT.get();
            kept = capture == null ? null : new ArrayList<>();
            columns = header.size();
            row(header.toArray());
        }

        /** One row; strings are quoted when needed, numbers written exactly. */
        public void row(Object... values) {
            if (values.length != columns) {
                throw new IllegalArgumentException("row has " + values.length + " values for " + columns + " columns");
            }
            Object[] cells = cells(values);
            try {
                out.printRecord(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (kept != null) {
                if (capture.reserve(cells.length)) {
                    String[] text = new String[cells.length];
                    for (int i = 0; i < cells.length; i++) {
                        text[i] = (String) cells[i];
                    }
                    kept.add(java.util.Arrays.asList(text));
                } else {
                    kept = null; // too big to keep: read back from the file
                }
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (kept != null) {
                capture.put(file, kept);
                kept = null;
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
        return numberedRecords(text).stream().map(Numbered::values).toList();
    }

    /** A record of a CSV text and the line of the text it ends on (1: the first line). */
    public record Numbered(List<String> values, long line) {
    }

    /**
     * As {@link #records}, each record with its line in the text, for messages that point the
     * user to it (blank lines and a value spanning lines counted as an editor counts them).
     */
    public static List<Numbered> numberedRecords(String text) {
        List<Numbered> out = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord r : parser) {
                out.add(new Numbered(r.toList(), parser.getCurrentLineNumber()));
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
        Capture capture = Capture.CURRENT.get();
        List<List<String>> written = capture == null ? null : capture.get(file);
        if (written != null) {
            return written;
        }
        List<List<String>> out = new ArrayList<>();
        forEachRecord(file, out::add);
        return out;
    }

    /**
     * Hands every record of a CSV file (empty lines skipped) to {@code record} in order, without
     * keeping them: a table larger than the heap (a long run's spikes.csv) can be read this way. A
     * table kept by the current {@link Capture} is served from memory, as by {@link #read}.
     *
     * @throws ConfigException naming the file if it cannot be read or is not well-formed CSV
     */
    public static void forEachRecord(Path file, java.util.function.Consumer<List<String>> record) {
        Capture capture = Capture.CURRENT.get();
        List<List<String>> written = capture == null ? null : capture.get(file);
        if (written != null) {
            written.forEach(record);
            return;
        }
        try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, FORMAT)) {
            for (CSVRecord r : parser) {
                record.accept(r.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new ConfigException("cannot read " + file + " as CSV: " + firstLine(e.getMessage()));
        }
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
