package purkinje.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad configs a batch job may meet (issue 12: YAML number forms, overflowing integers, aliases,
 * folder names, heterogeneity that draws invalid cells, inputs the sampler cannot draw, the old
 * MEIS1 form): each gives exactly this one line, before anything is simulated or written.
 */
class BadConfigTest {

    private static String error(String yaml) {
        return assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(yaml, "bad.yaml", "bad", Map.of())).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        seed .nan            | seed: .nan                        | bad.yaml:1: seed: expected a whole number, was '.nan'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        cells 2.5            | cells_per_condition: 2.5          | bad.yaml:1: cells_per_condition: expected a whole number, was '2.5'
        seed hex             | seed: 0x10                        | bad.yaml:1: seed: expected a whole number, was '0x10'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        seed underscores     | seed: 1_000                       | bad.yaml:1: seed: expected a whole number, was '1_000'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        seed 1e400           | seed: 1e400                       | bad.yaml:1: seed: expected a whole number, was '1e400'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        seed beyond long     | seed: 9223372036854775808         | bad.yaml:1: seed: must be at most 9223372036854775807, was 9223372036854775808
        seed octal-looking   | seed: 010                         | bad.yaml:1: seed: '010' has a leading zero, which YAML 1.1 reads as octal; write it without the leading zero
        cells .inf           | cells_per_condition: .inf         | bad.yaml:1: cells_per_condition: expected a whole number, was '.inf'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        cells overflow       | cells_per_condition: 2147483648   | bad.yaml:1: cells_per_condition: must be at most 2147483647, was 2147483648
        cells zero           | cells_per_condition: 0            | bad.yaml:1: cells_per_condition: must be at least 1, was 0
        voltage_cells 2^32   | record:\\n  voltage_cells: 4294967296 | bad.yaml:2: record.voltage_cells: must be at most 2147483647, was 4294967296
        voltage_cells -1     | record:\\n  voltage_cells: -1     | bad.yaml:2: record.voltage_cells: must be at least 0, was -1
        synapses hex         | inputs:\\n  interneurons:\\n    rate: 1 Hz\\n    synapses: 0x10\\n    weight: 1 pA\\n    tau_syn: 2 ms | bad.yaml:4: inputs.interneurons.synapses: expected a whole number, was '0x10'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        synapses overflow    | inputs:\\n  interneurons:\\n    rate: 1 Hz\\n    synapses: 4294967296\\n    weight: 1 pA\\n    tau_syn: 2 ms | bad.yaml:4: inputs.interneurons.synapses: must be at most 2147483647, was 4294967296
        meis1 factor .nan    | meis1:\\n  I_pace: .nan           | bad.yaml:2: meis1.I_pace: expected a plain decimal number without unit (e.g. 0.5), was '.nan'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        meis1 factor -.inf   | meis1:\\n  tau_m: -.inf          | bad.yaml:2: meis1.tau_m: expected a plain decimal number without unit (e.g. 0.5), was '-.inf'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        meis1 factor 1e400   | meis1:\\n  I_pace: 1e400          | bad.yaml:2: meis1.I_pace: '1e400' is too large to represent as a number (doubles reach about 1e308); give a realistic value
        heterogeneity 1_000  | heterogeneity:\\n  I_pace: 1_000  | bad.yaml:2: heterogeneity.I_pace: expected a plain decimal number without unit (e.g. 0.5), was '1_000'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        dosage .inf          | conditions:\\n  - name: a\\n    meis1_dosage: .inf | bad.yaml:3: conditions[0].meis1_dosage: expected a plain decimal number without unit (e.g. 0.5), was '.inf'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        dosage hex           | conditions:\\n  - name: a\\n    meis1_dosage: 0x1 | bad.yaml:3: conditions[0].meis1_dosage: expected a plain decimal number without unit (e.g. 0.5), was '0x1'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted
        quantity 1e400       | dt: 1e400 ms                      | bad.yaml:1: dt: '1e400 ms' is too large to represent as a number (doubles reach about 1e308); give a realistic value
        quantity 1e-400      | cell:\\n  tau_m: 1e-400 ms        | bad.yaml:2: cell.tau_m: '1e-400 ms' is too small to represent as a number (doubles reach about 1e-308); give a realistic value
        quantity subnormal   | cell:\\n  C_m: 4.9e-324 pF         | bad.yaml:2: cell.C_m: '4.9e-324 pF' is too small to represent as a number (doubles reach about 1e-308); give a realistic value
        quantity 1e308 GHz   | inputs:\\n  climbing_fibre:\\n    rate: 1e308 GHz\\n    pause: 1 ms | bad.yaml:3: inputs.climbing_fibre.rate: '1e308 GHz' is too large to represent as a number (doubles reach about 1e308); give a realistic value
        quantity .inf        | duration: .inf s                  | bad.yaml:1: duration: '.inf s' is not a quantity with a unit; write it like 20 s
        boolean y            | record:\\n  spikes: y              | bad.yaml:2: record.spikes: expected true or false (or yes/no, on/off), was 'y'
        boolean quoted       | record:\\n  spikes: 'yes'          | bad.yaml:2: record.spikes: expected true or false (or yes/no, on/off), was 'yes'; in quotes it is text: write it without the quotes
        whole number quoted  | cells_per_condition: '40'         | bad.yaml:1: cells_per_condition: expected a whole number, was '40'; in quotes it is text: write it without the quotes
        factor quoted        | heterogeneity:\\n  I_pace: '0.1'   | bad.yaml:2: heterogeneity.I_pace: expected a plain number without unit, was '0.1'; in quotes it is text: write it without the quotes
        boolean number       | record:\\n  spikes: 1              | bad.yaml:2: record.spikes: expected true or false (or yes/no, on/off), was '1'
        alias                | cell:\\n  E_L: &el -59 mV\\n  V_reset: *el | bad.yaml:3: '*el' is a YAML alias; aliases (and '<<' merges) are not supported: write the value out
        merge key            | base: &b\\n  tau_m: 20 ms\\ncell:\\n  <<: *b | bad.yaml:4: '*b' is a YAML alias; aliases (and '<<' merges) are not supported: write the value out
        name dot             | name: '.'                         | bad.yaml:1: name: must not start with '.' (it names a folder; '.' and '..' are not names), was '.'
        name dot dot         | name: ..                          | bad.yaml:1: name: must not start with '.' (it names a folder; '.' and '..' are not names), was '..'
        name hidden          | name: .secret                     | bad.yaml:1: name: must not start with '.' (it names a folder; '.' and '..' are not names), was '.secret'
        name of 300 chars    | name: nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn  | bad.yaml:1: name: at most 100 characters (it names a folder), was 300
        duration 1e308 s     | duration: 1e308 s                 | bad.yaml:1: duration: '1e308 s' is too large to represent as a number (doubles reach about 1e308); give a realistic value
        overflow by a factor | cell:\\n  C_m: 1e5 pF\\nmeis1:\\n  C_m: 1e304\\nconditions:\\n  - name: a\\n    meis1_dosage: 0 | bad.yaml:5: at MEIS1 dosage 0.0: C_m is too large: infinite (beyond 1.8e308 pF); give a finite value
        number of 101 chars  | seed: 10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 | bad.yaml:1: seed: the value is 101 characters long; a value may have at most 100
        name with slash      | name: a/b                         | bad.yaml:1: name: use letters, digits, '.', '_' or '-' only (it names a folder), was 'a/b'
        condition name ..    | conditions:\\n  - name: ..         | bad.yaml:2: name: must not start with '.' (it names a folder; '.' and '..' are not names), was '..'
        old MEIS1 form       | meis1:\\n  V_th: 0.9               | bad.yaml:2: meis1.V_th: 0.9 is the old form (a factor); a potential now takes its shift in mV at dosage 0, e.g. V_th: +3 mV
        old MEIS1 form E_L   | meis1:\\n  E_L: 1.1                | bad.yaml:2: meis1.E_L: 1.1 is the old form (a factor); a potential now takes its shift in mV at dosage 0, e.g. E_L: +3 mV
        old form in condition | conditions:\\n  - name: a\\n    meis1: {V_reset: 0.5} | bad.yaml:3: conditions[0].meis1.V_reset: 0.5 is the old form (a factor); a potential now takes its shift in mV at dosage 0, e.g. V_reset: +3 mV
        MEIS1 shift wrong unit | meis1:\\n  V_th: 3 ms              | bad.yaml:2: meis1.V_th: '3 ms' is a time, but V_th is a voltage (e.g. +3 mV)
        MEIS1 factor with unit | meis1:\\n  tau_m: 3 ms            | bad.yaml:2: meis1.tau_m: expected a plain number without unit, was '3 ms'
        pause potential factor | meis1:\\n  inputs.climbing_fibre.pause_potential: 0.9 | bad.yaml:2: meis1.inputs.climbing_fibre.pause_potential: 0.9 is the old form (a factor); a potential now takes its shift in mV at dosage 0, e.g. pause_potential: +3 mV
        pause potential unset | inputs:\\n  climbing_fibre:\\n    rate: 1 Hz\\n    pause: 5 ms\\nmeis1:\\n  inputs.climbing_fibre.pause_potential: -5 mV | bad.yaml:6: meis1.inputs.climbing_fibre.pause_potential shifts the pause potential, but inputs.climbing_fibre.pause_potential is not set (it follows V_reset): set it, or shift V_reset with meis1.V_reset
        heterogeneity CV on potential | heterogeneity:\\n  V_th: 0.1 | bad.yaml:2: heterogeneity.V_th: 0.1 is a coefficient of variation; a potential takes its standard deviation in mV, e.g. V_th: 1 mV
        heterogeneity t_ref 3 | heterogeneity:\\n  t_ref: 3        | bad.yaml:2: heterogeneity.t_ref: a coefficient of variation of 3 draws invalid cells (t_ref low 0.0000352 ms: dt (0.1 ms) must not exceed t_ref (0.0000352 ms): use a smaller dt or a longer t_ref); use at most 0.38 (cells are drawn up to 6 standard deviations from the mean)
        heterogeneity tau_m 3 | heterogeneity:\\n  tau_m: 3        | bad.yaml:2: heterogeneity.tau_m: a coefficient of variation of 3 draws invalid cells (tau_m low 0.00165 ms: dt (0.1 ms) must not exceed tau_m/10 (0.000165 ms): use a smaller dt); use at most 0.67 (cells are drawn up to 6 standard deviations from the mean)
        heterogeneity V_th SD | heterogeneity:\\n  V_th: 5 mV       | bad.yaml:2: heterogeneity.V_th: a standard deviation of 5 mV draws invalid cells (V_th low -73 mV: V_reset must be below V_th (reset -69 mV, threshold -73 mV)); use at most 4.3 mV (cells are drawn up to 6 standard deviations from the mean)
        V_reset and V_th SD  | heterogeneity:\\n  V_th: 3 mV\\n  V_reset: 2 mV | bad.yaml:2: heterogeneity.V_th and heterogeneity.V_reset together draw invalid cells (V_th low -61 mV, V_reset high -57 mV: V_reset must be below V_th (reset -57 mV, threshold -61 mV)); reduce them (cells are drawn up to 6 standard deviations from the mean)
        het in a reduced condition | cell:\\n  t_ref: 2 ms\\nheterogeneity:\\n  t_ref: 0.4\\nmeis1:\\n  t_ref: 0.5\\nconditions:\\n  - name: wt\\n  - name: half\\n    meis1_dosage: 0 | bad.yaml:4: heterogeneity.t_ref: a coefficient of variation of 0.4 draws invalid cells (t_ref low 0.092 ms: dt (0.1 ms) must not exceed t_ref (0.092 ms in condition 'half'): use a smaller dt or a longer t_ref); use at most 0.38 (cells are drawn up to 6 standard deviations from the mean)
        potential in MV      | cell:\\n  V_reset: -69 MV       | bad.yaml:2: V_reset must be within +-1000 mV (membrane potentials are tens of mV), was -69000000000 mV: check the unit (mV, not MV or V)
        potentials shifted 1e15 | cell:\\n  E_L: 999999999999941 mV\\n  V_th: 999999999999957 mV\\n  V_reset: 999999999999931 mV | bad.yaml:2: E_L must be within +-1000 mV (membrane potentials are tens of mV), was 999999999999941 mV: check the unit (mV, not MV or V)
        capacitance in F     | cell:\\n  C_m: 20 F               | bad.yaml:2: C_m must be at most 1000000 pF (1 uF; neurons have tens to thousands of pF), was 20000000000000 pF: check the unit
        pause at threshold   | cell:\\n  V_th: -43 mV\\ninputs:\\n  climbing_fibre:\\n    rate: 1 Hz\\n    pause: 20 ms\\n    pause_potential: -43 mV | bad.yaml:7: inputs.climbing_fibre.pause_potential (-43 mV) must be below V_th (-43 mV): the pause holds the cell below threshold; use a lower potential, or leave it out to hold at V_reset
        pause above threshold at dosage 0 | inputs:\\n  climbing_fibre:\\n    rate: 1 Hz\\n    pause: 20 ms\\n    pause_potential: -60 mV\\nmeis1:\\n  V_th: -18 mV\\nconditions:\\n  - name: wt\\n  - name: ko\\n    meis1_dosage: 0 | bad.yaml:5: inputs.climbing_fibre.pause_potential (-60 mV) must be below V_th (-61 mV in condition 'ko'): the pause holds the cell below threshold; use a lower potential, or leave it out to hold at V_reset
        tab in indentation   | cell:\\n\\ttau_m: 20 ms          | bad.yaml:2: a tab character in the indentation; YAML indents with spaces only (replace the tab by spaces)
        sweep block in a run config | sweep:\\n  design: grid | bad.yaml:1: 'sweep' is the block of a sweep config ('purkinje sweep'); run that command with this config, or remove the block to use the rest here
        fi block in a run config | fi:\\n  steps: 3 | bad.yaml:1: 'fi' is the block of an f-I curve config ('purkinje fi'); run that command with this config, or remove the block to use the rest here
        meis1 on an absent input | meis1:\\n  inputs.parallel_fibres.rate: 0.5 | bad.yaml:2: meis1.inputs.parallel_fibres.rate acts on inputs.parallel_fibres, which the config does not have; add the input under 'inputs:', or remove the entry
        meis1 on an absent pause | meis1:\\n  I_pace: 0.6\\n  inputs.climbing_fibre.pause: 0.5 | bad.yaml:3: meis1.inputs.climbing_fibre.pause acts on inputs.climbing_fibre, which the config does not have; add the input under 'inputs:', or remove the entry
        zero refractory period | cell:\\n  t_ref: 0 ms | bad.yaml:2: cell.t_ref is 0 ms, but the integrator fires at most one spike per step, so t_ref must be at least dt (0.1 ms); give t_ref: 0.1 ms or more
        condition named NA   | conditions:\\n  - name: wt\\n  - name: NA | bad.yaml:3: conditions[1].name: 'NA' reads as a missing value or a number in pandas and R (cells.csv names each cell's condition); give a name with a letter that is not such a word, e.g. 'condition-NA'
        condition named 1e3  | conditions:\\n  - name: 1e3\\n  - name: b | bad.yaml:2: conditions[0].name: '1e3' reads as a missing value or a number in pandas and R (cells.csv names each cell's condition); give a name with a letter that is not such a word, e.g. 'condition-1e3'
        tab after the colon  | cell:\\n  tau_m:\\t20 ms         | bad.yaml:2: a tab character after 'tau_m:'; YAML takes only spaces between a key and its value (replace the tab by a space)
        nine conditions      | conditions:\\n  - name: c0\\n  - name: c1\\n  - name: c2\\n  - name: c3\\n  - name: c4\\n  - name: c5\\n  - name: c6\\n  - name: c7\\n  - name: c8 | bad.yaml:1: conditions lists 9 conditions, at most 8 (the figures give each its own colour of a colour-blind-safe palette of 8, so more would repeat colours); compare fewer at a time, or sweep the parameter that differs (purkinje sweep)
        condition named null | conditions:\\n  - name: null      | bad.yaml:2: name: has no value (YAML reads null, ~ and an empty value as nothing); give a value, in quotes if it is the word itself ('null')
        condition twice      | conditions:\\n  - name: wild-type\\n  - name: wild-type | bad.yaml:1: condition name 'wild-type' appears twice; give each condition its own name
        conditions by case   | conditions:\\n  - name: wild-type\\n  - name: Wild-Type | bad.yaml:1: condition names 'wild-type' and 'Wild-Type' differ only in case; give each condition a name that differs in more than case
        Poisson 1e12 Hz      | inputs:\\n  parallel_fibres:\\n    rate: 1e12 Hz\\n    synapses: 20000\\n    weight: 1 pA\\n    tau_syn: 2 ms | bad.yaml:2: inputs.parallel_fibres: synapses x rate x dt = 2000000000000 events per step, more than the Poisson sampler can draw (at most 1.07e9, half of 2^31 - 1, per step); use a lower rate, fewer synapses or a smaller dt
        """)
    void oneLineNamingTheProblemAndTheFix(String what, String yaml, String expected) {
        String message = error(yaml.replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\""));
        assertEquals(expected, message);
        assertFalse(message.contains("\n"), "one line");
    }

    /** An unreadable file says why (an AccessDeniedException's own message is only the path). */
    @org.junit.jupiter.api.Test
    void anUnreadableFileSaysWhy() {
        assertEquals("permission denied", IoFailure.reason(new java.nio.file.AccessDeniedException("/x.yaml")));
        assertEquals("Is a directory", IoFailure.reason(new java.nio.file.FileSystemException("/x", null,
                "Is a directory")));
    }

    /** An empty file (a failed copy) or one of only comments is refused, never run with every default. */
    @org.junit.jupiter.api.Test
    void emptyConfigFileIsRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        for (String text : new String[] {"", "\n\n", "# only a comment\n   \n"}) {
            java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("empty.yaml"), text);
            String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of())).getMessage();
            assertEquals(f + ": the config file holds no settings (empty or only comments); give a config with at "
                    + "least one key, e.g. a copy of configs/compare.yaml", message);
        }
    }

    /** One colour per condition: the limit is the palette's size. */
    @org.junit.jupiter.api.Test
    void theConditionLimitIsThePalettesSize() {
        assertEquals(purkinje.plot.ConditionPalette.size(), purkinje.model.RunConfig.MAX_CONDITIONS);
    }
}
