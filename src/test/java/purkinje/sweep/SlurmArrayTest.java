package purkinje.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import purkinje.experiment.RunInfo;

/**
 * A real SLURM cluster on localhost (scripts/slurm-localhost.sh: Debian's slurmctld, slurmd and
 * munge): the shipped array job (configs/slurm/sweep-array.sbatch) runs a small sweep in 3 shards,
 * the shards are merged, and the result must equal the one-process sweep byte for byte. Skipped,
 * saying why, only where the cluster cannot be installed or started (not root, no apt, ...).
 */
@Tag("slurm")
class SlurmArrayTest {
    private static final Path SCRIPT = Path.of("scripts/slurm-localhost.sh").toAbsolutePath();
    private static boolean started;
    private static String whyNot;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            whyNot = "SLURM test needs Linux";
            return;
        }
        Path log = Files.createTempFile("slurm-localhost", ".log");
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), "start").redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            whyNot = "scripts/slurm-localhost.sh start did not finish in 240 s";
        } else if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            whyNot = "SLURM could not be installed or started here (scripts/slurm-localhost.sh start exit "
                    + p.exitValue() + "): " + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3),
                    lines.size()));
        } else {
            started = true;
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (started) {
            new ProcessBuilder("bash", SCRIPT.toString(), "stop").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(120, TimeUnit.SECONDS);
        }
    }

    @Test
    void arrayJobShardsMergeToTheOneProcessSweep() throws Exception {
        assumeTrue(started, () -> whyNot);
        Path config = dir.resolve("slurm-sweep.yaml");
        Files.writeString(config, "name: slurm-sweep\nseed: 5\nduration: 2 s\ncells_per_condition: 3\n"
                + "heterogeneity:\n  I_pace: 0\nsweep:\n  design: lhs\n  samples: 7\n  parameters:\n"
                + "    meis1_dosage: {from: 0, to: 1}\n    noise.sigma_v: {from: 1 mV, to: 3 mV}\n");
        // the CI node declares 1000 MB, so the script's --mem=1G is lowered; the job runs the tool from this build's classes through a small launcher
        Path launcher = dir.resolve("purkinje-test");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -Djava.awt.headless=true -cp '" + classPath() + "' purkinje.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path shards = dir.resolve("shards");
        List<String> cmd = List.of("timeout", "300", "sbatch", "--wait", "--parsable", "--array=0-2", "--mem=256M",
                "--output=" + dir.resolve("slurm-%A_%a.log"), "--export=ALL,PURKINJE=" + launcher + ",SWEEP_CONFIG="
                + config + ",SWEEP_OUT=" + shards, Path.of("configs/slurm/sweep-array.sbatch").toAbsolutePath().toString());
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("sbatch.out").toFile()).start();
        int rc = p.waitFor(310, TimeUnit.SECONDS) ? p.exitValue() : -1;
        assertEquals(0, rc, () -> "sbatch --wait failed: " + read(dir.resolve("sbatch.out")) + logs());

        List<Path> folders = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            folders.add(shards.resolve("shard-" + k));
        }
        // sbatch --wait returns when the array's tasks are done; on a loaded node the last task's
        // folder rename can trail the scheduler's bookkeeping by a moment
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!folders.stream().allMatch(f -> Files.isRegularFile(f.resolve("manifest.json")))
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        for (Path f : folders) {
            assertTrue(Files.isRegularFile(f.resolve("manifest.json")), () -> f + " missing after sbatch --wait: "
                    + read(dir.resolve("sbatch.out")) + logs());
        }
        SweepPlan plan = SweepPlan.load(config, null);
        Path merged = dir.resolve("merged");
        SweepMerge.merge(folders, merged, false, f -> { }, new RunInfo("merge", List.of(), config.toString(), "", Instant.now()));
        Path single = dir.resolve("single");
        SweepJob.run(plan, Selection.ALL, single, false, false, 2, SweepRunner.DEFAULT_BATCH_CELLS, f -> { },
                new RunInfo("sweep", List.of(), config.toString(), "", Instant.now()), SweepRunner.Listener.NONE);
        assertArrayEquals(Files.readAllBytes(single.resolve("points.csv")), Files.readAllBytes(merged.resolve("points.csv")));
        assertEquals(1 + 7 * 2, Files.readAllLines(merged.resolve("points.csv")).size(), "7 points x 2 conditions");
    }

    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    private String logs() {
        StringBuilder b = new StringBuilder();
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(x -> x.getFileName().toString().startsWith("slurm-")).toList()) {
                b.append("\n--- ").append(f.getFileName()).append('\n').append(read(f));
            }
        } catch (IOException e) {
            b.append(" (").append(e.getMessage()).append(')');
        }
        return b.toString();
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }
}
