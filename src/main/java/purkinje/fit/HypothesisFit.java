package purkinje.fit;

import java.util.List;

/**
 * One hypothesis fitted to one test condition and the reference.
 *
 * @param coordinates    the maximum-likelihood fit coordinates (shift in mV, or ln factor)
 * @param parameters     the hypothesis' parameters with 95 % profile-likelihood intervals
 * @param logLikelihood  maximised log-likelihood
 * @param parameterCount free parameters: the hypothesis' own plus the drive's level and spread
 * @param aic            2 k - 2 ln L
 * @param bic            k ln n - 2 ln L, n the cells of both conditions
 * @param meanDrivePa    fitted mean wild-type I_pace (pA)
 * @param driveCv        fitted cell-to-cell CV of the drive
 * @param profile        for one-parameter hypotheses, the profile log-likelihood drop around the estimate
 */
public record HypothesisFit(Hypothesis hypothesis, double[] coordinates, List<Parameter> parameters,
                            double logLikelihood, int parameterCount, double aic, double bic, double meanDrivePa,
                            double driveCv, List<ProfilePoint> profile) {
    public HypothesisFit {
        parameters = List.copyOf(parameters);
        profile = List.copyOf(profile);
        coordinates = coordinates.clone();
    }

    /**
     * A fitted parameter.
     *
     * @param estimate     maximum-likelihood value (factor, or shift in mV)
     * @param ciLow        lower end of the 95 % profile-likelihood interval
     * @param ciHigh       upper end
     * @param lowAtBound   true when the likelihood never dropped by 1.92 below the estimate before the search bound
     * @param highAtBound  the same for the upper end
     */
    public record Parameter(Effect effect, double estimate, double ciLow, double ciHigh, boolean lowAtBound,
                            boolean highAtBound) {
    }

    /** A point of a profile: parameter value (factor or mV) and delta ln L = ln L(value) - ln L(estimate) (&lt;= 0). */
    public record ProfilePoint(Effect effect, double value, double deltaLnLikelihood) {
    }
}
