package purkinje.io;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import purkinje.model.Unit;

/**
 * Parses quantities written with their unit ("47 ms", "-59 mV", "10.3 pA", "0.43 nS", "1 Hz"),
 * plain decimal numbers and whole numbers, strictly and exactly.
 *
 * <p>Accepted prefixes: G M k (none) m u n p and the micro signs; units s, V, A, F, S, Hz, ohm;
 * and, for times, min and h (without a prefix: 60 s and 3600 s, scaled exactly).
 * A bare number where a unit is needed, or a unit of the wrong kind, is an error that names the
 * field and suggests what was meant. The decimal is scaled to the model's unit exactly (as a
 * decimal, {@link BigDecimal}) and rounded once, so every spelling of a value gives the same
 * double: {@code 0.02 nF}, {@code 20 pF} and {@code 2e-11 F} agree bit for bit.
 * Numbers are decimals only: YAML's {@code .nan}, {@code .inf}, {@code 0x10}, {@code 1_000} are
 * refused, as are values too large for a double. Values longer than {@link #MAX_CHARS}
 * characters are refused before any parsing, which keeps the time linear in the file size.
 */
public final class Quantities {
    /** Longest value text accepted (a number with its unit needs a few dozen characters). */
    public static final int MAX_CHARS = 100;
    private static final String DECIMAL = "[+-]?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][+-]?\\d++)?";
    private static final Pattern QUANTITY = Pattern.compile(
            "(" + DECIMAL + ")\\s*+([GMkmunp\u00b5\u03bc]?)(Hz|ohm|\u03a9|s|V|A|F|S)");
    private static final Pattern LONG_TIME = Pattern.compile("(" + DECIMAL + ")\\s*+(min|h)");
    private static final Map<String, Integer> SECONDS_PER = Map.of("min", 60, "h", 3600);
    private static final Pattern NUMBER = Pattern.compile(DECIMAL);
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d++");
    private static final Map<String, Integer> PREFIX = Map.of("G", 9, "M", 6, "k", 3, "", 0, "m", -3,
            "u", -6, "\u00b5", -6, "\u03bc", -6, "n", -9, "p", -12);
    private static final Map<String, Unit.Dimension> BASE = Map.of("s", Unit.Dimension.TIME,
            "V", Unit.Dimension.VOLTAGE, "A", Unit.Dimension.CURRENT, "F", Unit.Dimension.CAPACITANCE,
            "S", Unit.Dimension.CONDUCTANCE, "Hz", Unit.Dimension.FREQUENCY, "ohm", Unit.Dimension.RESISTANCE,
            "\u03a9", Unit.Dimension.RESISTANCE);
    /** Powers of ten beyond this are outside every double (and would make BigDecimal work hard). */
    private static final int MAX_EXPONENT = 400;

    private Quantities() {
    }

