package purkinje.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures drawn from spikes.csv (raster, ISI histogram, population rate) once read the whole
 * file into rows of strings, about 250 bytes a spike: a run of 800 cells x 600 s (6e6 spikes) with
 * figures ran a 1 GB heap out of memory after its simulation, exit 1, nothing kept. Now the trains
 * are read into primitive arrays (about 60 bytes a spike), and a run whose spikes still do not fit
 * keeps its whole result and says which figures were left out and how to draw them; 'purkinje
 * plot' refuses such a redraw with the same line (exit 2), leaving figures/ as it was.
 */
class SpikeFiguresHeapTest {
    @TempDir
    Path dir;

    /** Stderr without the warnings that these cells fire near 1/t_ref (true, and what makes their many spikes). */
    private static String withoutSaturation(String err) {
        return err.lines().filter(l -> !l.contains("of the ceiling 1/t_ref")).map(l -> l + "\n")
                .collect(java.util.stream.Collectors.joining());
    }

    /** About 630 Hz per cell (I_pace far above rheobase, t_ref 1 ms): 100 cells x {@code seconds}. */
    private static String manySpikes(String name, int seconds) {
        return "name: " + name + "\nseed: 1\nduration: " + seconds + " s\ndt: 1 ms\ncells_per_condition: 50\n"
                + "record:\n  spikes: true\n  voltage_cells: 0\ncell:\n  I_pace: 1000 pA\n";
    }

    private Launcher launcher;

    /** {@code compare} of {@link #manySpikes} into results/NAME in the given heap; exit 0 expected. Returns its folder. */
    private Path compare(String name, int seconds, String heap) throws Exception {
        launcher = Launcher.withJar(dir);
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve(name + ".yaml"), manySpikes(name + "-spikes", seconds));
        Process p = launcher.start(work, name, Map.of("PURKINJE_JAVA_OPTS", heap), "compare", "--config",
                name + ".yaml", "--out", "results/" + name, "--quiet");
        assertEquals(0, Launcher.await(p, 300), Launcher.stderr(work, name));
        return work;
    }

    @Test
    void spikeFiguresOfAFileSeveralTimesTheHeapAreDrawnFromPrimitiveTrains() throws Exception {
        // 1.6e6 spikes, 70 MB of CSV: as rows of strings about 400 MB, as trains about 100 MB
        Path work = compare("some", 25, "-Xmx160m");
        assertEquals("", withoutSaturation(Launcher.stderr(work, "some")), "every figure fits: no warning");
        for (String f : List.of("rates", "raster", "isi-histogram", "population-rate")) {
            assertTrue(Files.isRegularFile(work.resolve("results/some/figures/" + f + ".png")), f);
        }
        assertTrue(Files.size(work.resolve("results/some/spikes.csv")) > 40L * 1024 * 1024);
    }

    @Test
    void aRunWhoseSpikesDoNotFitKeepsItsResultAndSaysHowToDrawThem() throws Exception {
        // 6.3e6 spikes, 290 MB of CSV, about 400 MB to draw: more than an 80 MB heap holds
        Path work = compare("many", 100, "-Xmx80m");
        String err = withoutSaturation(Launcher.stderr(work, "many"));
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.matches("purkinje: warning: the raster, ISI histogram and population-rate figures were not "
                + "drawn: the 6\\.\\de6 spikes of spikes.csv need about \\d+ MB of memory to draw, more than the \\d+ MB "
                + "free in this JVM's heap of 80 MB; draw them with more memory: .*\\R"), err);
        Path result = work.resolve("results/many");
        assertTrue(Files.isRegularFile(result.resolve("figures/rates.png")), "the figures that fit are drawn");
        assertFalse(Files.exists(result.resolve("figures/raster.png")));
        String report = Files.readString(result.resolve("report.html"));
        assertTrue(report.contains("id=\"figures-not-drawn\""), "the report says what is missing");
        Matcher heap = Pattern.compile("PURKINJE_JAVA_OPTS=(-Xmx\\d+m) purkinje plot results/many$").matcher(err.strip());
        assertTrue(heap.find(), err);

        // the redraw in the same heap is refused with the same reason, and changes nothing
        Process again = launcher.start(work, "again", Map.of("PURKINJE_JAVA_OPTS", "-Xmx80m"), "plot", "results/many");
        assertEquals(2, Launcher.await(again, 300), Launcher.stderr(work, "again"));
        String refusal = Launcher.stderr(work, "again");
        assertEquals(1, refusal.lines().count(), refusal);
        assertTrue(refusal.startsWith("purkinje: no figure was redrawn (figures/ is as it was): the raster, ISI "
                + "histogram and population-rate figures were not drawn: the 6."), refusal);
        assertFalse(Files.exists(result.resolve("figures/raster.png")));
        assertEquals(report, Files.readString(result.resolve("report.html")));

        // the command it names draws them
        Process more = launcher.start(work, "more", Map.of("PURKINJE_JAVA_OPTS", heap.group(1)), "plot", "results/many",
                "--quiet");
        assertEquals(0, Launcher.await(more, 300), Launcher.stderr(work, "more"));
        for (String f : List.of("raster", "isi-histogram", "population-rate")) {
            assertTrue(Files.isRegularFile(result.resolve("figures/" + f + ".png")), f);
        }
        assertFalse(Files.readString(result.resolve("report.html")).contains("figures-not-drawn"));
    }
}
