package purkinje.plot;

import java.util.Locale;

/**
 * How large text and lines are relative to the figure. A chart is laid out on a logical canvas of
 * (output size / {@code scale}) and drawn scaled by {@code scale}, so every font, line, marker and
 * custom-drawn label grows by the same factor; nothing global (no JFreeChart theme) is changed.
 *
 * @param name            "paper" or "slides"
 * @param scale           drawing scale: 1 for paper; larger makes text and lines bigger relative to the figure
 * @param defaultWidthPx  output width when none is given
 * @param defaultHeightPx output height when none is given
 */
public record Style(String name, double scale, int defaultWidthPx, int defaultHeightPx) {
    /** For documents and screens: 900 x 600 px, fonts 13-20 px. */
    public static final Style PAPER = new Style("paper", 1.0, 900, 600);
    /**
     * For a projector: 1024 x 640 px with a 640 x 400 layout scaled 1.6 times, so tick labels are
     * about 22 px and the title 32 px at 1024 px wide, and lines are 1.6 times thicker.
     */
    public static final Style SLIDES = new Style("slides", 1.6, 1024, 640);

    public Style {
        if (!(scale > 0) || defaultWidthPx <= 0 || defaultHeightPx <= 0) {
            throw new IllegalArgumentException("style needs a positive scale and size");
        }
    }

    /** PAPER or SLIDES by name (case-insensitive). */
    public static Style of(String name) {
        return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "paper" -> PAPER;
            case "slides" -> SLIDES;
            default -> throw new IllegalArgumentException("unknown style '" + name + "'; use paper or slides");
        };
    }

    /** Output height for a figure whose layout needs {@code logicalHeightPx} at this style (0: the default height). */
    public int heightFor(int logicalHeightPx) {
        return logicalHeightPx > 0 ? (int) Math.round(logicalHeightPx * scale) : defaultHeightPx;
    }
}
