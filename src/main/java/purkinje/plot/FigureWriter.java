package purkinje.plot;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

/**
 * Writes a chart as PNG and SVG. Works without a display (no window is ever opened); it does not
 * set {@code java.awt.headless} itself, so run with {@code -Djava.awt.headless=true} on servers.
 */
public final class FigureWriter {

    /** Default figure width in pixels. */
    public static final int DEFAULT_WIDTH_PX = 900;
    /** Default figure height in pixels. */
    public static final int DEFAULT_HEIGHT_PX = 600;
    /** Decimal places of SVG coordinates. */
    private static final int SVG_DECIMALS = 2;

    private FigureWriter() {
    }

    /** Writes {@code baseName.png} and {@code baseName.svg} at the default size. */
    public static List<Path> write(JFreeChart chart, Path directory, String baseName) throws IOException {
        return write(chart, directory, baseName, DEFAULT_WIDTH_PX, DEFAULT_HEIGHT_PX);
    }

    /**
     * Writes {@code directory/baseName.png} and {@code directory/baseName.svg}, creating the
     * directory if needed.
     *
     * @return the two written paths, PNG first
     */
    public static List<Path> write(JFreeChart chart, Path directory, String baseName, int widthPx, int heightPx)
            throws IOException {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(directory, "directory");
        if (baseName == null || baseName.isBlank()) {
            throw new IllegalArgumentException("baseName must not be blank");
        }
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("size must be positive: " + widthPx + "x" + heightPx);
        }
        Files.createDirectories(directory);
        Path png = directory.resolve(baseName + ".png");
        Path svg = directory.resolve(baseName + ".svg");
        writePng(chart, png, widthPx, heightPx);
        writeSvg(chart, svg, widthPx, heightPx);
        return List.of(png, svg);
    }

    /** Writes a PNG of the chart to {@code file}. */
    public static Path writePng(JFreeChart chart, Path file, int widthPx, int heightPx) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, widthPx, heightPx);
        return file;
    }

    /**
     * Writes an SVG of the chart to {@code file}. All text, including the rotated y-axis labels, is
     * kept as SVG {@code <text>} elements (searchable, editable): JFreeChart's rotated-string
     * workaround, which would turn rotated labels into glyph outlines, is switched off only while
     * the SVG is drawn and restored afterwards.
     */
    public static Path writeSvg(JFreeChart chart, Path file, int widthPx, int heightPx) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(widthPx, heightPx);
        // the default id prefix comes from the clock; a fixed one keeps same-input SVGs byte-identical
        String name = file.getFileName().toString();
        g2.setDefsKeyPrefix(name.substring(0, name.lastIndexOf('.') > 0 ? name.lastIndexOf('.') : name.length())
                .replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        // 2 decimals are plenty at pixel scale and keep dense rasters/traces small
        g2.setGeomDoubleConverter(SVGUtils.createDoubleConverter(SVG_DECIMALS));
        g2.setTransformDoubleConverter(SVGUtils.createDoubleConverter(SVG_DECIMALS + 2));
        synchronized (FigureWriter.class) {
            boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
            TextUtils.setUseDrawRotatedStringWorkaround(false);
            try {
                chart.draw(g2, new Rectangle(0, 0, widthPx, heightPx));
            } finally {
                TextUtils.setUseDrawRotatedStringWorkaround(workaround);
            }
        }
        SVGUtils.writeToSVG(file.toFile(), g2.getSVGElement());
        return file;
    }
}
