package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import purkinje.sweep.Selection;
import purkinje.sweep.SweepJob;
import purkinje.sweep.SweepPlan;

/** The sweep and merge commands end to end: re-runs, shards, resume after SIGKILL, bad input. */
class SweepCommandTest {
    static final String SWEEP = "name: small-sweep\nseed: 11\nduration: 2 s\ncells_per_condition: 4\n"
            + "sweep:\n  design: grid\n  parameters:\n    noise.sigma_v: {from: 1 mV, to: 3 mV, steps: 3}\n"
            + "    meis1.I_pace: [0.4, 0.8]\n";

    @TempDir
    Path dir;

    private Path config(String text) throws IOException {
        Path c = dir.resolve("sweep.yaml");
        Files.writeString(c, text);
        return c;
    }

    private static int run(String... args) {
        return PurkinjeCommand.execute(args);
    }

    private static List<String> rows(Path folder) throws IOException {
        return Files.readAllLines(folder.resolve("points.csv"));
    }

    /**
     * The console table: swept values of a grid in thirds were printed in full (0.3333333333333333,
     * 19 characters) and pushed their row out of the header's columns; a shard beyond the points
     * printed an empty table and said nothing.
     */
    @Test
    void consoleTableKeepsItsColumnsAndAnEmptyShardIsNamed() throws IOException {
        String c = config("name: thirds\nseed: 3\nduration: 1 s\ncells_per_condition: 2\nsweep:\n  design: grid\n"
                + "  parameters:\n    meis1_dosage: {from: 0, to: 1, steps: 4}\n").toString();
        CommandLineTest.Run r = CommandLineTest.run("sweep", c, "--out", dir.resolve("thirds").toString(), "--no-figures");
        assertEquals(0, r.exit(), r.err());
        List<String> table = r.out().lines().filter(l -> l.matches(" *(point +swept|[0-9]+ +[0-9.]+ ).*")).toList();
        assertEquals(1 + 4 * 2, table.size(), r.out());
        assertTrue(table.get(3).matches(" +1 +0\\.333333 wild-type .*"), table.get(3));
        int rateEnd = table.get(0).indexOf("rate (Hz)") + "rate (Hz)".length();
        for (String row : table.subList(1, table.size())) { // every rate ends under the header's "rate (Hz)"
            assertEquals(' ', row.charAt(rateEnd), row);
            assertTrue(Character.isDigit(row.charAt(rateEnd - 1)), row);
        }
        assertTrue(rows(dir.resolve("thirds")).get(3).startsWith("1,0.3333333333333333,"), "points.csv keeps it exact");

        CommandLineTest.Run empty = CommandLineTest.run("sweep", c, "--shard", "5/6", "--out",
                dir.resolve("shard-5").toString(), "--no-figures");
        assertEquals(0, empty.exit(), empty.err());
        assertTrue(empty.err().contains("warning: shard 5/6 holds none of the sweep's 4 points, so nothing was "
                + "simulated"), empty.err());
        assertTrue(empty.err().contains("use at most 4 shards"), empty.err());
        assertFalse(empty.out().contains("rate (Hz)"), "no empty table: " + empty.out());
    }

