package purkinje.cli;

/** Exit codes, declared in one place. */
public final class ExitCodes {
    /** Success (and, for validate, every case passed). */
    public static final int OK = 0;
    /** The run failed (including a failed validation). */
    public static final int FAILURE = 1;
    /** Bad usage or bad config: nothing was written. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