    /**
     * Parses {@code text} as a quantity of the given unit's dimension and returns it in that unit.
     *
     * @param field   the config path for messages, e.g. {@code cell.tau_m}
     * @param example a typical value for the suggestion, e.g. "47 ms"
     * @throws IllegalArgumentException with a one-line message for the user
     */
    public static double parse(String text, Unit unit, String field, String example) {
        String t = checkedLength(text, field);
        if (NUMBER.matcher(t).matches()) {
            String suggested = example.substring(example.lastIndexOf(' ') + 1);
            throw new IllegalArgumentException(field + ": " + t + " has no unit; did you mean " + t + " "
                    + suggested + "?");
        }
        Matcher longTime = LONG_TIME.matcher(t);
        if (longTime.matches() && unit.dimension() == Unit.Dimension.TIME) {
            BigDecimal seconds = decimal(longTime.group(1), t, field)
                    .multiply(BigDecimal.valueOf(SECONDS_PER.get(longTime.group(2))));
            return toDouble(seconds.scaleByPowerOfTen(-unit.siExponent()), t, field);
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
        return toDouble(decimal(m.group(1), t, field).scaleByPowerOfTen(PREFIX.get(m.group(2)) - unit.siExponent()),
                t, field);
    }

    /**
     * Parses a plain decimal number ("0.6", "-1.5e-3"), exactly rounded.
     *
     * @throws IllegalArgumentException for anything else (YAML's .nan, .inf, 0x10, 1_000, a unit, a
     *         value beyond the range of a double)
     */
    public static double parseNumber(String text, String field) {
        String t = checkedLength(text, field);
        if (!NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException(field + ": expected a plain decimal number without unit (e.g. 0.5), was '"
                    + t + "'" + (looksLikeYamlNumber(t) ? "; YAML forms such as .nan, .inf, 0x10 and 1_000 are not "
                    + "accepted" : ""));
        }
        return toDouble(decimal(t, t, field), t, field);
    }

    /**
     * Parses a whole number in [min, max].
     *
     * @throws IllegalArgumentException naming the bound, or that the text is not a whole number
     */
    public static long parseWholeNumber(String text, String field, long min, long max) {
        String t = checkedLength(text, field);
        if (!WHOLE.matcher(t).matches()) {
            boolean fraction = t.matches("[+-]?[0-9]+\\.[0-9]+"); // 2.5: plainly not whole, no YAML hint needed
            throw new IllegalArgumentException(field + ": expected a whole number, was '" + t + "'"
                    + (!fraction && looksLikeYamlNumber(t) ? "; YAML forms such as .nan, .inf, 0x10 and 1_000 are not "
                    + "accepted" : ""));
        }
        String digits = t.replaceFirst("^[+-]", "");
        if (digits.length() > 1 && digits.charAt(0) == '0') {
            throw new IllegalArgumentException(field + ": '" + t + "' has a leading zero, which YAML 1.1 reads as "
                    + "octal; write it without the leading zero");
        }
        BigInteger v = new BigInteger(t);
        if (v.compareTo(BigInteger.valueOf(min)) < 0) {
            throw new IllegalArgumentException(field + ": must be at least " + min + ", was " + t);
        }
        if (v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException(field + ": must be at most " + max + ", was " + t);
        }
        return v.longValueExact();
    }

    private static boolean looksLikeYamlNumber(String t) {
        return t.matches("(?i)[+-]?(?:\\.nan|\\.inf|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?"
                + "(?:e[+-]?[0-9]+)?|[0-9]+(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?)");
    }

    private static String checkedLength(String text, String field) {
        String t = text == null ? "" : text.trim();
        if (t.length() > MAX_CHARS) {
            throw new IllegalArgumentException(field + ": the value is " + t.length() + " characters long; a value "
                    + "may have at most " + MAX_CHARS);
        }
        return t;
    }

    private static BigDecimal decimal(String number, String text, String field) {
        Matcher e = Pattern.compile("[eE]([+-]?\\d+)$").matcher(number);
        if (e.find()) {
            String exponent = e.group(1).replaceFirst("^[+-]?0*", "");
            if (exponent.length() > 4 || Integer.parseInt(exponent.isEmpty() ? "0" : exponent) > MAX_EXPONENT) {
                throw outOfRange(text, field, number.contains("e-") || number.contains("E-"));
            }
        }
        return new BigDecimal(number);
    }

    private static double toDouble(BigDecimal value, String text, String field) {
        double d = value.doubleValue();
        if (Double.isInfinite(d)) {
            throw outOfRange(text, field, false);
        }
        if (d != 0 ? Math.abs(d) < Double.MIN_NORMAL : value.signum() != 0) {
            // subnormal or zero after rounding: precision is lost, and products with it vanish
            throw outOfRange(text, field, true);
        }
        return d;
    }

    private static IllegalArgumentException outOfRange(String text, String field, boolean tiny) {
        return new IllegalArgumentException(field + ": '" + text + "' is too " + (tiny ? "small" : "large")
                + " to represent as a number (doubles reach about 1e" + (tiny ? "-308" : "308") + "); give a "
                + "realistic value");
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
