package purkinje.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import purkinje.io.ConfigException;

/**
 * The spike trains of a result's spikes.csv, per condition and cell of cells.csv, for the figures
 * drawn from them (raster, ISI histogram, complex-spike-triggered rate). Read in two passes over
 * the file without keeping its rows: the first counts each cell's spikes, the second fills arrays
 * of exactly that length. So drawing needs about {@value #BYTES_PER_SPIKE} bytes a spike (the
 * trains and the ISI histogram's pooled, sorted copies), not the ~250 of the rows kept as strings,
 * which ran a 1 GB heap out of memory on 7e6 spikes (a 150 MB file) after the simulation had ended.
 * A file whose spikes still would not fit in the heap is refused before anything is allocated,
 * with the estimate ({@link TooLarge}).
 */
final class SpikeTrains {
    /**
     * Heap per spike while its figures are drawn (bytes): 8 for the train, 8 for a condition's
     * intervals and about 40 for the ISI histogram's sorted copies, its pooled array and the sort's
     * buffer; measured with this check off: 6.0e6 spikes drew in a 360 MB heap and ran out of
     * memory in 320 MB, about 55 bytes a spike; 64 leaves a margin.
     */
    static final long BYTES_PER_SPIKE = 64;

    /** Spike figures that would not fit in this JVM's heap, with the estimate and the fix. */
    static final class TooLarge extends ConfigException {
        TooLarge(String message) {
            super(message);
        }
    }

    private final Map<String, List<double[]>> simple;
    private final Map<String, List<double[]>> complex;
    private final boolean marked;

    private SpikeTrains(Map<String, List<double[]>> simple, Map<String, List<double[]>> complex, boolean marked) {
        this.simple = simple;
        this.complex = complex;
        this.marked = marked;
    }

    /** Simple-spike trains (ms) per condition, one array per cell of cells.csv, in its order. */
    Map<String, List<double[]>> simple() {
        return simple;
    }

    /** Complex-spike trains (ms) likewise; empty unless the file marks each spike's kind. */
    Map<String, List<double[]>> complex() {
        return complex;
    }

    /** Whether the file has a 'kind' column (a run with a climbing fibre): simple and complex spikes. */
    boolean marked() {
        return marked;
    }

    /**
     * Reads spikes.csv of {@code files}.
     *
     * @param cellsPerCondition the cells of each condition in cells.csv, in its order
     * @param what              what the caller is about to draw, for the refusal ("the raster ...")
     * @throws TooLarge        if the trains would not fit in the heap (nothing allocated)
     * @throws ConfigException naming the row if the file does not match cells.csv
     */
    static SpikeTrains read(ResultFiles files, Map<String, Integer> cellsPerCondition, String what,
                            String redraw) {
        Map<String, int[][]> counts = new LinkedHashMap<>(); // [0 simple | 1 complex][cell]
        cellsPerCondition.forEach((c, n) -> counts.put(c, new int[2][n]));
        boolean[] marked = {false};
        long[] total = {0};
        files.scan("spikes.csv", header -> {
            Columns col = new Columns(header);
            marked[0] = col.kind >= 0;
            return (i, r) -> {
                int kind = col.kind(r);
                if (kind >= 0) {
                    counts.get(col.condition(i, r, counts))[kind][col.cell(i, r, counts)]++;
                    total[0]++;
                }
            };
        });
        fits(total[0], cellsPerCondition.values().stream().mapToLong(Integer::longValue).sum(), what, redraw);

        Map<String, List<double[]>> simple = new LinkedHashMap<>();
        Map<String, List<double[]>> complex = new LinkedHashMap<>();
        Map<String, int[][]> filled = new LinkedHashMap<>();
        counts.forEach((c, n) -> {
            simple.put(c, arrays(n[0]));
            if (marked[0]) {
                complex.put(c, arrays(n[1]));
            }
            filled.put(c, new int[2][n[0].length]);
        });
        files.scan("spikes.csv", header -> {
            Columns col = new Columns(header);
            return (i, r) -> {
                int kind = col.kind(r);
                if (kind < 0) {
                    return;
                }
                String condition = col.condition(i, r, counts);
                int cell = col.cell(i, r, counts);
                double[] train = (kind == 0 ? simple : complex).get(condition).get(cell);
                int at = filled.get(condition)[kind][cell]++;
                if (at >= train.length) {
                    throw new ConfigException(header.file() + " changed while it was read (row " + (i + 2) + ")");
                }
                train[at] = col.timeMs(i, r);
            };
        });
        return new SpikeTrains(simple, complex, marked[0]);
    }

