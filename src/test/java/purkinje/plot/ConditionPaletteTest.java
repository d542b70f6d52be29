package purkinje.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConditionPaletteTest {

    @Test
    void okabeItoOrderWithWildTypeBlueAndMeis1Vermillion() {
        assertEquals(new Color(0x0072B2), ConditionPalette.colour(0));
        assertEquals(new Color(0xD55E00), ConditionPalette.colour(1));
        assertEquals(new Color(0x009E73), ConditionPalette.colour(2));
        assertEquals(new Color(0xE69F00), ConditionPalette.colour(3));
        assertEquals(new Color(0x56B4E9), ConditionPalette.colour(4));
        assertEquals(new Color(0xCC79A7), ConditionPalette.colour(5));
        assertEquals(new Color(0xF0E442), ConditionPalette.colour(6));
        assertEquals(new Color(0x000000), ConditionPalette.colour(7));
    }

    @Test
    void coloursAreDistinctAndWrap() {
        Set<Color> seen = new HashSet<>();
        for (int i = 0; i < ConditionPalette.size(); i++) {
            seen.add(ConditionPalette.colour(i));
        }
        assertEquals(8, seen.size());
        assertEquals(ConditionPalette.colour(0), ConditionPalette.colour(8));
        assertEquals(ConditionPalette.colour(7), ConditionPalette.colour(-1));
        assertNotEquals(ConditionPalette.colour(0), ConditionPalette.colour(1));
    }

    @Test
    void alphaAndTintKeepHue() {
        Color c = ConditionPalette.colour(1, 100);
        assertEquals(100, c.getAlpha());
        assertEquals(0xD5, c.getRed());
        assertEquals(Color.WHITE, ConditionPalette.tint(0, 1.0));
        assertEquals(ConditionPalette.colour(0), ConditionPalette.tint(0, 0.0));
    }
}
