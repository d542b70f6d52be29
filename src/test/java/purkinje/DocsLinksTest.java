package purkinje;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository is self-contained for its users: every link in its Markdown files resolves to a
 * file inside the repository, every repository file the docs or the report name exists, and no
 * doc, config, bench script or report text sends the reader to a path of the development machine
 * (a sibling {@code ../shared} folder, {@code /work}, a home directory).
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();

    /** Inline Markdown links and images: [text](target) or ![alt](target "title"). */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** Reference definitions: [label]: target. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s|$)");
    /** A repository file named in prose: docs/..., bench/..., configs/... with a file extension. */
    private static final Pattern NAMED_FILE = Pattern.compile(
            "(?<![\\w./-])((?:docs|bench|configs)/[\\w./-]*\\w\\.(?:md|yaml|sh|c|h|py|sbatch))(?![\\w/-])");
    /** Paths that exist only on the machine the project was developed on. */
    private static final Pattern MACHINE_PATH = Pattern.compile(
            "\\.\\./shared\\b|(?<![\\w.-])shared/(?:bench|design|slurm)\\b|(?<![\\w.-])/(?:work|root|home)/");

    @Test
    void everyMarkdownLinkResolvesInsideTheRepository() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path md : markdownFiles()) {
            String text = Files.readString(md);
            for (Pattern p : List.of(INLINE_LINK, REFERENCE_LINK)) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String problem = linkProblem(md, m.group(1));
                    if (problem != null) {
                        problems.add(ROOT.relativize(md) + ":" + line(text, m.start()) + ": " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "Markdown links that a user of the repository cannot follow");
    }

    @Test
    void everyRepositoryFileTheDocsAndTheReportNameExists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path md : markdownFiles()) {
            String text = withoutFencedBlocks(Files.readString(md));
            problems.addAll(missingNamedFiles(md, text));
        }
        for (Path java : filesUnder("src/main/java", ".java")) {
            // the sources name docs for the user (the report's "Details: docs/MODEL.md") and in javadoc
            String text = Files.readString(java);
            for (String problem : missingNamedFiles(java, text)) {
                if (problem.contains(": docs/")) {
                    problems.add(problem);
                }
            }
        }
        assertEquals(List.of(), problems, "files named in the docs or the sources that the repository does not have");
    }

    @Test
    void noDocConfigOrBenchScriptPointsToTheDevelopmentMachine() throws IOException {
        List<Path> files = new ArrayList<>(markdownFiles());
        files.addAll(filesUnder("configs", ""));
        files.addAll(filesUnder("bench", ""));
        files.addAll(filesUnder("src/main/java/purkinje/report", ".java"));
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher m = MACHINE_PATH.matcher(text);
            while (m.find()) {
                problems.add(ROOT.relativize(f) + ":" + line(text, m.start()) + ": '" + m.group() + "'");
            }
        }
        assertEquals(List.of(), problems, "paths outside the repository (a user of it does not have them)");
    }

    @Test
    void theCheckSeesTheFilesItChecks() throws IOException {
        // guards against a test that passes because it read nothing (wrong working directory)
        List<Path> md = markdownFiles();
        assertTrue(md.contains(ROOT.resolve("README.md")), "README.md not found from " + ROOT);
        assertTrue(md.contains(ROOT.resolve("docs/MODEL.md")), "docs/MODEL.md not found");
        assertTrue(linkProblem(ROOT.resolve("README.md"), "docs/NO-SUCH-FILE.md") != null);
        assertTrue(linkProblem(ROOT.resolve("README.md"), "../shared/bench/README.md") != null);
        assertEquals(null, linkProblem(ROOT.resolve("docs/MODEL.md"), "../README.md#reproducibility"));
        assertTrue(MACHINE_PATH.matcher("see ../shared/bench/side-by-side.sh").find());
        assertTrue(MACHINE_PATH.matcher("\"bench README\" is /work/shared/bench/README.md").find());
        assertTrue(!MACHINE_PATH.matcher("bench/side-by-side.sh and /usr/bin/python3").find());
    }

    /** Why a link target cannot be followed from {@code from}, or null if it can. */
    private static String linkProblem(Path from, String target) {
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) { // http:, https:, mailto: ...
            return target.matches("(?i)(https?|mailto):.+") ? null : "link with an unexpected scheme: " + target;
        }
        String path = target.replaceFirst("[#?].*$", "");
        if (path.isEmpty()) {
            return null; // an anchor in the same page
        }
        if (path.startsWith("/")) {
            return "absolute path: " + target;
        }
        Path resolved = from.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "leaves the repository: " + target;
        }
        if (!Files.exists(resolved)) {
            return "missing file: " + target;
        }
        return null;
    }

    private static List<String> missingNamedFiles(Path file, String text) {
        List<String> problems = new ArrayList<>();
        Matcher m = NAMED_FILE.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!Files.exists(ROOT.resolve(name)) && !Files.exists(file.getParent().resolve(name))) {
                problems.add(ROOT.relativize(file) + ":" + line(text, m.start()) + ": " + name);
            }
        }
        return problems;
    }

    /** Fenced code blocks show commands with example files of the user's own (configs/mine.yaml). */
    private static String withoutFencedBlocks(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                out.append('\n');
                continue;
            }
            out.append(fenced ? "" : line).append('\n');
        }
        return out.toString();
    }

    private static List<Path> markdownFiles() throws IOException {
        return filesUnder("", ".md");
    }

    /** Files under a folder of the repository, skipping build output, results and hidden folders. */
    private static List<Path> filesUnder(String folder, String suffix) throws IOException {
        Path start = ROOT.resolve(folder);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(suffix))
                    .filter(p -> {
                        Path rel = ROOT.relativize(p);
                        for (Path part : rel) {
                            String s = part.toString();
                            if (s.startsWith(".") || s.equals("target") || s.equals("node_modules")) {
                                return false;
                            }
                        }
                        return !rel.startsWith("results") || rel.getNameCount() == 2; // results/README.md only
                    })
                    .sorted()
                    .toList();
        }
    }

    private static int line(String text, int offset) {
        int n = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
