package purkinje.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import org.jfree.chart.JFreeChart;
import org.w3c.dom.Document;

/** Shared checks for written figures. */
final class FigureTestSupport {

    static final int W = 640;
    static final int H = 420;

    private FigureTestSupport() {
    }

    /** Writes the chart, checks both files and returns the decoded PNG. */
    static BufferedImage writeAndCheck(JFreeChart chart, Path dir, String name, String... svgTexts)
            throws Exception {
        List<Path> paths = FigureWriter.write(chart, dir, name, W, H);
        assertEquals(List.of(dir.resolve(name + ".png"), dir.resolve(name + ".svg")), paths);
        BufferedImage img = ImageIO.read(paths.get(0).toFile());
        assertNotNull(img, "PNG decodes");
        assertEquals(W, img.getWidth());
        assertEquals(H, img.getHeight());
        assertTrue(distinctColours(img) > 3, "PNG is not blank");
        String svg = Files.readString(paths.get(1));
        Document doc = parseXml(paths.get(1));
        assertEquals("svg", doc.getDocumentElement().getLocalName() != null
                ? doc.getDocumentElement().getLocalName() : doc.getDocumentElement().getTagName());
        for (String text : svgTexts) {
            assertTrue(svg.contains(text), "SVG contains text '" + text + "'");
        }
        return img;
    }

    static Document parseXml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y) & 0xFFFFFF);
                if (seen.size() > 50) {
                    return seen.size();
                }
            }
        }
        return seen.size();
    }

    /** Number of pixels within a small tolerance of the given colour. */
    static int countPixels(BufferedImage img, Color c, int tolerance) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                if (Math.abs(r - c.getRed()) <= tolerance && Math.abs(g - c.getGreen()) <= tolerance
                        && Math.abs(b - c.getBlue()) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    static void assertHasConditionColours(BufferedImage img, int conditions) throws IOException {
        for (int i = 0; i < conditions; i++) {
            int n = countPixels(img, ConditionPalette.colour(i), 12);
            assertTrue(n > 20, "colour of condition " + i + " present, found " + n + " px");
        }
    }
}
