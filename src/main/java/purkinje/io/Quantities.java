package purkinje.io;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import purkinje.model.Unit;

/**
 * Parses quantities written with their unit ("47 ms", "-59 mV", "10.3 pA", "0.43 nS", "1 Hz").
 *
 * <p>Accepted prefixes: G M k (none) m u n p and the micro signs; units s, V, A, F, S, Hz, ohm.
 * A bare number where a unit is needed, or a unit of the wrong kind, is an error that names the
 * field and suggests what was meant.
 */
public final class Quantities {
    private static final Pattern QUANTITY = Pattern.compile(
            "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([GMkmunp\u00b5\u03bc]?)(Hz|ohm|\u03a9|s|V|A|F|S)\\s*");
    private static final Pattern NUMBER = Pattern.compile("\\s*[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?\\s*");
    private static final Map<String, Double> PREFIX = Map.of("G", 1e9, "M", 1e6, "k", 1e3, "", 1.0, "m", 1e-3,
            "u", 1e-6, "\u00b5", 1e-6, "\u03bc", 1e-6, "n", 1e-9, "p", 1e-12);
    private static final Map<String, Unit.Dimension> BASE = Map.of("s", Unit.Dimension.TIME,
            "V", Unit.Dimension.VOLTAGE, "A", Unit.Dimension.CURRENT, "F", Unit.Dimension.CAPACITANCE,
            "S", Unit.Dimension.CONDUCTANCE, "Hz", Unit.Dimension.FREQUENCY, "ohm", Unit.Dimension.RESISTANCE,
            "\u03a9", Unit.Dimension.RESISTANCE);

    private Quantities() {
    }

    /** A parsed quantity in SI base units. */
    public record Quantity(double si, Unit.Dimension dimension) {
        public double in(Unit unit) {
            if (unit.dimension() != dimension) {
                throw new IllegalArgumentException(dimension + " is not " + unit.dimension());
            }
            return unit.fromSi(si);
        }
    }

    /**
     * Parses {@code text} as a quantity of the given unit's dimension and returns it in that unit.
     *
     * @param field   the config path for messages, e.g. {@code cell.tau_m}
     * @param example a typical value for the suggestion, e.g. "47 ms"
     * @throws IllegalArgumentException with a one-line message for the user
     */
    public static double parse(String text, Unit unit, String field, String example) {
        String t = text == null ? "" : text.trim();
        if (NUMBER.matcher(t).matches()) {
            String suggested = example.substring(example.lastIndexOf(' ') + 1);
            throw new IllegalArgumentException(field + ": " + t + " has no unit; did you mean " + t + " "
                    + suggested + "?");
        }
        Matcher m = QUANTITY.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException(field + ": '" + t + "' is not a quantity with a unit; write it like "
                    + example);
        }
        Unit.Dimension dimension = BASE.get(m.group(3));
        if (dimension != unit.dimension()) {
            throw new IllegalArgumentException(field + ": '" + t + "' is " + dimension.description() + ", but "
                    + field.substring(field.lastIndexOf('.') + 1) + " is " + unit.dimension().description()
                    + " (e.g. " + example + ")");
        }
        double si = Double.parseDouble(m.group(1)) * PREFIX.get(m.group(2));
        return unit.fromSi(si);
    }

    /** Formats a value held in {@code unit} for output, e.g. {@code 47 ms}; shortest exact decimal. */
    public static String format(double value, Unit unit) {
        return formatNumber(value) + " " + unit.symbol();
    }

    /** Shortest decimal that reads back to the same double, without a trailing ".0". */
    public static String formatNumber(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
