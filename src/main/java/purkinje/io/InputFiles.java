package purkinje.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** Checks on an input file before it is opened. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Refuses a named pipe, a device or a socket given as an input file: opening a FIFO nobody
     * writes to blocks for ever (a config made by mkfifo hung the run). The standard input and
     * the descriptors of a process substitution ({@code /dev/stdin}, {@code /dev/fd/N},
     * {@code <(...)}) are pipes with a writer and are read as files.
     *
     * @param what   "config file", "data file"
     * @param option the option that names it, for the fix
     */
    public static void requireReadable(Path file, String what, String option) {
        String name = file.toString();
        if (name.equals("/dev/stdin") || name.startsWith("/dev/fd/") || name.startsWith("/proc/self/fd/")) {
            return;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.isOther()) {
                throw new ConfigException(what + " " + name + " is a named pipe, device or socket, not a file (reading "
                        + "a named pipe waits for a writer for ever); give a regular file, or /dev/stdin to read a pipe");
            }
            if (a.isDirectory()) {
                throw new ConfigException(what + " " + name + " is a folder; give " + option + " a file");
            }
        } catch (IOException e) {
            // missing or unreadable: the caller's own open says so
        }
    }
}
