package purkinje.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Launchers started at once (a SLURM array, two terminals) both succeed: editing a config never
 * triggers a build, and on a fresh checkout without a jar one launcher builds under a lock while
 * the other waits and then runs the jar it built. The shaded jar then runs without Maven or the
 * project folder, as a release jar.
 */
class ConcurrentLaunchTest {
    @TempDir
    Path dir;

    @Test
    void twoLaunchesAfterAConfigEditBothRunWithoutBuilding() throws Exception {
        Launcher launcher = Launcher.withJar(dir);
        Path config = launcher.root.resolve("configs/demo.yaml");
        Files.setLastModifiedTime(config, FileTime.from(Instant.now().plusSeconds(60))); // newer than the jar
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("c.yaml"), "name: c\nseed: 1\nduration: 0.5 s\ncells_per_condition: 2\n");
        Process a = launcher.start(work, "a", "compare", "--config", "c.yaml", "--out", "a", "--quiet", "--no-figures");
        Process b = launcher.start(work, "b", "compare", "--config", "c.yaml", "--out", "b", "--quiet", "--no-figures");
        assertEquals(0, Launcher.await(a, 120), Launcher.stderr(work, "a"));
        assertEquals(0, Launcher.await(b, 120), Launcher.stderr(work, "b"));
        for (String run : List.of("a", "b")) {
            assertEquals("", Launcher.stderr(work, run), "no build, no notice on stderr");
            assertTrue(Files.isRegularFile(work.resolve(run).resolve("cells.csv")));
        }
        assertFalse(Files.exists(launcher.root.resolve("target/build.log")), "nothing was built");
    }

    @Test
    void twoLaunchesOnAFreshCheckoutBuildOnceAndBothRunThenTheJarRunsAlone() throws Exception {
        Launcher launcher = Launcher.freshCheckout(dir);
        Path work = Files.createDirectories(dir.resolve("work"));
        Process a = launcher.start(work, "a", "--version");
        Process b = launcher.start(work, "b", "--version");
        assertEquals(0, Launcher.await(a, 480), Launcher.stderr(work, "a"));
        assertEquals(0, Launcher.await(b, 480), Launcher.stderr(work, "b"));
        String both = Launcher.stderr(work, "a") + Launcher.stderr(work, "b");
        assertEquals(1, both.lines().filter(l -> l.startsWith("purkinje: building ")).count(), both);
        assertEquals(1, both.lines().count(), "only the build notice on stderr, no Maven output: " + both);
        assertFalse(both.contains("\u001b["), "no colour codes");
        for (String run : List.of("a", "b")) {
            assertTrue(Files.readString(work.resolve(run + ".out")).startsWith("purkinje 0."), run);
        }

        // a release jar: copied elsewhere, run with plain java, no Maven, no configs folder
        Path release = Files.createDirectories(dir.resolve("release"));
        Path jar = Files.copy(launcher.root.resolve("target/purkinje.jar"), release.resolve("purkinje.jar"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-jar", jar.toString(), "compare", "--cells", "2",
                "--duration", "0.5 s", "--quiet", "--no-figures", "--out", "r").directory(release.toFile())
                .redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), said);
        assertTrue(Files.isRegularFile(release.resolve("r/summary.csv")), said);
    }
}
