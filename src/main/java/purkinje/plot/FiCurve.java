package purkinje.plot;

/**
 * The f-I curve of one condition: simulated firing rates at a few injected currents plus the
 * theoretical curves on a fine current grid. Null arrays become empty arrays; arrays of unequal
 * length are drawn up to the shorter one.
 *
 * @param condition           display name of the condition, e.g. "Wild type"
 * @param currentPa           injected currents of the simulated points, in pA
 * @param rateHz              simulated mean firing rate at each current, in Hz (non-finite: not drawn)
 * @param rateSemHz           standard error of each simulated rate, in Hz (missing or non-finite: no bar)
 * @param theoryCurrentPa     fine current grid of the theory curves, in pA
 * @param theoryRateHz        theoretical rate with the configured noise on that grid, in Hz;
 *                            NaN where the theory does not apply (drawn as a gap)
 * @param deterministicRateHz noise-free theoretical rate on the same grid, in Hz (empty if not given)
 * @param rheobasePa          current at which the noise-free cell starts to fire, in pA (NaN if unknown)
 */
public record FiCurve(String condition, double[] currentPa, double[] rateHz, double[] rateSemHz,
        double[] theoryCurrentPa, double[] theoryRateHz, double[] deterministicRateHz, double rheobasePa) {
    public FiCurve {
        condition = condition == null ? "" : condition;
        currentPa = currentPa == null ? new double[0] : currentPa;
        rateHz = rateHz == null ? new double[0] : rateHz;
        rateSemHz = rateSemHz == null ? new double[0] : rateSemHz;
        theoryCurrentPa = theoryCurrentPa == null ? new double[0] : theoryCurrentPa;
        theoryRateHz = theoryRateHz == null ? new double[0] : theoryRateHz;
        deterministicRateHz = deterministicRateHz == null ? new double[0] : deterministicRateHz;
    }
}
