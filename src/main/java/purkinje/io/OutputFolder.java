package purkinje.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A result folder written all-or-nothing. Files go to a hidden temporary sibling folder; only when
 * the run is complete is it renamed into place, so an interrupted run never leaves a half-written
 * result that looks finished.
 *
 * <p>An existing folder is refused unless {@code replace} is set, and even then only a folder this
 * tool wrote (it holds a {@code manifest.json} naming purkinje) is replaced; files a user added to
 * it, at any depth (e.g. inside {@code figures/}), are carried over into the new result, so
 * "replace" touches only what the tool wrote. The tool's own files are listed in {@value #FILE_LIST}.
 *
 * <p>Interrupted runs leave nothing: on SIGTERM, SIGINT or SIGHUP a shutdown hook removes the
 * staging folder; after SIGKILL (or a power cut) the next run into the same parent folder removes
 * it. A run holds an OS file lock on {@code .NAME.partial-ID.lock} for as long as it lives, so the
 * next run can tell a dead run's staging folder from a live one, on this machine or another one
 * sharing the file system; the OS releases the lock when the process dies, however it dies.
 */
public final class OutputFolder implements AutoCloseable {
    /** The file that marks a folder as a purkinje result. */
    public static final String MANIFEST = "manifest.json";
    /** The files a run wrote (one relative path a line), so --force can tell them from the user's. */
    public static final String FILE_LIST = ".purkinje-files";
    private static final String PARTIAL = ".partial-";
    private static final String LOCK = ".lock";
    /** The lock file a live sweep holds in its folder (sweeps write in place, not through a staging folder). */
    public static final String SWEEP_LOCK = ".sweep.lock";
    private static final String OLD = ".old";
    /** Staging folders of earlier versions (no lock file) are removed when older than this. */
    private static final Duration UNLOCKED_STALE_AFTER = Duration.ofDays(1);
    /** Folders not committed when the JVM shuts down (SIGTERM, SIGINT, SIGHUP, System.exit). */
    private static final Set<OutputFolder> OPEN = new HashSet<>();

    static {
        // first loaded by a shutdown hook (printInterrupted) nothing is open: aborting at once is a no-op
        ShutdownHooks.add(OutputFolder::abortAll, "purkinje-output-cleanup");
    }

    /** The result folder of the latest run in this JVM, to name it in an I/O error's one line. */
    private static volatile Path latestTarget;

    private final Path target;
    private final Path staging;
    private final boolean replace;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final Path createdRoot;
    private boolean committed;
    private boolean aborted;

    private OutputFolder(Path target, Path staging, boolean replace, Path lockFile, FileChannel lockChannel,
                         Path createdRoot) {
        this.target = target;
        this.staging = staging;
        this.replace = replace;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.createdRoot = createdRoot;
    }

