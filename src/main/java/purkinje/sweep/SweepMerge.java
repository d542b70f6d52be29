package purkinje.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigException;
import purkinje.io.OutputFolder;

/**
 * Joins the folders of shards (or of any partial runs) of ONE sweep into one result. Refuses
 * folders of different sweeps (their manifests' sweep hashes differ) and reports points no folder
 * holds; the merged points.csv equals what one process running the whole sweep writes.
 */
public final class SweepMerge {
    private SweepMerge() {
    }

    /** Some points of the sweep are in none of the folders: nothing was written. */
    public static final class MissingPointsException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<Integer> missing;

        MissingPointsException(List<Integer> missing, int total) {
            super(missing.size() + " of " + total + " points are in none of the folders: "
                    + SweepOutputs.ranges(missing) + " (run them with 'purkinje sweep CONFIG --points "
                    + SweepOutputs.ranges(missing).replace(" ", "") + " --out DIR' and merge again); nothing written");
            this.missing = List.copyOf(missing);
        }

        public List<Integer> missing() {
            return missing;
        }
    }

    /** What a merge did. */
    public record Outcome(Path folder, SweepPlan plan, List<PointRow> rows) {
    }

    /** The plan a sweep folder was made with, rebuilt from its manifest. */
    public static SweepPlan planOf(Path folder) {
        JsonNode m = SweepJob.readManifest(folder);
        String text = m.path("config_text").asText(null);
        if (text == null) {
            throw new ConfigException(folder.resolve(SweepOutputs.MANIFEST) + " lacks the config text");
        }
        String name = m.path("config").path("name").asText("sweep");
        return SweepPlan.parse(text, m.path("config_file").asText("config") + " (in " + folder + ")", name,
                m.path("seed").asLong());
    }

    /**
     * Merges; {@code render} draws figures and report.html into the complete staging folder before
     * it is moved into place (pass {@code f -> { }} for none).
     */
    public static Outcome merge(List<Path> folders, Path out, boolean force, Consumer<Path> render, RunInfo info) {
        if (folders.isEmpty()) {
            throw new ConfigException("merge: give at least one sweep folder");
        }
        SweepPlan plan = null;
        Path first = null;
        List<TreeMap<Integer, List<PointRow>>> parts = new ArrayList<>();
        for (Path f : folders) {
            if (!Files.isDirectory(f)) {
                throw new ConfigException("merge: " + f + " is not a folder");
            }
            if (OutputFolder.heldByAnother(f.resolve(SweepJob.LOCK))) { // its points were called missing (exit 1)
                throw new ConfigException("merge: a sweep is still writing " + f + "; wait for it to end, then merge");
            }
            JsonNode m = SweepJob.readManifest(f);
            String hash = m.path("sweep_sha256").asText();
            if (plan == null) {
                plan = planOf(f);
                first = f;
                if (!plan.hash().equals(hash)) {
                    throw new ConfigException("merge: " + f + ": its manifest's sweep hash does not match its config "
                            + "(written by another version?)");
                }
            } else if (!plan.hash().equals(hash)) {
                throw new ConfigException("merge: " + f + " holds a different sweep than " + first + " (sweep hash "
                        + hash.substring(0, Math.min(12, hash.length())) + "... vs " + plan.hash().substring(0, 12)
                        + "...); merge only shards of one sweep (same config and seed)");
            }
            TreeMap<Integer, List<PointRow>> part = ResultLog.readComplete(f.resolve(SweepOutputs.POINTS), plan);
            part.putAll(ResultLog.readComplete(f.resolve(ResultLog.NAME), plan));
            for (TreeMap<Integer, List<PointRow>> earlier : parts) {
                for (Map.Entry<Integer, List<PointRow>> e : part.entrySet()) {
                    List<PointRow> other = earlier.get(e.getKey());
                    if (other != null && !csv(plan, other).equals(csv(plan, e.getValue()))) {
                        throw new ConfigException("merge: point " + e.getKey() + " differs between folders; they "
                                + "cannot come from the same sweep");
                    }
                }
            }
            parts.add(part);
        }
        TreeMap<Integer, List<PointRow>> all = SweepOutputs.merged(parts);
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (!all.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingPointsException(missing, plan.size());
        }
        List<PointRow> rows = SweepOutputs.sorted(plan, all.values());
        try (OutputFolder folder = OutputFolder.prepare(out, force)) {
            ResultLog.replaceAtomically(folder.resolve(SweepOutputs.POINTS), SweepOutputs.pointsCsv(plan, rows));
            ResultLog.replaceAtomically(folder.resolve(SweepOutputs.MANIFEST), SweepOutputs.manifestText(
                    SweepOutputs.manifest(plan, info, Selection.ALL, plan.size(), SweepJob.COMPLETE, 0,
                            Map.of("merged_from", folders.stream()
                                    .map(p -> p.toAbsolutePath().normalize().toString()).toList()))));
            render.accept(folder.stagingFolder());
            folder.commit(SweepOutputs.FILES);
            return new Outcome(folder.target(), plan, rows);
        }
    }

    private static String csv(SweepPlan plan, List<PointRow> rows) {
        return SweepOutputs.pointsCsv(plan, rows);
    }
}
