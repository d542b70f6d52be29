package purkinje.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.cli.PurkinjeCommand;
import purkinje.io.ConfigException;
import purkinje.io.ConfigLoader;
import purkinje.io.Json;

/**
 * The lab without a browser: the page's settings run through the compare experiment, the saved
 * config gives the same numbers in {@code purkinje compare}, and refused values get the config
 * rules' one-line messages.
 */
class LabTest {
    @TempDir
    Path dir;

    static Lab lab(String config) {
        return new Lab(new LabConfig(ConfigLoader.load(Path.of("configs", config), Map.of())), 2);
    }

    static Map<String, String> query(String... keysAndValues) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** Runs the saved YAML with 'purkinje compare' and checks every number the page shows against its files. */
    void assertCompareGivesTheSameNumbers(Lab lab, Map<String, String> q) throws IOException {
        Map<String, Object> page = lab.run(q, "test");
        JsonNode shown = Json.mapper().valueToTree(page);
        Path yaml = dir.resolve("saved.yaml");
        Files.writeString(yaml, lab.yaml(q));
        Path out = dir.resolve("out-" + System.nanoTime());
        assertEquals(0, PurkinjeCommand.execute("compare", "--config", yaml.toString(), "--out", out.toString(),
                "--quiet", "--no-figures", "--threads", "1"));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        List<String> header = List.of(summary.get(0).split(","));
        for (int i = 0; i < 2; i++) {
            String[] row = summary.get(i + 1).split(",");
            JsonNode c = shown.path("conditions").get(i);
            assertEquals(row[header.indexOf("condition")], c.path("name").asText());
            assertEquals(Double.parseDouble(row[header.indexOf("mean_rate_hz")]), c.path("mean_rate_hz").asDouble(),
                    0.0, "mean rate of " + c.path("name").asText());
            assertEquals(Double.parseDouble(row[header.indexOf("sem_rate_hz")]), c.path("sem_rate_hz").asDouble(), 0.0);
            assertEquals(Double.parseDouble(row[header.indexOf("meis1_dosage")]), c.path("meis1_dosage").asDouble(), 0.0);
        }
        JsonNode file = Json.mapper().readTree(out.resolve("comparison.json").toFile()).path("comparisons").get(0);
        JsonNode cmp = shown.path("comparison");
        assertEquals(file.path("rate_change_percent").asDouble(), cmp.path("rate_change_percent").asDouble(), 0.0);
        assertEquals(file.path("rate_change_ci95_percent").get(0).asDouble(),
                cmp.path("rate_change_ci95_percent").get(0).asDouble(), 0.0);
        assertEquals(file.path("rate_change_ci95_percent").get(1).asDouble(),
                cmp.path("rate_change_ci95_percent").get(1).asDouble(), 0.0);
        assertEquals(file.path("mann_whitney").path("p_value").asDouble(), cmp.path("mann_whitney_p").asDouble(), 0.0);
    }

    /**
     * The reduced condition fires less (or more) than the wild type, by more than 3 standard errors
     * of the difference of the means, and so does the theory of the nominal cells.
     */
    static void assertReducedFiresLess(JsonNode result, boolean less) {
        JsonNode wt = result.path("conditions").get(0);
        JsonNode r = result.path("conditions").get(1);
        double diff = r.path("mean_rate_hz").asDouble() - wt.path("mean_rate_hz").asDouble();
        double se = Math.hypot(r.path("sem_rate_hz").asDouble(), wt.path("sem_rate_hz").asDouble());
        double theoryDiff = r.path("theory_rate_hz").asDouble() - wt.path("theory_rate_hz").asDouble();
        assertTrue(less ? diff < -3 * se && theoryDiff < 0 : diff > 3 * se && theoryDiff > 0,
                result.path("conditions").toString());
    }

    /** MEIS1 acts on the chosen parameter alone: the reduced cell differs from the wild type only there. */
    static void assertOnlyTheTargetDiffers(Lab lab, Map<String, String> q, purkinje.model.CellParameter target) {
        purkinje.model.RunConfig run = lab.config().resolve(lab.settings(q));
        var wt = run.cellFor(run.conditions().get(0));
        var reduced = run.cellFor(run.conditions().get(1));
        for (purkinje.model.CellParameter p : purkinje.model.CellParameter.values()) {
            if (p == target) {
                assertTrue(wt.get(p) != reduced.get(p), p + " unchanged");
            } else {
                assertEquals(wt.get(p), reduced.get(p), 0.0, p + " changed too");
            }
        }
    }

