package purkinje.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --force} over an earlier result the user cannot delete (made read-only): the new result
 * is moved into place first, so clearing the old copy away can fail only after the run's result is
 * complete. That used to be exit 1 with "nothing was written" while the new result stood there;
 * now it is exit 0 with a warning that says where the old copy is. Runs java as the unprivileged
 * user 'nobody' (root ignores file modes), so it needs root and runuser; skipped elsewhere.
 */
class ReadOnlyResultTest {
    @TempDir
    Path dir;

    private static int run(List<String> command, StringBuilder output) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        output.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        return p.exitValue();
    }

    @Test
    void forceOverAReadOnlyResultReplacesItAndSaysWhereTheOldCopyIs() throws Exception {
        StringBuilder probe = new StringBuilder();
        assumeTrue(run(List.of("runuser", "-u", "nobody", "--", "true"), probe) == 0,
                "skipped: cannot run as 'nobody' here (needs root and runuser): " + probe);
        // the classes and their dependencies, copied where 'nobody' can read them (~/.m2 is private)
        Path lib = Files.createDirectories(dir.resolve("lib"));
        List<String> cp = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("test-classes") || entry.contains("junit") || entry.contains("opentest4j")
                    || entry.contains("apiguardian")) {
                continue;
            }
            Path from = Path.of(entry);
            Path to = lib.resolve((i++) + "-" + from.getFileName());
            if (Files.isDirectory(from)) {
                try (Stream<Path> s = Files.walk(from)) {
                    for (Path p : s.toList()) {
                        Files.copy(p, to.resolve(from.relativize(p).toString()));
                    }
                }
            } else {
                Files.copy(from, to);
            }
            cp.add(to.toString());
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        run(List.of("chmod", "-R", "a+rwX", dir.toString()), new StringBuilder());
        Path out = work.resolve("res");
        List<String> compare = new ArrayList<>(List.of("runuser", "-u", "nobody", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + work,
                "-cp", String.join(File.pathSeparator, cp), "purkinje.cli.Main", "compare", "--cells", "4",
                "--duration", "1 s", "--no-figures", "--quiet", "--out", out.toString()));
        StringBuilder first = new StringBuilder();
        assertEquals(0, run(compare, first), first.toString());
        run(List.of("chmod", "555", out.toString()), new StringBuilder()); // the user protects the earlier result

        compare.addAll(List.of("--force", "--seed", "6"));
        StringBuilder second = new StringBuilder();
        assertEquals(0, run(compare, second), "the new result is in place: " + second);
        assertTrue(second.toString().startsWith("purkinje: warning: the new result is complete in " + out
                + ", but the earlier one could not be cleared away ("), second.toString());
        assertTrue(second.toString().contains("take any files of yours from it, then delete it"), second.toString());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"seed\" : 6"), "the new result");
        try (Stream<Path> s = Files.list(work)) {
            List<String> old = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".old")).toList();
            assertEquals(1, old.size(), "the old copy the warning names: " + old);
            assertTrue(second.toString().contains(work.resolve(old.get(0)).toString()), second.toString());
        }
    }
}
