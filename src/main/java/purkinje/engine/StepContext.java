package purkinje.engine;

import java.util.concurrent.atomic.AtomicLong;

/** The shared, read-only settings of one simulation and its progress counter. */
record StepContext(double dtMs, long steps, AtomicLong cellStepsDone) {
    /** Cells report progress every this many steps, so a long single cell still shows movement. */
    static final long PROGRESS_STRIDE = 1L << 16;
}
