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
import java.util.stream.Stream;
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

    private static List<Path> archives(Path root) throws java.io.IOException {
        try (Stream<Path> s = Files.list(root.resolve("target"))) {
            return s.filter(p -> p.getFileName().toString().matches("purkinje-cds-.*\\.jsa")).sorted().toList();
        }
    }

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

    /**
     * A signal while the launcher builds the jar: it said "build failed" and exited 1 (Ctrl-C), or
     * died without a line (TERM) while Maven built on as an orphan. Now Maven is stopped, its
     * possibly half-written jar removed, one line says so, the exit code is 128 + the signal, and the
     * next launch builds and runs.
     */
    @Test
    void aSignalDuringTheBuildStopsMavenAndSaysSo() throws Exception {
        Launcher launcher = Launcher.freshCheckout(dir);
        Path work = Files.createDirectories(dir.resolve("work"));
        Process p = launcher.start(work, "p", "--version");
        long until = System.nanoTime() + 60_000_000_000L;
        while (p.descendants().noneMatch(d -> d.info().commandLine().orElse("").contains("maven"))) {
            assertTrue(System.nanoTime() < until, "no Maven started: " + Launcher.stderr(work, "p"));
            Thread.sleep(50);
        }
        List<ProcessHandle> maven = p.descendants().toList();
        Launcher.signal(15, p.pid());
        assertEquals(143, Launcher.await(p, 30), Launcher.stderr(work, "p"));
        assertEquals(List.of("purkinje: building " + launcher.root.resolve("target/purkinje.jar")
                + " (first run, or sources changed) ...", "purkinje: interrupted; nothing was written"),
                Launcher.stderr(work, "p").lines().toList());
        for (ProcessHandle m : maven) {
            m.onExit().get(30, TimeUnit.SECONDS);
        }
        assertFalse(Files.exists(launcher.root.resolve("target/purkinje.jar")), "no jar of a stopped build");
        Process next = launcher.start(work, "next", "--version");
        assertEquals(0, Launcher.await(next, 480), Launcher.stderr(work, "next"));
        assertTrue(Files.readString(work.resolve("next.out")).startsWith("purkinje 0."));
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

        // class-data sharing: one of them made the archive of this jar and JVM; runs map it, quietly
        List<Path> archives = archives(launcher.root);
        assertEquals(1, archives.size(), archives.toString());
        Process c = launcher.start(work, "c", "compare", "--cells", "2", "--duration", "0.5 s", "--quiet", "--out", "c");
        assertEquals(0, Launcher.await(c, 120), Launcher.stderr(work, "c"));
        assertEquals("", Launcher.stderr(work, "c"));
        assertEquals(archives, archives(launcher.root), "no new archive while one fits");
        // a rebuilt jar (here: a newer one) gets an archive of its own; the stale one goes, and nothing
        // slows or breaks: a run during training of another launcher runs without an archive
        Files.setLastModifiedTime(launcher.root.resolve("target/purkinje.jar"),
                FileTime.from(Instant.now().plusSeconds(5)));
        Process d = launcher.start(work, "d", "compare", "--cells", "2", "--duration", "0.5 s", "--quiet", "--out", "d");
        Process e = launcher.start(work, "e", "compare", "--cells", "2", "--duration", "0.5 s", "--quiet", "--out", "e");
        assertEquals(0, Launcher.await(d, 120), Launcher.stderr(work, "d"));
        assertEquals(0, Launcher.await(e, 120), Launcher.stderr(work, "e"));
        assertEquals("", Launcher.stderr(work, "d") + Launcher.stderr(work, "e"));
        List<Path> rebuilt = archives(launcher.root);
        assertEquals(1, rebuilt.size(), rebuilt.toString());
        assertFalse(rebuilt.equals(archives), "the stale archive was replaced");
        // killing the launcher while it trains ends the training java too, and leaves no temporary folder
        Files.delete(rebuilt.get(0));
        Process k = launcher.start(work, "k", "--version");
        ProcessHandle training = Launcher.java(k, 30);
        Launcher.signal(9, k.pid());
        Launcher.await(k, 10);
        assertTrue(training.onExit().get(30, TimeUnit.SECONDS) != null && !training.isAlive());
        Process next = launcher.start(work, "next", "compare", "--cells", "2", "--duration", "0.5 s", "--quiet",
                "--no-figures", "--out", "next");
        assertEquals(0, Launcher.await(next, 120), Launcher.stderr(work, "next"));
        assertEquals("", Launcher.stderr(work, "next"));
        try (Stream<Path> left = Files.list(launcher.tmp)) {
            assertEquals(List.of(), left.toList(), "no temporary folder left behind");
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
