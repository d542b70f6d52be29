package purkinje.engine;

/**
 * Integrates one {@link Cell} over the whole run, one step at a time, whatever drives it: the
 * step's random numbers are drawn a block at a time from each drive's own stream, a fixed number
 * per step ({@link NoiseDraws}: a normal and a bridge uniform per step for the membrane noise, a
 * normal per step for a noise current, a uniform per step for each synaptic input). This is the
 * scalar path, used for cells with a voltage trace and where the Vector API is missing;
 * {@code VectorLanes} gives the same numbers for any cells, several at a time.
 */
final class CellIntegrator {
    /** Steps whose random numbers are drawn at a time (a multiple of {@link NoiseDraws#QUAD}). */
    static final int BLOCK = 256;

    /** One worker's buffers for the step's random numbers. */
    static final class Buffers {
        final double[] normals = new double[BLOCK];
        final double[] lnUniforms = new double[BLOCK];
        final double[] noiseNormals = new double[BLOCK];
        final double[] excUniforms = new double[BLOCK];
        final double[] inhUniforms = new double[BLOCK];
    }

    /** The block-drawn streams of one cell (null where the drive is absent). */
    record Streams(BlockRandom dynamics, BlockRandom noiseCurrent, BlockRandom excitatory, BlockRandom inhibitory) {
    }

    private CellIntegrator() {
    }

    /** Integrates {@code cell} over {@code ctx.steps()} steps; keeps the voltage trace the recorder asks for. */
    static void simulate(Cell cell, Streams streams, StepContext ctx, Buffers b) {
        final double[] z = b.normals;
        final double[] lnU = b.lnUniforms;
        final double[] zNoise = b.noiseNormals;
        final double[] uExc = b.excUniforms;
        final double[] uInh = b.inhUniforms;
        final boolean membraneDraws = cell.model.sigmaVMv() > 0;
        final boolean whiteOrNone = cell.model.whiteNoiseOnly();
        final long steps = ctx.steps();
        final double[] trace = cell.out.voltageMv;
        final long traced = trace == null ? 0 : trace.length - 1L; // steps whose end value is kept
        if (trace != null && trace.length > 0) {
            trace[0] = cell.v;
        }
        if (!membraneDraws) {
            java.util.Arrays.fill(z, 0);
            java.util.Arrays.fill(lnU, Double.POSITIVE_INFINITY); // never read: no bridge without noise
        }
        java.util.Arrays.fill(zNoise, 0);
        java.util.Arrays.fill(uExc, 0.5);
        java.util.Arrays.fill(uInh, 0.5);
        if (streams.noiseCurrent() != null) { // the stationary start of the noise current: the stream's first pair
            cell.startNoiseCurrent(startingNormal(streams.noiseCurrent()));
        }
        long unreported = 0;
        for (long base = 0; base < steps; base += BLOCK) {
            final int n = (int) Math.min(BLOCK, steps - base);
            final int quads = (n + NoiseDraws.QUAD - 1) / NoiseDraws.QUAD;
            if (membraneDraws) {
                NoiseDraws.fillWhite(streams.dynamics(), quads, z, lnU);
            }
            if (streams.noiseCurrent() != null) {
                NoiseDraws.fillNormals(streams.noiseCurrent(), quads, zNoise);
            }
            if (streams.excitatory() != null) {
                NoiseDraws.fillUniforms(streams.excitatory(), quads, uExc);
            }
            if (streams.inhibitory() != null) {
                NoiseDraws.fillUniforms(streams.inhibitory(), quads, uInh);
            }
            final int tracedHere = (int) Math.max(0, Math.min(n, traced - base)); // steps of this block kept
            for (int j = 0; j < tracedHere; j++) {
                cell.step(base + j, z[j], lnU[j], zNoise[j], uExc[j], uInh[j]);
                trace[(int) (base + j) + 1] = cell.v; // V at the end of the step, (k + 1) dt
            }
            if (whiteOrNone) { // the common case without further drives: the same step, fewer loads
                for (int j = tracedHere; j < n; j++) {
                    cell.step(base + j, z[j], lnU[j]);
                }
            } else {
                for (int j = tracedHere; j < n; j++) {
                    cell.step(base + j, z[j], lnU[j], zNoise[j], uExc[j], uInh[j]);
                }
            }
            unreported += n;
            if (unreported >= StepContext.PROGRESS_STRIDE) {
                ctx.cellStepsDone().addAndGet(unreported);
                unreported = 0;
            }
        }
        ctx.cellStepsDone().addAndGet(unreported);
    }

    /** The first normal of a noise current's stream (its first quad): its stationary start. */
    static double startingNormal(BlockRandom noiseCurrent) {
        double[] quad = new double[NoiseDraws.QUAD];
        NoiseDraws.fillNormals(noiseCurrent, 1, quad);
        return quad[0];
    }
}
