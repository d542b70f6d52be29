package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import purkinje.model.CellParameters;
import purkinje.model.ClimbingFibre;
import purkinje.model.Heterogeneity;
import purkinje.model.Inputs;
import purkinje.model.NoiseParameters;
import purkinje.model.PoissonInput;

/**
 * The lane engine (cells side by side in lanes, any drives) gives the one-cell path's numbers bit
 * for bit: spike trains, interspike statistics, complex spikes, the final membrane potential and
 * currents.
 */
class VectorLanesTest {

    @Test
    void testsRunWithTheVectorModule() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "surefire must start the JVM with --add-modules jdk.incubator.vector (pom.xml argLine)");
        assumeTrue(VectorLanes.supported(), "this CPU's vector shape does not suit the lanes");
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

    /** White-noise cells that spike often, sit near threshold (bridge tests), and end refractory periods off the grid. */
    private static CellModel whiteNoise(int i) {
        double tau = 10 + 3 * i;
        double vInf = -65 + 12 + 2.5 * i;           // from below to above threshold
        double tRef = 1.03 + 0.37 * i;              // not a multiple of dt: partial steps
        double sigma = 1 + (i + 1) % 5;             // up to 5 mV: many bridge crossings
        return CellModel.of(tau, 20, vInf, -50, -65, tRef, sigma, 0, null);
    }

    /** Every drive, and mixes of them in one group: the lane engine's general step. */
    private static CellModel anyDrive(int i) {
        PoissonInput pf = new PoissonInput(0.5 + 0.2 * i, 2650, 2, 2);
        PoissonInput in = new PoissonInput(10, 20, 2 + i % 3, 5);
        ClimbingFibre cf = new ClimbingFibre(2 + i, 20, Double.NaN);
        double tRef = 1.03 + 0.37 * (i % 4);
        return switch (i % 8) {
            case 0 -> CellModel.of(47, 20, -59 + 7 * 47 / 20.0, -43, -69, tRef, 2, 0, new Inputs(pf, in, null));
            case 1 -> CellModel.of(47, 20, -50, -43, -69, tRef, 2, 3, new Inputs(pf, in, null)); // OU with inputs
            case 2 -> CellModel.of(20, 20, -48, -50, -65, tRef, 3, 0, new Inputs(null, null, cf)); // climbing fibre
            case 3 -> CellModel.of(20, 20, -49, -50, -65, tRef, 3, 0, null);                        // white only
            case 4 -> CellModel.of(30, 20, -45, -50, -65, tRef, 0, 0, new Inputs(pf, null, null));  // no noise
            case 5 -> CellModel.of(30, 20, -49, -50, -65, tRef, 2.5, 5, null);                     // OU only
            case 6 -> CellModel.of(47, 20, -48, -43, -69, tRef, 2, 0, new Inputs(pf, in, cf));     // all of it
            default -> CellModel.of(25, 20, -40, -50, -65, tRef, 0, 0, null);                      // regular firing
        };
    }

    private static Cell cell(CellModel m, double dtMs, int i, CellRecorder out) {
        double v0 = -65 + (i * 1.7) % 15;
        return new Cell(m, dtMs, v0, out, true, purpose -> RandomStreams.forCell(77, i, purpose));
    }

    private static CellIntegrator.Streams streams(CellModel m, double dtMs, int i) {
        return new CellIntegrator.Streams(RandomStreams.blockForCell(77, i, RandomStreams.Purpose.DYNAMICS),
                m.colouredNoise() ? RandomStreams.blockForCell(77, i, RandomStreams.Purpose.NOISE_CURRENT) : null,
                Cell.tabulated(m.excitatory(), dtMs) ? RandomStreams.blockForCell(77, i, RandomStreams.Purpose.EXCITATORY) : null,
                Cell.tabulated(m.inhibitory(), dtMs) ? RandomStreams.blockForCell(77, i, RandomStreams.Purpose.INHIBITORY) : null);
    }

    private static void assertGroupEqualsOneCellAtATime(IntFunction<CellModel> models, int offset, boolean climbing) {
        assumeTrue(VectorLanes.supported(), "this CPU's vector shape does not suit the lanes");
        int lanes = VectorLanes.LANES;
        for (double dt : new double[] {0.1, 0.5, 0.07}) {
            long steps = 40_003; // not a multiple of the block: a partial last block
            StepContext ctx = new StepContext(dt, steps, new AtomicLong());
            CellRecorder[] scalarOut = new CellRecorder[lanes];
            CellRecorder[] vectorOut = new CellRecorder[lanes];
            Cell[] scalar = new Cell[lanes];
            Cell[] vector = new Cell[lanes];
            CellIntegrator.Streams[] vectorStreams = new CellIntegrator.Streams[lanes];
            CellIntegrator.Buffers buffers = new CellIntegrator.Buffers();
            for (int l = 0; l < lanes; l++) {
                int i = l + offset;
                CellModel m = models.apply(i);
                scalarOut[l] = new CellRecorder(null, null);
                vectorOut[l] = new CellRecorder(null, null);
                scalar[l] = cell(m, dt, i, scalarOut[l]);
                vector[l] = cell(m, dt, i, vectorOut[l]);
                CellIntegrator.simulate(scalar[l], streams(m, dt, i), ctx, buffers);
                vectorStreams[l] = streams(m, dt, i);
            }
            new VectorLanes().simulate(vector, vectorStreams, ctx);
            long spikes = 0;
            long complex = 0;
            for (int l = 0; l < lanes; l++) {
                String where = "dt " + dt + ", lane " + l + " (" + models.apply(l + offset) + ")";
                assertEquals(scalarOut[l].statistics.toCellStatistics(steps * dt),
                        vectorOut[l].statistics.toCellStatistics(steps * dt), where);
                assertEquals(scalarOut[l].statistics.isiMeanMs(), vectorOut[l].statistics.isiMeanMs(), 0, where);
                assertEquals(scalarOut[l].statistics.lvSum(), vectorOut[l].statistics.lvSum(), 0, where);
                assertEquals(scalarOut[l].complexSpikes(), vectorOut[l].complexSpikes(), where);
                assertEquals(scalar[l].v, vector[l].v, 0, "final V, " + where);
                assertEquals(scalar[l].iExcPa, vector[l].iExcPa, 0, "final I_exc, " + where);
                assertEquals(scalar[l].iInhPa, vector[l].iInhPa, 0, "final I_inh, " + where);
                assertEquals(scalar[l].xMv, vector[l].xMv, 0, "final noise current, " + where);
                assertEquals(scalar[l].resumeMs, vector[l].resumeMs, 0, where);
                spikes += scalarOut[l].statistics.nSpikes();
                complex += scalarOut[l].complexSpikes();
            }
            assertTrue(spikes > 20 * lanes, "the cells spike: " + spikes);
            assertTrue(!climbing || complex > 0, "climbing fibres fire: " + complex);
            assertEquals(2 * steps * lanes, ctx.cellStepsDone().get(), "progress counts every cell-step once per engine");
        }
    }

    @Test
    void whiteNoiseGroupEqualsOneCellAtATime() {
        assertGroupEqualsOneCellAtATime(VectorLanesTest::whiteNoise, 0, false);
    }

    @Test
    void groupsWithEveryDriveEqualOneCellAtATime() {
        // offsets put different mixes of drives side by side (8 kinds over 4 or 8 lanes)
        for (int offset = 0; offset < 8; offset += 2) {
            assertGroupEqualsOneCellAtATime(VectorLanesTest::anyDrive, offset, true);
        }
    }

    /** Inputs with many events per step: counts beyond the few table entries held in registers. */
    private static CellModel manyEvents(int i) {
        PoissonInput pf = new PoissonInput(5 + i, 20000, 0.05, 1);     // 10+ events per step at dt 0.1 ms
        PoissonInput in = new PoissonInput(10, 2000 + 500 * i, 0.2, 3); // 2+ events per step
        return CellModel.of(20, 20, -40, -50, -65, 1.5 + 0.1 * i, 1 + i % 2, 0, new Inputs(pf, i % 3 == 0 ? null : in, null));
    }

    @Test
    void groupsWithManyEventsPerStepEqualOneCellAtATime() {
        assertGroupEqualsOneCellAtATime(VectorLanesTest::manyEvents, 0, false);
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
