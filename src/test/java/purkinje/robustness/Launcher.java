package purkinje.robustness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The real {@code ./purkinje} launcher in a temporary project folder, with a jar that is up to
 * date: a manifest-only jar whose Class-Path points at the classes under test and their
 * dependencies (the test phase runs before the shaded jar is packaged). Each run gets its own
 * TMPDIR, so the temporary files of a run can be checked.
 */
final class Launcher {
    final Path root;
    final Path tmp;
    /** Whether the launcher may make and use a class-data archive (only for a real, self-contained jar). */
    final boolean cds;

    private Launcher(Path root, Path tmp, boolean cds) {
        this.root = root;
        this.tmp = tmp;
        this.cds = cds;
    }

    /** A project folder with the launcher, pom.xml, configs and an up-to-date jar (no build needed). */
    static Launcher withJar(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("project"));
        Files.copy(Path.of("purkinje"), root.resolve("purkinje"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(Path.of("pom.xml"), root.resolve("pom.xml"));
        Files.createDirectories(root.resolve("src/main/java"));
        Files.createDirectories(root.resolve("configs"));
        try (Stream<Path> s = Files.list(Path.of("configs"))) {
            for (Path c : s.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(c, root.resolve("configs").resolve(c.getFileName()));
            }
        }
        FileTime past = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(root.resolve("pom.xml"), past);
        Path jar = Files.createDirectories(root.resolve("target")).resolve("purkinje.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "purkinje.cli.Main");
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("test-classes") || entry.contains("junit") || entry.contains("opentest4j")
                    || entry.contains("apiguardian")) {
                continue;
            }
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            out.flush();
        }
        // a jar whose Class-Path names folders cannot be archived (the JVM refuses to dump one), so these
        // runs go without class-data sharing, as PURKINJE_CDS=0 (freshCheckout's real jar has it)
        return new Launcher(root, Files.createDirectories(dir.resolve("tmp")), false);
    }

    /** A copy of the project's build inputs without any jar: the first launch must build it. */
    static Launcher freshCheckout(Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("checkout"));
        for (String p : List.of("purkinje", "pom.xml")) {
            Files.copy(Path.of(p), root.resolve(p), StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String tree : List.of("src/main", "configs")) {
            try (Stream<Path> s = Files.walk(Path.of(tree))) {
                for (Path p : s.toList()) {
                    Path to = root.resolve(p.toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
        return new Launcher(root, Files.createDirectories(dir.resolve("tmp")), true);
    }

    /** Starts {@code ./purkinje ARGS} in {@code workDir}, stdout and stderr to files beside it. */
    Process start(Path workDir, String name, String... args) throws IOException {
        return start(workDir, name, Map.of(), args);
    }

    /** {@link #start} with extra environment variables (e.g. PURKINJE_JAVA_OPTS, which it otherwise clears). */
    Process start(Path workDir, String name, Map<String, String> extraEnv, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(root.resolve("purkinje").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(workDir.resolve(name + ".out").toFile())
                .redirectError(workDir.resolve(name + ".err").toFile());
        Map<String, String> env = pb.environment();
        env.put("TMPDIR", tmp.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("PURKINJE_JAVA_OPTS");
        if (cds) {
            env.remove("PURKINJE_CDS");
        } else {
            env.put("PURKINJE_CDS", "0");
        }
        env.putAll(extraEnv);
        return pb.start();
    }

    static String stderr(Path workDir, String name) throws IOException {
        return Files.readString(workDir.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    /** Waits for the process; kills it (and fails) after {@code seconds}. */
    static int await(Process p, double seconds) throws InterruptedException {
        if (!p.waitFor((long) (seconds * 1000), TimeUnit.MILLISECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not end within " + seconds + " s");
        }
        return p.exitValue();
    }

    /** The java process the launcher started, once it runs. */
    static ProcessHandle java(Process launcher, double seconds) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            var j = launcher.children().filter(c -> c.info().command().map(s -> s.endsWith("/java")).orElse(false))
                    .findFirst();
            if (j.isPresent()) {
                return j.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the launcher started no java within " + seconds + " s");
    }

    /** Sends a signal by number (TERM 15, KILL 9) to processes, all in one kill(1), so back to back. */
    static void signal(int signal, long... pids) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("kill", "-" + signal));
        for (long pid : pids) {
            cmd.add(Long.toString(pid));
        }
        new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }
}
