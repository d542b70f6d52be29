package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import purkinje.report.ReportFixtures;

/** {@code purkinje plot}: redraws from the files alone; bad input exits 2 and changes nothing. */
class PlotCommandTest {
    static final List<String> COMPARE_FIGURES = List.of("rates", "raster", "voltage-traces", "isi-histogram",
            "population-rate");

    @TempDir
    static Path dir;
    static Path compare;

    @BeforeAll
    static void run() throws IOException {
        compare = ReportFixtures.compare(dir);
    }

    /** A copy holding only the tables and manifest: no figures, no report, no config file. */
    private static Path tablesOnly(Path from, String name) throws IOException {
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        for (String f : List.of("manifest.json", "cells.csv", "summary.csv", "comparison.json", "spikes.csv",
                "population-rate.csv", "voltage.csv", "fi.csv", "rheobase.csv", "validation.csv", "points.csv")) {
            if (Files.exists(from.resolve(f))) {
                Files.copy(from.resolve(f), to.resolve(f));
            }
        }
        return to;
    }

    @Test
    void redrawsEveryFigureInPngSvgAndPdfFromACopiedFolder() throws IOException {
        Path copy = tablesOnly(compare, "copy");
        assertFalse(Files.exists(copy.resolve("figures")));
        assertEquals(0, PurkinjeCommand.execute("plot", copy.toString(), "--format", "png,svg,pdf", "--quiet"));
        for (String fig : COMPARE_FIGURES) {
            Path png = copy.resolve("figures/" + fig + ".png");
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(900, img.getWidth(), fig);
            assertTrue(Files.readString(copy.resolve("figures/" + fig + ".svg")).contains("<svg"), fig);
            byte[] pdf = Files.readAllBytes(copy.resolve("figures/" + fig + ".pdf"));
            assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII), fig);
        }
        // the redrawn PNGs equal the ones the run drew: one code path
        for (String fig : COMPARE_FIGURES) {
            assertArrayEquals(Files.readAllBytes(compare.resolve("figures/" + fig + ".png")),
                    Files.readAllBytes(copy.resolve("figures/" + fig + ".png")), fig);
        }
        String html = Files.readString(copy.resolve("report.html"));
        assertTrue(html.contains("fired"));
        assertFalse(html.contains("http://") || html.contains("https://"));
        assertNoTempFolders(copy);
    }

    @Test
    void pdfFiguresAreTheSameBytesOnEveryRedrawAndTheirOffsetsHold() throws IOException {
        Path first = tablesOnly(compare, "pdf-a");
        Path second = tablesOnly(compare, "pdf-b");
        assertEquals(0, PurkinjeCommand.execute("plot", first.toString(), "--format", "pdf", "--quiet"));
        sleepPastASecond(); // a clock-stamped date would now differ
        assertEquals(0, PurkinjeCommand.execute("plot", second.toString(), "--format", "pdf", "--quiet"));
        for (String fig : COMPARE_FIGURES) {
            byte[] pdf = Files.readAllBytes(first.resolve("figures/" + fig + ".pdf"));
            assertArrayEquals(pdf, Files.readAllBytes(second.resolve("figures/" + fig + ".pdf")), fig);
            String text = new String(pdf, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("/CreationDate") || text.contains("/ModDate"), fig);
            // every object the cross-reference table points at starts at its offset: the file still parses
            int xref = Integer.parseInt(text.substring(text.lastIndexOf("startxref") + 9).strip().split("\\s+")[0]);
            String[] table = text.substring(xref).split("\r?\n");
            assertEquals("xref", table[0].strip(), fig);
            int objects = Integer.parseInt(table[1].strip().split(" ")[1]);
            for (int n = 1; n < objects; n++) {
                int offset = Integer.parseInt(table[2 + n].substring(0, 10));
                assertTrue(text.startsWith(n + " 0 obj", offset), fig + ": object " + n + " at " + offset);
            }
        }
    }

    private static void sleepPastASecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void slidesAndDpiChangeTheImageSize() throws IOException {
        Path copy = tablesOnly(compare, "slides");
        assertEquals(0, PurkinjeCommand.execute("plot", copy.toString(), "--style", "slides", "--quiet"));
        BufferedImage img = ImageIO.read(copy.resolve("figures/rates.png").toFile());
        assertEquals(1024, img.getWidth());
        assertEquals(640, img.getHeight());
        assertEquals(0, PurkinjeCommand.execute("plot", copy.toString(), "--format", "png", "--width", "600",
                "--height", "400", "--dpi", "192", "--quiet"));
        img = ImageIO.read(copy.resolve("figures/rates.png").toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(800, img.getHeight());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "unknown format, --format=png;tiff",
        "unknown style, --style=poster",
        "bad dpi, --dpi=0",
        "bad width, --width=-5",
        // a 10 px figure was drawn (exit 0); a huge one ended in an internal error (NegativeArraySizeException)
        "too small, --width=10",
        "too many pixels, --width=8000|--height=8000|--dpi=192",
        "far too many pixels, --width=20000|--height=20000|--dpi=1200"})
    void badOptionsExitTwoAndLeaveFiguresByteIdentical(String what, String option) throws IOException {
        Map<String, byte[]> before = snapshot(compare);
        String err = runCapturingErr(java.util.stream.Stream.concat(java.util.stream.Stream.of("plot", compare.toString()),
                java.util.Arrays.stream(option.replace(';', ',').split("\\|"))).toArray(String[]::new));
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        assertTrue(err.startsWith("purkinje: "), err);
        assertSnapshot(before, snapshot(compare));
    }

    @Test
    void missingCsvExitsTwoAndLeavesFiguresByteIdentical() throws IOException {
        Path copy = tablesOnly(compare, "missing");
        assertEquals(0, PurkinjeCommand.execute("plot", copy.toString(), "--quiet"));
        Files.delete(copy.resolve("spikes.csv"));
        Map<String, byte[]> before = snapshot(copy);
        String err = runCapturingErr("plot", copy.toString(), "--style", "slides");
        assertTrue(err.contains("lacks spikes.csv"), err);
        assertEquals(1, err.strip().lines().count(), err);
        assertSnapshot(before, snapshot(copy));
        assertNoTempFolders(copy);
    }

    @Test
    void aFolderThatIsNotAResultExitsTwo() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(plain.resolve("notes.txt"), "mine");
        assertTrue(runCapturingErr("plot", plain.toString()).contains("is not a purkinje result folder"));
        assertTrue(runCapturingErr("plot", dir.resolve("nowhere").toString()).contains("is not a folder"));
        assertEquals(List.of("notes.txt"), Files.list(plain).map(p -> p.getFileName().toString()).toList());
    }

    /** Runs the command, expects exit 2, returns stderr. */
    private static String runCapturingErr(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = PurkinjeCommand.execute(args);
        } finally {
            System.setErr(old);
        }
        String err = buf.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, err);
        return err;
    }

    private static Map<String, byte[]> snapshot(Path folder) throws IOException {
        Map<String, byte[]> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return m;
    }

    private static void assertSnapshot(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    private static void assertNoTempFolders(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no hidden leftovers");
        }
    }
}