    /**
     * Checks that {@code target} may be written (before any simulation runs) and creates the staging folder.
     *
     * @throws ConfigException if the folder exists and may not be replaced
     */
    public static OutputFolder prepare(Path target, boolean replace) {
        requireNamed(target);
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new ConfigException("output folder " + target + " is a file system root; choose another --out");
        }
        checkWritable(abs, replace);
        Path parent = abs.getParent();
        Path createdRoot = firstMissing(parent);
        Path lock = null;
        FileChannel channel = null;
        try {
            Files.createDirectories(parent);
            removeStale(parent, abs.getFileName().toString());
            // locked under a temporary name, then renamed: a lock file under its real name is always
            // locked while its run lives, so no other run can take it for a dead one's
            Path fresh = Files.createTempFile(parent, "." + abs.getFileName() + PARTIAL, LOCK + "-new");
            channel = FileChannel.open(fresh, StandardOpenOption.WRITE);
            channel.lock();
            String freshName = fresh.getFileName().toString();
            lock = parent.resolve(freshName.substring(0, freshName.length() - "-new".length()));
            move(fresh, lock);
            String lockName = lock.getFileName().toString();
            if (!replace && anotherLiveRun(parent, abs.getFileName().toString(), lock)) {
                // refused now, not after the simulation: the README's "the second is refused"
                throw new ConfigException("another run is writing output folder " + target + " right now; wait "
                        + "for it to end, or choose another --out (with --force this run would replace its result)");
            }
            Path staging = parent.resolve(lockName.substring(0, lockName.length() - LOCK.length()));
            Files.createDirectory(staging);
            try { // the result should be as readable as any other folder
                Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep the default
            }
            OutputFolder f = new OutputFolder(abs, staging, replace, lock, channel, createdRoot);
            latestTarget = abs;
            synchronized (OPEN) {
                OPEN.add(f);
            }
            return f;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            deleteQuietly(lock);
            removeCreated(createdRoot);
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException("cannot create output folder " + target + ": " + cause(e, parent));
        }
    }

    /** Why a folder cannot be made, in words (the JDK's message names only the path). */
    private static String cause(Exception e, Path parent) {
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return p + " is a file, not a folder";
                }
                if (!Files.isWritable(p)) {
                    return p + " is not writable";
                }
                break;
            }
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied in " + parent;
        }
        if (e instanceof java.nio.file.NoSuchFileException) { // the folder exists, yet a file cannot be made in it
            return parent + " does not accept new files (a system folder such as /proc?)";
        }
        return e instanceof IOException io ? IoFailure.reason(io)
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The outermost missing folder on the way to {@code folder} (removed again if the run fails), or null. */
    private static Path firstMissing(Path folder) {
        Path missing = null;
        for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    private static void removeCreated(Path createdRoot) {
        if (createdRoot == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(createdRoot)) { // only empty folders: never what another run wrote meanwhile
            List<Path> dirs = new ArrayList<>(s.filter(Files::isDirectory).toList());
            java.util.Collections.reverse(dirs);
            for (Path d : dirs) {
                try {
                    Files.delete(d);
                } catch (IOException ignored) {
                    // not empty: keep it
                }
            }
        } catch (IOException | UncheckedIOException ignored) {
            // best effort
        }
    }

    /**
     * Removes what dead runs left in {@code parent}: staging folders whose lock nobody holds (an
     * interrupted replace is finished: the earlier result goes back in place if the new one never
     * arrived), and lock-less staging folders of earlier versions older than a day.
     */
    static void removeStale(Path parent, String name) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(parent)) {
            entries = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(".") && n.contains(PARTIAL);
            }).toList();
        } catch (IOException e) {
            return;
        }
        for (Path p : entries) {
            String n = p.getFileName().toString();
            if (n.endsWith(LOCK)) {
                removeIfDead(p);
            } else if (!n.endsWith(OLD) && !Files.exists(parent.resolve(n + LOCK)) && olderThan(p, UNLOCKED_STALE_AFTER)) {
                deleteQuietly(p);
            }
        }
    }

    /** Whether a live run other than the one holding {@code mine} stages a result named {@code name} in {@code parent}. */
    private static boolean anotherLiveRun(Path parent, String name, Path mine) {
        List<Path> locks;
        try (Stream<Path> s = Files.list(parent)) {
            locks = s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith("." + name + PARTIAL) && n.endsWith(LOCK) && !p.equals(mine);
            }).toList();
        } catch (IOException e) {
            return false;
        }
        return locks.stream().anyMatch(OutputFolder::heldByAnother);
    }

    /** Refuses {@code target} while a live run (compare, fi, validate, merge) stages a result for it. */
    public static void checkNotStaged(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() != null && abs.getFileName() != null && Files.isDirectory(abs.getParent())
                && anotherLiveRun(abs.getParent(), abs.getFileName().toString(), null)) {
            throw new ConfigException("another run is writing output folder " + target + " right now; wait for it "
                    + "to end, or choose another --out");
        }
    }

    /** Whether a lock file is held by a live run (in another process, on any machine sharing the file system, or in this JVM). */
    public static boolean heldByAnother(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock l = c.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held in this JVM
        } catch (IOException e) {
            return false; // gone meanwhile: not a live run
        }
    }

    private static void removeIfDead(Path lock) {
        String n = lock.getFileName().toString();
        Path staging = lock.resolveSibling(n.substring(0, n.length() - LOCK.length()));
        try (FileChannel c = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock l = c.tryLock();
            if (l == null) {
                return; // a live run (here or on another machine)
            }
            Path old = staging.resolveSibling(staging.getFileName() + OLD);
            if (Files.exists(old)) { // killed in the middle of replacing a result
                String targetName = n.substring(1, n.indexOf(PARTIAL));
                Path target = lock.resolveSibling(targetName);
                if (Files.exists(target)) {
                    deleteTree(old);
                } else {
                    move(old, target);
                }
            }
            deleteTree(staging);
            Files.deleteIfExists(lock);
        } catch (OverlappingFileLockException e) {
            // held by this JVM: live
        } catch (IOException e) {
            // gone meanwhile, or not ours to remove: leave it
        }
    }

    private static boolean olderThan(Path p, Duration age) {
        try {
            FileTime t = Files.getLastModifiedTime(p);
            return t.toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    /** The result folder the latest run in this JVM was writing, or null. */
    public static Path latestTarget() {
        return latestTarget;
    }

    /** Refuses an existing folder unless it is a purkinje result and {@code replace} is set. */
    public static void checkWritable(Path target, boolean replace) {
        requireNamed(target);
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new ConfigException("output path " + target + " exists and is a file; choose another --out");
        }
        if (heldByAnother(target.resolve(SWEEP_LOCK))) {
            throw new ConfigException("a sweep is writing to " + target + " right now; wait for it to end (or stop "
                    + "it), or choose another --out");
        }
        if (!replace) {
            throw new ConfigException("output folder " + target + " already exists; use --force to replace it or "
                    + "--out to choose another");
        }
        if (!isResultFolder(target) && !isEmpty(target)) {
            throw new ConfigException("output folder " + target + " exists but is not a purkinje result (no "
                    + MANIFEST + "); --force replaces only results this tool wrote: choose another --out");
        }
    }

    /** True if the folder holds a manifest written by this tool. */
    public static boolean isResultFolder(Path folder) {
        Path m = folder.resolve(MANIFEST);
        try {
            return Files.isRegularFile(m) && Files.readString(m).contains("\"tool\" : \"purkinje\"");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isEmpty(Path folder) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Where to write a file of the result (relative names such as {@code figures/rates.png}). */
    public Path resolve(String relative) {
        synchronized (this) {
            if (aborted) {
                throw new IllegalStateException("the run is shutting down");
            }
        }
        Path p = staging.resolve(relative);
        try {
            Files.createDirectories(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The folder files are being written to (becomes the target on commit). */
    public Path stagingFolder() {
        return staging;
    }

    public Path target() {
        return target;
    }

    /**
     * Moves the complete result into place. An earlier result there is replaced; files the tool
     * did not write are carried over: with an earlier {@value #FILE_LIST}, every file not listed
     * in it, at any depth; for a result of an earlier version, top-level names absent from
     * {@code toolFiles} and files inside the tool's folders that the new run does not write.
     *
     * @param toolFiles top-level names this tool writes (files and folders such as {@code figures})
     */
    public synchronized void commit(Set<String> toolFiles) {
        if (aborted) {
            throw new IllegalStateException("the run is shutting down");
        }
        if (!replace && anotherLiveRun(target.getParent(), target.getFileName().toString(), lockFile)) {
            // a --force run started after this one and will replace the folder: committing now, between
            // its two renames, made it fail (exit 1) with the earlier result in a hidden folder
            throw new ConfigException("a run started with --force is writing output folder " + target + " right "
                    + "now and will replace it, so this run's result was not kept; choose another --out, or run "
                    + "again when that run has ended");
        }
        try {
            List<String> written = relativeFiles(staging);
            Files.writeString(staging.resolve(FILE_LIST), String.join("\n", written) + "\n", StandardCharsets.UTF_8);
            if (Files.exists(target)) {
                checkWritable(target, replace); // the folder may have appeared while we ran
                Path old = staging.resolveSibling(staging.getFileName() + OLD);
                move(target, old);
                move(staging, target);
                committed = true; // the new result is in place: what follows cannot undo it
                try {
                    carryUserFiles(old, target, toolFiles);
                    deleteTree(old);
                } catch (IOException e) {
                    // not a failed run: say where the earlier copy (and any of the user's files not yet
                    // carried over) is, since it is never removed automatically
                    System.err.println("purkinje: warning: the new result is complete in " + target + ", but the "
                            + "earlier one could not be cleared away (" + (e instanceof java.nio.file.FileSystemException fs
                            ? fs.getFile() + ": " : "") + IoFailure.reason(e) + "); it is kept in " + old
                            + ": take any files of yours from it, then delete it");
                }
            } else {
                move(staging, target);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not move the result into " + target, e);
        } finally {
            if (committed) {
                release();
            }
        }
    }

    /**
     * Adds files the tool wrote into a committed result later (e.g. {@code purkinje plot}) to its
     * {@value #FILE_LIST}, so a later --force replaces them too. No list (a result of an earlier
     * version): nothing to do.
     */
    public static void recordToolFiles(Path folder, java.util.Collection<Path> files) {
        Path list = folder.resolve(FILE_LIST);
        if (!Files.isRegularFile(list)) {
            return;
        }
        try {
            TreeSet<String> names = new TreeSet<>(Files.readAllLines(list, StandardCharsets.UTF_8));
            for (Path f : files) {
                names.add(folder.relativize(f.toAbsolutePath().normalize()).toString()
                        .replace(folder.getFileSystem().getSeparator(), "/"));
            }
            Path tmp = Files.createTempFile(folder, FILE_LIST, ".tmp");
            Files.writeString(tmp, String.join("\n", names) + "\n", StandardCharsets.UTF_8);
            move(tmp, list);
        } catch (IOException e) {
            throw new UncheckedIOException("could not update " + list, e);
        }
    }

    /**
     * Writes {@value #FILE_LIST} of a result written in place (a sweep): every file under the
     * folder's top-level names {@code toolNames}, so that a later --force (of any command) replaces
     * exactly these and keeps the user's own files.
     */
    public static void writeToolFileList(Path folder, Set<String> toolNames) {
        try {
            List<String> names = new ArrayList<>();
            for (String rel : relativeFiles(folder)) {
                if (toolNames.contains(rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel)) {
                    names.add(rel);
                }
            }
            Path tmp = Files.createTempFile(folder, FILE_LIST, ".tmp");
            Files.writeString(tmp, String.join("\n", names) + "\n", StandardCharsets.UTF_8);
            move(tmp, folder.resolve(FILE_LIST));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + folder.resolve(FILE_LIST), e);
        }
    }

    /**
     * Deletes the files an earlier result in {@code folder} lists in its {@value #FILE_LIST}, the
     * list itself, and folders left empty by that: for a result written in place over another
     * (a sweep with --force over a compare result), which would otherwise mix the two.
     */
    public static void deleteListedToolFiles(Path folder) throws IOException {
        Path list = folder.resolve(FILE_LIST);
        if (!Files.isRegularFile(list)) {
            return;
        }
        Path root = folder.toAbsolutePath().normalize();
        for (String rel : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            Path f = root.resolve(rel).normalize();
            if (rel.isBlank() || !f.startsWith(root) || f.equals(root)) {
                continue; // a list edited by hand never reaches outside the folder
            }
            Files.deleteIfExists(f);
            for (Path d = f.getParent(); d != null && !d.equals(root) && d.startsWith(root) && isEmpty(d);
                 d = d.getParent()) {
                Files.delete(d);
            }
        }
        Files.deleteIfExists(list);
    }

    /** Moves the files of {@code old} that the tool did not write into {@code target}. */
    private static void carryUserFiles(Path old, Path target, Set<String> toolFiles) throws IOException {
        Path list = old.resolve(FILE_LIST);
        Set<String> tool = Files.isRegularFile(list) ? new HashSet<>(Files.readAllLines(list, StandardCharsets.UTF_8))
                : null;
        for (String rel : relativeFiles(old)) {
            if (rel.equals(FILE_LIST)) {
                continue;
            }
            String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
            boolean user = tool != null ? !tool.contains(rel) : !toolFiles.contains(top) || rel.contains("/");
            Path to = target.resolve(rel);
            if (user && !Files.exists(to)) {
                Files.createDirectories(to.getParent());
                move(old.resolve(rel), to);
            }
        }
    }

    /** Every regular file under {@code root}, as a relative path with '/' separators, sorted. */
    private static List<String> relativeFiles(Path root) throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> files.add(root.relativize(p).toString()
                    .replace(root.getFileSystem().getSeparator(), "/")));
        }
        return new ArrayList<>(files);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Removes the staging folder unless committed: a failed run leaves nothing behind. */
    @Override
    public void close() {
        boolean remove;
        synchronized (this) {
            remove = !committed && !aborted;
            aborted |= !committed;
        }
        if (remove) {
            deleteQuietly(staging);
        }
        release();
        if (remove) {
            removeCreated(createdRoot);
        }
    }

    /** The shutdown hook: every folder not committed is removed (the run was interrupted). */
    private static void abortAll() {
        List<OutputFolder> open;
        synchronized (OPEN) {
            open = new ArrayList<>(OPEN);
        }
        for (OutputFolder f : open) {
            synchronized (f) { // waits for a commit in progress to finish
                if (f.committed || f.aborted) {
                    continue;
                }
                f.aborted = true;
            }
            for (int attempt = 0; attempt < 5 && Files.exists(f.staging); attempt++) {
                deleteQuietly(f.staging); // the main thread may still be writing into it
                if (Files.exists(f.staging)) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            f.release();
            removeCreated(f.createdRoot);
            // the run's one line: a signal (SIGTERM, SIGINT, SIGHUP) ended it before its result was complete
            printInterrupted("nothing was written to " + f.target
                    + (f.replace && Files.isDirectory(f.target) ? " (the earlier result there is untouched)" : ""));
        }
    }

    /**
     * The one line of a run a signal (SIGTERM, SIGINT, SIGHUP) ended, from a shutdown hook:
     * "purkinje: interrupted; WHAT". On a terminal the progress bar holds the line, so it starts a new one.
     */
    public static void printInterrupted(String what) {
        System.err.println(("1".equals(System.getenv("PURKINJE_STDERR_TTY")) ? "\n" : "") + "purkinje: interrupted; "
                + what);
        System.err.flush();
        // tell the launcher the line is said (it says one itself when java was stopped before it could)
        String mark = System.getProperty("purkinje.interrupted.mark");
        if (mark != null) {
            try {
                Files.writeString(Path.of(mark), System.getProperty("purkinje.launcher", "")); // whose mark
            } catch (IOException | RuntimeException e) {
                // the launcher then adds its own line: two lines, never none
            }
        }
    }

    /**
     * Longest result folder name: the result is staged beside it as {@code .NAME.partial-<digits>}
     * (with {@code .lock-new} or {@code .old} added), at most 40 characters longer, and a file name
     * has at most 255 bytes on Linux file systems.
     */
    public static final int MAX_NAME_BYTES = 255 - 40;

    /**
     * Refuses an empty --out (Path.of("") is the current folder, never a result folder by accident)
     * and a name too long for the staging name beside it.
     */
    public static void requireNamed(Path target) {
        if (target.toString().isBlank()) {
            throw new ConfigException("--out is empty; give the result folder's name, e.g. --out results/mine");
        }
        Path name = target.toAbsolutePath().normalize().getFileName();
        int bytes = name == null ? 0 : name.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new ConfigException("--out: the folder name is " + bytes + " bytes long; at most " + MAX_NAME_BYTES
                    + " fit (the result is first written under a hidden name up to 40 bytes longer, and file names "
                    + "are limited to 255): choose a shorter name");
        }
    }

    private void release() {
        synchronized (OPEN) {
            OPEN.remove(this);
        }
        deleteQuietly(lockFile); // deleted while still locked, so no other run can take it for a dead one's
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            deleteTree(p);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a leftover hidden .partial folder never looks like a result, and the next run removes it
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
