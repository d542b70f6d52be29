package purkinje.fit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import purkinje.model.InvalidParameterException;

/**
 * The log-likelihood of the reference and one test condition under a hypothesis, with the drive
 * distribution profiled out.
 *
 * <p>The drive of every cell is lognormal, {@code x = ln I_pace ~ N(m + o, s^2)}, with
 * {@code o = ln a} in the test condition when the hypothesis scales I_pace by {@code a} (else 0):
 * both conditions share the level {@code m} and spread {@code s} (its CV is
 * {@code sqrt(e^{s^2} - 1)}, its mean {@code e^{m + s^2/2}}). A firing cell contributes the
 * density of its rate, {@code N(x_i; m + o, s^2) / |dr/dx|}, times that of its CV
 * ({@link ConditionTerms}); a silent cell the probability of no spike. {@code (m, s)} are set to
 * their maximum for each value of the hypothesis' parameters (closed form: mean and SD of the
 * {@code x_i - o}; numerically from there when cells are silent).
 */
final class JointLikelihood {
    /** Log-likelihood and the drive distribution that maximises it. */
    record Value(double logLikelihood, double m, double s) {
        /** Mean wild-type drive {@code e^{m + s^2/2}} (pA). */
        double meanDrivePa() {
            return Math.exp(m + 0.5 * s * s);
        }

        /** CV of the drive across cells, {@code sqrt(e^{s^2} - 1)}. */
        double driveCv() {
            return Math.sqrt(Math.expm1(s * s));
        }
    }

    static final Value IMPOSSIBLE = new Value(Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN);
    private static final double MIN_S = 1e-6;

    private final FitData data;
    private final ConditionTerms reference;
    private final Map<List<Double>, ConditionTerms> cache = new HashMap<>();

    JointLikelihood(FitData data, ConditionTerms reference) {
        this.data = data;
        this.reference = reference;
    }

    /** The reference condition's terms under the base model (shared by every hypothesis). */
    static ConditionTerms referenceTerms(FitData data) {
        return ConditionTerms.of(data.base(), data.x0(), data.referenceRatesHz(), data.referenceIsiCvs(),
                data.recordingMs(), data.useCv());
    }

    /** The profiled log-likelihood at the hypothesis' fit coordinates. */
    Value evaluate(Hypothesis h, double[] coordinates) {
        CellModel model = data.base();
        double offset = 0;
        List<Double> key = new ArrayList<>();
        for (int j = 0; j < coordinates.length; j++) {
            Effect e = h.effects().get(j);
            double c = coordinates[j];
            if (!(c >= e.low() && c <= e.high())) {
                return IMPOSSIBLE;
            }
            if (e == Effect.I_PACE) {
                offset = c;
            } else {
                try {
                    model = model.with(e, c);
                } catch (InvalidParameterException impossible) {
                    return IMPOSSIBLE; // e.g. a threshold shifted below the reset
                }
                key.add((double) e.ordinal());
                key.add(c);
            }
        }
        CellModel m = model;
        ConditionTerms test;
        try {
            test = cache.computeIfAbsent(key, k -> ConditionTerms.of(m, data.x0(), data.testRatesHz(),
                    data.testIsiCvs(), data.recordingMs(), data.useCv()));
        } catch (TooManyEvaluationsException e) {
            // the rate quadrature gives up far out in the search range (e.g. ten times the leak at a huge
            // drive): such a corner cannot be the maximum, so the search treats it as impossible
            return IMPOSSIBLE;
        }
        return profile(test, offset);
    }

    private Value profile(ConditionTerms test, double offset) {
        double fixed = reference.fixed + test.fixed;
        if (!(fixed > Double.NEGATIVE_INFINITY)) {
            return IMPOSSIBLE;
        }
        int n = reference.logDrives.length + test.logDrives.length;
        double sum = 0;
        for (double x : reference.logDrives) {
            sum += x;
        }
        for (double x : test.logDrives) {
            sum += x - offset;
        }
        double m = sum / n;
        double ss = 0;
        for (double x : reference.logDrives) {
            ss += (x - m) * (x - m);
        }
        for (double x : test.logDrives) {
            ss += (x - offset - m) * (x - offset - m);
        }
        double s = Math.max(Math.sqrt(ss / n), MIN_S);
        if (reference.silent == 0 && test.silent == 0) {
            return new Value(fixed + gaussian(test, offset, m, s), m, s);
        }
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-10);
        PointValuePair best = optimizer.optimize(new MaxEval(2000), GoalType.MAXIMIZE, new InitialGuess(
                new double[] {m, Math.log(s)}), new NelderMeadSimplex(new double[] {0.2 * s, 0.2}),
                new ObjectiveFunction(p -> withSilent(test, offset, p[0], Math.exp(p[1]))));
        return new Value(fixed + best.getValue(), best.getPoint()[0], Math.exp(best.getPoint()[1]));
    }

    private double gaussian(ConditionTerms test, double offset, double m, double s) {
        double q = 0;
        for (double x : reference.logDrives) {
            q += (x - m) * (x - m);
        }
        for (double x : test.logDrives) {
            q += (x - offset - m) * (x - offset - m);
        }
        int n = reference.logDrives.length + test.logDrives.length;
        return -0.5 * q / (s * s) - n * Math.log(s) - 0.5 * n * Math.log(2 * Math.PI);
    }

    private double withSilent(ConditionTerms test, double offset, double m, double s) {
        if (!(s >= MIN_S) || Double.isInfinite(s)) {
            return Double.NEGATIVE_INFINITY;
        }
        double v = gaussian(test, offset, m, s);
        if (reference.silent > 0) {
            v += reference.silent * reference.lnSilentProbability(m, s);
        }
        if (test.silent > 0) {
            v += test.silent * test.lnSilentProbability(m + offset, s);
        }
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }
}
