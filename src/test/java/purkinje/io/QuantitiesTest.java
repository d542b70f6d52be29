package purkinje.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import purkinje.model.Unit;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource({
        "47 ms, 47, MILLISECOND", "0.047 s, 47, MILLISECOND", "47000 us, 47, MILLISECOND",
        "47000 \u00b5s, 47, MILLISECOND", "20 s, 20000, MILLISECOND", "-59 mV, -59, MILLIVOLT",
        "-0.059 V, -59, MILLIVOLT", "10.3 pA, 10.3, PICOAMPERE", "0.0103 nA, 10.3, PICOAMPERE",
        "20 pF, 20, PICOFARAD", "0.43 nS, 0.43, NANOSIEMENS", "430 pS, 0.43, NANOSIEMENS",
        "1 Hz, 1, HERTZ", "1 kHz, 1000, HERTZ", "+2.5e1 mV, 25, MILLIVOLT", "10 s, 10, SECOND",
        "'47ms', 47, MILLISECOND", "100 Mohm, 100, MEGAOHM"})
    void parsesPrefixesAndUnits(String text, double expected, Unit unit) {
        assertEquals(expected, Quantities.parse(text, unit, "f", "1 " + unit.symbol()), Math.abs(expected) * 1e-12);
    }

    @ParameterizedTest
    @CsvSource({"47", "-3.5", "0"})
    void bareNumberNamesFieldAndSuggestsUnit(String text) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Quantities.parse(text, Unit.MILLISECOND, "cell.tau_m", "47 ms"));
        assertEquals("cell.tau_m: " + text + " has no unit; did you mean " + text + " ms?", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"5 mV, a voltage", "3 pA, a current", "2 Hz, a frequency", "1 nS, a conductance"})
    void wrongDimensionIsNamed(String text, String kind) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Quantities.parse(text, Unit.MILLISECOND, "cell.tau_m", "47 ms"));
        assertTrue(e.getMessage().contains("is " + kind + ", but tau_m is a time"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"ms", "47 qs", "fast", "4 7 ms", "47 msec"})
    void garbageIsRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> Quantities.parse(text, Unit.MILLISECOND, "dt", "0.1 ms"));
    }

    @org.junit.jupiter.api.Test
    void formatsShortestExactDecimal() {
        assertEquals("47 ms", Quantities.format(47, Unit.MILLISECOND));
        assertEquals("0.1 ms", Quantities.format(0.1, Unit.MILLISECOND));
        assertEquals("-59 mV", Quantities.format(-59, Unit.MILLIVOLT));
    }
}
