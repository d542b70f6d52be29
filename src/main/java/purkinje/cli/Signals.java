package purkinje.cli;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, so that a serving command ends cleanly with
 * exit code 0 instead of the JVM's 130/143.
 */
final class Signals {
    private Signals() {
    }

    /** Calls {@code stop} on SIGINT or SIGTERM; false if the JVM does not let us (then its default applies). */
    @SuppressWarnings("removal")
    static boolean onInterruptOrTerminate(Runnable stop) {
        try {
            for (String name : new String[] {"INT", "TERM"}) {
                sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
            }
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
    }
}
