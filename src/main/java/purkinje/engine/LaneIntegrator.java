package purkinje.engine;

/**
 * Integrates a group of cells side by side in the lanes of a vector, whatever drives them, giving
 * the same numbers as {@link CellIntegrator} (see {@code VectorLanes}). This interface names no
 * Vector API type, so the engine runs, more slowly, on a JVM started without
 * {@code --add-modules jdk.incubator.vector}.
 */
interface LaneIntegrator {
    /**
     * System property choosing the path for cells without a voltage trace: {@code auto} (default: lanes for
     * long jobs, see {@code EnsembleSimulator}), {@code on} (lanes whenever available) or
     * {@code off}. The numbers are the same on every setting.
     */
    String SWITCH = "purkinje.vector";

    /** Cells per group. */
    int lanes();

    /** Integrates exactly {@link #lanes()} cells, each drawing from its own streams, over {@code ctx.steps()}. */
    void simulate(Cell[] cells, CellIntegrator.Streams[] streams, StepContext ctx);

    /** A lane integrator for one worker thread, or null where the Vector API is missing or switched off. */
    static LaneIntegrator create() {
        return Availability.VECTOR ? new VectorLanes() : null;
    }

    /** Whether this JVM can run lane groups (module present, suitable vector shape, not switched off). */
    static boolean available() {
        return Availability.VECTOR;
    }

    /** Cells per lane group where {@link #available()}. */
    static int width() {
        return Availability.VECTOR ? VectorLanes.LANES : 1;
    }

    /** Whether lanes are used whenever available ({@code -Dpurkinje.vector=on}), whatever the work. */
    static boolean forced() {
        return Availability.FORCED;
    }

    /** Why the vector path is on or off, for {@code purkinje bench} and the run manifest. */
    static String describe() {
        if (Availability.VECTOR) {
            return "vector (" + VectorLanes.LANES + " cells per lane group, jdk.incubator.vector"
                    + (Availability.FORCED ? ", for every run)" : ", for long jobs)");
        }
        return "scalar (" + Availability.WHY_NOT + ")";
    }

    /** Decided once per JVM. */
    final class Availability {
        static final boolean VECTOR;
        static final boolean FORCED;
        static final String WHY_NOT;

        static {
            String why = null;
            String mode = System.getProperty(SWITCH, "auto");
            if (!mode.equalsIgnoreCase("auto") && !mode.equalsIgnoreCase("on") && !mode.equalsIgnoreCase("off")) {
                throw new IllegalArgumentException("-D" + SWITCH + " must be auto, on or off, was '" + mode + "'");
            }
            if ("off".equalsIgnoreCase(mode)) {
                why = "switched off by -D" + SWITCH + "=off";
            } else if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                why = "start java with --add-modules jdk.incubator.vector, as ./purkinje does, for the vector engine";
            } else if (!VectorLanes.supported()) {
                why = "this CPU's vector shape does not suit the lane layout";
            }
            VECTOR = why == null;
            FORCED = VECTOR && "on".equalsIgnoreCase(mode);
            WHY_NOT = why;
        }

        private Availability() {
        }
    }
}
