package purkinje.plot;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How figures are written: file formats, style, output size and PNG resolution.
 *
 * @param style    text and line size (paper or slides)
 * @param formats  files written per figure (a report embeds its own PNG whatever is chosen)
 * @param widthPx  output width in px (CSS px; PDF points), or 0 for the style's default
 * @param heightPx output height in px, or 0 for the figure's own default
 * @param dpi      PNG resolution: 96 writes 1 image pixel per px, 192 doubles the pixels; SVG and PDF
 *                 are vector formats and ignore it
 */
public record Rendering(Style style, Set<Format> formats, int widthPx, int heightPx, int dpi) {
    /** Base resolution: 1 image pixel per px. */
    public static final int BASE_DPI = 96;
    /** What the run commands write: paper style, PNG and SVG, default size. */
    public static final Rendering DEFAULT = new Rendering(Style.PAPER, EnumSet.of(Format.PNG, Format.SVG), 0, 0,
            BASE_DPI);

    /** Figure file formats. */
    public enum Format {
        PNG, SVG, PDF;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses "png,svg,pdf" (any case, spaces allowed). */
        public static Set<Format> parseList(String text) {
            Set<Format> out = EnumSet.noneOf(Format.class);
            List<String> unknown = new ArrayList<>();
            for (String part : (text == null ? "" : text).split(",")) {
                String p = part.trim();
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    out.add(valueOf(p.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    unknown.add(p);
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown figure format '" + String.join(",", unknown)
                        + "'; use png, svg or pdf (e.g. --format png,svg,pdf)");
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no figure format given; use png, svg or pdf");
            }
            return out;
        }
    }

    public Rendering {
        formats = formats == null || formats.isEmpty() ? EnumSet.noneOf(Format.class) : EnumSet.copyOf(formats);
        if (style == null) {
            style = Style.PAPER;
        }
        // 0: the style's size
        checkSize(widthPx == 0 ? null : widthPx, heightPx == 0 ? null : heightPx);
        if (dpi < 24 || dpi > 1200) {
            throw new IllegalArgumentException("--dpi must be between 24 and 1200, was " + dpi);
        }
        // a PNG is drawn in memory, 4 bytes per image pixel: refused up front, not an error mid-drawing
        double pixels = (widthPx > 0 ? widthPx : style.defaultWidthPx()) * (dpi / (double) BASE_DPI)
                * (heightPx > 0 ? heightPx : style.defaultHeightPx()) * (dpi / (double) BASE_DPI);
        if (pixels > MAX_IMAGE_PIXELS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "a PNG of this size and --dpi "
                    + "(one is drawn for the report whatever --format says) has %.0f megapixels (%.0f MB to draw), more "
                    + "than the %d megapixels accepted; lower --dpi, --width or --height", pixels / 1e6, 4 * pixels / 1e6,
                    MAX_IMAGE_PIXELS / 1_000_000));
        }
    }

    /**
     * Refuses a figure size given on the command line (null: not given) outside {@link #MIN_PX} to
     * {@link #MAX_PX}: below it a figure is all title and subtitle, its plot squeezed out.
     */
    public static void checkSize(Integer widthPx, Integer heightPx) {
        if (widthPx != null && (widthPx < MIN_PX || widthPx > MAX_PX) || heightPx != null && (heightPx < MIN_PX
                || heightPx > MAX_PX)) {
            throw new IllegalArgumentException("--width and --height must be between " + MIN_PX + " and " + MAX_PX
                    + " px (a figure's titles, axes and plot need that room), was " + (widthPx == null ? "default"
                    : widthPx) + " x " + (heightPx == null ? "default" : heightPx));
        }
    }

    /** Smallest and largest figure size accepted (px). */
    static final int MIN_PX = 320;
    static final int MAX_PX = 20_000;
    /** Image pixels of one PNG at most (256 MB of ARGB while it is drawn). */
    static final long MAX_IMAGE_PIXELS = 64_000_000;

    /** Output width in px. */
    public int width() {
        return widthPx > 0 ? widthPx : style.defaultWidthPx();
    }

    /** Output height in px of a figure whose layout needs {@code logicalHeightPx} (0: default height). */
    public int height(int logicalHeightPx) {
        return heightPx > 0 ? heightPx : style.heightFor(logicalHeightPx);
    }

    /** Image pixels per px of a PNG. */
    public double pixelScale() {
        return dpi / (double) BASE_DPI;
    }
}
