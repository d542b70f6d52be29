package purkinje.cli;

/** The test class path for child JVMs, for tests outside this package. */
public final class SweepCommandTestAccess {
    private SweepCommandTestAccess() {
    }

    public static String classPath() {
        return SweepCommandTest.classPath();
    }
}
