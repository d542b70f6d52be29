package purkinje.experiment;

import java.util.ArrayList;
import java.util.List;
import purkinje.analysis.CellStatistics;
import purkinje.analysis.DistributionSummary;
import purkinje.analysis.theory.TheoryRates;
import purkinje.engine.Ensemble;
import purkinje.engine.EnsembleResult;
import purkinje.engine.EnsembleSimulator;
import purkinje.engine.ProgressListener;
import purkinje.engine.RandomStreams;
import purkinje.engine.SimulationSettings;
import purkinje.model.CellParameters;
import purkinje.model.Condition;
import purkinje.model.Inputs;
import purkinje.model.InvalidParameterException;
import purkinje.model.RunConfig;

/**
 * f-I curves: for each condition, the firing rate at a range of injected currents (added to
 * I_pace), simulated with the configured noise, next to the closed-form rate with that noise and
 * without noise, and the rheobase. All points of all conditions are one ensemble.
 */
public final class FiExperiment {
    private FiExperiment() {
    }

    /** The injected currents: {@code steps} values evenly spaced from {@code fromPa} to {@code toPa}. */
    public record Currents(double fromPa, double toPa, int steps) {
        public Currents {
            if (!Double.isFinite(fromPa) || !Double.isFinite(toPa)) {
                throw new InvalidParameterException("f-I currents must be finite");
            }
            if (steps < 1) {
                throw new InvalidParameterException("f-I steps must be at least 1, was " + steps);
            }
            if (fromPa > toPa) {
                throw new InvalidParameterException("f-I range runs backwards: from ("
                        + purkinje.io.Quantities.formatNumber(fromPa) + " pA) is above to ("
                        + purkinje.io.Quantities.formatNumber(toPa) + " pA); swap them");
            }
            if (steps == 1 && fromPa != toPa) { // one current cannot span a range: to would be dropped unsaid
                throw new InvalidParameterException("f-I steps = 1 gives one current, but from ("
                        + purkinje.io.Quantities.formatNumber(fromPa) + " pA) and to ("
                        + purkinje.io.Quantities.formatNumber(toPa) + " pA) differ; use steps of at least 2,"
                        + " or the same current for both");
            }
            if (steps > 1 && fromPa == toPa) {
                throw new InvalidParameterException("f-I range is empty (from = to = "
                        + purkinje.io.Quantities.formatNumber(fromPa) + " pA) but steps = "
                        + steps + "; widen the range or use steps: 1");
            }
        }

        public double currentPa(int k) {
            return steps == 1 ? fromPa : fromPa + (toPa - fromPa) * k / (steps - 1);
        }
    }

    /** One simulated point: a condition at one injected current. */
    public record Point(int conditionIndex, Condition condition, double currentPa, DistributionSummary rateHz,
                        double meanIsiCv, double theoryRateHz, double deterministicRateHz) {
    }

    /**
     * Per condition: the total rheobase current g_L (V_th - E_L), what the cell receives without an
     * electrode (I_pace and the net mean synaptic current), and the injected current that reaches
     * the rheobase ({@link TheoryRates#rheobaseInjectedPa}).
     */
    public record Rheobase(Condition condition, double iPacePa, double synapticMeanPa, double rheobaseTotalPa,
                           double injectedPa) {
    }

    public record Result(RunConfig config, Currents currents, List<Point> points, List<Rheobase> rheobases,
                         EnsembleResult simulation, int threads) {
    }

    public static long pointSeed(long seed, int condition, int step) {
        return RandomStreams.derive(RandomStreams.derive(seed, condition), step);
    }

    public static Result run(RunConfig config, Currents currents, int threads, ProgressListener progress) {
        List<Condition> conditions = config.conditions();
        Ensemble.Builder b = Ensemble.builder();
        for (int c = 0; c < conditions.size(); c++) {
            CellParameters p = config.cellFor(conditions.get(c));
            for (int k = 0; k < currents.steps(); k++) {
                b.addPopulation(pointSeed(config.seed(), c, k), p, config.noise(), config.heterogeneity(),
                        config.cellsPerCondition(), currents.currentPa(k), config.inputsFor(conditions.get(c)));
            }
        }
        Ensemble ensemble = b.build();
        EnsembleResult sim = EnsembleSimulator.run(ensemble, new SimulationSettings(config.dtMs(), config.steps(),
                threads, false, java.util.Set.of(), 0), progress);
        List<Point> points = new ArrayList<>();
        List<Rheobase> rheobases = new ArrayList<>();
        for (Ensemble.Population pop : ensemble.populations()) {
            int c = pop.index() / currents.steps();
            int k = pop.index() % currents.steps();
            Condition condition = conditions.get(c);
            CellParameters p = config.cellFor(condition);
            double[] rates = new double[pop.cellCount()];
            double[] cvs = new double[pop.cellCount()];
            for (int i = 0; i < pop.cellCount(); i++) {
                CellStatistics s = sim.statistics(pop.firstCell() + i);
                rates[i] = s.rateHz();
                cvs[i] = s.cv();
            }
            double current = currents.currentPa(k);
            Inputs inputs = config.inputsFor(condition);
            points.add(new Point(c, condition, current, DistributionSummary.of(rates), DistributionSummary.of(cvs).mean(),
                    TheoryRates.rateHz(p, config.noise(), inputs, current),
                    TheoryRates.deterministicRateHz(p, inputs, current)));
            if (k == 0) {
                rheobases.add(new Rheobase(condition, p.iPacePa(), TheoryRates.meanSynapticCurrentPa(inputs),
                        TheoryRates.rheobasePa(p), TheoryRates.rheobaseInjectedPa(p, inputs)));
            }
        }
        return new Result(config, currents, List.copyOf(points), List.copyOf(rheobases), sim, threads);
    }
}
