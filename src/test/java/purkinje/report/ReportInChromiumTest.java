package purkinje.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.cli.PurkinjeCommand;

/**
 * Every kind of report opened in a real browser (headless Chromium): no console error, no
 * exception, no request other than the file itself and its data: images, every image decoded,
 * the headline present. Screenshots go to target/report-screenshots/. Skipped, saying why, only
 * where Chromium is not installed or does not start.
 */
class ReportInChromiumTest {
    static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

    @TempDir
    static Path dir;
    static HeadlessChromium browser;
    static String unavailable;

    @BeforeAll
    static void startBrowser() {
        Path binary = HeadlessChromium.binary();
        if (binary == null) {
            unavailable = "Chromium is not installed (apt-get install chromium); browser test skipped";
            return;
        }
        try {
            browser = HeadlessChromium.start(binary, 1200, 3000);
        } catch (IOException | InterruptedException e) {
            unavailable = "Chromium could not be started: " + e.getMessage();
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyKindOfReportRendersCleanly() throws IOException, InterruptedException {
        assumeTrue(browser != null, () -> unavailable);
        Map<String, Path> reports = new LinkedHashMap<>();
        reports.put("compare", ReportFixtures.compare(dir));
        reports.put("fi", ReportFixtures.fi(dir));
        Path validation = ReportFixtures.validation(dir, false);
        Reports.render(validation, purkinje.plot.Rendering.DEFAULT, true, "v");
        reports.put("validate", validation);
        reports.put("sweep", ReportFixtures.sweep(dir));
        Path slides = dir.resolve("slides");
        Files.createDirectories(slides);
        for (String f : new String[] {"manifest.json", "cells.csv", "summary.csv", "comparison.json", "spikes.csv",
            "voltage.csv"}) {
            Files.copy(reports.get("compare").resolve(f), slides.resolve(f));
        }
        assertEquals(0, PurkinjeCommand.execute("plot", slides.toString(), "--style", "slides", "--quiet"));
        reports.put("compare-slides", slides);
        Map<String, Integer> expectedImages = Map.of("compare", 5, "fi", 1, "validate", 1, "sweep", 5,
                "compare-slides", 5);

        for (Map.Entry<String, Path> e : reports.entrySet()) {
            String kind = e.getKey();
            HeadlessChromium.PageCheck c = browser.load(e.getValue().resolve("report.html"),
                    SCREENSHOTS.resolve(kind + ".png"));
            assertTrue(c.consoleErrors().isEmpty(), kind + ": " + c.consoleErrors());
            assertTrue(c.brokenImages().isEmpty(), kind + ": images not rendered: " + c.brokenImages());
            assertEquals(expectedImages.get(kind), c.images(), kind + ": images");
            for (String url : c.requests()) {
                assertTrue(url.startsWith("file:") || url.startsWith("data:"), kind + " fetched " + url);
            }
            String headline = c.headline();
            assertTrue(headline.length() > 40, kind + ": headline '" + headline + "'");
            assertTrue(Files.readString(e.getValue().resolve("report.html")).replaceAll("</?span[^>]*>", "")
                    .contains(Html.esc(headline)), kind + ": headline in the DOM is the page's");
            assertTrue(Files.size(SCREENSHOTS.resolve(kind + ".png")) > 10_000, kind + ": screenshot");
        }
    }

    /** The check itself: a broken image, a script error and a request to fetch are all caught. */
    @Test
    void theCheckCatchesBrokenImagesErrorsAndFetches() throws IOException, InterruptedException {
        assumeTrue(browser != null, () -> unavailable);
        Path page = dir.resolve("bad.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p id=\"headline\">x</p>"
                + "<img alt=\"broken\" src=\"data:image/png;base64,AAAA\"><img alt=\"missing\" src=\"nope.png\">"
                + "<script>console.error('boom'); undefinedFunction();</script></body></html>");
        HeadlessChromium.PageCheck c = browser.load(page, SCREENSHOTS.resolve("negative-control.png"));
        assertEquals(java.util.List.of("broken", "missing"), c.brokenImages());
        assertTrue(c.consoleErrors().stream().anyMatch(m -> m.contains("boom")), c.consoleErrors().toString());
        assertTrue(c.consoleErrors().stream().anyMatch(m -> m.startsWith("exception")), c.consoleErrors().toString());
        assertTrue(c.requests().stream().anyMatch(u -> u.endsWith("nope.png")), c.requests().toString());
    }
}