    /** configs/compare-inputs.yaml has three conditions; the lab showed two and said nothing of the third. */
    @Test
    void conditionsBeyondTheSecondAreNamed() throws Exception {
        LabConfig three = new LabConfig(ConfigLoader.load(Path.of("configs", "compare-inputs.yaml"), Map.of()));
        assertEquals("the lab compares two conditions, 'wild-type' and 'intrinsic'; configs/compare-inputs.yaml's "
                + "'fewer-granule-inputs' is left out (purkinje compare runs every condition)", three.leftOutWarning());
        assertEquals(null, new LabConfig(ConfigLoader.load(Path.of("configs", "demo.yaml"), Map.of())).leftOutWarning());
    }

    @Test
    void savedConfigRunsToTheSameNumbersInCompare() throws IOException {
        Map<String, String> q = query("dosage", "0.3", "effect", "0.5", "cells", "12", "duration", "1", "seed", "7",
                "sigma_v", "2.5");
        assertCompareGivesTheSameNumbers(lab("demo.yaml"), q);
        assertOnlyTheTargetDiffers(lab("demo.yaml"), q, purkinje.model.CellParameter.I_PACE);
    }

    @Test
    void leakTargetRunsToTheSameNumbersAndMoreLeakLowersTheRate() throws IOException {
        Lab lab = lab("demo.yaml");
        Map<String, String> q = query("target", "leak", "effect", "1.5", "dosage", "0", "cells", "10", "duration", "1");
        assertCompareGivesTheSameNumbers(lab, q);
        assertTrue(lab.yaml(q).contains("tau_m: " + purkinje.io.Quantities.formatNumber(1 / 1.5)), lab.yaml(q));
        assertOnlyTheTargetDiffers(lab, q, purkinje.model.CellParameter.TAU_M);
        // same cells, same noise: a leakier reduced condition fires less than the wild type
        assertReducedFiresLess(Json.mapper().valueToTree(lab.run(q, "t")), true);
    }

    @Test
    void thresholdShiftRunsToTheSameNumbersAndAHigherThresholdLowersTheRate() throws IOException {
        Lab lab = lab("demo.yaml");
        Map<String, String> q = query("target", "threshold", "effect", "3", "dosage", "0", "cells", "10", "duration", "1");
        assertTrue(lab.yaml(q).contains("V_th: +3 mV"), lab.yaml(q));
        assertOnlyTheTargetDiffers(lab, q, purkinje.model.CellParameter.V_TH);
        assertCompareGivesTheSameNumbers(lab, q);
        assertReducedFiresLess(Json.mapper().valueToTree(lab.run(q, "t")), true);
        // a lower threshold (negative shift) is written with its sign and raises the rate
        Map<String, String> lower = query("target", "threshold", "effect", "-4", "dosage", "0", "cells", "10",
                "duration", "1");
        assertTrue(lab.yaml(lower).contains("V_th: -4 mV"), lab.yaml(lower));
        assertReducedFiresLess(Json.mapper().valueToTree(lab.run(lower, "t")), false);
    }

    @Test
    void parallelFibreTargetNeedsInputsAndThenMatchesCompare() throws IOException {
        LabInputException e = assertThrows(LabInputException.class,
                () -> lab("demo.yaml").run(query("target", "pf-rate"), "t"));
        assertTrue(e.getMessage().startsWith("target: configs/demo.yaml has no parallel-fibre input"), e.getMessage());
        assertCompareGivesTheSameNumbers(lab("compare-inputs.yaml"), query("target", "pf-rate", "effect", "0.2",
                "dosage", "0.5", "cells", "4", "duration", "0.5"));
    }

    @Test
    void loweringTheDosageLowersTheReducedRateAsTheoryPredicts() {
        Lab lab = lab("demo.yaml");
        double[] rate = new double[2];
        double[] theory = new double[2];
        for (int d = 0; d <= 1; d++) {
            JsonNode c = Json.mapper().valueToTree(lab.run(query("dosage", Integer.toString(d), "cells", "20",
                    "duration", "2"), "t")).path("conditions").get(1);
            rate[d] = c.path("mean_rate_hz").asDouble();
            theory[d] = c.path("theory_rate_hz").asDouble();
        }
        // I_pace 0.6 x at dosage 0: theory 14.95 Hz (dosage 1) vs a few Hz; 20 cells x 2 s resolve it easily
        assertTrue(rate[0] < 0.6 * rate[1], rate[0] + " vs " + rate[1]);
        assertTrue(theory[0] < 0.6 * theory[1], theory[0] + " vs " + theory[1]);
    }

