package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line end to end on a small config. */
class CompareCommandTest {
    @TempDir
    Path dir;

    private Path config(String extra) throws IOException {
        Path c = dir.resolve("small.yaml");
        Files.writeString(c, "name: small\nseed: 7\nduration: 2 s\ncells_per_condition: 6\n" + extra);
        return c;
    }

    private int run(String... args) {
        return PurkinjeCommand.execute(args);
    }

    @Test
    void writesEveryFileAndFigure() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, run("compare", "--config", config("").toString(), "--out", out.toString(), "--quiet"));
        for (String f : List.of("manifest.json", "cells.csv", "summary.csv", "comparison.json", "spikes.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        for (String fig : List.of("rates", "raster", "voltage-traces", "isi-histogram", "population-rate")) {
            BufferedImage img = ImageIO.read(out.resolve("figures/" + fig + ".png").toFile());
            assertNotNull(img, fig);
            assertTrue(Files.readString(out.resolve("figures/" + fig + ".svg")).contains("<svg"), fig);
        }
        List<String> cells = Files.readAllLines(out.resolve("cells.csv"));
        assertEquals("condition,cell,meis1_dosage,I_pace_pA,n_spikes,rate_hz,isi_mean_ms,isi_sd_ms,isi_cv,cv2,lv,"
                + "fano_factor_1s", cells.get(0));
        assertEquals(1 + 12, cells.size());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("purkinje", manifest.get("tool").asText());
        assertEquals("20 pF", manifest.get("config").get("cell").get("C_m").asText());
        JsonNode cmp = new ObjectMapper().readTree(out.resolve("comparison.json").toFile()).get("comparisons").get(0);
        assertEquals("wild-type", cmp.get("reference").asText());
        assertTrue(cmp.get("rate_change_percent").asDouble() < 0, "reduced MEIS1 fires less");
        // no staging folders left behind
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".partial-")));
        }
    }

    @Test
    void threadCountDoesNotChangeAnyOutputByte() throws IOException {
        Path c = config("");
        Path one = dir.resolve("t1");
        Path two = dir.resolve("t2");
        assertEquals(0, run("compare", "--config", c.toString(), "--out", one.toString(), "--threads", "1", "--quiet"));
        assertEquals(0, run("compare", "--config", c.toString(), "--out", two.toString(), "--threads", "2", "--quiet"));
        for (String f : List.of("cells.csv", "summary.csv", "comparison.json", "spikes.csv", "figures/rates.png",
                "figures/raster.svg")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        }
    }

    @Test
    void vectorAndOneCellEnginesWriteTheSameBytes() throws Exception {
        // this JVM runs lane groups for every run (surefire: -Dpurkinje.vector=on); a child JVM
        // with the vector engine switched off integrates every cell alone
        Path c = config("");
        Path lanes = dir.resolve("lanes");
        Path alone = dir.resolve("alone");
        assertEquals(0, run("compare", "--config", c.toString(), "--out", lanes.toString(), "--cells", "20", "--quiet",
                "--no-figures"));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Dpurkinje.vector=off", "-cp", SweepCommandTest.classPath(),
                "purkinje.cli.Main", "compare", "--config", c.toString(), "--out", alone.toString(), "--cells", "20",
                "--quiet", "--no-figures").redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertTrue(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "child finished");
        assertEquals(0, p.exitValue(), () -> {
            try {
                return Files.readString(dir.resolve("child.log"));
            } catch (IOException e) {
                return e.toString();
            }
        });
        for (String f : List.of("cells.csv", "summary.csv", "comparison.json", "spikes.csv", "voltage.csv")) {
            assertArrayEquals(Files.readAllBytes(lanes.resolve(f)), Files.readAllBytes(alone.resolve(f)), f);
        }
    }

    @Test
    void existingFolderNeedsForceAndForceKeepsUserFiles() throws IOException {
        Path c = config("");
        Path out = dir.resolve("out");
        assertEquals(0, run("compare", "--config", c.toString(), "--out", out.toString(), "--quiet"));
        Files.writeString(out.resolve("my-notes.txt"), "keep me");
        byte[] before = Files.readAllBytes(out.resolve("cells.csv"));
        assertEquals(2, run("compare", "--config", c.toString(), "--out", out.toString(), "--quiet", "--seed", "8"));
        assertArrayEquals(before, Files.readAllBytes(out.resolve("cells.csv")), "refused run changed nothing");
        assertEquals(0, run("compare", "--config", c.toString(), "--out", out.toString(), "--quiet", "--seed", "8",
                "--force"));
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("cells.csv"))));
        assertEquals("keep me", Files.readString(out.resolve("my-notes.txt")));
    }

    @Test
    void forceNeverReplacesAFolderTheToolDidNotWrite() throws IOException {
        Path out = dir.resolve("thesis");
        Files.createDirectories(out);
        Files.writeString(out.resolve("chapter1.tex"), "precious");
        assertEquals(2, run("compare", "--config", config("").toString(), "--out", out.toString(), "--quiet",
                "--force"));
        assertEquals("precious", Files.readString(out.resolve("chapter1.tex")));
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(1, s.count());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cell:\n  tau_m: 47\n", "cell:\n  tau_m: 5 mV\n", "cel:\n  tau_m: 5 ms\n",
        "dt: 2 ms\n", "conditions:\n  - name: x\n    meis1_dosage: 2\n"})
    void badConfigExitsTwoAndWritesNothing(String extra) throws IOException {
        Path out = dir.resolve("never");
        assertEquals(2, run("compare", "--config", config(extra).toString(), "--out", out.toString(), "--quiet"));
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the config file");
        }
    }

    @Test
    void badOptionsExitTwo() throws IOException {
        Path out = dir.resolve("never");
        String c = config("").toString();
        assertEquals(2, run("compare", "--config", c, "--out", out.toString(), "--duration", "5"));
        assertEquals(2, run("compare", "--config", c, "--out", out.toString(), "--cells", "0"));
        assertEquals(2, run("compare", "--config", c, "--out", out.toString(), "--threads", "0"));
        assertEquals(2, run("compare", "--config", dir.resolve("missing.yaml").toString()));
        assertEquals(2, run("compare", "--bogus"));
        assertEquals(2, run("nonsense"));
        assertFalse(Files.exists(out));
    }

    @Test
    void climbingFibreAddsSpikeKindsComplexColumnsAndTheTriggeredFigure() throws IOException {
        Path out = dir.resolve("cf");
        assertEquals(0, run("compare", "--config", config("inputs:\n  climbing_fibre:\n    rate: 2 Hz\n"
                + "    pause: 30 ms\n").toString(), "--out", out.toString(), "--quiet"));
        List<String> spikes = Files.readAllLines(out.resolve("spikes.csv"));
        assertEquals("condition,cell,time_s,kind", spikes.get(0));
        assertTrue(spikes.stream().anyMatch(l -> l.endsWith(",complex")));
        assertTrue(spikes.stream().anyMatch(l -> l.endsWith(",simple")));
        assertTrue(Files.readAllLines(out.resolve("cells.csv")).get(0)
                .endsWith("complex_spikes,complex_rate_hz,cs_pause_median_ms"));
        assertNotNull(ImageIO.read(out.resolve("figures/cs-triggered-rate.png").toFile()));
    }

    @Test
    void helpAndVersionExitZero() {
        assertEquals(0, run("--help"));
        assertEquals(0, run("--version"));
        assertEquals(0, run("compare", "--help"));
    }

    /**
     * A silent reference (no noise, I_pace below rheobase) has no percent change: comparison.json
     * said "NaN" in its CI (strings, where every other undefined number is null), the report "fired
     * n/a % more", the console "NaN %", the figure "n/a % (95 % CI n/a to n/a %)".
     */
    @Test
    void aSilentReferenceHasNoPercentChangeAndSaysSo() throws IOException {
        Path config = dir.resolve("silent.yaml");
        Files.writeString(config, "name: silent-ref\nseed: 3\nduration: 2 s\ncells_per_condition: 10\n"
                + "record:\n  spikes: false\n  voltage_cells: 0\ncell:\n  I_pace: 5 pA\nnoise:\n  sigma_v: 0 mV\n"
                + "meis1:\n  I_pace: 3\n");
        Path out = dir.resolve("silent");
        CommandLineTest.Run r = CommandLineTest.run("compare", "--config", config.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("meis1-reduced vs wild-type: rate change not defined (the wild-type cells are "
                + "silent)"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
        JsonNode c = new ObjectMapper().readTree(out.resolve("comparison.json").toFile()).path("comparisons").get(0);
        assertTrue(c.path("rate_change_percent").isNull());
        assertTrue(c.path("rate_change_ci95_percent").get(0).isNull(), c.toString());
        assertTrue(c.path("rate_change_ci95_percent").get(1).isNull(), c.toString());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("the wild-type cells are silent, so no percent change is defined"), "headline");
        assertFalse(report.contains("n/a %"), "no 'n/a %' anywhere in the report");
        assertEquals("meis1-reduced vs wild-type: no percent change (wild-type silent), Mann-Whitney p = 0.010, "
                + "10 cells each", purkinje.plot.RateByConditionFigure.comparisonSubtitle("meis1-reduced", "wild-type",
                Double.NaN, Double.NaN, Double.NaN, 0.01, 10));
    }

    /** More traced cells than cells: the run traces them all and says so (it was silent). */
    @Test
    void moreVoltageCellsThanCellsSaysSo() throws IOException {
        Path config = dir.resolve("traced.yaml");
        Files.writeString(config, "name: traced\nseed: 3\nduration: 0.5 s\ncells_per_condition: 3\n"
                + "record:\n  spikes: false\n  voltage_cells: 1000\n");
        CommandLineTest.Run r = CommandLineTest.run("compare", "--config", config.toString(), "--out",
                dir.resolve("t").toString(), "--quiet", "--no-figures");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("purkinje: warning: record.voltage_cells (1000) is more than cells_per_condition (3): every "
                + "cell of each condition (3) is traced"), r.errLines());
    }

    /**
     * A unit slip (I_pace in nA where pA was meant) drove the cells to 950 Hz, the ceiling 1/t_ref,
     * with exit 0 and no word; the run stands (a strong drive is legal) and says so per condition.
     */
    @Test
    void cellsFiringNearTheCeilingOfTheirRefractoryPeriodAreWarnedAbout() throws IOException {
        Path config = dir.resolve("nA.yaml");
        Files.writeString(config, "name: unit-slip\nseed: 3\nduration: 0.5 s\ncells_per_condition: 3\n"
                + "record:\n  spikes: false\n  voltage_cells: 0\ncell:\n  t_ref: 1 ms\n  I_pace: 10.3 nA\n"
                + "meis1:\n  I_pace: 0.001\nconditions:\n  - name: wild-type\n    meis1_dosage: 1\n"
                + "  - name: meis1-null\n    meis1_dosage: 0\n");
        CommandLineTest.Run r = CommandLineTest.run("compare", "--config", config.toString(), "--out",
                dir.resolve("nA").toString(), "--quiet", "--no-figures");
        assertEquals(0, r.exit(), r.err());
        List<String> err = r.errLines();
        assertEquals(1, err.size(), r.err()); // the null cells (10.3 pA) fire far below the ceiling
        assertTrue(err.get(0).matches("purkinje: warning: wild-type fires at 9[0-9][0-9]\\.[0-9] Hz, 9[0-9] % of the "
                + "ceiling 1/t_ref = 1000 Hz, so its refractory period, not its drive, sets the rate; .*check I_pace, the "
                + "meis1 factors and any inputs' rates and weights, and their units\\)"), err.get(0));
        // an ordinary run says nothing
        CommandLineTest.Run demo = CommandLineTest.run("compare", "--out", dir.resolve("plain").toString(), "--quiet",
                "--no-figures", "--cells", "3", "--duration", "0.5 s");
        assertEquals(List.of(), demo.errLines());
    }

    /** Names longer than the table's 20-character column pushed their row's numbers out of line with the header. */
    @Test
    void theSummaryTableStaysAlignedUnderLongConditionNames() throws IOException {
        Path config = dir.resolve("long.yaml");
        String name = "wild-type-larvae-7dpf-cerebellum-recorded-in-vivo";
        Files.writeString(config, "name: long\nseed: 3\nduration: 0.5 s\ncells_per_condition: 3\n"
                + "record:\n  spikes: false\n  voltage_cells: 0\nconditions:\n  - name: " + name + "\n    meis1_dosage: 1\n"
                + "  - name: short\n    meis1_dosage: 0.5\n");
        CommandLineTest.Run r = CommandLineTest.run("compare", "--config", config.toString(), "--out",
                dir.resolve("long").toString(), "--no-figures");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        int cellsEnd = lines.get(0).indexOf("cells") + "cells".length();
        assertTrue(lines.get(1).startsWith(name + " "), lines.get(1));
        assertEquals('3', lines.get(1).charAt(cellsEnd - 1), "the count under 'cells': " + lines);
        assertEquals('3', lines.get(2).charAt(cellsEnd - 1), "the count under 'cells': " + lines);
        assertEquals(lines.get(0).length(), lines.get(1).length(), "rows as wide as the header: " + lines);
    }

    /**
     * The report's parameter table gave `cells_per_condition 10` the config's comment on its own 40
     * cells ("a typical recording sample size"); values from --cells, --duration and --seed say so.
     */
    @Test
    void theReportSaysWhichParametersCameFromTheCommandLine() throws IOException {
        Path out = dir.resolve("overridden");
        CommandLineTest.Run r = CommandLineTest.run("compare", "--out", out.toString(), "--quiet", "--no-figures",
                "--cells", "3", "--duration", "0.5 s");
        assertEquals(0, r.exit(), r.err());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.matches("(?s).*<td>cells_per_condition</td>\\s*<td[^>]*>3</td>\\s*<td>set on the command line "
                + "\\(--cells\\)</td>.*"), report.substring(report.indexOf("cells_per_condition") - 50,
                report.indexOf("cells_per_condition") + 200));
        assertTrue(report.contains("set on the command line (--duration)"), "duration");
        assertFalse(report.contains("typical recording sample size"), "the config's comment on 40 cells");
        assertTrue(report.matches("(?s).*<td>seed</td>\\s*<td[^>]*>20261126</td>\\s*<td>simulation setting.*"), "seed from the config");
    }

    /** One cell per condition: the console printed "SEM NaN" and "95 % CI NaN to NaN %" where the JSON says null. */
    @Test
    void oneCellPerConditionPrintsNotAvailableNotNaN() {
        CommandLineTest.Run r = CommandLineTest.run("compare", "--out", dir.resolve("one").toString(), "--no-figures",
                "--cells", "1", "--duration", "1 s");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        assertTrue(r.out().contains("(95 % CI n/a)"), r.out());
        // the rate figure's subtitle said "95 % CI n/a to n/a %"
        assertEquals("b vs a: -40 % (95 % CI n/a), Mann-Whitney p = n/a, 1 cell each", purkinje.plot.RateByConditionFigure
                .comparisonSubtitle("b", "a", -40, Double.NaN, Double.NaN, Double.NaN, 1));
    }
}
