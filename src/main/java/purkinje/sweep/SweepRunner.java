package purkinje.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import purkinje.analysis.CellStatistics;
import purkinje.analysis.DistributionSummary;
import purkinje.analysis.theory.TheoryRates;
import purkinje.engine.Ensemble;
import purkinje.engine.EnsembleResult;
import purkinje.engine.EnsembleSimulator;
import purkinje.engine.ProgressListener;
import purkinje.engine.SimulationSettings;
import purkinje.experiment.CompareExperiment;
import purkinje.model.Condition;
import purkinje.model.RunConfig;

/**
 * Simulates sweep points. The cells of many points go into ONE {@link Ensemble} per batch (points in
 * index order, with the same dt and duration, until the batch holds at least {@code batchCells}
 * cells), so the engine starts once per batch, not once per point. Each condition of a point is a
 * population seeded exactly as a compare run with the point's seed would seed it
 * ({@link CompareExperiment#populationSeed}), and cells draw from their own streams, so a point's
 * numbers do not depend on which other points share its batch.
 */
public final class SweepRunner {
    /** Default cells per engine call: large enough to keep every core busy to the end of the batch. */
    public static final int DEFAULT_BATCH_CELLS = 2048;

    private SweepRunner() {
    }

    /** Progress across batches. */
    public interface Listener {
        Listener NONE = (a, b, c, d) -> { };

        /** Called often while simulating, and after each batch is committed. */
        void progress(long cellStepsDone, long cellStepsTotal, int pointsDone, int pointsTotal);
    }

    /** Cell-steps point {@code i} costs. */
    static long cost(SweepPlan plan, int i) {
        RunConfig rc = plan.point(i);
        return (long) rc.cellsPerCondition() * rc.conditions().size() * rc.steps();
    }

    /** Groups points (in the given order) into batches of equal dt and steps, each of at least batchCells cells. */
    static List<List<Integer>> batches(SweepPlan plan, List<Integer> points, int batchCells) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        long cells = 0;
        for (int i : points) {
            RunConfig rc = plan.point(i);
            if (!cur.isEmpty()) {
                RunConfig first = plan.point(cur.get(0));
                if (first.dtMs() != rc.dtMs() || first.steps() != rc.steps() || cells >= batchCells) {
                    out.add(cur);
                    cur = new ArrayList<>();
                    cells = 0;
                }
            }
            cur.add(i);
            cells += (long) rc.cellsPerCondition() * rc.conditions().size();
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /**
     * Simulates {@code points} batch by batch; after each batch its rows (points in order, conditions
     * in config order) go to {@code sink} before the next batch starts.
     */
    public static void run(SweepPlan plan, List<Integer> points, int threads, int batchCells,
                           Consumer<List<PointRow>> sink, Listener listener) {
        long total = 0;
        for (int i : points) {
            total += cost(plan, i);
        }
        long[] done = {0};
        int pointsDone = 0;
        final long totalSteps = total;
        listener.progress(0, totalSteps, 0, points.size());
        for (List<Integer> batch : batches(plan, points, batchCells)) {
            final long before = done[0];
            final int pd = pointsDone;
            List<PointRow> rows = simulate(plan, batch, threads,
                    (d, t) -> listener.progress(before + d, totalSteps, pd, points.size()));
            for (int i : batch) {
                done[0] += cost(plan, i);
            }
            sink.accept(rows);
            pointsDone += batch.size();
            listener.progress(done[0], totalSteps, pointsDone, points.size());
        }
    }

    /** Simulates one batch of points with the same dt and duration in one engine call. */
    public static List<PointRow> simulate(SweepPlan plan, List<Integer> batch, int threads, ProgressListener progress) {
        Ensemble.Builder builder = Ensemble.builder();
        for (int i : batch) {
            RunConfig rc = plan.point(i);
            List<Condition> conditions = rc.conditions();
            for (int c = 0; c < conditions.size(); c++) {
                builder.addPopulation(CompareExperiment.populationSeed(rc.seed(), c), rc.cellFor(conditions.get(c)),
                        rc.noise(), rc.heterogeneity(), rc.cellsPerCondition(), 0, rc.inputsFor(conditions.get(c)));
            }
        }
        Ensemble ensemble = builder.build();
        RunConfig first = plan.point(batch.get(0));
        SimulationSettings settings = new SimulationSettings(first.dtMs(), first.steps(), threads, false, Set.of(), 0);
        EnsembleResult sim = EnsembleSimulator.run(ensemble, settings, progress);
        List<PointRow> rows = new ArrayList<>();
        int population = 0;
        for (int i : batch) {
            RunConfig rc = plan.point(i);
            double[] values = plan.values(i);
            for (Condition condition : rc.conditions()) {
                Ensemble.Population p = ensemble.populations().get(population++);
                double[] rates = new double[p.cellCount()];
                double[] cvs = new double[p.cellCount()];
                for (int k = 0; k < p.cellCount(); k++) {
                    CellStatistics s = sim.statistics(p.firstCell() + k);
                    rates[k] = s.rateHz();
                    cvs[k] = s.cv();
                }
                DistributionSummary r = DistributionSummary.of(rates);
                double theory = TheoryRates.identicalCellsRateHz(rc.cellFor(condition), rc.noise(),
                        rc.heterogeneity(), rc.inputsFor(condition));
                rows.add(new PointRow(i, values, condition.name(), condition.meis1Dosage(), p.cellCount(), r.mean(),
                        r.sd(), r.sem(), DistributionSummary.of(cvs).mean(), theory, rc.seed()));
            }
        }
        return rows;
    }
}
