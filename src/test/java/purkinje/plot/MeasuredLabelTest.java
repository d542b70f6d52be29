package purkinje.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Labels of measured values: three significant digits, rounded before the format is chosen. */
class MeasuredLabelTest {
    @Test
    void threeSignificantDigits() {
        assertEquals("15.0", FigureStyle.fmtMeasured(15));
        assertEquals("9.50", FigureStyle.fmtMeasured(9.5));
        assertEquals("6.00", FigureStyle.fmtMeasured(6));
        assertEquals("0.123", FigureStyle.fmtMeasured(0.123));
        assertEquals("10.0", FigureStyle.fmtMeasured(9.996));
        assertEquals("100", FigureStyle.fmtMeasured(99.96));
        assertEquals("1.00", FigureStyle.fmtMeasured(0.9996));
        assertEquals("150", FigureStyle.fmtMeasured(150));
        assertEquals("1230", FigureStyle.fmtMeasured(1234));
        assertEquals("0.00123", FigureStyle.fmtMeasured(0.001234));
        assertEquals("-3.14", FigureStyle.fmtMeasured(-3.14159));
        assertEquals("0", FigureStyle.fmtMeasured(0));
    }

    @Test
    void underflowingPValueReadsAsABound() {
        assertEquals("p < 1e-300", RateByConditionFigure.pText(0));
        assertEquals("p = 0.032", RateByConditionFigure.pText(0.0321));
    }
}
