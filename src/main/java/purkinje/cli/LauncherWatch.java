package purkinje.cli;

import java.util.Optional;

/**
 * Ends the JVM when the {@code ./purkinje} launcher that started it dies. A SIGKILL to the
 * launcher cannot be trapped or passed on, so java watches instead: the launcher passes its pid
 * as {@code -Dpurkinje.launcher}, and when java's parent is no longer that process the JVM exits
 * (its shutdown hooks remove any half-written output), instead of finishing as an orphan after
 * the caller saw the kill.
 */
final class LauncherWatch {
    static final long POLL_MS = 200;

    private LauncherWatch() {
    }

    static void start() {
        String launcher = System.getProperty("purkinje.launcher");
        if (launcher == null || launcher.isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(launcher.strip());
        } catch (NumberFormatException e) {
            return;
        }
        if (parentPid().orElse(-1L) != pid) {
            return; // started some other way (e.g. exec'ed): nothing to watch
        }
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                if (parentPid().orElse(-1L) != pid) {
                    System.exit(ExitCodes.FAILURE); // the caller killed the launcher: stop, cleaning up
                }
            }
        }, "purkinje-launcher-watch");
        t.setDaemon(true);
        t.start();
    }

    private static Optional<Long> parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid);
    }
}
