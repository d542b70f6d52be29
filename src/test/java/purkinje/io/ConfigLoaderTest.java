package purkinje.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import purkinje.model.CellParameter;
import purkinje.model.CellParameters;
import purkinje.model.RunConfig;

class ConfigLoaderTest {

    private static RunConfig parse(String yaml) {
        return ConfigLoader.parse(yaml, "test.yaml", "test", Map.of()).run();
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    private static String note(String yaml) {
        return ConfigLoader.defaultPacemakingNote(ConfigLoader.parse(yaml, "test.yaml", "test", Map.of()));
    }

    /**
     * A meis1 block adds to the default mapping, so one without I_pace still lowers I_pace (the
     * helper's 'threshold-only' run fired 32 % less); that is now said, with the fix.
     */
    /** A named pipe as config blocked for ever (until killed); it is refused before it is opened. */
    @Test
    void aNamedPipeIsRefusedNotWaitedFor(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("config.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is not available");
        ConfigException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(ConfigException.class, () -> ConfigLoader.load(fifo, Map.of())));
        assertTrue(e.getMessage().startsWith("config file " + fifo + " is a named pipe, device or socket, not a file"),
                e.getMessage());
    }

    @Test
    void aMeis1BlockWithoutIPaceIsNoted() {
        assertEquals("test.yaml:1: meis1 lists V_th but not I_pace, so the default I_pace: 0.6 acts as well; write "
                + "I_pace: 1 in the block for a hypothesis without it (or I_pace: 0.6 to keep it)",
                note("meis1:\n  V_th: +3 mV\n"));
        assertEquals(0.6, parse("meis1:\n  V_th: +3 mV\n").meis1().relativeAtNull().get(CellParameter.I_PACE),
                "the behaviour the note describes");
        assertEquals(null, note("meis1:\n  I_pace: 1\n  V_th: +3 mV\n"));
        assertEquals(null, note("seed: 1\n"), "no block: the documented default");
        String conditions = "conditions:\n  - name: wt\n  - name: thr\n    meis1_dosage: 0\n    meis1: {V_th: +2 mV}\n";
        assertTrue(note(conditions).startsWith("test.yaml:5: meis1 lists V_th but not I_pace"), note(conditions));
        assertEquals(null, note("meis1:\n  I_pace: 0.6\n" + conditions), "the run's block states it");
        assertEquals(null, note("meis1:\n  V_th: +1 mV\nconditions:\n  - name: wt\n    meis1: {I_pace: 1}\n"
                + "  - name: b\n    meis1: {I_pace: 0.5}\n"), "every condition states its own");
    }

    @Test
    void emptyConfigTakesModelDefaults() {
        RunConfig c = parse("");
        assertEquals(CellParameters.DEFAULTS, c.cell());
        assertEquals(2.0, c.noise().sigmaVMv());
        assertEquals(0.0, c.noise().tauMs());
        assertEquals(0.1, c.heterogeneity().coefficientOfVariation().get(CellParameter.I_PACE));
        assertEquals(0.8, c.meis1().factor(CellParameter.I_PACE, 0.5), 1e-15);
        assertEquals(RunConfig.DEFAULT_CONDITIONS, c.conditions());
        assertEquals("test", c.name());
        assertEquals(0.1, c.dtMs());
        assertEquals(40, c.cellsPerCondition());
    }

    @Test
    void shippedConfigsMatchModelDefaults() {
        for (String f : new String[] {"configs/compare.yaml", "configs/demo.yaml"}) {
            RunConfig c = ConfigLoader.load(Path.of(f), Map.of()).run();
            assertEquals(CellParameters.DEFAULTS, c.cell(), f);
            assertEquals(RunConfig.DEFAULT_CONDITIONS, c.conditions(), f);
            assertEquals(0.6, c.meis1().relativeAtNull().get(CellParameter.I_PACE), f);
        }
    }

    @Test
    void unitsAreConverted() {
        RunConfig c = parse("duration: 1.5 s\ndt: 50 us\ncell:\n  tau_m: 0.02 s\n  I_pace: 0.2 nA\n  C_m: 0.2 nF\n");
        assertEquals(1500, c.durationMs(), 1e-9);
        assertEquals(0.05, c.dtMs(), 1e-12);
        assertEquals(20, c.cell().tauMs(), 1e-12);
        assertEquals(200, c.cell().iPacePa(), 1e-9);
        assertEquals(200, c.cell().capacitancePf(), 1e-9);
    }

