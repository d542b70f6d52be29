package purkinje.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Cell-to-cell variability (MODEL.md). A quantity with a natural zero (C_m, tau_m, t_ref, I_pace)
 * is multiplied by a lognormal factor with mean 1 and the given coefficient of variation (CV), so
 * it never changes sign; a membrane potential (E_L, V_th, V_reset) varies additively, normally
 * distributed with the given standard deviation (SD) in mV (its zero is arbitrary, so a CV would
 * mean nothing). 0 (or an absent entry) means identical cells.
 *
 * <pre>
 *   scaled:    p = p_nominal exp(m + s z),  s^2 = ln(1 + CV^2),  m = -s^2 / 2
 *   potential: V = V_nominal + SD z
 *   z ~ N(0, 1), truncated at |z| = {@value #Z_MAX} (a draw beyond has probability 2e-9)
 * </pre>
 *
 * The truncation makes the drawn range finite, so a run can check before simulating that every
 * cell it can draw satisfies the same rules as the nominal cell ({@link #checkDrawnCells}).
 * The model knows nothing of random numbers: the standard normal draws {@code z} come from the
 * cell's own random stream, supplied by the engine.
 */
public final class Heterogeneity {
    /** MODEL.md default: I_pace varies with CV 0.1 (assumption: recorded cells differ). */
    public static final Heterogeneity DEFAULTS = new Heterogeneity(Map.of(CellParameter.I_PACE, 0.1));
    /** Identical cells. */
    public static final Heterogeneity NONE = new Heterogeneity(Map.of());
    /** Draws are truncated at this many standard deviations. */
    public static final double Z_MAX = 6;

    /** Per varying parameter: the CV of a scaled quantity, the SD in mV of a potential. */
    private final Map<CellParameter, Double> spread;

    /**
     * @param spread per parameter, the CV (scaled quantities) or the SD in mV (potentials,
     *               {@link CellParameter#isPotential()}); zero entries are dropped
     */
    public Heterogeneity(Map<CellParameter, Double> spread) {
        EnumMap<CellParameter, Double> copy = new EnumMap<>(CellParameter.class);
        spread.forEach((p, c) -> {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new InvalidParameterException("heterogeneity." + p.configName() + " (" + meaning(p)
                        + ") must be zero or positive" + (Double.isInfinite(c) ? " and finite" : "") + ", was "
                        + Checks.num(c) + (p.isPotential() ? " mV" : ""));
            }
            if (c > 0) {
                copy.put(p, c);
            }
        });
        this.spread = Collections.unmodifiableMap(copy);
    }

    private static String meaning(CellParameter p) {
        return p.isPotential() ? "a standard deviation" : "a coefficient of variation";
    }

    /** Coefficient of variation per varying scaled parameter (C_m, tau_m, t_ref, I_pace; only those &gt; 0). */
    public Map<CellParameter, Double> coefficientOfVariation() {
        return filter(false);
    }

    /** Standard deviation in mV per varying potential (E_L, V_th, V_reset; only those &gt; 0). */
    public Map<CellParameter, Double> standardDeviationMv() {
        return filter(true);
    }

    /** Every varying parameter with its CV or SD (mV), in {@link CellParameter} order. */
    public Map<CellParameter, Double> spread() {
        return spread;
    }

    private Map<CellParameter, Double> filter(boolean potentials) {
        Map<CellParameter, Double> out = new EnumMap<>(CellParameter.class);
        spread.forEach((p, v) -> {
            if (p.isPotential() == potentials) {
                out.put(p, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Heterogeneity h && h.spread.equals(spread);
    }

    @Override
    public int hashCode() {
        return spread.hashCode();
    }

    @Override
    public String toString() {
        return "Heterogeneity" + spread;
    }

    public boolean isNone() {
        return spread.isEmpty();
    }

    /** True if the parameter varies between cells. */
    public boolean varies(CellParameter p) {
        return spread.containsKey(p);
    }

    /** Lognormal factor with mean 1 and the given CV for a standard normal draw z. */
    public static double lognormalFactor(double cv, double z) {
        double s2 = Math.log1p(cv * cv);
        return Math.exp(-0.5 * s2 + Math.sqrt(s2) * z);
    }

    /** One parameter of a cell drawn at the standard normal value z (truncated at +-Z_MAX). */
    private static double draw(CellParameter p, double nominal, double spread, double z) {
        double t = Math.max(-Z_MAX, Math.min(Z_MAX, z));
        return p.isPotential() ? nominal + spread * t : nominal * lognormalFactor(spread, t);
    }

    /**
     * One cell: the condition's parameters, each varying one drawn around its nominal value. Draws
     * one z per varying parameter, in {@link CellParameter} order, so the same stream gives the same cell.
     */
    public CellParameters apply(CellParameters condition, DoubleSupplier standardNormal) {
        if (spread.isEmpty()) {
            return condition;
        }
        double[] v = condition.toArray();
        for (Map.Entry<CellParameter, Double> e : spread.entrySet()) {
            int k = e.getKey().ordinal();
            v[k] = draw(e.getKey(), v[k], e.getValue(), standardNormal.getAsDouble());
        }
        return CellParameters.fromArray(v);
    }

    /**
     * Checks that every cell this heterogeneity can draw around {@code nominal} is valid: a valid
     * {@link CellParameters} that passes {@code rule} (the run's numerical limits, e.g. dt &lt;= t_ref).
     * Every rule is monotone in each parameter, so it suffices to check the corners of the drawn
     * range (each varying parameter at z = -Z_MAX or +Z_MAX).
     *
     * @throws InvalidParameterException naming the parameter, the offending cell and the largest
     *         spread that keeps every cell valid
     */
    public void checkDrawnCells(CellParameters nominal, Consumer<CellParameters> rule) {
        if (spread.isEmpty()) {
            return;
        }
        // one parameter at a time first, so the message can name it and its largest valid spread
        for (Map.Entry<CellParameter, Double> e : spread.entrySet()) {
            CellParameter p = e.getKey();
            String problem = firstProblem(nominal, Map.of(p, e.getValue()), rule);
            if (problem != null) {
                double largest = largestValid(nominal, p, e.getValue(), rule);
                String unit = p.isPotential() ? " mV" : "";
                throw new InvalidParameterException("heterogeneity." + p.configName() + ": " + meaning(p) + " of "
                        + Checks.num(e.getValue()) + unit + " draws invalid cells (" + problem + "); use at most "
                        + Checks.num(largest) + unit + " (cells are drawn up to " + Checks.num(Z_MAX)
                        + " standard deviations from the mean)");
            }
        }
        // then pairs (V_reset against V_th), then all together, naming the smallest set that fails
        List<CellParameter> varying = new ArrayList<>(spread.keySet());
        for (int i = 0; i < varying.size(); i++) {
            for (int j = i + 1; j < varying.size(); j++) {
                Map<CellParameter, Double> pair = new EnumMap<>(CellParameter.class);
                pair.put(varying.get(i), spread.get(varying.get(i)));
                pair.put(varying.get(j), spread.get(varying.get(j)));
                failTogether(pair, firstProblem(nominal, pair, rule));
            }
        }
        failTogether(spread, firstProblem(nominal, spread, rule));
    }

    private static void failTogether(Map<CellParameter, Double> set, String problem) {
        if (problem != null) {
            List<String> names = new ArrayList<>();
            set.keySet().forEach(p -> names.add("heterogeneity." + p.configName()));
            throw new InvalidParameterException(String.join(" and ", names) + " together draw invalid cells ("
                    + problem + "); reduce them (cells are drawn up to " + Checks.num(Z_MAX)
                    + " standard deviations from the mean)");
        }
    }

    /** The problem of the first invalid corner cell, or null if all are valid. */
    private static String firstProblem(CellParameters nominal, Map<CellParameter, Double> spread,
                                       Consumer<CellParameters> rule) {
        List<Map.Entry<CellParameter, Double>> varying = new ArrayList<>(spread.entrySet());
        double[] base = nominal.toArray();
        for (int corner = 0; corner < 1 << varying.size(); corner++) {
            double[] v = base.clone();
            StringBuilder where = new StringBuilder();
            for (int i = 0; i < varying.size(); i++) {
                CellParameter p = varying.get(i).getKey();
                double z = (corner >> i & 1) == 0 ? -Z_MAX : Z_MAX;
                v[p.ordinal()] = draw(p, base[p.ordinal()], varying.get(i).getValue(), z);
                where.append(where.length() == 0 ? "" : ", ").append(p.configName()).append(' ')
                        .append(z < 0 ? "low" : "high").append(' ').append(Checks.num(v[p.ordinal()])).append(' ')
                        .append(p.unit().symbol());
            }
            try {
                rule.accept(CellParameters.fromArray(v));
            } catch (InvalidParameterException e) {
                return shortNumbers(where + ": " + e.getMessage());
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern LONG_NUMBER =
            java.util.regex.Pattern.compile("-?\\d+\\.\\d{4,}(?:E-?\\d+)?");

    /** The drawn values in a message to 3 significant digits (the exact ones are not what a reader needs). */
    private static String shortNumbers(String message) {
        return LONG_NUMBER.matcher(message).replaceAll(m -> new java.math.BigDecimal(m.group())
                .round(new java.math.MathContext(3)).stripTrailingZeros().toString());
    }

    /** Largest spread of one parameter (2 significant digits, rounded down) whose drawn cells are all valid. */
    private static double largestValid(CellParameters nominal, CellParameter p, double tooLarge,
                                       Consumer<CellParameters> rule) {
        double lo = 0;
        double hi = tooLarge;
        for (int i = 0; i < 80; i++) {
            double mid = 0.5 * (lo + hi);
            if (firstProblem(nominal, Map.of(p, mid), rule) == null) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new java.math.BigDecimal(lo).round(new java.math.MathContext(2, java.math.RoundingMode.DOWN))
                .doubleValue();
    }
}
