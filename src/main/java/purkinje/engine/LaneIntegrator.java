package purkinje.engine;

/**
 * Integrates a group of white-noise cells side by side in the lanes of a vector, giving the same
 * numbers as {@link WhiteNoiseIntegrator} (see {@code WhiteNoiseLanes}). This interface names no
 * Vector API type, so the engine runs, more slowly, on a JVM started without
 * {@code --add-modules jdk.incubator.vector}.
 */
interface LaneIntegrator {
    /** System property that turns the vector path off ({@code -Dpurkinje.vector=off}). */
    String SWITCH = "purkinje.vector";

    /** Cells per group. */
    int lanes();

    /** Integrates exactly {@link #lanes()} cells, each drawing from its own stream, over {@code ctx.steps()}. */
    void simulate(WhiteNoiseCell[] cells, BlockRandom[] streams, StepContext ctx);

    /** A lane integrator for one worker thread, or null where the Vector API is missing or switched off. */
    static LaneIntegrator create() {
        return Availability.VECTOR ? new WhiteNoiseLanes() : null;
    }

    /** Why the vector path is on or off, for {@code purkinje bench} and the run manifest. */
    static String describe() {
        if (Availability.VECTOR) {
            return "vector (" + WhiteNoiseLanes.LANES + " cells per lane group, jdk.incubator.vector)";
        }
        return "scalar (" + Availability.WHY_NOT + ")";
    }

    /** Decided once per JVM. */
    final class Availability {
        static final boolean VECTOR;
        static final String WHY_NOT;

        static {
            String why = null;
            if ("off".equalsIgnoreCase(System.getProperty(SWITCH, ""))) {
                why = "switched off by -D" + SWITCH + "=off";
            } else if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                why = "start java with --add-modules jdk.incubator.vector, as ./purkinje does, for the vector engine";
            } else if (!WhiteNoiseLanes.supported()) {
                why = "this CPU's vector shape does not suit the lane layout";
            }
            VECTOR = why == null;
            WHY_NOT = why;
        }

        private Availability() {
        }
    }
}
