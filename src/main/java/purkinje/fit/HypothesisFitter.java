package purkinje.fit;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Maximum likelihood and profile-likelihood intervals for one hypothesis.
 *
 * <p>The estimate is found by a grid over each parameter's search range followed by Brent's
 * method (one parameter) or Nelder-Mead (two). The 95 % interval of a parameter is the set of
 * values whose profile log-likelihood (the other parameters, and the drive, at their best) lies
 * within 3.841 / 2 of the maximum: Wilks' theorem, chi-square with 1 degree of freedom. Where it
 * never drops that far within the search range, the range's end is reported and flagged.
 */
final class HypothesisFitter {
    /** Half the 95 % quantile of chi-square with 1 degree of freedom. */
    static final double DROP_95 = 0.5 * 3.841458820694124;
    /** Drive level and spread, fitted under every hypothesis. */
    static final int NUISANCE_PARAMETERS = 2;
    private static final int GRID_1D = 25;
    private static final int GRID_2D = 7;
    private static final int PROFILE_POINTS = 21;
    /** Likelihood evaluations Nelder-Mead may take for a two-parameter hypothesis. */
    private static final int MAX_EVALUATIONS = 1500;
    /** Accuracy of an interval end, as a fraction of the search range. */
    static final double CI_TOLERANCE = 1e-4;

    private final JointLikelihood likelihood;
    private final Hypothesis hypothesis;
    private final int cells;
    private final List<double[]> starts;

    /**
     * @param starts for a two-parameter hypothesis, starting points for Nelder-Mead (e.g. the
     *               one-parameter estimates with the other parameter at "no change"); empty: a grid
     */
    HypothesisFitter(JointLikelihood likelihood, Hypothesis hypothesis, int cells, List<double[]> starts) {
        this.likelihood = likelihood;
        this.hypothesis = hypothesis;
        this.cells = cells;
        this.starts = List.copyOf(starts);
    }

    HypothesisFit fit() {
        List<Effect> effects = hypothesis.effects();
        double[] best = maximise();
        JointLikelihood.Value v = likelihood.evaluate(hypothesis, best);
        List<HypothesisFit.Parameter> parameters = new ArrayList<>();
        List<HypothesisFit.ProfilePoint> profile = new ArrayList<>();
        for (int j = 0; j < effects.size(); j++) {
            Effect e = effects.get(j);
            double[] low = end(best, v.logLikelihood(), j, -1);
            double[] high = end(best, v.logLikelihood(), j, +1);
            parameters.add(new HypothesisFit.Parameter(e, e.value(best[j]), e.value(low[0]), e.value(high[0]),
                    low[1] != 0, high[1] != 0));
            if (effects.size() == 1) {
                double a = Math.max(e.low(), low[0] - 0.6 * (best[j] - low[0]));
                double b = Math.min(e.high(), high[0] + 0.6 * (high[0] - best[j]));
                for (int i = 0; i < PROFILE_POINTS; i++) {
                    double c = a + (b - a) * i / (PROFILE_POINTS - 1);
                    profile.add(new HypothesisFit.ProfilePoint(e, e.value(c), profileAt(best, j, c)
                            - v.logLikelihood()));
                }
            }
        }
        int k = effects.size() + NUISANCE_PARAMETERS;
        double ll = v.logLikelihood();
        return new HypothesisFit(hypothesis, best, parameters, ll, k, 2 * k - 2 * ll, k * Math.log(cells) - 2 * ll,
                v.meanDrivePa(), v.driveCv(), profile);
    }

    private double value(double[] c) {
        return likelihood.evaluate(hypothesis, c).logLikelihood();
    }

