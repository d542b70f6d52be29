package purkinje.model;

/**
 * The units the model holds quantities in. Config files may use any SI prefix; the io layer
 * converts to these. With pF, ms, mV, pA and nS the membrane equation needs no conversion
 * factors (pF/ms = nS, pA/nS = mV).
 */
public enum Unit {
    MILLISECOND("ms", Dimension.TIME, -3),
    SECOND("s", Dimension.TIME, 0),
    MILLIVOLT("mV", Dimension.VOLTAGE, -3),
    PICOAMPERE("pA", Dimension.CURRENT, -12),
    PICOFARAD("pF", Dimension.CAPACITANCE, -12),
    NANOSIEMENS("nS", Dimension.CONDUCTANCE, -9),
    HERTZ("Hz", Dimension.FREQUENCY, 0),
    MEGAOHM("Mohm", Dimension.RESISTANCE, 6);

    /** Physical dimension of a quantity. */
    public enum Dimension {
        TIME("a time"), VOLTAGE("a voltage"), CURRENT("a current"), CAPACITANCE("a capacitance"),
        CONDUCTANCE("a conductance"), FREQUENCY("a frequency"), RESISTANCE("a resistance");

        private final String description;

        Dimension(String description) {
            this.description = description;
        }

        /** "a time", "a voltage", ... for error messages. */
        public String description() {
            return description;
        }
    }

    private final String symbol;
    private final Dimension dimension;
    private final int siExponent;
    private final double siFactor;

    Unit(String symbol, Dimension dimension, int siExponent) {
        this.symbol = symbol;
        this.dimension = dimension;
        this.siExponent = siExponent;
        this.siFactor = Double.parseDouble("1e" + siExponent);
    }

    public String symbol() {
        return symbol;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** The power of ten of this unit in SI base units (ms: -3), for exact decimal conversion. */
    public int siExponent() {
        return siExponent;
    }

    /** Value of one of this unit in SI base units (1 ms = 1e-3 s). */
    public double siFactor() {
        return siFactor;
    }

    /** Converts a value in SI base units to this unit. */
    public double fromSi(double si) {
        return si / siFactor;
    }
}
