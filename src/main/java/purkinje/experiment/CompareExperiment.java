package purkinje.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import purkinje.analysis.CellStatistics;
import purkinje.analysis.DistributionSummary;
import purkinje.analysis.GroupComparison;
import purkinje.engine.Ensemble;
import purkinje.engine.EnsembleResult;
import purkinje.engine.EnsembleSimulator;
import purkinje.engine.ProgressListener;
import purkinje.engine.RandomStreams;
import purkinje.engine.SimulationSettings;
import purkinje.model.CellParameters;
import purkinje.model.Condition;
import purkinje.model.RunConfig;

/**
 * Wild type vs reduced MEIS1: one population per condition, simulated together by the ensemble
 * engine, then per-cell statistics, per-condition summaries and the comparison of every condition
 * with the first (the reference, normally wild type).
 */
public final class CompareExperiment {
    /** Bootstrap resamples for the confidence interval of the rate change. */
    public static final int BOOTSTRAP_RESAMPLES = 10_000;
    /** Window for the Fano factor of spike counts. */
    public static final double FANO_WINDOW_MS = 1000;
    /** SD of the Gaussian kernel of the population rate (population-rate.csv and its figure). */
    public static final double POPULATION_KERNEL_SIGMA_MS = 100;
    /** Spacing of the population-rate samples. */
    public static final double POPULATION_STEP_MS = 20;
    /** Length of the voltage traces kept for figures. */
    public static final double TRACE_WINDOW_MS = 1000;
    /** Seed child indices: population seeds use the condition index; the bootstrap uses this one. */
    private static final long BOOTSTRAP_STREAM = 1L << 32;

    private CompareExperiment() {
    }

    /** One condition's cells and their statistics. */
    public record ConditionResult(int index, Condition condition, CellParameters parameters, int firstCell,
                                  List<CellStatistics> cells, DistributionSummary rateHz,
                                  DistributionSummary isiCv) {
        public double[] ratesHz() {
            return cells.stream().mapToDouble(CellStatistics::rateHz).toArray();
        }
    }

    /** A condition compared with the reference condition. */
    public record Comparison(String reference, String test, GroupComparison result) {
    }

    /** Everything a compare run produced. */
    public record Result(RunConfig config, EnsembleResult simulation, List<ConditionResult> conditions,
                         List<Comparison> comparisons, int threads) {
        public double durationMs() {
            return simulation.settings().durationMs();
        }
    }

    /** Seed of the population of condition {@code index}. */
    public static long populationSeed(long seed, int index) {
        return RandomStreams.derive(seed, index);
    }

    /** The cells of a compare run: one population per condition, in config order. */
    public static Ensemble ensemble(RunConfig config) {
        Ensemble.Builder builder = Ensemble.builder();
        List<Condition> conditions = config.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            builder.addPopulation(populationSeed(config.seed(), i), config.cellFor(conditions.get(i)), config.noise(),
                    config.heterogeneity(), config.cellsPerCondition(), 0, config.inputsFor(conditions.get(i)));
        }
        return builder.build();
    }

    /** How a compare run simulates {@code ensemble}: the config's dt, duration and recording options. */
    public static SimulationSettings settings(RunConfig config, Ensemble ensemble, int threads) {
        Set<Integer> traced = new HashSet<>();
        for (Ensemble.Population p : ensemble.populations()) {
            for (int k = 0; k < Math.min(config.record().voltageCells(), p.cellCount()); k++) {
                traced.add(p.firstCell() + k);
            }
        }
        int samples = SimulationSettings.voltageSamplesFor(TRACE_WINDOW_MS, config.dtMs(), config.steps());
        return new SimulationSettings(config.dtMs(), config.steps(), threads, config.record().spikes(), traced,
                samples);
    }

    public static Result run(RunConfig config, int threads, ProgressListener progress) {
        List<Condition> conditions = config.conditions();
        Ensemble ensemble = ensemble(config);
        SimulationSettings settings = settings(config, ensemble, threads);
        EnsembleResult sim = EnsembleSimulator.run(ensemble, settings, progress);

        List<ConditionResult> results = new ArrayList<>();
        for (Ensemble.Population p : ensemble.populations()) {
            List<CellStatistics> stats = new ArrayList<>();
            for (int c = p.firstCell(); c < p.firstCell() + p.cellCount(); c++) {
                stats.add(sim.statistics(c));
            }
            double[] rates = stats.stream().mapToDouble(CellStatistics::rateHz).toArray();
            double[] cvs = stats.stream().mapToDouble(CellStatistics::cv).toArray();
            Condition condition = conditions.get(p.index());
            results.add(new ConditionResult(p.index(), condition, config.cellFor(condition), p.firstCell(),
                    List.copyOf(stats), DistributionSummary.of(rates), DistributionSummary.of(cvs)));
        }
        List<Comparison> comparisons = new ArrayList<>();
        ConditionResult reference = results.get(0);
        for (int i = 1; i < results.size(); i++) {
            ConditionResult test = results.get(i);
            GroupComparison g = GroupComparison.of(reference.ratesHz(), test.ratesHz(),
                    RandomStreams.derive(config.seed(), BOOTSTRAP_STREAM + i), BOOTSTRAP_RESAMPLES);
            comparisons.add(new Comparison(reference.condition().name(), test.condition().name(), g));
        }
        return new Result(config, sim, List.copyOf(results), List.copyOf(comparisons), threads);
    }
}
