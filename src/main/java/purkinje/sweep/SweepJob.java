package purkinje.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigException;
import purkinje.io.Json;
import purkinje.io.OutputFolder;
import purkinje.io.ShutdownHooks;

/**
 * A sweep into a result folder, resumable. The folder is created with a manifest (status
 * "running", the sweep hash and the selection), results are committed to {@value ResultLog#NAME}
 * batch by batch, and at the end points.csv (sorted by point), the manifest with status "finishing",
 * the figures, and last the manifest with status "complete" are written, each atomically. {@code --resume} reads the committed points
 * back, refuses a folder of a different sweep (hash) or selection, and simulates only the rest.
 */
public final class SweepJob {
    /** Manifest status while points are simulated. */
    public static final String RUNNING = "running";
    /** Every point is in points.csv; figures and report being drawn. */
    public static final String FINISHING = "finishing";
    /** Everything written; the only status a finished result has. */
    public static final String COMPLETE = "complete";

    private SweepJob() {
    }

    /** What a sweep did. */
    public record Outcome(Path folder, List<PointRow> rows, int selected, int resumed, int simulated) {
    }

    /** Everything that can be refused is checked here, before the folder is touched. */
    public static Outcome run(SweepPlan plan, Selection selection, Path out, boolean resume, boolean force,
                              int threads, int batchCells, Consumer<Path> render, RunInfo info,
                              SweepRunner.Listener listener) {
        OutputFolder.requireNamed(out);
        Path folder = out.toAbsolutePath().normalize();
        OutputFolder.checkNotStaged(folder); // a compare, fi or merge is about to move its result there
        if (OutputFolder.heldByAnother(folder.resolve(LOCK))) { // named first: it is the reason, whatever else holds
            throw anotherSweep(folder);
        }
        boolean continuing = resume && Files.exists(folder);
        if (!continuing && !force && Files.exists(folder)) {
            unfinished(plan, folder, out); // "use --force" would throw its committed points away
        }
        if (!continuing) {
            OutputFolder.checkWritable(folder, force);
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new ConfigException("cannot create output folder " + out + ": " + e.getMessage());
            }
        }
        try (FileChannel lock = lockFolder(folder)) {
            // a signal (SIGTERM, SIGINT, SIGHUP) ends the JVM without finally blocks: say what is kept, drop the lock
            Thread onSignal = ShutdownHooks.add(() -> {
                deleteQuietly(folder.resolve(LOCK));
                OutputFolder.printInterrupted(folder + " keeps the points committed so far: run the same command "
                        + "with --resume");
            }, "purkinje-sweep-interrupted");
            try {
                return runLocked(plan, selection, folder, out, continuing, threads, batchCells, render, info, listener);
            } finally {
                ShutdownHooks.remove(onSignal);
                // deleted while still held, as OutputFolder's staging locks: only a SIGKILL leaves it behind
                Files.deleteIfExists(folder.resolve(LOCK));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The points a --resume into {@code out} will not simulate again (committed to points.csv or
     * the log of an earlier run of this plan), for the time estimate; empty where there is nothing
     * to resume or it cannot be read (the resume itself then says why).
     */
    public static java.util.Set<Integer> committedPoints(SweepPlan plan, Path out) {
        Path folder = out.toAbsolutePath().normalize();
        try {
            if (!Files.isRegularFile(folder.resolve(SweepOutputs.MANIFEST))
                    || !readManifest(folder).path("sweep_sha256").asText().equals(plan.hash())) {
                return java.util.Set.of();
            }
            java.util.Set<Integer> done = new java.util.HashSet<>(ResultLog.readComplete(folder.resolve(SweepOutputs.POINTS),
                    plan).keySet());
            done.addAll(ResultLog.readComplete(folder.resolve(ResultLog.NAME), plan).keySet());
            return done;
        } catch (RuntimeException e) {
            return java.util.Set.of();
        }
    }

    /** Refuses, naming --resume, a folder that holds an unfinished run of this sweep (killed, or out of time). */
    private static void unfinished(SweepPlan plan, Path folder, Path out) {
        JsonNode m;
        try {
            m = readManifest(folder);
        } catch (ConfigException notASweep) {
            return; // not a sweep result: the usual refusal says what to do
        }
        String status = m.path("status").asText();
        if (m.path("sweep_sha256").asText().equals(plan.hash()) && !COMPLETE.equals(status)) {
            int done = committedPoints(plan, out).size();
            throw new ConfigException("output folder " + out + " holds an unfinished run of this sweep (" + done + " of "
                    + plan.size() + " points committed); run the same command with --resume to finish it, or with "
                    + "--force to start again (its points are then lost)");
        }
    }

    /** Name of the lock file a live sweep holds in its folder (removed when the sweep ends). */
    static final String LOCK = OutputFolder.SWEEP_LOCK;

    /**
     * An OS lock on the folder's {@value #LOCK} for the whole run: a second sweep into the same folder
     * (a second terminal, a requeued array task overlapping the old one) is refused instead of
     * replacing the first's commit log under it. The OS releases the lock however the process dies.
     */
    private static FileChannel lockFolder(Path folder) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null; // held by this JVM
            }
            if (held == null) {
                channel.close();
                throw anotherSweep(folder);
            }
            return channel;
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // the open failure is the one to report
                }
            }
            throw new ConfigException("cannot lock output folder " + folder + " (" + purkinje.io.IoFailure.reason(e)
                    + "); it must be a folder you may write to: choose another --out");
        }
    }

    private static ConfigException anotherSweep(Path folder) {
        return new ConfigException("another sweep is writing to " + folder + " right now; wait for it to end "
                + "(or stop it), then run again with --resume");
    }

    private static Outcome runLocked(SweepPlan plan, Selection selection, Path folder, Path out, boolean continuing,
                                     int threads, int batchCells, Consumer<Path> render, RunInfo info,
                                     SweepRunner.Listener listener) {
        List<Integer> selected = selection.indices(plan.size());
        TreeMap<Integer, List<PointRow>> done = new TreeMap<>();
        if (continuing) {
            checkResumable(plan, selection, folder);
            done.putAll(ResultLog.readComplete(folder.resolve(SweepOutputs.POINTS), plan));
            done.putAll(ResultLog.readComplete(folder.resolve(ResultLog.NAME), plan));
            done.keySet().retainAll(selected);
        } else {
            try {
                clearToolFiles(folder);
            } catch (IOException e) {
                throw new ConfigException("cannot create output folder " + out + ": " + e.getMessage());
            }
        }
        writeManifest(plan, info, selection, selected.size(), RUNNING, threads, folder);
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
        // "complete" comes last: a run killed (or a disk filled) while drawing leaves "finishing",
        // and --resume, which finds every point in points.csv, draws again
        writeManifest(plan, info, selection, selected.size(), FINISHING, threads, folder);
        render.accept(folder); // figures and report.html, drawn from points.csv and the manifest
        try {
            Files.deleteIfExists(folder.resolve(ResultLog.NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeManifest(plan, info, selection, selected.size(), COMPLETE, threads, folder);
        return new Outcome(folder, rows, selected.size(), resumed, pending.size());
    }

    private static void writeManifest(SweepPlan plan, RunInfo info, Selection selection, int selected, String status,
                                      int threads, Path folder) {
        ResultLog.replaceAtomically(folder.resolve(SweepOutputs.MANIFEST), SweepOutputs.manifestText(
                SweepOutputs.manifest(plan, info, selection, selected, status, threads, Map.of())));
        // with every status, so that a later --force over even an unfinished sweep replaces all of it
        OutputFolder.writeToolFileList(folder, SweepOutputs.FILES);
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
                String command = node == null ? "" : node.path("command").asText();
                throw new ConfigException(folder + " holds " + (command.isEmpty() ? "no sweep result"
                        : "a '" + command + "' result, not a sweep") + "; choose another --out (or replace it: "
                        + "without --resume, with --force)");
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
            // e.g. one task of an array re-submitted alone: --shard auto then reads an array of 1 task
            throw new ConfigException("cannot resume: " + folder + " holds a sweep of " + sel + ", but this run "
                    + "selects " + selection.describe() + "; give the same --points/--shard (for an array task "
                    + "re-submitted alone: --shard with the task's K/N, e.g. SWEEP_SHARDS=N for "
                    + "configs/slurm/sweep-array.sbatch)");
        }
    }

    /** Removes what an earlier run of the tool wrote (only its own names), keeping a user's files. */
    private static void clearToolFiles(Path folder) throws IOException {
        OutputFolder.deleteListedToolFiles(folder); // an earlier result of any command, as its list names it
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

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort at shutdown: a leftover lock file is not held, and the next sweep reuses it
        }
    }
}
