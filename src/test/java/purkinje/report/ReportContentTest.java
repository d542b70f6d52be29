package purkinje.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.io.Json;
import purkinje.plot.RateByConditionFigure;

/** report.html: the headline's numbers are those of summary.csv and comparison.json; the page is offline-safe. */
class ReportContentTest {
    @TempDir
    static Path dir;
    static Path compare;

    @BeforeAll
    static void run() throws IOException {
        compare = ReportFixtures.compare(dir);
    }

    @Test
    void compareHeadlineCarriesTheNumbersOfSummaryAndComparison() throws IOException {
        String html = Files.readString(compare.resolve("report.html"));
        List<String> summary = Files.readAllLines(compare.resolve("summary.csv"));
        double wt = Double.parseDouble(summary.get(1).split(",")[3]);
        double reduced = Double.parseDouble(summary.get(2).split(",")[3]);
        JsonNode c = Json.mapper().readTree(compare.resolve("comparison.json").toFile()).path("comparisons").get(0);
        double change = c.path("rate_change_percent").asDouble();
        double p = c.path("mann_whitney").path("p_value").asDouble();
        assertEquals(wt, c.path("reference_mean_rate_hz").asDouble(), 1e-12);

        Matcher m = Pattern.compile("<p class=\"headline\" id=\"headline\">(.*?)</p>").matcher(html);
        assertTrue(m.find(), "headline paragraph");
        // numbers are kept whole by spans (lines do not break inside "p = 1.7e-4"); the text is the same
        assertTrue(m.group(1).contains("<span class=\"nowrap\">p = "), m.group(1));
        String headline = m.group(1).replaceAll("</?span[^>]*>", "");
        String expected = String.format(Locale.ROOT, "The meis1-reduced cells fired %s %% %s than the wild-type cells: "
                + "%.1f vs %.1f Hz (mean per-cell rate), Mann-Whitney p = %s, 6 cells each.",
                Numbers.percent(change), change < 0 ? "less" : "more", reduced, wt, RateByConditionFigure.pValue(p));
        assertEquals(expected, headline);
        assertEquals(Math.round(Math.abs(100 * (reduced / wt - 1))), Math.round(Math.abs(change)));
    }

