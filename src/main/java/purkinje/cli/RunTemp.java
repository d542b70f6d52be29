package purkinje.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import purkinje.io.ShutdownHooks;

/**
 * The run's private temporary folder ({@code purkinje-run-*}, made by the launcher and passed as
 * {@code java.io.tmpdir}), where the engine spools kept spike times. While the JVM lives it holds
 * an OS lock on {@code purkinje-run-*.lock} beside it; a shutdown hook removes the folder; and
 * every run removes the folders of dead runs (lock free), so even SIGKILL leaves nothing for long.
 */
final class RunTemp {
    static final String PREFIX = "purkinje-run-";
    /** The launcher's mark beside a run's folder: java said its "interrupted" line (OutputFolder.printInterrupted). */
    static final String SAID = ".said";
    /** A folder whose JVM never took its lock (killed at start) is removed after this. */
    static final Duration UNLOCKED_STALE_AFTER = Duration.ofMinutes(10);

    /**
     * The channel holding this run's lock. It must stay reachable: a FileChannel that is garbage
     * collected closes its descriptor, which releases the lock and lets another run delete this
     * run's live temporary folder.
     */
    private static FileChannel heldLock;

    private RunTemp() {
    }

    /** Locks this run's folder (when the launcher made one) and removes dead runs' folders. */
    static void start() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        boolean own = tmp.getFileName() != null && tmp.getFileName().toString().startsWith(PREFIX);
        if (own) {
            try {
                Path lock = lockFile(tmp);
                // locked under a temporary name, then renamed: a lock file under its real name is always
                // locked while its JVM lives, so no other run can take it for a dead one's
                Path fresh = Files.createTempFile(tmp.getParent(), tmp.getFileName() + ".", ".new");
                FileChannel channel = FileChannel.open(fresh, StandardOpenOption.WRITE);
                channel.lock(); // held until the JVM ends; the OS releases it however the JVM dies
                Files.move(fresh, lock, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                heldLock = channel;
                ShutdownHooks.add(() -> {
                    deleteTree(tmp);
                    deleteTree(lock);
                }, "purkinje-temp-cleanup");
            } catch (IOException | RuntimeException e) {
                // no lock: the folder is still removed by the launcher, or after a while by a later run
            }
        }
        removeDead(own ? tmp.getParent() : tmp, own ? tmp : null);
    }

    static Path lockFile(Path folder) {
        return folder.resolveSibling(folder.getFileName() + ".lock");
    }

    /**
     * Removes {@code purkinje-run-*} folders in {@code parent} whose JVM is gone, and the marks
     * ({@code purkinje-run-*.said}, "the interrupted line is said") of runs whose launcher was
     * killed before it could remove them.
     */
    static void removeDead(Path parent, Path mine) {
        if (parent == null) {
            return;
        }
        List<Path> runs;
        try (Stream<Path> s = Files.list(parent)) {
            List<Path> all = s.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList();
            runs = all.stream().filter(p -> Files.isDirectory(p) && !p.equals(mine)).toList();
            for (Path mark : all) {
                String name = mark.getFileName().toString();
                if (name.endsWith(SAID) && !Files.exists(mark.resolveSibling(name.substring(0, name.length()
                        - SAID.length()))) && !launcherAlive(mark)) {
                    Files.deleteIfExists(mark);
                }
            }
        } catch (IOException e) {
            return;
        }
        for (Path run : runs) {
            Path lock = lockFile(run);
            if (!Files.exists(lock)) {
                if (olderThan(run, UNLOCKED_STALE_AFTER)) {
                    deleteTree(run);
                }
                continue;
            }
            try (FileChannel c = FileChannel.open(lock, StandardOpenOption.WRITE)) {
                FileLock l = c.tryLock();
                if (l != null) {
                    deleteTree(run);
                    Files.deleteIfExists(lock);
                }
            } catch (OverlappingFileLockException | IOException e) {
                // live (in this JVM or another), or removed meanwhile
            }
        }
    }

    /** Whether the launcher that a mark names (its content: the launcher's pid) still runs, and will remove it. */
    private static boolean launcherAlive(Path mark) {
        try {
            long pid = Long.parseLong(Files.readString(mark).strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                    && !olderThan(mark, UNLOCKED_STALE_AFTER);
        } catch (IOException | NumberFormatException e) {
            return !olderThan(mark, UNLOCKED_STALE_AFTER); // no pid: removed once it is old
        }
    }

    private static boolean olderThan(Path p, Duration age) {
        try {
            return Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Not OutputFolder.deleteTree: this runs in a shutdown hook, where loading OutputFolder (whose
     * initialiser registers a hook of its own) fails with "Shutdown in progress"; and it must
     * tolerate files that another run removes at the same time.
     */
    private static void deleteTree(Path root) {
        try {
            if (!Files.exists(root)) {
                return;
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort; the next run tries again
        }
    }
}
