package purkinje.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * A result folder written all-or-nothing. Files go to a hidden temporary sibling folder; only when
 * the run is complete is it renamed into place, so an interrupted run never leaves a half-written
 * result that looks finished.
 *
 * <p>An existing folder is refused unless {@code replace} is set, and even then only a folder this
 * tool wrote (it holds a {@code manifest.json} naming purkinje) is replaced; files a user added to
 * it are carried over into the new result, so "replace" touches only what the tool wrote.
 */
public final class OutputFolder implements AutoCloseable {
    /** The file that marks a folder as a purkinje result. */
    public static final String MANIFEST = "manifest.json";

    private final Path target;
    private final Path staging;
    private final boolean replace;
    private boolean committed;

    private OutputFolder(Path target, Path staging, boolean replace) {
        this.target = target;
        this.staging = staging;
        this.replace = replace;
    }

    /**
     * Checks that {@code target} may be written (before any simulation runs) and creates the staging folder.
     *
     * @throws ConfigException if the folder exists and may not be replaced
     */
    public static OutputFolder prepare(Path target, boolean replace) {
        Path abs = target.toAbsolutePath().normalize();
        checkWritable(abs, replace);
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + abs.getFileName() + ".partial-");
            try { // a temporary folder is private; the result should be as readable as any other folder
                Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep the default
            }
            return new OutputFolder(abs, staging, replace);
        } catch (IOException e) {
            throw new ConfigException("cannot create output folder " + target + ": " + e.getMessage());
        }
    }

    /** Refuses an existing folder unless it is a purkinje result and {@code replace} is set. */
    public static void checkWritable(Path target, boolean replace) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new ConfigException("output path " + target + " exists and is a file; choose another --out");
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
     * did not write (names absent from {@code toolFiles}) are carried over.
     *
     * @param toolFiles top-level names this tool writes (files and folders such as {@code figures})
     */
    public void commit(Set<String> toolFiles) {
        try {
            if (Files.exists(target)) {
                checkWritable(target, replace); // the folder may have appeared while we ran
                Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
                move(staging, target);
                try (DirectoryStream<Path> s = Files.newDirectoryStream(old)) {
                    for (Path p : s) {
                        String name = p.getFileName().toString();
                        if (!toolFiles.contains(name) && !Files.exists(target.resolve(name))) {
                            move(p, target.resolve(name));
                        }
                    }
                }
                deleteTree(old);
            } else {
                move(staging, target);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not move the result into " + target, e);
        }
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
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // best effort: a leftover hidden .partial folder is harmless and never looks like a result
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
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
