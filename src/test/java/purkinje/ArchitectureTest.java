package purkinje;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of docs/ARCHITECTURE.md, checked on the imports of every source file:
 * data flows config -> model -> engine -> analysis -> io/plot -> experiment -> cli, never back.
 */
class ArchitectureTest {
    /** Which project packages each package may import (besides itself). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("analysis", Set.of("model")),
            Map.entry("analysis.theory", Set.of("model")),
            Map.entry("engine", Set.of("model", "analysis")),
            Map.entry("io", Set.of("model")),
            Map.entry("plot", Set.of()),
            Map.entry("experiment", Set.of("model", "engine", "analysis", "analysis.theory", "io", "plot")),
            Map.entry("sweep", Set.of("model", "engine", "analysis", "analysis.theory", "io", "plot", "experiment")),
            // report draws figures and report.html from a result's files; it sits above experiment and sweep
            // (which write those files and never import it) and below cli, which calls it after a run or for 'plot'
            Map.entry("report", Set.of("model", "analysis", "analysis.theory", "io", "plot", "experiment", "sweep")),
            // lab serves a page that runs experiments and draws figures with the report's words; only cli starts it
            Map.entry("lab", Set.of("model", "engine", "analysis", "analysis.theory", "io", "plot", "experiment", "report")),
            // fit (purkinje fit) sits beside sweep: it uses the theory, the engine (predictive check) and experiment
            Map.entry("fit", Set.of("model", "engine", "analysis", "analysis.theory", "io", "experiment")),
            Map.entry("cli", Set.of("model", "engine", "analysis", "analysis.theory", "io", "plot", "experiment", "sweep",
                    "report", "lab", "fit")));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?purkinje\\.([a-z.]+)\\.[A-Z]",
            Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bpurkinje\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");

    @Test
    void packagesImportOnlyWhatTheRuleAllows() throws IOException {
        Path root = Path.of("src/main/java/purkinje");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = root.relativize(f.getParent()).toString().replace('/', '.');
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(f + ": package '" + pkg + "' is not in the dependency rule");
                    continue;
                }
                String text = Files.readString(f);
                for (Pattern p : List.of(IMPORT, QUALIFIED)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        String used = m.group(1);
                        if (!used.equals(pkg) && !allowed.contains(used)) {
                            violations.add(f + " uses purkinje." + used);
                        }
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
