package purkinje.sweep;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import purkinje.io.Tables;

/**
 * The sweep's commit log, {@value #NAME}: points.csv rows appended batch by batch, each batch
 * written, flushed and fsync'ed before the next starts. A process killed at any moment (SIGKILL
 * included) leaves complete lines plus at most one partial last line; reading ignores that line,
 * malformed lines, and points missing a condition's row, so a resumed sweep re-runs exactly the
 * points that were not committed.
 */
final class ResultLog implements AutoCloseable {
    static final String NAME = "points.log.csv";
    private final FileOutputStream out;
    private final List<SweepParameter> parameters;

    private ResultLog(FileOutputStream out, List<SweepParameter> parameters) {
        this.out = out;
        this.parameters = parameters;
    }

    /** Complete points in a log or points.csv, by point index (rows in condition order). */
    static TreeMap<Integer, List<PointRow>> readComplete(Path file, SweepPlan plan) {
        TreeMap<Integer, List<PointRow>> complete = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return complete;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int end = text.lastIndexOf('\n');
        text = end < 0 ? "" : text.substring(0, end + 1); // a partial last line was never committed
        List<SweepParameter> params = plan.parameters();
        List<String> conditions = plan.conditionNames();
        Map<Integer, Map<String, PointRow>> byPoint = new LinkedHashMap<>();
        for (List<String> record : Tables.records(text)) {
            PointRow r = PointRow.parse(record, params);
            if (r == null || r.point() >= plan.size() || r.seed() != plan.point(r.point()).seed()
                    || !conditions.contains(r.condition())) {
                continue; // the header, a damaged line, or a row from another plan
            }
            byPoint.computeIfAbsent(r.point(), k -> new LinkedHashMap<>()).put(r.condition(), r);
        }
        byPoint.forEach((point, rows) -> {
            if (rows.keySet().containsAll(conditions)) {
                complete.put(point, conditions.stream().map(rows::get).toList());
            }
        });
        return complete;
    }

    /** Starts a log holding {@code keep} (written to a temporary file and renamed into place), open for appending. */
    static ResultLog start(Path file, SweepPlan plan, Collection<List<PointRow>> keep) {
        List<SweepParameter> params = plan.parameters();
        StringBuilder b = new StringBuilder(Tables.line(PointRow.header(params).toArray())).append('\n');
        keep.forEach(rows -> rows.forEach(r -> b.append(r.toCsv(params)).append('\n')));
        try {
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            writeDurably(tmp, b.toString());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new ResultLog(new FileOutputStream(file.toFile(), true), params);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Appends complete rows and forces them to disk. */
    void append(List<PointRow> rows) {
        StringBuilder b = new StringBuilder();
        rows.forEach(r -> b.append(r.toCsv(parameters)).append('\n'));
        try {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.getChannel().force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the sweep log", e);
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

    /** Writes a file and forces it to disk (before it is renamed into place). */
    static void writeDurably(Path file, String text) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
    }

    /** Writes a file atomically: a temporary sibling, forced to disk, renamed over the target. */
    static void replaceAtomically(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            writeDurably(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
