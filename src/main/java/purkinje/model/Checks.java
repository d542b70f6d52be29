package purkinje.model;

/** Fail-fast parameter checks with physical messages ("tau_m must be positive, was -1 ms"). */
final class Checks {
    private Checks() {
    }

    /** 47.0 -> "47", 0.1 -> "0.1". */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static void positive(String name, double value, String unit) {
        tooLarge(name, value, unit);
        if (!(value > 0)) {
            throw new InvalidParameterException(name + " must be positive, was " + num(value) + " " + unit);
        }
    }

    /** An infinite value (an overflow, e.g. a huge factor times a value) is too large, not "not positive". */
    private static void tooLarge(String name, double value, String unit) {
        if (Double.isInfinite(value)) {
            throw new InvalidParameterException(name + " is too large: " + (value > 0 ? "" : "-")
                    + "infinite (beyond 1.8e308" + (unit.isEmpty() ? "" : " " + unit) + "); give a finite value");
        }
    }

    static void finite(String name, double value, String unit) {
        tooLarge(name, value, unit);
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException(name + " must be a finite number, was " + num(value) + " " + unit);
        }
    }

    static void nonNegative(String name, double value, String unit) {
        tooLarge(name, value, unit);
        if (!(value >= 0)) {
            throw new InvalidParameterException(name + " must be zero or positive, was " + num(value)
                    + (unit.isEmpty() ? "" : " " + unit));
        }
    }
}
