package purkinje.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.cli.PurkinjeCommand;
import purkinje.io.Json;
import purkinje.report.HeadlessChromium;

/**
 * The lab in a real browser (headless Chromium over its DevTools protocol): the page loads,
 * dragging the dosage slider from 1 to 0 lowers the reduced condition's shown rate, the shown
 * rates equal what {@code purkinje compare} gives for the saved config, no console errors, and no
 * request leaves 127.0.0.1. Writes the README's screenshot to target/lab-screenshots/lab.png
 * (docs/lab.png is a copy).
 * Skipped, saying why, where Chromium is not installed or does not start.
 */
class LabInChromiumTest {
    static final Path SCREENSHOT = Path.of("target", "lab-screenshots", "lab.png");
    static final String REDUCED = "meis1-reduced";

    @TempDir
    Path dir;

    @Test
    void draggingTheDosageChangesTheShownRateAsCompareDoes() throws Exception {
        Path binary = HeadlessChromium.binary();
        assumeTrue(binary != null, "Chromium is not installed (apt-get install chromium); browser test skipped");
        HeadlessChromium browser;
        try {
            browser = HeadlessChromium.start(binary, 1400, 1800);
        } catch (IOException e) {
            assumeTrue(false, "Chromium could not be started: " + e.getMessage());
            return;
        }
        try (browser; LabServer server = new LabServer(LabTest.lab("demo.yaml"), InetAddress.getLoopbackAddress(), 0)) {
            browser.navigate(server.url());
            String startDosage = awaitShown(browser, null);
            assertEquals("0.5", startDosage);

            drag(browser, 0.5, 1.0);
            assertEquals("1", awaitShown(browser, "1"));
            double atOne = shownRate(browser, REDUCED);
            double wildType = shownRate(browser, "wild-type");
            drag(browser, 1.0, 0.0);
            assertEquals("0", awaitShown(browser, "0"));
            double atZero = shownRate(browser, REDUCED);
            // I_pace at dosage 0 is 0.6 x wild type: the reduced cells fire far less (theory 14.95 vs ~3 Hz)
            assertTrue(atZero < 0.6 * atOne, atZero + " Hz at dosage 0 vs " + atOne + " Hz at dosage 1");
            assertEquals(wildType, shownRate(browser, "wild-type"), 0.0, "the wild type does not move");

            // the saved config, run by compare, gives the numbers the page shows
            String href = browser.evaluate("document.getElementById('save-config').href").asText();
            assertTrue(href.startsWith(server.url() + "api/config?"), href);
            String yaml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Path config = dir.resolve("lab.yaml");
            Files.writeString(config, yaml);
            Path out = dir.resolve("compare");
            assertEquals(0, PurkinjeCommand.execute("compare", "--config", config.toString(), "--out", out.toString(),
                    "--quiet", "--no-figures"));
            List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
            List<String> header = List.of(summary.get(0).split(","));
            for (String row : summary.subList(1, summary.size())) {
                String[] v = row.split(",");
                String name = v[header.indexOf("condition")];
                String expected = String.format(Locale.ROOT, "%.2f", Double.parseDouble(v[header.indexOf("mean_rate_hz")]));
                assertEquals(expected, browser.evaluate("document.getElementById('rate-" + name + "').textContent")
                        .asText(), "rate of " + name);
            }

            browser.evaluate("window.scrollTo(0, 0)");
            browser.screenshot(SCREENSHOT);
            List<String> errors = new ArrayList<>();
            List<String> requests = new ArrayList<>();
            browser.collect(errors, requests);
            // the page aborts a run it no longer waits for (a newer one supersedes it): not an error
            errors.removeIf(e -> e.startsWith("load failed: net::ERR_ABORTED " + server.url() + "api/run?"));
            assertTrue(errors.isEmpty(), errors.toString());
            assertTrue(requests.size() >= 4, requests.toString());
            for (String r : requests) {
                assertTrue(r.startsWith(server.url()) || r.startsWith("data:"), "request left the lab: " + r);
            }
        }
    }

    /** Waits until the page shows a result (for dosage {@code dosage}, if given) and returns its dosage. */
    private static String awaitShown(HeadlessChromium b, String dosage) throws IOException, InterruptedException {
        String condition = "document.body.dataset.state === 'idle'"
                + (dosage == null ? "" : " && document.body.dataset.shownDosage === '" + dosage + "'");
        JsonNode r = b.evaluate("new Promise(function (resolve) { var t0 = Date.now(); (function poll() {"
                + " if (" + condition + ") { resolve(document.body.dataset.shownDosage); }"
                + " else if (document.body.dataset.state === 'error') { resolve('error: '"
                + " + document.getElementById('message').textContent); }"
                + " else if (Date.now() - t0 > 90000) { resolve('timeout: ' + document.body.dataset.state); }"
                + " else { setTimeout(poll, 20); } })(); })");
        return r.asText();
    }

    private static double shownRate(HeadlessChromium b, String condition) throws IOException, InterruptedException {
        return Double.parseDouble(b.evaluate("document.getElementById('rate-" + condition + "').textContent").asText());
    }

    /** Drags the slider's thumb with the mouse from one value to another and releases it. */
    private static void drag(HeadlessChromium b, double from, double to) throws IOException, InterruptedException {
        JsonNode rect = b.evaluate("(function () { var r = document.getElementById('dosage').getBoundingClientRect();"
                + " return {x: r.left, y: r.top + r.height / 2, w: r.width}; })()");
        // the thumb's centre runs from half a thumb width inside the left end to as far inside the right end
        double thumb = 16;
        double x0 = rect.path("x").asDouble() + thumb / 2;
        double span = rect.path("w").asDouble() - thumb;
        double y = rect.path("y").asDouble();
        mouse(b, "mousePressed", x0 + from * span, y, 1);
        int steps = 10;
        for (int i = 1; i <= steps; i++) {
            double v = from + (to - from) * i / steps;
            mouse(b, "mouseMoved", x0 + v * span + (to > from ? 4 : -4) * (i == steps ? 1 : 0), y, 1);
        }
        mouse(b, "mouseReleased", x0 + to * span + (to > from ? 4 : -4), y, 0);
    }

    private static void mouse(HeadlessChromium b, String type, double x, double y, int buttons)
            throws IOException, InterruptedException {
        ObjectNode p = Json.mapper().createObjectNode();
        p.put("type", type);
        p.put("x", x);
        p.put("y", y);
        p.put("button", "left");
        p.put("buttons", buttons);
        p.put("clickCount", 1);
        b.command("Input.dispatchMouseEvent", p);
    }
}
