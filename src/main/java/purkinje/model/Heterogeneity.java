package purkinje.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Cell-to-cell variability: each listed parameter is multiplied by a lognormal factor with mean 1
 * and the given coefficient of variation (MODEL.md), so a current never changes sign. 0 (or an
 * absent entry) means identical cells.
 *
 * <pre>  factor = exp(m + s z),  s^2 = ln(1 + CV^2),  m = -s^2 / 2,  z ~ N(0, 1)</pre>
 *
 * The model knows nothing of random numbers: the standard normal draws {@code z} come from the
 * cell's own random stream, supplied by the engine.
 */
public final class Heterogeneity {
    /** MODEL.md default: I_pace varies with CV 0.1 (assumption: recorded cells differ). */
    public static final Heterogeneity DEFAULTS = new Heterogeneity(Map.of(CellParameter.I_PACE, 0.1));
    /** Identical cells. */
    public static final Heterogeneity NONE = new Heterogeneity(Map.of());

    private final Map<CellParameter, Double> cv;

    public Heterogeneity(Map<CellParameter, Double> coefficientOfVariation) {
        EnumMap<CellParameter, Double> copy = new EnumMap<>(CellParameter.class);
        coefficientOfVariation.forEach((p, c) -> {
            if (!(c >= 0) || Double.isInfinite(c)) {
                throw new InvalidParameterException("heterogeneity." + p.configName()
                        + " (a coefficient of variation) must be zero or positive, was " + c);
            }
            if (c > 0) {
                copy.put(p, c);
            }
        });
        this.cv = Collections.unmodifiableMap(copy);
    }

    /** Coefficient of variation per varying parameter (only those &gt; 0). */
    public Map<CellParameter, Double> coefficientOfVariation() {
        return cv;
    }

    public boolean isNone() {
        return cv.isEmpty();
    }

    /** Lognormal factor with mean 1 and the given CV for a standard normal draw z. */
    public static double lognormalFactor(double cv, double z) {
        double s2 = Math.log1p(cv * cv);
        return Math.exp(-0.5 * s2 + Math.sqrt(s2) * z);
    }

    /**
     * One cell: the condition's parameters, each varying one multiplied by its factor. Draws one z
     * per varying parameter, in {@link CellParameter} order, so the same stream gives the same cell.
     */
    public CellParameters apply(CellParameters condition, java.util.function.DoubleSupplier standardNormal) {
        if (cv.isEmpty()) {
            return condition;
        }
        double[] v = condition.toArray();
        for (Map.Entry<CellParameter, Double> e : cv.entrySet()) {
            v[e.getKey().ordinal()] *= lognormalFactor(e.getValue(), standardNormal.getAsDouble());
        }
        return CellParameters.fromArray(v);
    }
}
