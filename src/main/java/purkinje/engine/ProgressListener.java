package purkinje.engine;

/** Told now and then how many cell-steps are done; implementations decide what to show. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    /** Called from a single monitoring thread, at most every few hundred milliseconds. */
    void progress(long cellStepsDone, long cellStepsTotal);
}