    private double[] maximise() {
        List<Effect> effects = hypothesis.effects();
        if (effects.isEmpty()) {
            return new double[0];
        }
        if (effects.size() == 1) {
            Effect e = effects.get(0);
            return new double[] {maximise1d(c -> value(new double[] {c}), e.low(), e.high(), GRID_1D)};
        }
        Effect a = effects.get(0);
        Effect b = effects.get(1);
        List<double[]> trials = new ArrayList<>(starts);
        if (trials.isEmpty()) {
            for (int i = 0; i < GRID_2D; i++) {
                for (int k = 0; k < GRID_2D; k++) {
                    trials.add(new double[] {grid(a, i, GRID_2D), grid(b, k, GRID_2D)});
                }
            }
        }
        double[] start = null;
        double startValue = Double.NEGATIVE_INFINITY;
        for (double[] c : trials) {
            double f = value(c);
            if (start == null || f > startValue) {
                start = c;
                startValue = f;
            }
        }
        double stepA = (a.high() - a.low()) / 40;
        double stepB = (b.high() - b.low()) / 40;
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-9, 1e-7);
        PointValuePair p;
        try {
            p = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), GoalType.MAXIMIZE, new InitialGuess(start),
                    new NelderMeadSimplex(new double[] {stepA, stepB}), new ObjectiveFunction(this::value));
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            // seen with a cell far from the rest of its condition (900 Hz among 15 Hz cells): the data, not a bug
            throw new purkinje.io.ConfigException("the fit of hypothesis '" + hypothesis.name() + "' found no "
                    + "maximum of the likelihood in " + MAX_EVALUATIONS + " evaluations; the data may hold an outlier "
                    + "(a rate far from the other cells of its condition): check the recorded rates");
        }
        return p.getValue() >= startValue ? p.getPoint() : start;
    }

    private static double grid(Effect e, int i, int n) {
        return e.low() + (e.high() - e.low()) * i / (n - 1);
    }

    /** Grid search, then Brent's method on the cell around the best grid point. */
    private static double maximise1d(java.util.function.DoubleUnaryOperator f, double lo, double hi, int points) {
        int bestIndex = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] g = new double[points];
        for (int i = 0; i < points; i++) {
            g[i] = lo + (hi - lo) * i / (points - 1);
            double v = f.applyAsDouble(g[i]);
            if (v > bestValue) {
                bestValue = v;
                bestIndex = i;
            }
        }
        double a = g[Math.max(bestIndex - 1, 0)];
        double b = g[Math.min(bestIndex + 1, points - 1)];
        UnivariatePointValuePair p = new BrentOptimizer(1e-10, 1e-8).optimize(new MaxEval(200),
                new UnivariateObjectiveFunction(f::applyAsDouble), GoalType.MAXIMIZE,
                new SearchInterval(a, b, g[bestIndex]));
        return p.getValue() >= bestValue ? p.getPoint() : g[bestIndex];
    }

    /** Profile log-likelihood of parameter j at coordinate c: the other parameter at its best. */
    private double profileAt(double[] best, int j, double c) {
        if (best.length == 1) {
            return value(new double[] {c});
        }
        int o = 1 - j;
        Effect other = hypothesis.effects().get(o);
        double[] x = best.clone();
        x[j] = c;
        double width = (other.high() - other.low()) / 8;
        double lo = Math.max(other.low(), best[o] - width);
        double hi = Math.min(other.high(), best[o] + width);
        UnivariatePointValuePair p = new BrentOptimizer(1e-6, 1e-5).optimize(new MaxEval(100),
                new UnivariateObjectiveFunction(t -> {
                    double[] y = x.clone();
                    y[o] = t;
                    return value(y);
                }), GoalType.MAXIMIZE, new SearchInterval(lo, hi, best[o]));
        return p.getValue();
    }

    /**
     * One end of the 95 % interval of parameter j: {coordinate, 1 if it is the search bound}. The
     * first trial is the quadratic (Wald) width from the profile's curvature at the estimate; the
     * bracket is widened until the profile drops below the level, then Brent's root finder places
     * the end to {@value #CI_TOLERANCE} of the search range.
     */
    private double[] end(double[] best, double maximum, int j, int direction) {
        Effect e = hypothesis.effects().get(j);
        double range = e.high() - e.low();
        double target = maximum - DROP_95;
        double bound = direction < 0 ? e.low() : e.high();
        double h = range * 1e-4;
        double curvature = -(profileAt(best, j, best[j] + h) + profileAt(best, j, best[j] - h) - 2 * maximum) / (h * h);
        double width = Math.sqrt(2 * DROP_95 / curvature);
        // no usable curvature (flat, or a neighbour impossible: curvature +infinity, width 0): a
        // twentieth of the range. A zero width never grew below and the search ran for ever
        if (!(width >= range * 1e-9 && width < Double.POSITIVE_INFINITY)) {
            width = range / 20;
        }
        double inside = best[j];
        double outside = best[j] + direction * width;
        while (true) { // the width doubles: the bound is reached within about 35 rounds
            if (direction < 0 ? outside <= bound : outside >= bound) {
                outside = bound;
                if (profileAt(best, j, bound) >= target) {
                    return new double[] {bound, 1};
                }
                break;
            }
            if (profileAt(best, j, outside) < target) {
                break;
            }
            inside = outside;
            outside = best[j] + 2 * (outside - best[j]);
        }
        double a = Math.min(inside, outside);
        double b = Math.max(inside, outside);
        double root = new BrentSolver(CI_TOLERANCE * range).solve(100, c -> profileAt(best, j, c) - target, a, b);
        return new double[] {root, 0};
    }
}
