package purkinje.experiment;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import purkinje.experiment.ValidationSuite.Row;
import purkinje.io.Json;
import purkinje.io.OutputFolder;
import purkinje.io.Tables.CsvWriter;
import purkinje.model.RunConfig;

/** Writes a validation run: validation.csv and manifest.json (figures: purkinje.report); prints the table. */
public final class ValidationOutputs {
    public static final Set<String> FILES = Set.of("manifest.json", "validation.csv", "figures",
            "report.html");

    private ValidationOutputs() {
    }

    public static void write(List<Row> rows, OutputFolder out, RunInfo info, RunConfig config, int threads,
                             Map<String, Object> extra) {
        try (CsvWriter w = new CsvWriter(out.resolve("validation.csv"), List.of("case", "quantity", "simulated",
                "theory", "relative_error", "tolerance", "pass", "standard_error", "cells", "dt_ms"))) {
            for (Row r : rows) {
                w.row(r.caseName(), r.quantity(), r.simulated(), r.theory(), r.relativeError(), r.tolerance(),
                        r.pass(), r.standardError(), r.cells(), r.dtMs());
            }
        }
        Json.write(out.resolve(OutputFolder.MANIFEST), Manifests.of(config, info, threads, null, extra));
    }

    /** The table validate prints (also the README's Accuracy table). */
    public static void print(List<Row> rows, PrintStream out) {
        // columns at least as wide as the built-in suite's (the README's table), wider for longer names
        // (a config's "fewer-granule-inputs without inputs deterministic ..." pushed its row out of line)
        int caseWidth = Math.max(44, rows.stream().mapToInt(r -> r.caseName().length()).max().orElse(0));
        int quantityWidth = Math.max(22, rows.stream().mapToInt(r -> r.quantity().length()).max().orElse(0));
        String columns = "%-" + caseWidth + "s %-" + quantityWidth + "s ";
        out.printf(Locale.ROOT, columns + "%11s %11s %9s %9s  %s%n", "case", "quantity", "simulated", "theory",
                "error", "tolerance", "result");
        for (Row r : rows) {
            out.printf(Locale.ROOT, columns + "%11.5g %11.5g %8.3f%% %8.3f%%  %s%n", r.caseName(), r.quantity(),
                    r.simulated(), r.theory(), 100 * r.relativeError(), 100 * r.tolerance(), r.pass() ? "pass" : "FAIL");
        }
        long failed = rows.stream().filter(r -> !r.pass()).count();
        // a row is one check (a case's rate, CV, ...): count both, so "30 pass" is not read as 30 cases
        long cases = rows.stream().map(Row::caseName).distinct().count();
        long failedCases = rows.stream().filter(r -> !r.pass()).map(Row::caseName).distinct().count();
        out.println(failed == 0 ? "all " + rows.size() + " checks of " + cases + " cases pass"
                : failed + " of " + rows.size() + " checks FAIL, in " + failedCases + " of " + cases + " cases");
    }
}