    /** Refuses trains that would not fit in the heap left, after one collection to be sure. */
    private static void fits(long spikes, long cells, String what, String redraw) {
        long need = spikes * BYTES_PER_SPIKE + cells * 64;
        if (need <= free()) {
            return;
        }
        System.gc(); // what looks used may be garbage; ask once before refusing
        long free = free();
        if (need <= free) {
            return;
        }
        long suggestMb = (long) Math.ceil((Runtime.getRuntime().maxMemory() + (need - free) * 1.5) / 1048576.0 / 256)
                * 256;
        throw new TooLarge(String.format(Locale.ROOT, "%s not drawn: the %s spikes of spikes.csv need about %s of "
                + "memory to draw, more than the %s free in this JVM's heap of %s; draw them with more memory: "
                + "PURKINJE_JAVA_OPTS=-Xmx%dm %s", what, count(spikes), mb(need), mb(free),
                mb(Runtime.getRuntime().maxMemory()), suggestMb, redraw));
    }

    private static long free() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    private static String mb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(bytes / 1048576.0)));
    }

    private static String count(long n) {
        return n < 1_000_000 ? Long.toString(n) : String.format(Locale.ROOT, "%.2g", (double) n).replace("e+0", "e");
    }

    private static List<double[]> arrays(int[] lengths) {
        List<double[]> out = new ArrayList<>(lengths.length);
        for (int n : lengths) {
            out.add(new double[n]);
        }
        return out;
    }

    /** spikes.csv's columns, and its rows checked against cells.csv with a line naming the row. */
    private static final class Columns {
        private final java.nio.file.Path file;
        private final int condition;
        private final int cell;
        private final int time;
        /** Runs with a climbing fibre mark each spike 'simple' or 'complex'; others hold simple spikes only. */
        private final int kind;

        Columns(ResultFiles.Table header) {
            file = header.file();
            condition = header.column("condition");
            cell = header.column("cell");
            time = header.column("time_s");
            kind = header.hasColumn("kind") ? header.column("kind") : -1;
        }

        /** 0 simple, 1 complex, -1 another kind (not drawn). */
        int kind(String[] r) {
            if (kind < 0) {
                return 0;
            }
            String k = kind < r.length ? r[kind] : "";
            return k.equals("simple") ? 0 : k.equals("complex") ? 1 : -1;
        }

        String condition(int i, String[] r, Map<String, int[][]> known) {
            String c = condition < r.length ? r[condition] : null;
            if (c == null || !known.containsKey(c)) {
                throw new ConfigException(file.getFileName() + ": row " + (i + 2) + " names condition '" + c
                        + "', which is not in cells.csv");
            }
            return c;
        }

        int cell(int i, String[] r, Map<String, int[][]> known) {
            int n;
            try {
                n = Integer.parseInt(r[cell]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw notARow(i);
            }
            if (n < 0 || n >= known.get(r[condition])[0].length) {
                throw new ConfigException(file.getFileName() + ": row " + (i + 2) + " names cell " + r[condition]
                        + " " + n + ", which is not in cells.csv");
            }
            return n;
        }

        double timeMs(int i, String[] r) {
            try {
                return Double.parseDouble(r[time]) * 1000;
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw notARow(i);
            }
        }

        private ConfigException notARow(int i) {
            return new ConfigException(file.getFileName() + ": row " + (i + 2) + " is not 'condition,cell,time_s'");
        }
    }
}
