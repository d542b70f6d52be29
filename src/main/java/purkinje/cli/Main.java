package purkinje.cli;

/** Entry point: {@code java -jar purkinje.jar COMMAND ...}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // a failure in a background thread: one line (trace in a log file), as for the main thread
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> Failures.report(e,
                new java.io.PrintWriter(System.err, true)));
        // the run's folder first: its shutdown hook removes it even when the watch ends the JVM at once
        RunTemp.start();
        LauncherWatch.start();
        System.exit(PurkinjeCommand.execute(args));
    }
}