    @Test
    void pageIsSelfContainedWithFiguresTablesParametersAndReproducibility() throws IOException {
        String html = Files.readString(compare.resolve("report.html"));
        assertFalse(html.contains("http://") || html.contains("https://"), "no network address");
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("@import")
                || html.contains("url("), "nothing to fetch");
        for (String fig : List.of("rates", "raster", "voltage-traces", "isi-histogram", "population-rate")) {
            assertTrue(html.contains("<figure id=\"fig-" + fig + "\">\n<img src=\"data:image/png;base64,"), fig);
        }
        assertTrue(html.contains("Firing per condition (summary.csv)"));
        assertTrue(html.contains("<td>cell.tau_m</td><td>47 ms</td><td>mouse Purkinje cell E-GLIF (Geminiani"));
        assertTrue(html.contains("<td>cell.t_ref</td><td>1 ms</td><td>assumption</td>"));
        JsonNode manifest = Json.mapper().readTree(compare.resolve("manifest.json").toFile());
        assertTrue(html.contains(manifest.path("config_sha256").asText()));
        assertTrue(html.contains("<code>7</code>"), "seed");
        assertTrue(html.contains("purkinje compare --config "), "command line");
    }

    @Test
    void noFiguresReportSaysSo() throws IOException {
        Path c = dir.resolve("compare.yaml");
        Path out = dir.resolve("nofig");
        assertEquals(0, purkinje.cli.PurkinjeCommand.execute("compare", "--config", c.toString(), "--out",
                out.toString(), "--quiet", "--no-figures"));
        assertFalse(Files.exists(out.resolve("figures")));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("id=\"figures-skipped\">Figures were skipped (--no-figures)"), html);
        assertTrue(html.contains("fired"));
    }

    @Test
    void validationHeadlinesNamePassOrTheFailingCases() throws IOException {
        Path pass = ReportFixtures.validation(dir, true);
        Path fail = ReportFixtures.validation(dir, false);
        Reports.render(pass, purkinje.plot.Rendering.DEFAULT, true, "v");
        Reports.render(fail, purkinje.plot.Rendering.DEFAULT, true, "v");
        // the page's text, without the spans that keep numbers whole
        String ok = Files.readString(pass.resolve("report.html")).replaceAll("</?span[^>]*>", "");
        assertTrue(ok.contains("All 3 checks of 2 cases pass"), ok);
        String bad = Files.readString(fail.resolve("report.html")).replaceAll("</?span[^>]*>", "");
        assertTrue(bad.contains("1 of 3 checks fail: siegert-white isi_cv (+6.60 %, tolerance 2.00 %)."), bad);
        // names from the CSV are escaped, never markup
        assertTrue(bad.contains("deterministic-&lt;fi&gt;&amp;1"));
        assertFalse(bad.contains("deterministic-<fi>"));
    }

    @Test
    void escapingCoversMarkupAndQuotes() {
        assertEquals("a&lt;b&gt;&amp;&quot;c&#39;", Html.esc("a<b>&\"c'"));
    }

    @Test
    void fiHeadlineGivesRheobaseShiftAndRateAtPace() throws IOException {
        Path fi = ReportFixtures.fi(dir);
        String html = Files.readString(fi.resolve("report.html"));
        ResultFiles.Table rb = ResultFiles.open(fi).csv("rheobase.csv");
        double wt = rb.number(0, "rheobase_injected_pA");
        double red = rb.number(1, "rheobase_injected_pA");
        assertTrue(html.contains(String.format(Locale.ROOT, "The meis1-reduced cells need %.1f pA more injected "
                + "current than the wild-type cells to start firing (rheobase %+.1f vs %+.1f pA", red - wt, red, wt)),
                html.substring(0, 3000));
        assertTrue(html.contains("at their own I_pace (0 pA injected) they fire"));
        assertFalse(html.contains("http://") || html.contains("https://"));
    }

    /** The captions say what the figures draw: a band or bars; a raster that shows every spike says so. */
    @Test
    void captionsMatchWhatTheFiguresDraw() throws IOException {
        Path own = Files.createDirectories(dir.resolve("captions"));
        String base = "seed: 11\nduration: 1 s\ncells_per_condition: 3\nsweep:\n";
        String line = sweepReport(own, "line", base + "  parameters:\n    noise.sigma_v: {from: 1 mV, to: 3 mV, steps: 3}\n");
        assertTrue(line.contains("the shaded band is the 95 % confidence interval of the mean"), "a line: a band");
        assertFalse(line.contains("bars are 95 %"), "no bars are drawn along a line");
        String scattered = sweepReport(own, "scattered", base + "  design: random\n  samples: 4\n  parameters:\n"
                + "    noise.sigma_v: {from: 1 mV, to: 3 mV}\n    meis1.I_pace: {from: 0.4, to: 0.8}\n");
        assertTrue(scattered.contains("bars are 95 % confidence intervals of the mean"), "scattered points: bars");

        String raster = Files.readString(compare.resolve("report.html"));
        assertTrue(raster.contains("Shown: the whole 2 s run, every cell (every spike of the run; a shorter purkinje "
                + "plot --raster-window or fewer --raster-cells show single spikes)"), "a raster of everything");
        assertFalse(raster.contains("so single spikes can be told apart"));
    }

    private static String sweepReport(Path own, String name, String config) throws IOException {
        Path c = Files.writeString(own.resolve(name + ".yaml"), "name: " + name + "\n" + config);
        Path out = own.resolve(name);
        assertEquals(0, purkinje.cli.PurkinjeCommand.execute("sweep", c.toString(), "--out", out.toString(), "--quiet"));
        return Files.readString(out.resolve("report.html"));
    }

    /**
     * The headline's lowest and highest rate name a point the reader finds in points.csv with that
     * rate: the reference of a dosage sweep was placed at its own dosage (1), not at the point's.
     */
    @Test
    void sweepHeadlinePlacesAreRowsOfPointsCsv() throws IOException {
        Path own = Files.createDirectories(dir.resolve("places"));
        String html = sweepReport(own, "places", "seed: 4\nduration: 2 s\ncells_per_condition: 4\nsweep:\n"
                + "  parameters:\n    meis1_dosage: [0.4, 1]\n    noise.sigma_v: [1 mV, 4 mV]\n");
        // "(point 0: meis1-reduced, MEIS1 dosage = 0.4, ...)" or "(point 3: MEIS1 dosage = 1, ...; wild-type, the reference, ...)"
        Matcher m = Pattern.compile("ranges from ([0-9.]+) Hz \\(point (\\d+): (?:[^;)]*; )?([a-z0-9-]+),[^)]*\\) "
                + "to ([0-9.]+) Hz \\(point (\\d+): (?:[^;)]*; )?([a-z0-9-]+),").matcher(html.replaceAll("</?span[^>]*>", ""));
        assertTrue(m.find(), html.substring(0, 3000));
        ResultFiles.Table points = ResultFiles.open(own.resolve("places")).csv("points.csv");
        for (int g : new int[] {1, 4}) {
            String value = m.group(g);
            String point = m.group(g + 1);
            String condition = m.group(g + 2);
            boolean found = false;
            for (int i = 0; i < points.size(); i++) {
                if (points.text(i, "point").equals(point) && points.text(i, "condition").equals(condition)) {
                    assertEquals(value, Numbers.value(points.number(i, "mean_rate_hz")), m.group());
                    found = true;
                }
            }
            assertTrue(found, "point " + point + " of " + condition + " is a row of points.csv: " + m.group());
        }
        assertTrue(html.contains("; wild-type, the reference, at dosage 1 throughout)")
                || !m.group(3).equals("wild-type") && !m.group(6).equals("wild-type"), m.group());
    }

    @Test
    void sweepHeadlineDescribesTheRange() throws IOException {
        Path sweep = ReportFixtures.sweep(dir);
        String html = Files.readString(sweep.resolve("report.html"));
        assertTrue(html.contains("Across 6 points varying membrane noise sigma_V and MEIS1: pacemaking current I_pace "
                + "at dosage 0, the mean rate ranges from"),
                html.substring(0, 3000));
        assertTrue(Files.isRegularFile(sweep.resolve("figures/heatmap-wild-type.png")));
        assertTrue(Files.isRegularFile(sweep.resolve("figures/heatmap-change-meis1-reduced.png")));
        assertFalse(html.contains("http://") || html.contains("https://"));
    }
}
