package purkinje.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All-or-nothing result folders: user files survive --force, dead runs' staging is removed, failures leave nothing. */
class OutputFolderTest {
    static final Set<String> TOOL = Set.of("manifest.json", "cells.csv", "figures");

    @TempDir
    Path dir;

    private void write(Path target, boolean replace, String... files) throws IOException {
        try (OutputFolder f = OutputFolder.prepare(target, replace)) {
            Files.writeString(f.resolve("manifest.json"), "{\"tool\" : \"purkinje\"}");
            for (String name : files) {
                Files.writeString(f.resolve(name), "tool " + name);
            }
            f.commit(TOOL);
        }
    }

    private List<String> hidden() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    /**
     * Names of 225-255 characters were refused with "File name too long" (the user's name blamed):
     * the staging name beside the result is longer. The longest name that fits works, and one
     * beyond it is refused up front, saying why.
     */
    @Test
    void theLongestFolderNameThatFitsWorksAndALongerOneIsRefusedSayingWhy() throws IOException {
        Path longest = dir.resolve("a".repeat(OutputFolder.MAX_NAME_BYTES));
        write(longest, false, "cells.csv");
        assertTrue(Files.isRegularFile(longest.resolve("cells.csv")));
        write(longest, true, "cells.csv"); // replacing it (with its .old copy) fits too
        assertEquals(java.util.List.of(), hidden());
        Path tooLong = dir.resolve("b".repeat(OutputFolder.MAX_NAME_BYTES + 1));
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> OutputFolder.prepare(tooLong, false));
        assertEquals("--out: the folder name is 216 bytes long; at most 215 fit (the result is first written under a "
                + "hidden name up to 40 bytes longer, and file names are limited to 255): choose a shorter name",
                e.getMessage());
        assertFalse(Files.exists(tooLong));
    }

    @Test
    void forceKeepsFilesTheUserAddedInsideTheToolsFolders() throws IOException {
        Path out = dir.resolve("out");
        write(out, false, "cells.csv", "figures/rates.png", "figures/cs-triggered-rate.png");
        Files.writeString(out.resolve("figures/my-annotated-rates.png"), "mine");
        Files.createDirectories(out.resolve("figures/notes"));
        Files.writeString(out.resolve("figures/notes/todo.txt"), "mine too");
        Files.writeString(out.resolve("lab-notes.txt"), "mine as well");
        write(out, true, "cells.csv", "figures/rates.png");
        assertEquals("mine", Files.readString(out.resolve("figures/my-annotated-rates.png")));
        assertEquals("mine too", Files.readString(out.resolve("figures/notes/todo.txt")));
        assertEquals("mine as well", Files.readString(out.resolve("lab-notes.txt")));
        assertEquals("tool figures/rates.png", Files.readString(out.resolve("figures/rates.png")));
        assertFalse(Files.exists(out.resolve("figures/cs-triggered-rate.png")),
                "a figure the earlier run drew and this one does not is the tool's: replaced, not kept");
        assertEquals(List.of(), hidden());
    }

    @Test
    void aDeadRunsStagingFolderIsRemovedByTheNextRunALiveOneIsNot() throws IOException {
        Path out = dir.resolve("out");
        // a run killed by SIGKILL: its staging folder and an unlocked lock file
        Path deadLock = Files.createFile(dir.resolve(".out.partial-123.lock"));
        Files.createDirectories(dir.resolve(".out.partial-123/figures"));
        Files.writeString(dir.resolve(".out.partial-123/cells.csv"), "half");
        // a live run of another result in the same parent (its lock held)
        Path liveLock = Files.createFile(dir.resolve(".other.partial-456.lock"));
        Files.createDirectories(dir.resolve(".other.partial-456"));
        try (FileChannel c = FileChannel.open(liveLock, StandardOpenOption.WRITE)) {
            c.lock();
            write(out, false, "cells.csv");
            assertEquals(List.of(".other.partial-456", ".other.partial-456.lock"), hidden());
        }
        assertFalse(Files.exists(deadLock));
    }

    /** A second run into a folder a live run is staging is refused up front (before simulating), unless --force. */
    @Test
    void aSecondRunIntoTheSameFolderIsRefusedAtTheStart() throws IOException {
        Path out = dir.resolve("out");
        try (OutputFolder first = OutputFolder.prepare(out, false)) {
            ConfigException e = assertThrows(ConfigException.class, () -> OutputFolder.prepare(out, false));
            assertTrue(e.getMessage().contains("another run is writing output folder"), e.getMessage());
            assertEquals(2, hidden().size(), "the refused run left nothing: only the first run's staging folder and lock");
            try (OutputFolder forced = OutputFolder.prepare(out, true)) {
                assertEquals(4, hidden().size(), "--force may stage alongside: it replaces the first result as a whole");
            }
        }
        try (OutputFolder after = OutputFolder.prepare(out, false)) {
            assertEquals(2, hidden().size(), "the first run ended: a new run may start");
        }
    }

    /**
     * A run without --force that ends while a --force run into the same folder is live steps
     * aside (exit 2, nothing kept): committing between the --force run's two renames failed that
     * run with exit 1 and left the earlier result in a hidden folder.
     */
    @Test
    void aRunWithoutForceDoesNotCommitUnderALiveForceRun() throws IOException {
        Path out = dir.resolve("raced");
        try (OutputFolder plain = OutputFolder.prepare(out, false)) {
            Files.writeString(plain.stagingFolder().resolve("a.csv"), "plain");
            try (OutputFolder forced = OutputFolder.prepare(out, true)) {
                Files.writeString(forced.stagingFolder().resolve("a.csv"), "forced");
                ConfigException e = assertThrows(ConfigException.class, () -> plain.commit(TOOL));
                assertTrue(e.getMessage().startsWith("a run started with --force is writing output folder "),
                        e.getMessage());
                assertFalse(Files.exists(out), "nothing committed by the run that stepped aside");
                forced.commit(TOOL);
            }
        }
        assertEquals("forced", Files.readString(out.resolve("a.csv")));
        assertEquals(List.of(), hidden(), "no hidden folder or lock left");
    }

    /** An empty --out would be the current folder (with --force, replaced if it were a result): refused. */
    @Test
    void anEmptyOutIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> OutputFolder.prepare(Path.of(""), true));
        assertEquals("--out is empty; give the result folder's name, e.g. --out results/mine", e.getMessage());
    }

    @Test
    void aRunKilledWhileReplacingPutsTheEarlierResultBack() throws IOException {
        Path out = dir.resolve("out");
        Files.createFile(dir.resolve(".out.partial-9.lock"));
        Files.createDirectories(dir.resolve(".out.partial-9"));
        Files.createDirectories(dir.resolve(".out.partial-9.old"));
        Files.writeString(dir.resolve(".out.partial-9.old/manifest.json"), "{\"tool\" : \"purkinje\"}");
        Files.writeString(dir.resolve(".out.partial-9.old/my-notes.txt"), "mine");
        write(out, true, "cells.csv");
        assertEquals("mine", Files.readString(out.resolve("my-notes.txt")));
        assertEquals(List.of(), hidden());
    }

    @Test
    void aFolderThatCannotBeMadeLeavesNoEmptyParents() {
        // a parent that cannot be made (its name is too long); the folder's own name is checked up front
        Path out = dir.resolve("results").resolve("x".repeat(300)).resolve("out");
        ConfigException e = assertThrows(ConfigException.class, () -> OutputFolder.prepare(out, false));
        assertTrue(e.getMessage().startsWith("cannot create output folder "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("results")), "no empty results/ left behind");
    }

    @Test
    void anOutPathThroughAFileSaysSo() throws IOException {
        Files.writeString(dir.resolve("afile"), "x");
        ConfigException e = assertThrows(ConfigException.class,
                () -> OutputFolder.prepare(dir.resolve("afile").resolve("sub"), false));
        assertTrue(e.getMessage().contains("afile is a file, not a folder"), e.getMessage());
    }

    @Test
    void anOutPathInAFolderThatTakesNoFilesSaysSo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "skipped: no /proc");
        ConfigException e = assertThrows(ConfigException.class, () -> OutputFolder.prepare(Path.of("/proc/x"), false));
        assertTrue(e.getMessage().endsWith("/proc does not accept new files (a system folder such as /proc?)"),
                e.getMessage());
    }

    @Test
    void aFailedRunLeavesNothing() throws IOException {
        Path out = dir.resolve("new").resolve("out");
        try (OutputFolder f = OutputFolder.prepare(out, false)) {
            Files.writeString(f.resolve("cells.csv"), "half");
        }
        assertFalse(Files.exists(dir.resolve("new")));
    }
}
