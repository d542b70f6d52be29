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
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidParameterException(name + " must be positive, was " + num(value) + " " + unit);
        }
    }

    static void finite(String name, double value, String unit) {
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException(name + " must be a finite number, was " + num(value) + " " + unit);
        }
    }

    static void nonNegative(String name, double value, String unit) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidParameterException(name + " must be zero or positive, was " + num(value)
                    + (unit.isEmpty() ? "" : " " + unit));
        }
    }
}
