package purkinje.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import purkinje.model.CellParameter;
import purkinje.model.Inputs;

/**
 * The one simulation loop of the tool: integrates every cell of an {@link Ensemble} over the run.
 *
 * <p>Cells are independent (no coupling), so each is integrated over the whole run, and cells are
 * handed to worker threads in fixed chunks. Cells are integrated a lane group at a time
 * ({@link LaneIntegrator}, several cells side by side in the lanes of a vector, whatever drives
 * them) where the Vector API is available, and one at a time otherwise (and for cells with a
 * voltage trace); the numbers are the same either way.
 * Every cell draws from its own random streams and writes only its own result slot, so the output
 * is bit-identical whatever the number of threads or the grouping of cells.
 */
public final class EnsembleSimulator {
    /** Cells per unit of work handed to a thread when cells run one at a time. */
    private static final int CHUNK = 4;
    /** Lane groups per unit of work, at most (fewer when there are few cells per thread). */
    private static final int GROUPS_PER_CHUNK = 4;
    /**
     * Lane-group work (cell-steps per thread) from which the vector engine pays for itself in one
     * run: its code is fast only once C2 has compiled it, about 2 s into a JVM, and runs many
     * times slower before. Measured on 2 cores: 1,000 + 1,000 cells x 10 s (1e8 per thread) ran
     * 15 % faster on the one-cell path, 3,000 + 3,000 cells took a third less time in lanes.
     */
    static final long LANE_WORK_PER_THREAD = 125_000_000L;
    /** Cell-steps after which a JVM is running a long job (a sweep, a suite): lanes from then on. */
    static final long LONG_JOB_CELL_STEPS = 250_000_000L;
    private static final AtomicLong CELL_STEPS_SIMULATED = new AtomicLong();
    private static volatile boolean lanesWarm;

    private EnsembleSimulator() {
    }

    /**
     * How cells are integrated in this JVM: in vector lane groups, or one at a time
     * (and why). The numbers are the same; only the speed differs.
     */
    public static String engineDescription() {
        return LaneIntegrator.describe();
    }

    /**
     * Use the vector engine from now on in this JVM, even for short runs (benchmarks call this
     * before their warm-up run, so the JIT's warm-up is not timed).
     */
    public static void preferVectorEngine() {
        lanesWarm = true;
    }

    /**
     * Whether cells go to lane groups in a run with {@code laneWork} cell-steps of
     * eligible cells on {@code threads} threads: where available, for work that pays for the JIT
     * warm-up, and for every run once a JVM has used lanes or simulated a long job.
     */
    static boolean useLanes(long laneWork, int threads, long simulatedBefore, boolean warm) {
        return warm || laneWork / Math.max(1, threads) >= LANE_WORK_PER_THREAD
                || simulatedBefore >= LONG_JOB_CELL_STEPS;
    }

    public static EnsembleResult run(Ensemble ensemble, SimulationSettings settings) {
        return run(ensemble, settings, ProgressListener.NONE);
    }

    public static EnsembleResult run(Ensemble ensemble, SimulationSettings settings, ProgressListener progress) {
        return run(ensemble, settings, progress, true);
    }

