package purkinje.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.cli.PurkinjeCommand;

/**
 * Issue 12.9, README "Reproducibility": the same compare run on this JDK and on another one (JDK
 * 25 beside JDK 17, found under /usr/lib/jvm or named by PURKINJE_OTHER_JAVA) writes byte-identical
 * tables, comparison.json and SVGs, and byte-identical PNGs for every figure except
 * voltage-traces.png, whose dense anti-aliased curves the two JDKs' rasterizers (Marlin) shade
 * differently in a few pixels: there the pixels must agree except in at most 0.5 % of them, by at
 * most 32 of 255 grey levels per channel. Skipped, saying why, where there is no second JDK.
 */
class CrossJdkBytesTest {
    /** The figure whose PNG may differ between JDKs (in a few anti-aliased pixels). */
    static final String SHADED_DIFFERENTLY = "voltage-traces.png";

    @TempDir
    Path dir;

    @Test
    void sameBytesOnAnotherJdk() throws Exception {
        Path other = otherJava();
        assumeTrue(other != null, "no second JDK (set PURKINJE_OTHER_JAVA or install one under /usr/lib/jvm)");
        Path config = Files.writeString(dir.resolve("c.yaml"), "name: jdk\nseed: 3\nduration: 2 s\n"
                + "cells_per_condition: 8\nrecord:\n  spikes: true\n  voltage_cells: 2\n");
        Path here = dir.resolve("here");
        assertEquals(0, PurkinjeCommand.execute("compare", "--config", config.toString(), "--out", here.toString(),
                "--quiet"));
        Path there = dir.resolve("there");
        List<String> cmd = List.of(other.toString(), "-Djava.awt.headless=true", "--add-modules",
                "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), "purkinje.cli.Main", "compare",
                "--config", config.toString(), "--out", there.toString(), "--quiet");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile())
                .start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run on " + other + " did not finish");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("log")));

        List<Path> files;
        try (Stream<Path> s = Files.walk(here)) {
            files = s.filter(Files::isRegularFile).map(here::relativize).sorted().toList();
        }
        List<String> compared = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.equals("manifest.json") || name.equals("report.html")) {
                continue; // the manifest records the Java version; the report embeds the PNGs
            }
            byte[] a = Files.readAllBytes(here.resolve(f));
            byte[] b = Files.readAllBytes(there.resolve(f));
            if (name.equals(SHADED_DIFFERENTLY)) {
                assertNearlySamePixels(here.resolve(f), there.resolve(f));
            } else {
                assertArrayEquals(a, b, f + " differs between " + System.getProperty("java.version") + " and " + other);
            }
            compared.add(name);
        }
        assertTrue(compared.containsAll(List.of("cells.csv", "spikes.csv", "population-rate.csv", "voltage.csv",
                "comparison.json", "rates.png", "raster.png", "population-rate.png", "isi-histogram.png",
                "voltage-traces.svg")), compared.toString());
    }

    private static void assertNearlySamePixels(Path a, Path b) throws IOException {
        BufferedImage x = ImageIO.read(a.toFile());
        BufferedImage y = ImageIO.read(b.toFile());
        assertEquals(x.getWidth(), y.getWidth());
        assertEquals(x.getHeight(), y.getHeight());
        int differing = 0;
        int maxDiff = 0;
        for (int j = 0; j < x.getHeight(); j++) {
            for (int i = 0; i < x.getWidth(); i++) {
                int p = x.getRGB(i, j);
                int q = y.getRGB(i, j);
                if (p != q) {
                    differing++;
                    for (int shift = 0; shift < 32; shift += 8) {
                        maxDiff = Math.max(maxDiff, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
                    }
                }
            }
        }
        int pixels = x.getWidth() * x.getHeight();
        assertTrue(differing <= pixels / 200 && maxDiff <= 32, a.getFileName() + ": " + differing + " of " + pixels
                + " pixels differ, by up to " + maxDiff);
    }

    /** A java binary of another major version than this one, or null. */
    static Path otherJava() throws IOException, InterruptedException {
        String env = System.getenv("PURKINJE_OTHER_JAVA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return null;
        }
        int mine = Runtime.version().feature();
        try (Stream<Path> s = Files.list(jvm)) {
            for (Path home : s.sorted().toList()) {
                Path java = home.resolve("bin/java");
                if (Files.isExecutable(java) && !Files.isSymbolicLink(home) && feature(java) > mine) {
                    return java;
                }
            }
        }
        return null;
    }

    private static int feature(Path binary) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary.toString(), "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("version \"(\\d+)").matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
