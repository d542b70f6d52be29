package purkinje.analysis.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LifTheoryCellTest {

    @Test
    void acceptsPurkinjeDefaults() {
        LifTheoryCell c = new LifTheoryCell(47.0, 1.0, -59.0, -43.0, -69.0);
        assertEquals(16.0, c.thresholdAboveRestMv(), 0.0);
        assertEquals(-10.0, c.resetAboveRestMv(), 0.0);
        new LifTheoryCell(20.0, 0.0, 0.0, 15.0, 0.0); // zero refractory period is allowed
    }

    @Test
    void rejectsUnphysicalParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LifTheoryCell(0.0, 1.0, -59.0, -43.0, -69.0));
        assertTrue(e.getMessage().contains("tau_m"));
        assertThrows(IllegalArgumentException.class, () -> new LifTheoryCell(-5.0, 1.0, -59.0, -43.0, -69.0));
        assertThrows(IllegalArgumentException.class, () -> new LifTheoryCell(Double.NaN, 1.0, -59.0, -43.0, -69.0));
        e = assertThrows(IllegalArgumentException.class, () -> new LifTheoryCell(47.0, -1.0, -59.0, -43.0, -69.0));
        assertTrue(e.getMessage().contains("t_ref"));
        e = assertThrows(IllegalArgumentException.class, () -> new LifTheoryCell(47.0, 1.0, -59.0, -43.0, -43.0));
        assertTrue(e.getMessage().contains("V_reset"));
        assertThrows(IllegalArgumentException.class, () -> new LifTheoryCell(47.0, 1.0, -59.0, -43.0, -40.0));
        assertThrows(IllegalArgumentException.class, () -> new LifTheoryCell(47.0, 1.0, Double.NaN, -43.0, -69.0));
    }
}