    /** As {@link #run(Ensemble, SimulationSettings, ProgressListener)}; {@code mayUseLanes} false: one cell at a time (tests). */
    static EnsembleResult run(Ensemble ensemble, SimulationSettings settings, ProgressListener progress,
                              boolean mayUseLanes) {
        int n = ensemble.size();
        CellRecorder[] recorders = new CellRecorder[n];
        List<SpikeSpool> spools = new ArrayList<>();
        StepContext ctx = new StepContext(settings.dtMs(), settings.steps(), new AtomicLong());
        long total = settings.cellSteps(n);
        if (total == Long.MAX_VALUE) {
            throw new IllegalArgumentException(n + " cells x " + settings.steps() + " steps is more work than can be "
                    + "counted (2^63 cell-steps): use fewer cells, a larger dt or a shorter duration");
        }
        AtomicInteger nextChunk = new AtomicInteger();
        boolean lanes = mayUseLanes && LaneIntegrator.available() && (LaneIntegrator.forced()
                || useLanes(laneEligibleCells(ensemble, settings) * settings.steps(),
                Math.min(settings.threads(), n), CELL_STEPS_SIMULATED.get(), lanesWarm));
        if (lanes) {
            lanesWarm = true;
        }
        int width = LaneIntegrator.width();
        int chunk = lanes ? width * Math.max(1, Math.min(GROUPS_PER_CHUNK, n / (width * settings.threads()))) : CHUNK;
        int chunks = (n + chunk - 1) / chunk;
        int threads = Math.max(1, Math.min(settings.threads(), chunks));
        CELL_STEPS_SIMULATED.addAndGet(total);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "purkinje-engine");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> {
                    SpikeSpool spool = null;
                    if (settings.keepSpikes()) {
                        spool = new SpikeSpool();
                        synchronized (spools) {
                            spools.add(spool);
                        }
                    }
                    Worker worker = new Worker(ensemble, settings, ctx, spool, recorders, lanes);
                    for (int c = nextChunk.getAndIncrement(); c < chunks; c = nextChunk.getAndIncrement()) {
                        worker.simulate(c * chunk, Math.min(n, (c + 1) * chunk));
                    }
                }));
            }
            awaitWithProgress(futures, ctx.cellStepsDone(), total, progress);
        } catch (RuntimeException e) {
            spools.forEach(SpikeSpool::close);
            throw e;
        } finally {
            pool.shutdownNow();
        }
        spools.forEach(SpikeSpool::finish);
        double wall = (System.nanoTime() - start) * 1e-9;
        return new EnsembleResult(ensemble, settings, recorders, wall, spools, enginePath(lanes, width));
    }

    /** Which path this run's cells took, for the manifest (the numbers are the same on both). */
    private static String enginePath(boolean lanes, int width) {
        if (lanes) {
            return "vector: cells without a voltage trace in lane groups of " + width
                    + ", traced cells one at a time";
        }
        return LaneIntegrator.available() ? "scalar: one cell at a time (run too short for the vector code's warm-up)"
                : "scalar: one cell at a time (" + LaneIntegrator.describe() + ")";
    }

    /** Cells a lane group can take: all but those with a voltage trace or inputs of more than 700 events per step. */
    private static long laneEligibleCells(Ensemble e, SimulationSettings s) {
        long n = 0;
        for (int cell = 0; cell < e.size(); cell++) {
            if (laneEligible(e.inputs[cell], s.dtMs()) && !s.voltageCells().contains(cell)) {
                n++;
            }
        }
        return n;
    }

    private static void awaitWithProgress(List<Future<?>> futures, AtomicLong done, long total,
                                          ProgressListener progress) {
        try {
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get(250, TimeUnit.MILLISECONDS);
                        break;
                    } catch (java.util.concurrent.TimeoutException e) {
                        progress.progress(done.get(), total);
                    }
                }
            }
            progress.progress(total, total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("simulation interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Whether a cell with these inputs can be in a lane group: every input's counts come from its table. */
    private static boolean laneEligible(Inputs inputs, double dtMs) {
        if (inputs == null) {
            return true;
        }
        return eligibleInput(inputs.parallelFibres(), dtMs) && eligibleInput(inputs.interneurons(), dtMs);
    }

    private static boolean eligibleInput(purkinje.model.PoissonInput p, double dtMs) {
        return p == null || !p.isActive() || Cell.tabulated(p, dtMs);
    }

    /** One thread's integrators and buffers. */
    private static final class Worker {
        private final Ensemble e;
        private final SimulationSettings s;
        private final StepContext ctx;
        private final SpikeSpool spool;
        private final CellRecorder[] recorders;
        private final CellIntegrator.Buffers buffers = new CellIntegrator.Buffers();
        private final LaneIntegrator lanes;
        private final Cell[] group;
        private final CellIntegrator.Streams[] groupStreams;
        private int grouped;

        Worker(Ensemble e, SimulationSettings s, StepContext ctx, SpikeSpool spool, CellRecorder[] recorders,
               boolean useLanes) {
            this.lanes = useLanes ? LaneIntegrator.create() : null;
            this.e = e;
            this.s = s;
            this.ctx = ctx;
            this.spool = spool;
            this.recorders = recorders;
            int width = lanes == null ? 0 : lanes.lanes();
            group = new Cell[width];
            groupStreams = new CellIntegrator.Streams[width];
        }

        /** Cells [from, to): cells without a voltage trace go to lane groups. */
        void simulate(int from, int to) {
            for (int cell = from; cell < to; cell++) {
                simulateCell(cell);
            }
            for (int i = 0; i < grouped; i++) { // fewer than a group left: one at a time, same numbers
                CellIntegrator.simulate(group[i], groupStreams[i], ctx, buffers);
                group[i].out.flush();
            }
            grouped = 0;
        }

        private void simulateCell(int cell) {
            double[][] p = e.parameters;
            double capacitance = p[CellParameter.C_M.ordinal()][cell];
            double tau = p[CellParameter.TAU_M.ordinal()][cell];
            double eLeak = p[CellParameter.E_L.ordinal()][cell];
            double vTh = p[CellParameter.V_TH.ordinal()][cell];
            double vReset = p[CellParameter.V_RESET.ordinal()][cell];
            double tRef = p[CellParameter.T_REF.ordinal()][cell];
            double iPace = p[CellParameter.I_PACE.ordinal()][cell];
            double vInf = eLeak + iPace * tau / capacitance; // E_L + I / g_L
            CellModel model = CellModel.of(tau, capacitance, vInf, vTh, vReset, tRef, e.noiseSigmaVMv[cell],
                    e.noiseTauMs[cell], e.inputs[cell]);

            double[] trace = null;
            if (s.voltageCells().contains(cell)) {
                trace = new double[(int) Math.min(s.voltageSamples(), s.steps() + 1)];
            }
            CellRecorder recorder = new CellRecorder(spool, trace);
            recorders[cell] = recorder;
            long seed = e.populationSeed[cell];
            int index = e.cellInPopulation[cell];
            BlockRandom dynamics = RandomStreams.blockForCell(seed, index, RandomStreams.Purpose.DYNAMICS);
            // Start in the steady state's phase law, so cells neither fire in step nor show a start-up transient.
            double meanDrive = vInf + model.meanSynapticCurrentPa() * tau / capacitance;
            double v0 = InitialState.potentialMv(dynamics.nextDouble(), tau, meanDrive, vTh, vReset, tRef,
                    e.noiseSigmaVMv[cell]);
            Cell c = new Cell(model, s.dtMs(), v0, recorder, s.keepSpikes(),
                    purpose -> RandomStreams.forCell(seed, index, purpose));
            CellIntegrator.Streams streams = new CellIntegrator.Streams(dynamics,
                    model.colouredNoise() ? RandomStreams.blockForCell(seed, index, RandomStreams.Purpose.NOISE_CURRENT) : null,
                    Cell.tabulated(model.excitatory(), s.dtMs())
                            ? RandomStreams.blockForCell(seed, index, RandomStreams.Purpose.EXCITATORY) : null,
                    Cell.tabulated(model.inhibitory(), s.dtMs())
                            ? RandomStreams.blockForCell(seed, index, RandomStreams.Purpose.INHIBITORY) : null);
            if (lanes != null && trace == null && laneEligible(e.inputs[cell], s.dtMs())) {
                recorder.deferSpool();
                group[grouped] = c;
                groupStreams[grouped] = streams;
                if (++grouped == group.length) {
                    lanes.simulate(group, groupStreams, ctx);
                    for (Cell g : group) {
                        g.out.flush();
                    }
                    grouped = 0;
                }
                return;
            }
            CellIntegrator.simulate(c, streams, ctx, buffers);
        }
    }
}
