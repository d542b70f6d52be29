package purkinje.report;

import java.util.Locale;

/** Number formats of the report text: the same rounding wherever a number is shown. */
final class Numbers {
    private Numbers() {
    }

    /** A rate or other value with 3 significant digits at most 1 decimal above 10: 15.3, 9.82 -> 9.8, 120. */
    static String value(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2g", v);
    }

    /** More digits, for tables: 15.33, 0.155. */
    static String precise(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** A p-value: 9e-13, 0.003, 0.04, 0.52; 0 (underflow) as "< 1e-300". */
    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "n/a";
        }
        if (p <= 0) {
            return "< 1e-300";
        }
        if (p < 0.001) {
            return String.format(Locale.ROOT, "%.0e", p).replace("e-0", "e-");
        }
        return String.format(Locale.ROOT, "%.2g", p);
    }

    /** A percentage magnitude with no sign: 36, 4.2, 0.35. */
    static String percent(double v) {
        double a = Math.abs(v);
        if (!Double.isFinite(a)) {
            return "n/a";
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.0f", a);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.1f", a);
        }
        return String.format(Locale.ROOT, "%.2f", a);
    }

    /** Signed: +4.2, -36. */
    static String signed(double v, String digitsFormat) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, digitsFormat, v) : "n/a";
    }
}
