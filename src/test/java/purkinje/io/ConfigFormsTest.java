package purkinje.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import purkinje.model.CellParameter;
import purkinje.model.RunConfig;
import purkinje.model.Unit;

/** What a config may say and how it is read: exact units, booleans, MEIS1 shifts, file-level limits. */
class ConfigFormsTest {
    @TempDir
    Path dir;

    private static RunConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "test.yaml", "test", Map.of()).run();
    }

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource({
        "0.02 nF, 20, PICOFARAD", "20 pF, 20, PICOFARAD", "2e-11 F, 20, PICOFARAD", "0.00002 uF, 20, PICOFARAD",
        "20000e-3 pF, 20, PICOFARAD", "+20.000 pF, 20, PICOFARAD",
        "0.1 ms, 0.1, MILLISECOND", "100 us, 0.1, MILLISECOND", "1e-4 s, 0.1, MILLISECOND",
        "100000 ns, 0.1, MILLISECOND", "0.0001 s, 0.1, MILLISECOND",
        "-59 mV, -59, MILLIVOLT", "-0.059 V, -59, MILLIVOLT", "-59000 uV, -59, MILLIVOLT",
        "10.3 pA, 10.3, PICOAMPERE", "0.0103 nA, 10.3, PICOAMPERE", "1.03e-11 A, 10.3, PICOAMPERE",
        "0.43 nS, 0.43, NANOSIEMENS", "430 pS, 0.43, NANOSIEMENS", "0.00043 uS, 0.43, NANOSIEMENS",
        "0.5 Hz, 0.5, HERTZ", "0.0005 kHz, 0.5, HERTZ", "500 mHz, 0.5, HERTZ",
        "0.3 s, 0.3, SECOND", "300 ms, 0.3, SECOND",
        "2 h, 7200, SECOND", "120 min, 7200, SECOND", "0.5 min, 30000, MILLISECOND", "0.001 h, 3600, MILLISECOND"})
    void everySpellingOfAValueGivesTheSameBits(String text, double expected, Unit unit) {
        double v = Quantities.parse(text, unit, "f", "1 " + unit.symbol());
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(v), text + " gave " + v);
    }

    @Test
    void aCellWrittenInOtherUnitsIsTheSameCell() {
        RunConfig a = parse("cell:\n  C_m: 20 pF\n  tau_m: 47 ms\n  E_L: -59 mV\n  I_pace: 10.3 pA\n");
        RunConfig b = parse("cell:\n  C_m: 0.02 nF\n  tau_m: 0.047 s\n  E_L: -0.059 V\n  I_pace: 0.0103 nA\n");
        assertEquals(a.cell(), b.cell());
        assertEquals(20.0, b.cell().capacitancePf());
    }

    @ParameterizedTest(name = "spikes: {0}")
    @CsvSource({"true, true", "True, true", "TRUE, true", "yes, true", "Yes, true", "YES, true", "on, true",
        "On, true", "false, false", "False, false", "no, false", "No, false", "NO, false", "off, false", "OFF, false"})
    void yamlBooleansAreReadAsTheyRead(String text, boolean expected) {
        // record.spikes is the only boolean field of a run config
        assertEquals(expected, parse("record:\n  spikes: " + text + "\n").record().spikes());
    }

    @Test
    void meis1ShiftsAndHeterogeneitySdAreReadInMillivolts() {
        RunConfig c = parse("meis1:\n  V_th: +5 mV\n  E_L: -2000 uV\nheterogeneity:\n  V_reset: 1.5 mV\n"
                + "conditions:\n  - name: wt\n  - name: half\n    meis1_dosage: 0.5\n");
        assertEquals(-40.5, c.cellFor(c.conditions().get(1)).vThresholdMv());
        assertEquals(-60.0, c.cellFor(c.conditions().get(1)).eLeakMv());
        assertEquals(-43.0, c.cellFor(c.conditions().get(0)).vThresholdMv());
        assertEquals(Map.of(CellParameter.V_RESET, 1.5), c.heterogeneity().standardDeviationMv());
        assertEquals(Map.of(CellParameter.I_PACE, 0.1), c.heterogeneity().coefficientOfVariation());
    }

    @Test
    void theResolvedConfigInTheManifestReadsBackAsTheSameRun() throws IOException {
        RunConfig c = parse("meis1:\n  V_th: +5 mV\n  tau_m: 0.8\n  inputs.climbing_fibre.pause_potential: -3 mV\n"
                + "heterogeneity:\n  V_th: 0.5 mV\n  tau_m: 0.05\n"
                + "inputs:\n  climbing_fibre:\n    rate: 1 Hz\n    pause: 5 ms\n    pause_potential: -75 mV\n"
                + "conditions:\n  - name: wt\n  - name: half\n    meis1_dosage: 0.5\n    meis1: {V_reset: -1 mV}\n");
        String json = new ObjectMapper().writeValueAsString(ResolvedConfig.toMap(c));
        RunConfig back = parse(json); // JSON is YAML
        assertEquals(c, back);
        assertEquals(-76.5, back.inputsFor(back.conditions().get(1)).climbingFibre().pausePotentialMv());
    }

    @Test
    void aFileThatIsNotUtf8NamesTheByteAndLine() throws IOException {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, "name: x\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        String m = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of())).getMessage();
        assertEquals(f + ":2: byte 0xE9 (byte 14 of the file) is not UTF-8; save the config as UTF-8 text", m);
    }

    @Test
    void aByteOrderMarkIsNotContent() throws IOException {
        Path f = dir.resolve("bom.yaml");
        Files.write(f, "\ufeffname: bom\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("bom", ConfigLoader.load(f, Map.of()).run().name());
    }

    @Test
    void aHugeFileIsRefusedBeforeParsing() throws IOException {
        Path f = dir.resolve("huge.yaml");
        Files.writeString(f, "# " + "x".repeat(ConfigLoader.MAX_CONFIG_BYTES) + "\n");
        String m = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of())).getMessage();
        assertEquals(f + ": larger than 1 MiB, which no config is (a config is a few kB of text); check that "
                + "--config names the config file", m);
    }

    @Test
    void devZeroIsRefusedUpFront() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.isReadable(zero), "no /dev/zero on this system");
        String m = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(ConfigException.class, () -> ConfigLoader.load(zero, Map.of())).getMessage());
        assertTrue(m.startsWith("config file /dev/zero is a named pipe, device or socket, not a file"), m); // refused before it is read
    }

    @Test
    void aHundredThousandDigitNumberIsRefusedByItsLength() {
        // a hang guard, not a speed target: the refusal comes before any number parsing
        String digits = "1".repeat(100_000);
        for (String yaml : new String[] {"seed: " + digits + "\n", "dt: " + digits + " ms\n",
            "meis1:\n  I_pace: 0." + digits + "\n"}) {
            String m = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(ConfigException.class, () -> parse(yaml)).getMessage());
            assertTrue(m.matches("test\\.yaml:\\d: a value of 1000\\d\\d characters; a config value may have at most 1000"),
                    m);
        }
        String key = assertThrows(ConfigException.class, () -> parse("k".repeat(1010) + ": 1\n")).getMessage();
        assertEquals("test.yaml:1: a key of 1010 characters; a config key may have at most 1000", key);
    }

    @Test
    void longestAcceptedValuesStillParse() {
        String pad = "0".repeat(Quantities.MAX_CHARS - "0.1 ms".length());
        assertEquals(0.1, parse("dt: 0.1" + pad + " ms\n").dtMs());
    }
}
