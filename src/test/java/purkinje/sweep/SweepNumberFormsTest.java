package purkinje.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import purkinje.io.ConfigException;

/** Swept values are read as strictly as config values: YAML's other number forms are refused in one line. */
class SweepNumberFormsTest {
    @ParameterizedTest
    @ValueSource(strings = {".nan", ".inf", "0x10", "1_000", "1e400"})
    void aSweptPlainNumberMustBeADecimal(String value) {
        String yaml = "sweep:\n  design: grid\n  parameters:\n    heterogeneity.I_pace: [0.1, " + value + "]\n";
        String m = assertThrows(ConfigException.class, () -> SweepPlan.parse(yaml, "s.yaml", "s", null)).getMessage();
        String expected = value.equals("1e400")
                ? "s.yaml:4: sweep.parameters.heterogeneity.I_pace[1]: '1e400' is too large to represent as a number "
                        + "(doubles reach about 1e308); give a realistic value"
                : "s.yaml:4: sweep.parameters.heterogeneity.I_pace[1]: expected a plain decimal number without unit "
                        + "(e.g. 0.5), was '" + value + "'; YAML forms such as .nan, .inf, 0x10 and 1_000 are not accepted";
        assertEquals(expected, m);
    }
}
