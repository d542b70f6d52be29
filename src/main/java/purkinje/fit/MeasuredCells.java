package purkinje.fit;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import purkinje.io.ConfigException;
import purkinje.io.Tables;

/**
 * Recorded cells to fit: a tidy CSV with one row per cell, columns {@code condition} and
 * {@code rate_hz} and optionally {@code isi_cv}; other columns are ignored, so the
 * {@code cells.csv} of a run can be fed back in. Every problem is one {@link ConfigException} line
 * naming the file, the row and the fix.
 *
 * @param conditions condition names in order of first appearance
 * @param ratesHz    per condition, the cells' firing rates (Hz, &gt;= 0)
 * @param isiCvs     per condition, the cells' ISI CVs (NaN: not given, or fewer than 3 spikes)
 * @param hasCv      true when the file has an {@code isi_cv} column
 */
public record MeasuredCells(List<String> conditions, List<double[]> ratesHz, List<double[]> isiCvs, boolean hasCv,
                            List<String> outliers) {
    /** Fewest cells a condition may have. */
    public static final int MIN_CELLS = 5;
    /** Largest file read (a recording table, not a spike dump). */
    static final long MAX_BYTES = 64L << 20;

    public MeasuredCells {
        conditions = List.copyOf(conditions);
        ratesHz = List.copyOf(ratesHz);
        isiCvs = List.copyOf(isiCvs);
    }

    /** Index of a condition, or -1. */
    public int indexOf(String condition) {
        return conditions.indexOf(condition);
    }

    /** Total number of cells. */
    public int cells() {
        return ratesHz.stream().mapToInt(r -> r.length).sum();
    }

    /**
     * Reads and checks a data file.
     *
     * @param recordingMs length of each recording, to tell a missing CV (fewer than 3 spikes) from a bad one
     */
    public static MeasuredCells read(Path file, double recordingMs) {
        return read(file, recordingMs, Double.POSITIVE_INFINITY, "");
    }

    /**
     * As {@link #read(Path, double)}, refusing rates a cell of the fit's model cannot reach.
     *
     * @param maxRateHz the fastest a model cell fires, 1 / t_ref
     * @param limitSetBy what sets it, for the refusal (e.g. "t_ref 1 ms in configs/compare.yaml")
     */
    public static MeasuredCells read(Path file, double recordingMs, double maxRateHz, String limitSetBy) {
        String text;
        purkinje.io.InputFiles.requireReadable(file, "data file", "--data");
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(file + ": larger than " + (MAX_BYTES >> 20) + " MB; give one row per cell");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException("data file " + file + " not found; give --data FILE (a CSV with columns "
                    + "condition, rate_hz[, isi_cv])");
        } catch (IOException e) {
            String why = e instanceof CharacterCodingException ? "not UTF-8 text" : String.valueOf(e.getMessage());
            throw new ConfigException("cannot read data file " + file + ": " + why + "; give a UTF-8 CSV file");
        }
        if (text.chars().filter(c -> c == '"').count() % 2 == 1) {
            // Tables.records drops a record cut off inside quotes; for measured data that would lose cells
            throw new ConfigException(file + " has an unterminated quoted value (an odd number of \" characters); "
                    + "close the quotes or remove them");
        }
        List<Tables.Numbered> records = Tables.numberedRecords(text.replace("\uFEFF", ""));
        if (records.isEmpty()) {
            throw new ConfigException(file + " is empty; it needs a header row 'condition,rate_hz[,isi_cv]' and one "
                    + "row per cell");
        }
        List<String> header = records.get(0).values().stream().map(String::trim).toList();
        int cCondition = column(header, "condition", file);
        int cRate = column(header, "rate_hz", file);
        int cCv = header.indexOf("isi_cv");
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i).values();
            long line = records.get(i).line();
            String where = file + " line " + line;
            if (cells.size() != header.size()) {
                throw new ConfigException(where + " has " + cells.size() + " values but the header has "
                        + header.size() + " columns; give every row the same columns");
            }
            String condition = cells.get(cCondition).trim();
            if (condition.isEmpty()) {
                throw new ConfigException(where + ": condition is empty; name the condition of every cell");
            }
            int hidden = condition.codePoints().filter(c -> Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT).findFirst().orElse(-1);
            if (hidden >= 0) {
                // a direction override (U+202E) reversed the words after it in the figures' legends
                throw new ConfigException(String.format(Locale.ROOT, "%s: condition holds an invisible control or "
                        + "text-direction character (U+%04X); remove it from the data file", where, hidden));
            }
            double rate = number(cells.get(cRate), "rate_hz", where);
            if (!Double.isFinite(rate) || rate < 0) {
                throw new ConfigException(where + ": rate_hz " + cells.get(cRate).trim() + " is not a rate; give the "
                        + "cell's firing rate in Hz, zero or positive");
            }
            if (rate >= maxRateHz) {
                throw new ConfigException(where + ": rate_hz " + cells.get(cRate).trim() + " is at or above "
                        + purkinje.io.Quantities.formatNumber(maxRateHz) + " Hz, the most a model cell can fire (1 / "
                        + limitSetBy + "); check the value and its unit (Hz)");
            }
            double cv = Double.NaN;
            if (cCv >= 0) {
                String cvText = cells.get(cCv).trim();
                cv = cvText.isEmpty() ? Double.NaN : number(cvText, "isi_cv", where);
                double spikes = rate * recordingMs / 1000;
                if (Double.isInfinite(cv) || cv < 0) {
                    throw new ConfigException(where + ": isi_cv " + cvText + " is not a coefficient of variation; give "
                            + "SD/mean of the cell's intervals, zero or positive");
                }
                if (Double.isNaN(cv) && spikes >= 3.5) {
                    throw new ConfigException(String.format(Locale.ROOT, "%s: isi_cv is missing or NaN although the "
                            + "cell fired about %.0f spikes in the %s s recording; give its CV, or set --duration to the "
                            + "recording length", where, spikes, purkinje.io.Quantities.formatNumber(recordingMs / 1000)));
                }
            }
            rows.computeIfAbsent(condition, k -> new ArrayList<>()).add(new double[] {rate, cv, line});
        }
        if (rows.isEmpty()) {
            throw new ConfigException(file + " has a header but no cells; give one row per recorded cell");
        }
        List<String> names = new ArrayList<>();
        List<double[]> rates = new ArrayList<>();
        List<double[]> cvs = new ArrayList<>();
        Map<String, String> byLowerCase = new java.util.HashMap<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            List<double[]> r = e.getValue();
            String other = byLowerCase.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
            if (other != null) { // 'Wild-type' beside 'wild-type': a typo that would make a condition of its own
                throw new ConfigException(file + ": conditions '" + other + "' and '" + e.getKey() + "' differ only "
                        + "in case; spell each condition the same way in every row");
            }
            if (r.size() < MIN_CELLS) {
                throw new ConfigException(file + ": condition '" + e.getKey() + "' has " + r.size() + " cell"
                        + (r.size() == 1 ? "" : "s") + "; the fit needs at least " + MIN_CELLS + " per condition");
            }
            long firing = r.stream().filter(v -> v[0] > 0).count();
            if (firing < 2) {
                throw new ConfigException(file + ": condition '" + e.getKey() + "' has " + firing + " firing cell"
                        + (firing == 1 ? "" : "s") + "; the fit needs at least 2 cells with rate_hz > 0 per condition");
            }
            names.add(e.getKey());
            rates.add(r.stream().mapToDouble(v -> v[0]).toArray());
            cvs.add(r.stream().mapToDouble(v -> v[1]).toArray());
        }
        if (names.size() < 2) {
            throw new ConfigException(file + ": all cells belong to condition '" + names.get(0) + "'; the fit needs a "
                    + "reference (wild type) and at least one other condition");
        }
        for (int i = 0; i < names.size(); i++) { // one rate for every cell: no spread to fit (the optimiser diverged)
            double[] firing = java.util.Arrays.stream(rates.get(i)).filter(v -> v > 0).toArray();
            if (java.util.Arrays.stream(firing).allMatch(v -> v == firing[0])) {
                throw new ConfigException(file + ": all " + firing.length + " firing cells of condition '"
                        + names.get(i) + "' have rate_hz " + purkinje.io.Quantities.formatNumber(firing[0])
                        + "; the fit needs the cells' own measured rates (it fits their spread), not one value for all");
            }
        }
        List<String> outliers = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : rows.entrySet()) {
            outliers.addAll(outliers(file, e.getKey(), e.getValue(), 0, "rate_hz", true, recordingMs / 1000));
            if (cCv >= 0) {
                outliers.addAll(outliers(file, e.getKey(), e.getValue(), 1, "isi_cv", false, recordingMs / 1000));
            }
        }
        return new MeasuredCells(names, rates, cvs, cCv >= 0, List.copyOf(outliers));
    }

    /** A cell this many SDs from its condition's median is named (by chance: below 1e-15 for normal data). */
    static final double OUTLIER_ROBUST_SDS = 8;
    /** Cells with a value a condition needs before its outliers are named: the MAD of fewer is itself too noisy. */
    static final int OUTLIER_MIN_CELLS = 20;

    /**
     * Cells far from the rest of their condition, as warnings: the likelihood's CV term is narrow
     * (a CV of 200 intervals is known to a few %), so one cell with CV 1.5 among cells near 0.17
     * outweighed all the others and decided the verdict. Robust: the median and 1.4826 x the median
     * absolute deviation of the firing cells' values (of ln rate for rates), so the outlier does
     * not hide itself; for a CV the cell's own sampling SD, CV sqrt((1 + CV^2) / (2 n)) over its n
     * intervals, is added in quadrature, so a slow cell's CV of few intervals is not named for
     * being imprecise. Nothing with fewer than {@link #OUTLIER_MIN_CELLS} values or no spread.
     */
    private static List<String> outliers(Path file, String condition, List<double[]> cells, int column, String name,
                                         boolean logScale, double recordingS) {
        double[] v = cells.stream().filter(c -> c[0] > 0 && Double.isFinite(c[column]))
                .mapToDouble(c -> logScale ? Math.log(c[column]) : c[column]).toArray();
        if (v.length < OUTLIER_MIN_CELLS) {
            return List.of();
        }
        double median = purkinje.analysis.DistributionSummary.of(v).median();
        double mad = purkinje.analysis.DistributionSummary.of(java.util.Arrays.stream(v).map(x -> Math.abs(x - median))
                .toArray()).median();
        double robustSd = 1.4826 * mad;
        if (!(robustSd > 0)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (double[] c : cells) {
            if (!(c[0] > 0) || !Double.isFinite(c[column])) {
                continue;
            }
            double x = logScale ? Math.log(c[column]) : c[column];
            double intervals = c[0] * recordingS - 1;
            double own = logScale || !(intervals >= 2) ? 0 : ConditionTerms.cvSamplingSd(x, intervals);
            double z = Math.abs(x - median) / Math.hypot(robustSd, own);
            if (z > OUTLIER_ROBUST_SDS) {
                out.add(String.format(Locale.ROOT, "%s line %d: %s %s is %.0f SDs from the other cells of "
                        + "'%s' (median %.3g); one such cell can decide the fit's verdict: check it, or fit without it",
                        file, (long) c[2], name, purkinje.io.Quantities.formatNumber(c[column]), z, condition,
                        logScale ? Math.exp(median) : median));
            }
        }
        return out;
    }


    private static int column(List<String> header, String name, Path file) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new ConfigException(file + " has no column '" + name + "' (header: " + String.join(",", header)
                    + "); give columns condition, rate_hz and optionally isi_cv");
        }
        return i;
    }

    private static double number(String text, String column, String where) {
        String t = text.trim();
        try {
            if (t.equalsIgnoreCase("nan")) {
                return Double.NaN;
            }
            if (!t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                throw new NumberFormatException(t);
            }
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new ConfigException(where + ": " + column + " '" + t + "' is not a number; write plain decimals "
                    + "such as 12.5");
        }
    }
}
