package purkinje.plot;

import java.awt.Color;

/**
 * Colour-blind-safe Okabe-Ito palette, one colour per condition, used by every figure so that a
 * condition has the same colour everywhere. Condition 0 (wild type) is blue, condition 1 (reduced
 * MEIS1) is vermillion.
 */
public final class ConditionPalette {

    private static final Color[] COLOURS = {
        new Color(0x0072B2), // blue
        new Color(0xD55E00), // vermillion
        new Color(0x009E73), // bluish green (before orange, which a projector shows close to vermillion)
        new Color(0xE69F00), // orange
        new Color(0x56B4E9), // sky blue
        new Color(0xCC79A7), // reddish purple
        new Color(0xF0E442), // yellow
        new Color(0x000000), // black
    };

    private ConditionPalette() {
    }

    /** Number of distinct colours before the palette repeats. */
    public static int size() {
        return COLOURS.length;
    }

    /** Colour of the condition with this display index (wraps around after {@link #size()}). */
    public static Color colour(int conditionIndex) {
        return COLOURS[Math.floorMod(conditionIndex, COLOURS.length)];
    }

    /** The condition colour with the given alpha (0-255), for fills and dense markers. */
    public static Color colour(int conditionIndex, int alpha) {
        Color c = colour(conditionIndex);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0, Math.min(255, alpha)));
    }

    /** The condition colour mixed with white ({@code amount} 0 = colour, 1 = white), opaque. */
    public static Color tint(int conditionIndex, double amount) {
        Color c = colour(conditionIndex);
        double a = Math.max(0, Math.min(1, amount));
        return new Color(
                (int) Math.round(c.getRed() + (255 - c.getRed()) * a),
                (int) Math.round(c.getGreen() + (255 - c.getGreen()) * a),
                (int) Math.round(c.getBlue() + (255 - c.getBlue()) * a));
    }
}
