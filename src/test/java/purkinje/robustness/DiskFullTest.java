package purkinje.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk: compare runs into small tmpfs mounts, so writing fails at different points (a
 * table, a figure, the report, the move into place). Each run either completes (exit 0, every file
 * there) or exits 1 with one stderr line naming the reason, leaving nothing in the folder.
 * Needs root and a kernel that lets it mount tmpfs; elsewhere it is skipped, saying why.
 */
class DiskFullTest {
    @TempDir
    Path dir;
    final List<Path> mounts = new ArrayList<>();

    static int sh(String... cmd) throws IOException, InterruptedException {
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start().waitFor();
    }

    private Path mount(String size) throws IOException, InterruptedException {
        Path m = Files.createDirectories(dir.resolve("disk-" + size));
        int rc = sh("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", m.toString());
        assumeTrue(rc == 0, "skipped: cannot mount a small tmpfs here (needs root and mount rights), so a full disk "
                + "cannot be made");
        mounts.add(m);
        return m;
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        for (Path m : mounts) {
            sh("umount", "-l", m.toString()); // lazy: a stream a failed write left open must not keep it busy
        }
    }

    @Test
    void aFullDiskIsOneLineAndLeavesNothing() throws Exception {
        Path config = dir.resolve("c.yaml");
        Files.writeString(config, "name: c\nseed: 2\nduration: 2 s\ncells_per_condition: 20\n");
        int failed = 0;
        int completed = 0;
        for (String size : List.of("8k", "120k", "1620k", "1700k", "1800k", "1950k", "2150k", "2400k", "2700k", "8m")) {
            Path disk = mount(size);
            ConfigFuzzTest.Outcome o = ConfigFuzzTest.runInProcess(List.of("compare", "--config", config.toString(),
                    "--out", disk.resolve("out").toString(), "--quiet", "--threads", "2"));
            List<String> left;
            try (Stream<Path> s = Files.walk(disk)) {
                left = s.filter(p -> !p.equals(disk)).map(p -> disk.relativize(p).toString()).sorted().toList();
            }
            if (o.exit() == 0) {
                completed++;
                for (String f : List.of("manifest.json", "cells.csv", "summary.csv", "comparison.json", "spikes.csv",
                        "report.html", "figures/rates.png", "figures/raster.svg")) {
                    assertTrue(left.contains("out/" + f), size + ": " + f + " missing after exit 0");
                }
                assertTrue(left.stream().noneMatch(n -> n.startsWith(".")), size + ": " + left);
            } else {
                failed++;
                assertEquals(1, o.exit(), size + ": " + o.stderr());
                List<String> lines = o.stderr().lines().toList();
                assertEquals(1, lines.size(), size + ": " + o.stderr());
                assertTrue(lines.get(0).startsWith("purkinje: ") && lines.get(0).contains("No space left on device"),
                        size + ": " + lines.get(0));
                assertEquals(List.of(), left, size + ": a failed run leaves nothing");
            }
            System.out.println("disk of " + size + ": exit " + o.exit() + " " + o.stderr().strip());
        }
        assertTrue(failed >= 3 && completed >= 1, failed + " failed, " + completed + " completed: the sizes must "
                + "cover both outcomes");
    }
}
