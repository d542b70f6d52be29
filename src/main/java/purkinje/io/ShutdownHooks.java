package purkinje.io;

/**
 * Shutdown hooks for the span of some work (a sweep's lock, a redraw's hidden folder): what a
 * signal (SIGTERM, SIGINT, SIGHUP) leaves behind is cleared and said. A signal can arrive just
 * before the hook is added; {@link Runtime#addShutdownHook} then throws, which ended a run with
 * "internal error: IllegalStateException: Shutdown in progress". Here the hook is then run at once
 * (the JVM is ending: the work it guards will not be done), and removing it after is a no-op.
 */
public final class ShutdownHooks {
    private ShutdownHooks() {
    }

    /** Adds {@code hook} for the work that follows; returns it, for {@link #remove}. */
    public static Thread add(Runnable hook, String name) {
        Thread t = new Thread(hook, name);
        try {
            Runtime.getRuntime().addShutdownHook(t);
        } catch (IllegalStateException shuttingDown) {
            hook.run();
        }
        return t;
    }

    /** Removes a hook once its work is done (or leaves it be if the JVM is already ending and runs it). */
    public static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs or has run
        }
    }
}
