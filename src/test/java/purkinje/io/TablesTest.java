package purkinje.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.sweep.PointRow;
import purkinje.sweep.SweepParameter;

/** Issue 12.10: one CSV library writes and reads every table; any string round-trips. */
class TablesTest {
    @TempDir
    Path dir;

    static final List<String> AWKWARD = List.of("plain", "a,b", "say \"hi\"", "line\nbreak", "carriage\rreturn",
            "crlf\r\nend", "");

    @Test
    void everyStringRoundTripsThroughWriterAndReader() throws IOException {
        Path file = dir.resolve("t.csv");
        try (Tables.CsvWriter w = new Tables.CsvWriter(file, List.of("name", "value_hz"))) {
            for (int i = 0; i < AWKWARD.size(); i++) {
                w.row(AWKWARD.get(i), 0.1 * i);
            }
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // \r is quoted, so a reader that splits at \r (Excel, Python's csv module) sees one record
        assertEquals(-1, text.replace("\"carriage\rreturn\"", "").replace("\"crlf\r\nend\"", "").indexOf('\r'), text);
        List<List<String>> records = Tables.read(file);
        assertEquals(1 + AWKWARD.size(), records.size());
        assertEquals(List.of("name", "value_hz"), records.get(0));
        for (int i = 0; i < AWKWARD.size(); i++) {
            assertEquals(AWKWARD.get(i), records.get(i + 1).get(0));
            assertEquals(0.1 * i, Double.parseDouble(records.get(i + 1).get(1)), 0.0);
        }
    }

    @Test
    void plainTablesKeepTheirBytes() throws IOException {
        Path file = dir.resolve("p.csv");
        try (Tables.CsvWriter w = new Tables.CsvWriter(file, List.of("condition", "cell", "time_s"))) {
            w.row("wild-type", 0, 0.01805);
            w.row("meis1-reduced", 3, Double.NaN);
        }
        assertEquals("condition,cell,time_s\nwild-type,0,0.01805\nmeis1-reduced,3,NaN\n",
                Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A record cut inside a quoted value (writer killed) is dropped; the complete records before it are kept. */
    @Test
    void recordsStopAtAnUnterminatedQuote() {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), Tables.records("a,b\nc,d\n\"e,\nf"));
    }

    /** Sweep rows: a condition name with a comma or a line break survives toCsv / parse (split by hand it did not). */
    @Test
    void sweepRowsRoundTrip() {
        List<SweepParameter> params = List.of(SweepParameter.of(SweepParameter.DOSAGE, null));
        for (String condition : List.of("wt", "wild type, control", "two\nlines")) {
            PointRow row = new PointRow(3, new double[] {2.5}, condition, 1.0, 40, 15.3, 2.1, 0.33, 0.15, 14.9, 77L);
            PointRow back = PointRow.parse(row.toCsv(params), params);
            assertNotNull(back, condition);
            assertEquals(condition, back.condition());
            assertEquals(row.toCsv(params), back.toCsv(params));
            assertEquals(15.3, back.meanRateHz(), 0.0);
        }
    }
}
