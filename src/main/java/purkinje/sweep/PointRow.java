package purkinje.sweep;

import java.util.ArrayList;
import java.util.List;
import purkinje.io.Tables;

/**
 * One row of points.csv: one sweep point and condition. Rates in Hz; an undefined statistic
 * (e.g. the SEM of one cell) is NaN.
 *
 * @param point        index of the point in the design
 * @param values       swept values in the parameters' units
 * @param condition    condition name
 * @param meis1Dosage  the condition's MEIS1 dosage at this point (the reference keeps its own in a dosage sweep)
 * @param cells        cells simulated for this condition
 * @param meanRateHz   mean firing rate over cells
 * @param sdRateHz     standard deviation of the rate over cells (ddof = 1)
 * @param semRateHz    standard error of the mean rate
 * @param meanIsiCv    mean ISI coefficient of variation over cells with at least 2 ISIs
 * @param theoryRateHz closed-form rate of the condition's cell (analysis.theory, inputs included), NaN where the
 *                     theory does not apply (heterogeneity, climbing fibre)
 * @param seed         the point's seed
 */
public record PointRow(int point, double[] values, String condition, double meis1Dosage, int cells,
                       double meanRateHz, double sdRateHz, double semRateHz, double meanIsiCv,
                       double theoryRateHz, long seed) {

    /** The points.csv header for a plan's parameters. */
    public static List<String> header(List<SweepParameter> parameters) {
        List<String> h = new ArrayList<>();
        h.add("point");
        parameters.forEach(p -> h.add(p.column()));
        h.add("condition");
        h.add("meis1_dosage");
        h.addAll(List.of("cells", "mean_rate_hz", "sd_rate_hz", "sem_rate_hz", "mean_isi_cv", "theory_rate_hz",
                "seed"));
        return h;
    }

    /** This row as a CSV line (no newline); numbers exact (shortest round-trip decimal). */
    public String toCsv(List<SweepParameter> parameters) {
        List<Object> out = new ArrayList<>();
        out.add(point);
        for (double v : values) {
            out.add(v);
        }
        out.add(condition);
        out.add(meis1Dosage);
        for (double v : new double[] {cells, meanRateHz, sdRateHz, semRateHz, meanIsiCv, theoryRateHz}) {
            out.add(v);
        }
        out.add(seed);
        return Tables.line(out.toArray());
    }

    /** Parses a line written by {@link #toCsv}; null if it is not a complete, well-formed row. */
    public static PointRow parse(String line, List<SweepParameter> parameters) {
        List<List<String>> records = Tables.records(line);
        return records.size() == 1 ? parse(records.get(0), parameters) : null;
    }

    /** Parses the fields of a record written by {@link #toCsv}; null if it is not a complete, well-formed row. */
    public static PointRow parse(List<String> fields, List<SweepParameter> parameters) {
        String[] f = fields.toArray(new String[0]);
        if (f.length != header(parameters).size()) {
            return null;
        }
        try {
            int k = 0;
            int point = Integer.parseInt(f[k++]);
            double[] values = new double[parameters.size()];
            for (int d = 0; d < values.length; d++) {
                values[d] = Double.parseDouble(f[k++]);
            }
            String condition = f[k++];
            double dosage = Double.parseDouble(f[k++]);
            int cells = Integer.parseInt(f[k++]);
            double mean = Double.parseDouble(f[k++]);
            double sd = Double.parseDouble(f[k++]);
            double sem = Double.parseDouble(f[k++]);
            double cv = Double.parseDouble(f[k++]);
            double theory = Double.parseDouble(f[k++]);
            long seed = Long.parseLong(f[k]);
            if (point < 0 || condition.isEmpty()) {
                return null;
            }
            return new PointRow(point, values, condition, dosage, cells, mean, sd, sem, cv, theory, seed);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
