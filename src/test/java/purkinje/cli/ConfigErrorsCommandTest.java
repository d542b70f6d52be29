package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad configs through the command line: exit 2, one stderr line, nothing written (issue 12). */
class ConfigErrorsCommandTest {
    @TempDir
    Path dir;

    private Path config(String extra) throws IOException {
        Path c = dir.resolve("small.yaml");
        Files.writeString(c, "name: small\nduration: 0.5 s\n" + extra);
        return c;
    }

    /** Runs the command line; returns the exit code and what it printed on stderr. */
    private static Object[] run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = PurkinjeCommand.execute(args);
            return new Object[] {code, err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(old);
        }
    }

    private void assertRefused(Path config, String expectedLine) throws IOException {
        Path out = dir.resolve("never");
        Object[] r = run("compare", "--config", config.toString(), "--out", out.toString(), "--quiet");
        assertEquals(2, r[0], (String) r[1]);
        assertEquals("purkinje: " + expectedLine + System.lineSeparator(), r[1]);
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(config), s.toList(), "only the config file");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        seed .nan         | seed: .nan                          | small.yaml:3: seed: expected a whole number, was '.nan'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        cells 0x10        | cells_per_condition: 0x10           | small.yaml:3: cells_per_condition: expected a whole number, was '0x10'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        dosage .inf       | conditions:\\n  - name: a\\n    meis1_dosage: .inf | small.yaml:5: conditions[0].meis1_dosage: expected a plain decimal number without unit (e.g. 0.5), was '.inf'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        voltage_cells 2^32 | record:\\n  voltage_cells: 4294967296 | small.yaml:4: record.voltage_cells: must be at most 2147483647, was 4294967296
        spikes y          | record:\\n  spikes: y               | small.yaml:4: record.spikes: expected true or false (or yes/no, on/off), was 'y'
        alias             | cell:\\n  E_L: &el -59 mV\\n  V_reset: *el | small.yaml:5: '*el' is a YAML alias; aliases (and '<<' merges) are not supported: write the value out
        old MEIS1 form    | meis1:\\n  V_th: 0.9                 | small.yaml:4: meis1.V_th: 0.9 is the old form (a factor); a potential now takes its shift in mV at dosage 0, e.g. V_th: +3 mV
        t_ref heterogeneity | heterogeneity:\\n  t_ref: 3          | small.yaml:4: heterogeneity.t_ref: a coefficient of variation of 3 draws invalid cells (t_ref low 0.0000352 ms: dt (0.1 ms) must not exceed t_ref (0.0000352 ms): use a smaller dt or a longer t_ref); use at most 0.38 (cells are drawn up to 6 standard deviations from the mean)
        Poisson 1e12 Hz   | inputs:\\n  parallel_fibres:\\n    rate: 1e12 Hz\\n    synapses: 20000\\n    weight: 1 pA\\n    tau_syn: 2 ms | small.yaml:4: inputs.parallel_fibres: synapses x rate x dt = 2000000000000 events per step, more than the Poisson sampler can draw (at most 1.07e9, half of 2^31 - 1, per step); use a lower rate, fewer synapses or a smaller dt
        cells 2^31        | cells_per_condition: 2147483648     | small.yaml:3: cells_per_condition: must be at most 2147483647, was 2147483648
        """)
    void badConfigExitsTwoWithOneLineAndWritesNothing(String what, String extra, String expected) throws IOException {
        Path c = config(extra.replace("\\n", "\n"));
        assertRefused(c, c.getParent().resolve(expected).toString());
    }

    @ParameterizedTest(name = "spikes: {0}")
    @CsvSource({"yes, true", "on, true", "no, false", "off, false"})
    void yamlBooleansDecideWhetherSpikesAreWritten(String value, boolean written) throws IOException {
        Path out = dir.resolve("out");
        Object[] r = run("compare", "--config", config("cells_per_condition: 2\nrecord:\n  spikes: " + value
                + "\n  voltage_cells: 0\n").toString(), "--out", out.toString(), "--quiet", "--no-figures");
        assertEquals(0, r[0], (String) r[1]);
        assertEquals(written, Files.exists(out.resolve("spikes.csv")), "spikes.csv after spikes: " + value);
    }

    @Test
    void cellsCsvShowsTheShiftedAndVaryingThreshold() throws IOException {
        Path out = dir.resolve("out");
        Object[] r = run("compare", "--config", config("cells_per_condition: 30\nrecord:\n  spikes: false\n"
                + "  voltage_cells: 0\nmeis1:\n  V_th: +4 mV\nheterogeneity:\n  V_th: 1 mV\n  I_pace: 0\n")
                .toString(), "--out", out.toString(), "--quiet", "--no-figures");
        assertEquals(0, r[0], (String) r[1]);
        List<String> lines = Files.readAllLines(out.resolve("cells.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int col = header.indexOf("V_th_mV");
        assertTrue(col > 0, lines.get(0));
        for (String condition : List.of("wild-type", "meis1-reduced")) {
            double[] v = lines.stream().skip(1).filter(l -> l.startsWith(condition + ","))
                    .mapToDouble(l -> Double.parseDouble(l.split(",")[col])).toArray();
            double mean = java.util.Arrays.stream(v).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
            // nominal -43 mV, +2 mV at dosage 0.5; SD 1 mV: 4 standard errors (1/sqrt(30) and 1/sqrt(60))
            double nominal = condition.equals("wild-type") ? -43 : -41;
            assertEquals(nominal, mean, 4 / Math.sqrt(30), condition);
            assertEquals(1.0, sd, 4 / Math.sqrt(60), condition);
        }
    }
}
