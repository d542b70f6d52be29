package purkinje.cli;

import java.util.Optional;

/**
 * Ends the JVM when the {@code ./purkinje} launcher that started it dies. A SIGKILL to the
 * launcher cannot be trapped or passed on, so java watches instead: the launcher passes its pid
 * as {@code -Dpurkinje.launcher}, and when java's parent is no longer that process the JVM exits
 * (its shutdown hooks remove any half-written output), instead of finishing as an orphan after
 * the caller saw the kill. A launcher already gone when the JVM starts (killed in between) ends it
 * at once, before anything runs.
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
        if (ProcessHandle.current().pid() == pid) {
            return; // the launcher exec'ed java: there is no other process to watch
        }
        if (parentPid().orElse(-1L) != pid) {
            // the launcher died while this JVM started (killed before it could pass the signal on):
            // its caller has seen the kill, so nothing may run on and write a result behind its back
            System.err.println("purkinje: interrupted; the launcher was stopped before java started, nothing was run");
            System.exit(ExitCodes.FAILURE);
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
