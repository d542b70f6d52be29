package purkinje.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigException;
import purkinje.io.Json;
import purkinje.io.OutputFolder;

/**
 * A sweep into a result folder, resumable. The folder is created with a manifest (status
 * "running", the sweep hash and the selection), results are committed to {@value ResultLog#NAME}
 * batch by batch, and at the end points.csv (sorted by point), the figures and the final manifest
 * (status "complete") are written, each atomically. {@code --resume} reads the committed points
 * back, refuses a folder of a different sweep (hash) or selection, and simulates only the rest.
 */
public final class SweepJob {
    private SweepJob() {
    }

    /** What a sweep did. */
    public record Outcome(Path folder, List<PointRow> rows, int selected, int resumed, int simulated) {
    }

    /** Everything that can be refused is checked here, before the folder is touched. */
    public static Outcome run(SweepPlan plan, Selection selection, Path out, boolean resume, boolean force,
                              int threads, int batchCells, Consumer<Path> render, RunInfo info,
                              SweepRunner.Listener listener) {
        Path folder = out.toAbsolutePath().normalize();
        List<Integer> selected = selection.indices(plan.size());
        TreeMap<Integer, List<PointRow>> done = new TreeMap<>();
        boolean continuing = resume && Files.exists(folder);
        if (continuing) {
            checkResumable(plan, selection, folder);
            done.putAll(ResultLog.readComplete(folder.resolve(SweepOutputs.POINTS), plan));
            done.putAll(ResultLog.readComplete(folder.resolve(ResultLog.NAME), plan));
            done.keySet().retainAll(selected);
        } else {
            OutputFolder.checkWritable(folder, force);
        }
        try {
            if (!continuing) {
                Files.createDirectories(folder);
                clearToolFiles(folder);
            }
        } catch (IOException e) {
            throw new ConfigException("cannot create output folder " + out + ": " + e.getMessage());
        }
        writeManifest(plan, info, selection, selected.size(), "running", threads, folder);
        List<Integer> pending = new ArrayList<>(selected);
        pending.removeAll(done.keySet());
        int resumed = done.size();
        try (ResultLog log = ResultLog.start(folder.resolve(ResultLog.NAME), plan, done.values())) {
            SweepRunner.run(plan, pending, threads, batchCells, rows -> {
                log.append(rows);
                for (PointRow r : rows) {
                    done.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r);
                }
            }, listener);
        }
        List<PointRow> rows = SweepOutputs.sorted(plan, done.values());
        ResultLog.replaceAtomically(folder.resolve(SweepOutputs.POINTS), SweepOutputs.pointsCsv(plan, rows));
        writeManifest(plan, info, selection, selected.size(), "complete", threads, folder);
        render.accept(folder); // figures and report.html, drawn from points.csv and the manifest
        try {
            Files.deleteIfExists(folder.resolve(ResultLog.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Outcome(folder, rows, selected.size(), resumed, pending.size());
    }

    private static void writeManifest(SweepPlan plan, RunInfo info, Selection selection, int selected, String status,
                                      int threads, Path folder) {
        try {
            String json = Json.mapper().writeValueAsString(SweepOutputs.manifest(plan, info, selection, selected,
                    status, threads, Map.of()));
            ResultLog.replaceAtomically(folder.resolve(SweepOutputs.MANIFEST), json + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a sweep folder's manifest, or explains why it is not one. */
    static JsonNode readManifest(Path folder) {
        Path m = folder.resolve(SweepOutputs.MANIFEST);
        if (!Files.isRegularFile(m)) {
            throw new ConfigException(folder + " holds no " + SweepOutputs.MANIFEST + ", so it is not a sweep result");
        }
        try {
            JsonNode node = Json.mapper().readTree(m.toFile());
            if (node == null || !"purkinje".equals(node.path("tool").asText()) || !node.has("sweep_sha256")) {
                throw new ConfigException(m + " is not the manifest of a purkinje sweep");
            }
            return node;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + m + ": " + e.getMessage());
        }
    }

    private static void checkResumable(SweepPlan plan, Selection selection, Path folder) {
        if (!Files.isRegularFile(folder.resolve(SweepOutputs.MANIFEST))) {
            throw new ConfigException("cannot resume: " + folder + " holds no " + SweepOutputs.MANIFEST
                    + " (the sweep never started there); run without --resume, with --force if the folder is empty");
        }
        JsonNode m = readManifest(folder);
        String hash = m.path("sweep_sha256").asText();
        if (!hash.equals(plan.hash())) {
            throw new ConfigException("cannot resume: the sweep in " + folder + " was run with a different config "
                    + "or seed (sweep hash " + hash.substring(0, Math.min(12, hash.length())) + "..., now "
                    + plan.hash().substring(0, 12) + "...); use the original config, or start again with --force");
        }
        String sel = m.path("selection").asText();
        if (!sel.equals(selection.describe())) {
            throw new ConfigException("cannot resume: " + folder + " holds a sweep of " + sel + ", but this run "
                    + "selects " + selection.describe() + "; give the same --points/--shard");
        }
    }

    /** Removes what an earlier run of the tool wrote (only its own names), keeping a user's files. */
    private static void clearToolFiles(Path folder) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (SweepOutputs.FILES.contains(name) || (name.startsWith(".") && name.endsWith(".tmp"))) {
                    deleteTree(p);
                }
            }
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(p)) {
                for (Path c : s) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
