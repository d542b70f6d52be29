package purkinje.engine;

/**
 * Integrates one {@link WhiteNoiseCell} over the whole run, one step at a time, drawing its random
 * numbers a block at a time ({@link NoiseDraws}). This is the reference path: cells whose voltage
 * is traced, noise-free cells, and all cells when the Vector API is not available take it;
 * {@code WhiteNoiseLanes} gives the same numbers for the others, several cells at a time.
 */
final class WhiteNoiseIntegrator {
    /** Steps whose random numbers are drawn at a time (a multiple of {@link NoiseDraws#QUAD}). */
    static final int BLOCK = 256;

    /** One worker's buffers for the step's normals and bridge uniforms. */
    static final class Buffers {
        final double[] normals = new double[BLOCK];
        final double[] uniforms = new double[BLOCK];
    }

    private WhiteNoiseIntegrator() {
    }

    /**
     * Integrates {@code cell} over {@code ctx.steps()} steps, drawing from {@code rng} (a noise-free
     * cell draws nothing). Keeps the voltage trace the recorder asks for.
     */
    static void simulate(WhiteNoiseCell cell, BlockRandom rng, StepContext ctx, Buffers buffers) {
        final double[] z = buffers.normals;
        final double[] u = buffers.uniforms;
        final long steps = ctx.steps();
        final double[] trace = cell.out.voltageMv;
        final long traced = trace == null ? 0 : trace.length - 1L; // steps whose end value is kept
        if (trace != null && trace.length > 0) {
            trace[0] = cell.v;
        }
        if (!cell.noisy) {
            java.util.Arrays.fill(z, 0);
            java.util.Arrays.fill(u, 1);
        }
        long unreported = 0;
        for (long base = 0; base < steps; base += BLOCK) {
            final int n = (int) Math.min(BLOCK, steps - base);
            if (cell.noisy) {
                NoiseDraws.fill(rng, (n + NoiseDraws.QUAD - 1) / NoiseDraws.QUAD, z, u);
            }
            final int tracedHere = (int) Math.max(0, Math.min(n, traced - base)); // steps of this block kept
            for (int j = 0; j < tracedHere; j++) {
                cell.step(base + j, z[j], u[j]);
                trace[(int) (base + j) + 1] = cell.v; // V at the end of the step, (k + 1) dt
            }
            for (int j = tracedHere; j < n; j++) {
                cell.step(base + j, z[j], u[j]);
            }
            unreported += n;
            if (unreported >= StepContext.PROGRESS_STRIDE) {
                ctx.cellStepsDone().addAndGet(unreported);
                unreported = 0;
            }
        }
        ctx.cellStepsDone().addAndGet(unreported);
    }
}
