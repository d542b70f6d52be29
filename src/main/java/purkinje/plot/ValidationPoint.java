package purkinje.plot;

/**
 * One quantity of one case of the built-in validation suite: simulated value against theory.
 *
 * @param caseName      name of the validation case, e.g. "lif-deterministic-200pA"
 * @param quantity      compared quantity, e.g. "rate" or "CV"
 * @param simulated     simulated value
 * @param theory        theoretical value
 * @param relativeError simulated / theory - 1 (a fraction, not percent); if not finite it is
 *                      recomputed from {@code simulated} and {@code theory} when plotting
 * @param tolerance     allowed |relative error| as a fraction, e.g. 0.005 for 0.5 %
 * @param pass          whether the case passed
 */
public record ValidationPoint(String caseName, String quantity, double simulated, double theory,
        double relativeError, double tolerance, boolean pass) {
    public ValidationPoint {
        caseName = caseName == null ? "" : caseName;
        quantity = quantity == null ? "" : quantity;
    }

    /** Row label: case name and quantity. */
    public String label() {
        return (caseName + " " + quantity).strip();
    }

    /** The relative error, recomputed from the values if the stored one is not finite (may be NaN). */
    double effectiveRelativeError() {
        if (Double.isFinite(relativeError)) {
            return relativeError;
        }
        return theory != 0 ? simulated / theory - 1 : Double.NaN;
    }
}
