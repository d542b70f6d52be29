package purkinje.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder results/demo that the tool did not write is never replaced by the demo; the refusal
 * named "--force" and "--out", which demo does not have, as the fix.
 */
class DemoFolderTest {
    @TempDir
    Path dir;

    @Test
    void aForeignResultsDemoFolderIsKeptAndTheLineNamesAFixThatWorks() throws Exception {
        Launcher launcher = Launcher.withJar(dir);
        Path work = Files.createDirectories(dir.resolve("work"));
        Path mine = Files.createDirectories(work.resolve("results/demo")).resolve("my-notes.txt");
        Files.writeString(mine, "mine\n");
        Process p = launcher.start(work, "demo", "demo");
        assertEquals(2, Launcher.await(p, 60), Launcher.stderr(work, "demo"));
        List<String> err = Launcher.stderr(work, "demo").lines().toList();
        assertEquals(1, err.size(), String.join(" | ", err));
        assertTrue(err.get(0).startsWith("purkinje: results/demo exists but is not a purkinje result"), err.get(0));
        assertTrue(err.get(0).contains("move or rename that folder"), err.get(0));
        assertFalse(err.get(0).contains("--force"), err.get(0));
        assertEquals("mine\n", Files.readString(mine));
        assertEquals(List.of(mine), Files.list(mine.getParent()).toList());
    }
}