    @Test
    void figuresAreTheCliFiguresAsSvg() {
        JsonNode r = Json.mapper().valueToTree(lab("demo.yaml").run(query("cells", "6", "duration", "1"), "t"));
        JsonNode f = r.path("figures");
        for (String name : List.of("rates", "raster", "voltage", "theory")) {
            assertTrue(f.path(name).asText().startsWith("<svg"), name);
        }
        assertTrue(f.path("rates").asText().contains(purkinje.plot.RateByConditionFigure.Y_LABEL));
        assertTrue(f.path("raster").asText().contains(purkinje.plot.RasterFigure.TITLE));
        assertTrue(f.path("voltage").asText().contains(purkinje.plot.VoltageTraceFigure.Y_LABEL));
        assertTrue(f.path("theory").asText().contains("MEIS1 dosage"));
        // the condition colours of the CLI's figures (Okabe-Ito blue and vermillion)
        assertTrue(f.path("rates").asText().contains("rgb(0,114,178)") && f.path("rates").asText()
                .contains("rgb(213,94,0)"));
        assertTrue(r.path("captions").path("rates").asText().equals(purkinje.report.CompareReport.RATES_CAPTION));
        assertEquals(21, r.path("theory").path("rate_hz").size());
    }

    @Test
    void aBadValueGetsTheConfigFilesOneLineMessage() throws IOException {
        Lab lab = lab("demo.yaml");
        LabInputException page = assertThrows(LabInputException.class, () -> lab.run(query("sigma_v", "-1"), "t"));
        // the same config with the same value written in a file: the loader's message after file and line
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, Files.readString(Path.of("configs/demo.yaml")).replace("sigma_v: 2 mV", "sigma_v: -1 mV"));
        ConfigException file = assertThrows(ConfigException.class, () -> ConfigLoader.load(f, Map.of()));
        assertEquals(file.getMessage().replaceFirst("^[^:]+:\\d+: ", ""), page.getMessage());
        assertTrue(!page.getMessage().contains("\n") && !page.getMessage().contains("Exception"));

        assertTrue(assertThrows(LabInputException.class, () -> lab.run(query("dosage", "1.5"), "t")).getMessage()
                .contains("must lie in [0, 1]"));
        assertEquals("dosage: expected a plain number, was 'NaN'", assertThrows(LabInputException.class,
                () -> lab.run(query("dosage", "NaN"), "t")).getMessage());
        assertEquals("cells: expected a whole number, was '2.5'", assertThrows(LabInputException.class,
                () -> lab.run(query("cells", "2.5"), "t")).getMessage());
        assertTrue(assertThrows(LabInputException.class, () -> lab.run(query("cells", "0"), "t")).getMessage()
                .startsWith("cells_per_condition: must be at least 1"));
        assertTrue(assertThrows(LabInputException.class, () -> lab.run(query("path", "/etc/passwd"), "t"))
                .getMessage().startsWith("unknown parameter 'path'"));
        assertTrue(assertThrows(LabInputException.class, () -> lab.run(query("target", "leak", "effect", "0"), "t"))
                .getMessage().startsWith("effect: the leak factor"));
    }

    @Test
    void aRunAboveTheBudgetIsRefusedBeforeItStarts() {
        Lab lab = lab("demo.yaml");
        String m = assertThrows(LabInputException.class, () -> lab.run(query("cells", "1000", "duration", "20"), "t"))
                .getMessage();
        assertTrue(m.startsWith("cells x duration = 1000 x 20 s is above the lab's budget of 400 cell-seconds"), m);
        // a huge duration does not overflow the check
        assertTrue(assertThrows(LabInputException.class, () -> lab.run(query("duration", "1e300"), "t")).getMessage()
                .contains("budget"));
    }

    @Test
    void theStartSettingsAreTheConfigsWithAShortDuration() {
        LabSettings s = lab("demo.yaml").config().startSettings();
        assertEquals(new LabSettings(0.5, Meis1Target.PACEMAKING, 0.6, 2, 40, 2, 20261126L), s);
    }
}
