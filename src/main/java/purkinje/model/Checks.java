package purkinje.model;

/** Fail-fast parameter checks with physical messages ("tau_m must be positive, was -1 ms"). */
final class Checks {
    private Checks() {
    }

    static void positive(String name, double value, String unit) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidParameterException(name + " must be positive, was " + value + " " + unit);
        }
    }

    static void finite(String name, double value, String unit) {
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException(name + " must be a finite number, was " + value + " " + unit);
        }
    }

    static void nonNegative(String name, double value, String unit) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidParameterException(name + " must be zero or positive, was " + value
                    + (unit.isEmpty() ? "" : " " + unit));
        }
    }
}
