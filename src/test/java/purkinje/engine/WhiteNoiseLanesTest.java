package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.NoiseParameters;

/**
 * The vector engine (cells side by side in lanes) gives the scalar engine's numbers bit for bit:
 * spike trains, interspike statistics and the final membrane potential.
 */
class WhiteNoiseLanesTest {

    @Test
    void testsRunWithTheVectorModule() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "surefire must start the JVM with --add-modules jdk.incubator.vector (pom.xml argLine)");
        assumeTrue(WhiteNoiseLanes.supported(), "this CPU's vector shape does not suit the lanes");
        assertTrue(LaneIntegrator.forced(), "tests run the vector engine for every run (-Dpurkinje.vector=on)");
    }

    @Test
    void lanesAreChosenForWorkThatPaysForTheirWarmUp() {
        long perThread = EnsembleSimulator.LANE_WORK_PER_THREAD;
        assertTrue(!EnsembleSimulator.useLanes(2 * perThread - 1, 2, 0, false), "a short run: one cell at a time");
        assertTrue(EnsembleSimulator.useLanes(2 * perThread, 2, 0, false), "a long run: lanes");
        assertTrue(!EnsembleSimulator.useLanes(2 * perThread, 4, 0, false), "more threads share the work");
        assertTrue(EnsembleSimulator.useLanes(1, 2, EnsembleSimulator.LONG_JOB_CELL_STEPS, false),
                "after a long job's first runs: lanes");
        assertTrue(EnsembleSimulator.useLanes(1, 2, 0, true), "once the lanes are warm: lanes");
    }

    /** Cells that spike often, sit near threshold (bridge tests), and end refractory periods off the grid. */
    private static Cell[] cells(double dtMs, CellRecorder[] recorders, int seed) {
        int n = recorders.length;
        Cell[] cells = new Cell[n];
        for (int i = 0; i < n; i++) {
            double tau = 10 + 3 * i;
            double vInf = -65 + 12 + 2.5 * i;           // from below to above threshold
            double tRef = 1.03 + 0.37 * i;              // not a multiple of dt: partial steps
            double sigma = 1 + (i + seed) % 5;          // up to 5 mV: many bridge crossings
            double v0 = -65 + (i * 1.7) % 15;
            recorders[i] = new CellRecorder(null, null);
            final int cell = i;
            cells[i] = new Cell(CellModel.of(tau, 20, vInf, -50, -65, tRef, sigma, 0, null), dtMs, v0, recorders[i],
                    false, purpose -> RandomStreams.forCell(77, cell, purpose));
        }
        return cells;
    }

    @Test
    void laneGroupEqualsOneCellAtATime() {
        assumeTrue(WhiteNoiseLanes.supported(), "this CPU's vector shape does not suit the lanes");
        int lanes = WhiteNoiseLanes.LANES;
        for (double dt : new double[] {0.1, 0.5, 0.07}) {
            long steps = 40_003; // not a multiple of the block: a partial last block
            StepContext ctx = new StepContext(dt, steps, new AtomicLong());
            CellRecorder[] scalarOut = new CellRecorder[lanes];
            CellRecorder[] vectorOut = new CellRecorder[lanes];
            Cell[] scalar = cells(dt, scalarOut, 1);
            Cell[] vector = cells(dt, vectorOut, 1);
            BlockRandom[] streams = new BlockRandom[lanes];
            CellIntegrator.Buffers buffers = new CellIntegrator.Buffers();
            for (int i = 0; i < lanes; i++) {
                CellIntegrator.simulate(scalar[i], new CellIntegrator.Streams(stream(i), null, null, null), ctx, buffers);
                streams[i] = stream(i);
            }
            new WhiteNoiseLanes().simulate(vector, streams, ctx);
            long spikes = 0;
            for (int i = 0; i < lanes; i++) {
                assertEquals(scalarOut[i].statistics.toCellStatistics(steps * dt),
                        vectorOut[i].statistics.toCellStatistics(steps * dt), "dt " + dt + ", lane " + i);
                assertEquals(scalarOut[i].statistics.isiMeanMs(), vectorOut[i].statistics.isiMeanMs(), 0);
                assertEquals(scalarOut[i].statistics.lvSum(), vectorOut[i].statistics.lvSum(), 0);
                assertEquals(scalar[i].v, vector[i].v, 0, "final V, dt " + dt + ", lane " + i);
                assertEquals(scalar[i].resumeMs, vector[i].resumeMs, 0);
                spikes += scalarOut[i].statistics.nSpikes();
            }
            assertTrue(spikes > 50 * lanes, "the cells spike: " + spikes);
            assertEquals(2 * steps * lanes, ctx.cellStepsDone().get(), "progress counts every cell-step once per engine");
        }
    }

    private static BlockRandom stream(int i) {
        return RandomStreams.blockForCell(77, i, RandomStreams.Purpose.DYNAMICS);
    }

    @Test
    void keptSpikeTrainsAreTheSameThroughTheEnsemble() {
        // 8 lane groups and a remainder integrated one at a time; a second run of a 3-cell
        // population gives the same first cells one at a time, so every cell is checked both ways
        Ensemble big = Ensemble.builder().addPopulationReturning(3, CellParameters.DEFAULTS,
                new NoiseParameters(3, 0), Heterogeneity.DEFAULTS, 70);
        SimulationSettings s = new SimulationSettings(0.1, 20_000, 2, true, Set.of(), 0);
        try (EnsembleResult all = EnsembleSimulator.run(big, s)) {
            for (int first = 0; first < 70; first += 7) {
                Ensemble.Builder b = Ensemble.builder();
                // a population of one cell keeps that cell's stream only for cell 0, so compare by
                // re-running the first cells in small populations of the same seed
                b.addPopulation(3, CellParameters.DEFAULTS, new NoiseParameters(3, 0), Heterogeneity.DEFAULTS, first + 1);
                try (EnsembleResult few = EnsembleSimulator.run(b.build(), s)) {
                    assertArrayEquals(all.spikeTimesMs(first), few.spikeTimesMs(first), "cell " + first);
                }
            }
        }
    }
}
