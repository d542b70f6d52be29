package purkinje.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Is stderr a terminal? Progress bars (with {@code \r}) go only to a terminal; a redirected log gets
 * plain lines. {@code System.console()} answers for stdin and stdout, not stderr, so: the
 * launcher's answer ({@code PURKINJE_STDERR_TTY=1|0}, from {@code [ -t 2 ]}, since java's own
 * stderr is the launcher's filter pipe), else where file descriptor 2 points on Linux
 * ({@code /proc/self/fd/2} is a {@code /dev/pts/N} or {@code /dev/ttyN}), else no terminal.
 */
final class Terminal {
    private static final boolean STDERR = detect(System.getenv("PURKINJE_STDERR_TTY"), Path.of("/proc/self/fd/2"));

    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        return STDERR;
    }

    static boolean detect(String launcherAnswer, Path fd2) {
        if (launcherAnswer != null && !launcherAnswer.isBlank()) {
            return launcherAnswer.strip().equals("1");
        }
        try {
            String target = Files.readSymbolicLink(fd2).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // cannot tell: plain lines are safe anywhere
        }
    }
}
