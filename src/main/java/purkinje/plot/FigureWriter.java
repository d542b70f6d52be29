package purkinje.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
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
        Files.write(file, png(chart, widthPx, heightPx, 1.0, 1.0));
        return file;
    }

    /**
     * The chart as PNG bytes.
     *
     * @param widthPx    output width in px
     * @param heightPx   output height in px
     * @param scale      style scale: the chart is laid out on (size / scale) and drawn scaled (see {@link Style})
     * @param pixelScale image pixels per px (resolution; 2 gives a 2x image for print)
     */
    public static byte[] png(JFreeChart chart, int widthPx, int heightPx, double scale, double pixelScale)
            throws IOException {
        int w = Math.max(1, (int) Math.round(widthPx * pixelScale));
        int h = Math.max(1, (int) Math.round(heightPx * pixelScale));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, w, h);
            g2.scale(scale * pixelScale, scale * pixelScale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, widthPx / scale, heightPx / scale));
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /**
     * Writes an SVG of the chart to {@code file}. All text, including the rotated y-axis labels, is
     * kept as SVG {@code <text>} elements (searchable, editable): JFreeChart's rotated-string
     * workaround, which would turn rotated labels into glyph outlines, is switched off only while
     * the SVG is drawn and restored afterwards.
     */
    public static Path writeSvg(JFreeChart chart, Path file, int widthPx, int heightPx) throws IOException {
        return writeSvg(chart, file, widthPx, heightPx, 1.0);
    }

    /** Writes an SVG of the chart drawn at the given style scale (see {@link Style}). */
    public static Path writeSvg(JFreeChart chart, Path file, int widthPx, int heightPx, double scale)
            throws IOException {
        String name = file.getFileName().toString();
        SVGUtils.writeToSVG(file.toFile(), svgElement(chart, name.substring(0, name.lastIndexOf('.') > 0
                ? name.lastIndexOf('.') : name.length()).replaceAll("[^A-Za-z0-9_-]", "_") + "-", widthPx, heightPx,
                scale));
        return file;
    }

    /**
     * The chart as an SVG {@code <svg>} element, as {@link #writeSvg} writes it (e.g. for a web page).
     *
     * @param idPrefix prefix of the ids in the SVG's defs (the default comes from the clock; a fixed
     *                 one keeps same-input SVGs byte-identical)
     */
    public static String svgElement(JFreeChart chart, String idPrefix, int widthPx, int heightPx, double scale) {
        SVGGraphics2D g2 = new SVGGraphics2D(widthPx, heightPx);
        g2.setDefsKeyPrefix(idPrefix);
        // 2 decimals are plenty at pixel scale and keep dense rasters/traces small
        g2.setGeomDoubleConverter(SVGUtils.createDoubleConverter(SVG_DECIMALS));
        g2.setTransformDoubleConverter(SVGUtils.createDoubleConverter(SVG_DECIMALS + 2));
        g2.scale(scale, scale);
        drawWithTextAsText(chart, g2, widthPx / scale, heightPx / scale);
        return g2.getSVGElement();
    }

    /** Writes a one-page PDF of the chart (vector; 1 px = 0.75 pt, so the page has the figure's size at 96 dpi). */
    public static Path writePdf(JFreeChart chart, Path file, int widthPx, int heightPx, double scale)
            throws IOException {
        double pt = 72.0 / Rendering.BASE_DPI;
        PDFDocument doc = new PDFDocument();
        doc.setTitle(chart.getTitle() != null ? chart.getTitle().getText() : file.getFileName().toString());
        doc.setAuthor("purkinje");
        Page page = doc.createPage(new Rectangle2D.Double(0, 0, widthPx * pt, heightPx * pt));
        PDFGraphics2D g2 = page.getGraphics2D();
        g2.scale(scale * pt, scale * pt);
        drawWithTextAsText(chart, g2, widthPx / scale, heightPx / scale);
        Files.write(file, withoutDates(doc.getPDFBytes()));
        return file;
    }

    /** The Info dictionary's date entries, which JFreePDF fills with the clock (and misformats: "+00'0'"). */
    private static final String[] PDF_DATE_KEYS = {"/CreationDate (", "/ModDate ("};

    /**
     * The PDF without its creation and modification dates, so that the same figure gives the same
     * bytes on every redraw. Each entry is overwritten by spaces, which keeps every byte offset of
     * the cross-reference table valid; both entries are optional in a PDF (ISO 32000-1, 14.3.3).
     */
    static byte[] withoutDates(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1); // one char per byte
        for (String key : PDF_DATE_KEYS) {
            int start = text.indexOf(key);
            int end = start < 0 ? -1 : text.indexOf(')', start);
            if (end > start) {
                Arrays.fill(pdf, start, end + 1, (byte) ' ');
            }
        }
        return pdf;
    }

    private static void drawWithTextAsText(JFreeChart chart, Graphics2D g2, double width, double height) {
        synchronized (FigureWriter.class) {
            boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
            TextUtils.setUseDrawRotatedStringWorkaround(false);
            try {
                chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
            } finally {
                TextUtils.setUseDrawRotatedStringWorkaround(workaround);
            }
        }
    }

    /** What {@link #write(JFreeChart, Path, String, int, Rendering)} wrote. */
    public record Written(List<Path> files, byte[] png, int widthPx, int heightPx) {
    }

    /**
     * Writes {@code directory/baseName.EXT} in every format of {@code rendering}, creating the
     * directory if needed, and returns the files with the PNG bytes (rendered even when PNG is not
     * among the formats, for reports).
     *
     * @param logicalHeightPx height the figure's layout needs (e.g. one row per case), 0 for the default
     */
    public static Written write(JFreeChart chart, Path directory, String baseName, int logicalHeightPx,
                                Rendering rendering) throws IOException {
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(directory, "directory");
        if (baseName == null || baseName.isBlank()) {
            throw new IllegalArgumentException("baseName must not be blank");
        }
        int w = rendering.width();
        int h = rendering.height(logicalHeightPx);
        double scale = rendering.style().scale();
        Files.createDirectories(directory);
        List<Path> files = new ArrayList<>();
        byte[] png = png(chart, w, h, scale, rendering.pixelScale());
        for (Rendering.Format f : rendering.formats()) {
            Path file = directory.resolve(baseName + "." + f.extension());
            switch (f) {
                case PNG -> Files.write(file, png);
                case SVG -> writeSvg(chart, file, w, h, scale);
                case PDF -> writePdf(chart, file, w, h, scale);
                default -> throw new IllegalStateException(f.name());
            }
            files.add(file);
        }
        return new Written(List.copyOf(files), png, w, h);
    }
}