    /** A folder of an unfinished run (killed): the refusal names --resume, not --force, which would lose its points. */
    @Test
    void anUnfinishedSweepFolderPointsToResume() throws IOException {
        String c = config(SWEEP).toString();
        Path folder = dir.resolve("killed");
        assertEquals(0, run("sweep", c, "--points", "0-1", "--out", folder.toString(), "--quiet", "--no-figures"));
        Path manifest = folder.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"status\" : \"complete\"",
                "\"status\" : \"running\"")); // as a kill -9 leaves it
        CommandLineTest.Run r = CommandLineTest.run("sweep", c, "--out", folder.toString(), "--quiet", "--no-figures");
        assertEquals(2, r.exit(), r.err());
        assertEquals(List.of("purkinje: output folder " + folder + " holds an unfinished run of this sweep (2 of 6 "
                + "points committed); run the same command with --resume to finish it, or with --force to start again "
                + "(its points are then lost)"), r.errLines());
        assertEquals(1 + 2 * 2, rows(folder).size(), "its points are kept (2 points x 2 conditions)");
    }

    /** Messages that named no fix: --resume into another command's result; merge of a sweep still running. */
    @Test
    void resumeIntoACompareResultAndMergeOfALiveSweepSayWhatToDo() throws Exception {
        String c = config(SWEEP).toString();
        Path compare = dir.resolve("cmp");
        assertEquals(0, run("compare", "--config", "configs/demo.yaml", "--cells", "2", "--duration", "100 ms",
                "--out", compare.toString(), "--quiet", "--no-figures"));
        CommandLineTest.Run r = CommandLineTest.run("sweep", c, "--resume", "--out", compare.toString(), "--quiet");
        assertEquals(List.of("purkinje: " + compare.toAbsolutePath() + " holds a 'compare' result, not a sweep; "
                + "choose another --out (or replace it: without --resume, with --force)"), r.errLines());
        Path live = dir.resolve("live");
        assertEquals(0, run("sweep", c, "--points", "0-2", "--out", live.toString(), "--quiet", "--no-figures"));
        try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(live.resolve(".sweep.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = lock.lock()) { // as a sweep still running holds it
            CommandLineTest.Run m = CommandLineTest.run("merge", live.toString(), "--out", dir.resolve("m").toString());
            assertEquals(2, m.exit(), m.err());
            assertEquals(List.of("purkinje: merge: a sweep is still writing " + live + "; wait for it to end, then "
                    + "merge"), m.errLines());
        }
    }

    /** A --resume is estimated by what is missing: a nearly done sweep was refused by --time-limit for all its points. */
    @Test
    void resumeIsEstimatedByTheMissingPointsOnly() throws IOException {
        String c = config(SWEEP).toString();
        Path folder = dir.resolve("partly");
        assertEquals(0, run("sweep", c, "--points", "0-4", "--out", folder.toString(), "--quiet", "--no-figures"));
        SweepPlan plan = SweepPlan.load(Path.of(c), null);
        assertEquals(java.util.Set.of(0, 1, 2, 3, 4), SweepJob.committedPoints(plan, folder));
        Selection first = new Selection("0-4", -1, 0);
        assertEquals(0, SweepCommand.estimate(plan, first, 2, 2048, SweepJob.committedPoints(plan, folder)).cells(),
                "nothing left of points 0-4");
        Selection all = Selection.ALL;
        double left = SweepCommand.estimate(plan, all, 2, 2048, SweepJob.committedPoints(plan, folder)).cellSteps();
        double whole = SweepCommand.estimate(plan, all, 2, 2048, java.util.Set.of()).cellSteps();
        assertEquals(whole / 6, left, 1e-9 * whole, "one point of six is left");
        assertEquals(java.util.Set.of(), SweepJob.committedPoints(plan, dir.resolve("none")));
    }

    /**
     * --force between a sweep and another command replaces the whole earlier result and keeps the
     * user's files: a sweep folder had no list of its files, so compare --force over it kept
     * points.csv and the heatmaps beside the new tables; sweep --force over a compare result kept
     * cells.csv and its figures.
     */
    @Test
    void forceBetweenSweepAndCompareReplacesTheWholeResult() throws IOException {
        String c = config(SWEEP).toString();
        Path folder = dir.resolve("both");
        assertEquals(0, run("sweep", c, "--out", folder.toString(), "--quiet"));
        Files.writeString(folder.resolve("notes.txt"), "mine");
        assertEquals(0, run("compare", "--config", "configs/demo.yaml", "--cells", "2", "--duration", "100 ms",
                "--out", folder.toString(), "--force", "--quiet"));
        assertTrue(Files.isRegularFile(folder.resolve("cells.csv")));
        assertFalse(Files.exists(folder.resolve("points.csv")), "the sweep's table is gone");
        assertFalse(Files.exists(folder.resolve("figures/heatmap-wild-type.svg")), "and its figures");
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));

        assertEquals(0, run("sweep", c, "--out", folder.toString(), "--force", "--quiet"));
        assertTrue(Files.isRegularFile(folder.resolve("points.csv")));
        assertFalse(Files.exists(folder.resolve("cells.csv")), "the compare result's tables are gone");
        assertFalse(Files.exists(folder.resolve("figures/raster.png")), "and its figures");
        assertEquals("mine", Files.readString(folder.resolve("notes.txt")));
        assertTrue(Files.readAllLines(folder.resolve(".purkinje-files")).containsAll(List.of("manifest.json",
                "points.csv", "report.html", "figures/heatmap-wild-type.svg")));
    }

    @Test
    void fullSweepPointReRunsShardsAndMergeAgree() throws IOException {
        String c = config(SWEEP).toString();
        Path full = dir.resolve("full");
        assertEquals(0, run("sweep", c, "--out", full.toString(), "--quiet"));
        List<String> all = rows(full);
        assertEquals("point,noise.sigma_v_mV,meis1.I_pace,condition,meis1_dosage,cells,mean_rate_hz,sd_rate_hz,"
                + "sem_rate_hz,mean_isi_cv,theory_rate_hz,seed", all.get(0));
        assertEquals(1 + 6 * 2, all.size(), "6 points x 2 conditions");
        assertTrue(Files.isRegularFile(full.resolve("figures/rate-vs-noise_sigma_v.png")));
        assertTrue(Files.isRegularFile(full.resolve("figures/heatmap-wild-type.svg")));
        assertFalse(Files.exists(full.resolve("points.log.csv")));

        // a point re-run alone, and a range, give the same rows (batch-mates do not matter)
        Path one = dir.resolve("one");
        assertEquals(0, run("sweep", c, "--points", "4", "--out", one.toString(), "--quiet", "--no-figures"));
        assertEquals(List.of(all.get(0), all.get(9), all.get(10)), rows(one));
        Path range = dir.resolve("range");
        assertEquals(0, run("sweep", c, "--points", "1-3", "--out", range.toString(), "--quiet", "--no-figures",
                "--batch-cells", "1", "--threads", "1"));
        assertEquals(all.subList(0, 1), rows(range).subList(0, 1));
        assertEquals(all.subList(3, 9), rows(range).subList(1, 7));

        // shards, merged, equal the one-process sweep byte for byte
        List<String> shards = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            Path s = dir.resolve("shard-" + k);
            assertEquals(0, run("sweep", c, "--shard", k + "/4", "--out", s.toString(), "--quiet", "--no-figures"));
            shards.add(s.toString());
        }
        Path merged = dir.resolve("merged");
        List<String> partial = new ArrayList<>(List.of("merge", "--out", merged.toString(), "--quiet"));
        partial.addAll(shards.subList(0, 3));
        assertEquals(1, run(partial.toArray(new String[0])), "shard 3 (points 3) missing");
        assertFalse(Files.exists(merged));
        List<String> args = new ArrayList<>(List.of("merge", "--out", merged.toString(), "--quiet"));
        args.addAll(shards);
        assertEquals(0, run(args.toArray(new String[0])));
        assertArrayEquals(Files.readAllBytes(full.resolve("points.csv")), Files.readAllBytes(merged.resolve("points.csv")));

        // a folder of another sweep (other seed) is refused
        Path other = dir.resolve("other");
        assertEquals(0, run("sweep", c, "--seed", "12", "--out", other.toString(), "--quiet", "--no-figures"));
        assertEquals(2, run("merge", "--out", dir.resolve("mixed").toString(), shards.get(0), other.toString()));
        assertFalse(Files.exists(dir.resolve("mixed")));
    }

    @Test
    void resumeAfterSigkillFinishesTheMissingPointsOnly() throws Exception {
        // 40 points of 4 cells, one point per engine call: the child is killed part way
        String text = SWEEP.replace("duration: 2 s", "duration: 20 s").replace("[0.4, 0.8]", "[0.4, 0.5, 0.6, 0.7, 0.8]")
                .replace("steps: 3", "steps: 4").replace("cells_per_condition: 4", "cells_per_condition: 2");
        Path c = config(text);
        Path reference = dir.resolve("reference");
        assertEquals(0, run("sweep", c.toString(), "--out", reference.toString(), "--quiet", "--no-figures"));
        Path killed = dir.resolve("killed");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", classPath(), "purkinje.cli.Main", "sweep", c.toString(), "--out",
                killed.toString(), "--quiet", "--no-figures", "--batch-cells", "1", "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path log = killed.resolve("points.log.csv");
        while (p.isAlive() && (!Files.exists(log) || Files.readAllLines(log).size() < 8)) {
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);
        if (Files.exists(log)) {
            // a torn last line, as a kill in the middle of a write would leave
            Files.writeString(log, "39,3,0.8,wild-type,1,2", java.nio.file.StandardOpenOption.APPEND);
        }
        assertEquals(2, run("sweep", c.toString(), "--out", killed.toString(), "--resume", "--seed", "99", "--quiet"),
                "another seed is another sweep: refused");
        assertEquals(2, run("sweep", c.toString(), "--out", killed.toString(), "--resume", "--points", "1-3",
                "--quiet"), "another selection: refused");
        assertEquals(0, run("sweep", c.toString(), "--out", killed.toString(), "--resume", "--quiet", "--no-figures"));
        assertArrayEquals(Files.readAllBytes(reference.resolve("points.csv")),
                Files.readAllBytes(killed.resolve("points.csv")));
    }

    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"noise.sigma: [1 mV]", "noise.sigma_v: []", "noise.sigma_v: {from: 3 mV, to: 1 mV, steps: 2}",
        "noise.sigma_v: [2]", "cell.I_pace: {from: 10, to: 11 pA, steps: 2}"})
    void badSweepBlockExitsTwoAndWritesNothing(String parameter) throws IOException {
        Path c = config("duration: 1 s\nsweep:\n  parameters:\n    " + parameter + "\n");
        Path out = dir.resolve("never");
        assertEquals(2, run("sweep", c.toString(), "--out", out.toString(), "--quiet"));
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "only the config file");
        }
    }

    @Test
    void badOptionsExitTwoAndWriteNothing() throws IOException {
        String c = config(SWEEP).toString();
        Path out = dir.resolve("never");
        assertEquals(2, run("sweep", c, "--out", out.toString(), "--shard", "5/4"));
        assertEquals(2, run("sweep", c, "--out", out.toString(), "--shard", "4/4"));
        assertEquals(2, run("sweep", c, "--out", out.toString(), "--points", "6"));
        assertEquals(2, run("sweep", c, "--out", out.toString(), "--points", "2-1"));
        assertEquals(2, run("sweep", dir.resolve("missing.yaml").toString(), "--out", out.toString()));
        assertEquals(2, run("merge", dir.resolve("nothing").toString(), "--out", out.toString()));
        Path compareConfig = dir.resolve("plain.yaml");
        Files.writeString(compareConfig, "duration: 1 s\n");
        assertEquals(2, run("sweep", compareConfig.toString(), "--out", out.toString()), "no sweep block");
        assertFalse(Files.exists(out));
    }

    /**
     * A sweep's points run in batches one after the other, so the heap holds a batch, not every
     * point's cells: 20,000 points of 80 cells were estimated at 1.6 GB (all cells together) and
     * refused in a 1 GB heap with "simulate fewer cells", though each batch needs a few MB.
     */
    @Test
    void theMemoryOfASweepIsOneBatchNotEveryPoint() throws IOException {
        Path config = dir.resolve("many.yaml");
        Files.writeString(config, Files.readString(Path.of("configs", "sweep-dosage.yaml"))
                .replace("steps: 11}", "steps: 20000}"));
        purkinje.sweep.SweepPlan plan = purkinje.sweep.SweepPlan.load(config, null);
        purkinje.sweep.Selection all = new purkinje.sweep.Selection(null, -1, 0);
        purkinje.experiment.RunEstimate e = SweepCommand.estimate(plan, all, 2, 2048, java.util.Set.of());
        assertEquals(20000.0 * 80, e.cells(), "the work counts every point's cells");
        assertEquals(2048 + 80, e.heapCells(), "the heap holds one batch");
        String warning = e.check(1e9, Double.NaN); // a refusal would throw; a run this long gets a warning
        assertTrue(warning == null || warning.startsWith("purkinje: warning: this run is estimated to take"), warning);
    }

    /** A design too large to plan is refused before a point is built (it ran out of memory after minutes). */
    @Test
    void aDesignTooLargeToPlanIsRefusedUpFront() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 18e9, "a heap of 18 GB plans it");
        Path config = dir.resolve("huge.yaml");
        Files.writeString(config, Files.readString(Path.of("configs", "sweep-dosage.yaml"))
                .replace("steps: 11}", "steps: 9000000}"));
        CommandLineTest.Run r = CommandLineTest.run("sweep", config.toString(), "--out", dir.resolve("h").toString());
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("the sweep has 9000000 points; planning them (every point's config is built and "
                + "checked before any is simulated) needs about 18.5 GB of memory"), r.err());
        assertFalse(Files.exists(dir.resolve("h")));
    }
}