    @Test
    void heterogeneityMergesFieldByFieldAndZeroRemoves() {
        RunConfig c = parse("heterogeneity:\n  tau_m: 0.05\n");
        assertEquals(Map.of(CellParameter.I_PACE, 0.1, CellParameter.TAU_M, 0.05),
                c.heterogeneity().coefficientOfVariation());
        assertTrue(parse("heterogeneity:\n  I_pace: 0\n").heterogeneity().isNone());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key with suggestion | cell:\\n  tau_mm: 20 ms | test.yaml:2: unknown key 'cell.tau_mm'; did you mean 'cell.tau_m'?",
        "unknown top-level key | duraton: 5 s | test.yaml:1: unknown key 'duraton'; did you mean 'duration'?",
        "unknown meis1 key | meis1:\\n  I_pase: 0.5 | test.yaml:2: unknown key 'meis1.I_pase'; did you mean 'meis1.I_pace'?",
        "value without unit | cell:\\n  tau_m: 47 | test.yaml:2: cell.tau_m: 47 has no unit; did you mean 47 ms?",
        "wrong unit kind | cell:\\n  tau_m: 5 mV | test.yaml:2: cell.tau_m: '5 mV' is a voltage, but tau_m is a time (e.g. 47 ms)",
        "tau_m not positive | cell:\\n  tau_m: -5 ms | test.yaml:2: tau_m must be positive, was -5 ms",
        "C_m not positive | cell:\\n  C_m: 0 pF | test.yaml:2: C_m must be positive, was 0 pF",
        "tau_m below other keys | cell:\\n  C_m: 20 pF\\n  E_L: -59 mV\\n  tau_m: -5 ms | test.yaml:4: tau_m must be positive, was -5 ms",
        "V_reset at its own line | cell:\\n  C_m: 20 pF\\n  V_th: -43 mV\\n  V_reset: -30 mV | test.yaml:4: V_reset must be below V_th (reset -30 mV, threshold -43 mV)",
        "noise key at its line | noise:\\n  tau: 0 ms\\n  sigma_v: -2 mV | test.yaml:3: noise.sigma_v must be zero or positive, was -2 mV",
        "dt not positive | dt: 0 ms | test.yaml:1: dt must be positive, was 0 ms",
        "duration not positive | seed: 3\\nduration: 0 s | test.yaml:2: duration must be positive, was 0 ms",
        "reset above threshold | cell:\\n  V_reset: -40 mV | test.yaml:2: V_reset must be below V_th (reset -40 mV, threshold -43 mV)",
        "dt above t_ref | dt: 2 ms | test.yaml:1: dt (2 ms) must not exceed t_ref (1 ms): use a smaller dt or a longer t_ref",
        "dt above tau_m/10 | cell:\\n  tau_m: 4 ms\\ndt: 0.5 ms | test.yaml:3: dt (0.5 ms) must not exceed tau_m/10 (0.4 ms): use a smaller dt",
        "zero cells | cells_per_condition: 0 | test.yaml:1: cells_per_condition: must be at least 1, was 0",
        "dosage above 1 | conditions:\\n  - name: a\\n    meis1_dosage: 1.5 | test.yaml:3: meis1_dosage of condition 'a' must lie in [0, 1] (0 = null, 0.5 = heterozygous, 1 = wild type), was 1.5",
        "dosage below 0 | conditions:\\n  - name: a\\n    meis1_dosage: -0.1 | test.yaml:3: meis1_dosage of condition 'a' must lie in [0, 1] (0 = null, 0.5 = heterozygous, 1 = wild type), was -0.1",
        "duplicate key | seed: 1\\nseed: 2 | test.yaml:2: key 'seed' appears twice (also on line 1); keep one",
        "empty conditions | conditions: [] | test.yaml:1: conditions: the list is empty; give at least one condition",
        "dimensionless given unit | heterogeneity:\\n  I_pace: 10 % | test.yaml:2: heterogeneity.I_pace: expected a plain number without unit, was '10 %'",
        "not a mapping | - a\\n- b | test.yaml:1: the config must be a mapping of keys to values (key: value), not a single value or a list",
        "negative input rate | inputs:\\n  parallel_fibres:\\n    rate: -1 Hz\\n    synapses: 10\\n    weight: 1 pA\\n    tau_syn: 2 ms | test.yaml:3: inputs.parallel_fibres.rate must be zero or positive, was -1 Hz",
        "weight without unit | inputs:\\n  interneurons:\\n    rate: 1 Hz\\n    synapses: 10\\n    weight: 1\\n    tau_syn: 2 ms | test.yaml:5: inputs.interneurons.weight: 1 has no unit; did you mean 1 pA?",
        "tau_syn of zero | inputs:\\n  parallel_fibres:\\n    rate: 1 Hz\\n    synapses: 10\\n    weight: 1 pA\\n    tau_syn: 0 ms | test.yaml:6: inputs.parallel_fibres.tau_syn must be positive, was 0 ms",
        "missing input field | inputs:\\n  parallel_fibres:\\n    rate: 1 Hz\\n    synapses: 10\\n    tau_syn: 2 ms | test.yaml:3: inputs.parallel_fibres: missing 'weight' (e.g. 0.5 pA)",
        "unknown input key | inputs:\\n  climbing_fiber:\\n    rate: 1 Hz | test.yaml:2: unknown key 'inputs.climbing_fiber'; did you mean 'inputs.climbing_fibre'?",
        "unknown meis1 input | meis1:\\n  inputs.parallel_fibres.rat: 0.5 | test.yaml:2: unknown key 'meis1.inputs.parallel_fibres.rat'; did you mean 'meis1.inputs.parallel_fibres.rate'?",
    })
    void badInputGivesOneClearLine(String what, String yaml, String expected) {
        String message = error(yaml.replace("\\n", "\n"));
        assertEquals(expected, message);
        assertTrue(!message.contains("\n"), "one line");
    }

    @Test
    void meis1MapsInputsAndConditionsMayStateTheirOwnMapping() {
        RunConfig c = parse("inputs:\n  parallel_fibres:\n    rate: 2 Hz\n    synapses: 100\n    weight: 1 pA\n"
                + "    tau_syn: 2 ms\nmeis1:\n  inputs.parallel_fibres.rate: 0.5\n"
                + "conditions:\n  - name: wt\n    meis1_dosage: 1\n  - name: half\n    meis1_dosage: 0.5\n"
                + "  - name: own\n    meis1_dosage: 0\n    meis1: {I_pace: 1, inputs.parallel_fibres.rate: 0.25}\n");
        assertEquals(2.0, c.inputsFor(c.conditions().get(0)).parallelFibres().ratePerSynapseHz(), 1e-12);
        // run mapping: f0 = 0.5 -> 0.75 at dosage 0.5; I_pace keeps its default f0 = 0.6 -> 0.8
        assertEquals(1.5, c.inputsFor(c.conditions().get(1)).parallelFibres().ratePerSynapseHz(), 1e-12);
        assertEquals(0.8 * 10.3, c.cellFor(c.conditions().get(1)).iPacePa(), 1e-12);
        // the condition's own mapping: f0 = 0.25 at dosage 0, I_pace unchanged
        assertEquals(0.5, c.inputsFor(c.conditions().get(2)).parallelFibres().ratePerSynapseHz(), 1e-12);
        assertEquals(10.3, c.cellFor(c.conditions().get(2)).iPacePa(), 1e-12);
    }

    @Test
    void shippedInputsConfigLoads() {
        RunConfig c = ConfigLoader.load(Path.of("configs/compare-inputs.yaml"), Map.of()).run();
        assertEquals(3, c.conditions().size());
        assertTrue(c.inputs().hasClimbingFibre());
        assertEquals(5.3, c.inputs().parallelFibres().meanCurrentPa(), 1e-9);
    }

    @Test
    void malformedYamlNamesLine() {
        String m = error("cell:\n  tau_m: [1, 2\n");
        assertTrue(m.startsWith("test.yaml:"), m);
        assertTrue(m.contains("not valid YAML"), m);
    }

    @Test
    void missingFileIsAConfigError() {
        String m = assertThrows(ConfigException.class, () -> ConfigLoader.load(Path.of("nope.yaml"), Map.of()))
                .getMessage();
        assertEquals("config file not found: nope.yaml (give an existing file with --config)", m);
    }

    @Test
    void impossibleParametersAfterMeis1MappingAreCaught() {
        // V_th shifted by -30 mV at dosage 0: -73 mV, below V_reset
        String m = error("meis1:\n  V_th: -30 mV\nconditions:\n  - name: null-mutant\n    meis1_dosage: 0\n");
        assertTrue(m.contains("at MEIS1 dosage 0.0: V_reset must be below V_th"), m);
    }
}
