package purkinje.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How MEIS1 dosage d (0 = null, 0.5 = heterozygous, 1 = wild type) changes cell and input
 * parameters (MODEL.md, "MEIS1 dosage"). Each MEIS1-dependent parameter has a value at dosage 0
 * and moves linearly to its wild-type value at d = 1:
 * <pre>
 *   quantity with a natural zero (C_m, tau_m, t_ref, I_pace, input rates, weights, tau_syn, pause):
 *       p(d) = p_WT (f0 + d (1 - f0))          f0 = p(0) / p_WT, a bare factor &gt;= 0
 *   membrane potential (E_L, V_th, V_reset, the climbing-fibre pause potential):
 *       V(d) = V_WT + (1 - d) shift             shift = V(0) - V_WT, in mV
 * </pre>
 * A potential is shifted, not scaled, because its zero is arbitrary: a factor on the threshold
 * would move it by an amount that depends on where 0 mV happens to lie, and the same hypothesis
 * written relative to rest would give another cell. Default: only I_pace depends on MEIS1 with
 * f0 = 0.6, so d = 0.5 gives 0.8 x I_pace (an assumption: the published effect size was not
 * available). Alternative hypotheses (more leak via tau_m, a higher threshold via
 * {@code V_th: +3 mV}, ...) are further entries.
 */
public final class Meis1Mapping {
    /** MODEL.md default: I_pace at dosage 0 is 0.6 of wild type (assumption). */
    public static final Meis1Mapping DEFAULTS = new Meis1Mapping(Map.of(CellParameter.I_PACE, 0.6));

    /** Per cell parameter: f0 for a scaled quantity, the shift in mV for a potential. */
    private final Map<CellParameter, Double> atNull;
    /** Per input parameter: f0, or the shift in mV for the pause potential. */
    private final Map<InputParameter, Double> inputsAtNull;

    public Meis1Mapping(Map<CellParameter, Double> atNull) {
        this(atNull, Map.of());
    }

    /**
     * A mapping of cell and input parameters. Each value is what the parameter takes at dosage 0:
     * the factor f0 for a scaled quantity, the shift in mV for a potential ({@code isPotential()}).
     */
    public Meis1Mapping(Map<CellParameter, Double> atNull, Map<InputParameter, Double> inputsAtNull) {
        EnumMap<CellParameter, Double> copy = new EnumMap<>(CellParameter.class);
        atNull.forEach((p, v) -> copy.put(p, checked(p.configName(), p.isPotential(), v)));
        this.atNull = Collections.unmodifiableMap(copy);
        EnumMap<InputParameter, Double> inputCopy = new EnumMap<>(InputParameter.class);
        inputsAtNull.forEach((p, v) -> inputCopy.put(p, checked(p.configPath(), p.isPotential(), v)));
        this.inputsAtNull = Collections.unmodifiableMap(inputCopy);
    }

    private static double checked(String name, boolean potential, double v) {
        if (potential) {
            if (!Double.isFinite(v)) {
                throw new InvalidParameterException("meis1." + name + " (shift at dosage 0) must be a finite "
                        + "number of mV, was " + Checks.num(v));
            }
        } else if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidParameterException("meis1." + name + " (relative value at dosage 0) must be zero or "
                    + "positive" + (Double.isInfinite(v) ? " and finite" : "") + ", was " + Checks.num(v));
        }
        return v;
    }

    /** p(d) = p_WT (f0 + d (1 - f0)) for a quantity scaled by MEIS1. */
    public static double scaled(double wildType, double f0, double dosage) {
        return wildType * (f0 + dosage * (1 - f0));
    }

    /** V(d) = V_WT + (1 - d) shift for a potential shifted by MEIS1 (mV). */
    public static double shifted(double wildTypeMv, double shiftAtNullMv, double dosage) {
        return wildTypeMv + (1 - dosage) * shiftAtNullMv;
    }

    /** f0 per scaled cell parameter (C_m, tau_m, t_ref, I_pace); parameters not listed do not depend on MEIS1. */
    public Map<CellParameter, Double> relativeAtNull() {
        return filter(atNull, false);
    }

    /** Shift at dosage 0 (mV) per potential (E_L, V_th, V_reset). */
    public Map<CellParameter, Double> shiftAtNullMv() {
        return filter(atNull, true);
    }

    /** f0 per scaled input parameter (rates, weights, tau_syn, pause). */
    public Map<InputParameter, Double> inputsRelativeAtNull() {
        Map<InputParameter, Double> m = new EnumMap<>(InputParameter.class);
        inputsAtNull.forEach((p, v) -> {
            if (!p.isPotential()) {
                m.put(p, v);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    /** Shift at dosage 0 (mV) per input potential (the climbing-fibre pause potential). */
    public Map<InputParameter, Double> inputShiftsAtNullMv() {
        Map<InputParameter, Double> m = new EnumMap<>(InputParameter.class);
        inputsAtNull.forEach((p, v) -> {
            if (p.isPotential()) {
                m.put(p, v);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    private static Map<CellParameter, Double> filter(Map<CellParameter, Double> m, boolean potentials) {
        Map<CellParameter, Double> out = new EnumMap<>(CellParameter.class);
        m.forEach((p, v) -> {
            if (p.isPotential() == potentials) {
                out.put(p, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** True if the parameter depends on MEIS1 in this mapping. */
    public boolean dependsOn(CellParameter p) {
        return atNull.containsKey(p);
    }

    /**
     * The factor p(d)/p_WT = f0 + d (1 - f0) of a scaled parameter (1 if it does not depend on MEIS1).
     *
     * @throws IllegalArgumentException for a potential, which is shifted ({@link #shiftMv}), not scaled
     */
    public double factor(CellParameter p, double dosage) {
        if (p.isPotential()) {
            throw new IllegalArgumentException(p.configName() + " is a potential: MEIS1 shifts it (shiftMv)");
        }
        Double f0 = atNull.get(p);
        return f0 == null ? 1.0 : scaled(1.0, f0, dosage);
    }

    /**
     * The shift V(d) - V_WT = (1 - d) shift of a potential in mV (0 if it does not depend on MEIS1).
     *
     * @throws IllegalArgumentException for a scaled parameter ({@link #factor})
     */
    public double shiftMv(CellParameter p, double dosage) {
        if (!p.isPotential()) {
            throw new IllegalArgumentException(p.configName() + " is not a potential: MEIS1 scales it (factor)");
        }
        Double shift = atNull.get(p);
        return shift == null ? 0.0 : shifted(0.0, shift, dosage);
    }

    /** The inputs at the given dosage, each mapped input parameter scaled or shifted. */
    public Inputs apply(Inputs wildType, double dosage) {
        Inputs out = wildType;
        for (Map.Entry<InputParameter, Double> e : inputsAtNull.entrySet()) {
            double v = e.getValue();
            double change = e.getKey().isPotential() ? shifted(0.0, v, dosage) : scaled(1.0, v, dosage);
            out = e.getKey().change(out, change);
        }
        return out;
    }

    /** This mapping with some entries replaced (a condition's own {@code meis1} block over the run's). */
    public Meis1Mapping with(Map<CellParameter, Double> cells, Map<InputParameter, Double> inputs) {
        Map<CellParameter, Double> c = new EnumMap<>(CellParameter.class);
        c.putAll(atNull);
        c.putAll(cells);
        Map<InputParameter, Double> i = new EnumMap<>(InputParameter.class);
        i.putAll(inputsAtNull);
        i.putAll(inputs);
        return new Meis1Mapping(c, i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Meis1Mapping m && m.atNull.equals(atNull) && m.inputsAtNull.equals(inputsAtNull);
    }

    @Override
    public int hashCode() {
        return atNull.hashCode() * 31 + inputsAtNull.hashCode();
    }

    @Override
    public String toString() {
        return "Meis1Mapping" + atNull + inputsAtNull;
    }

    /** Wild-type parameters moved to the given dosage; throws if the result is impossible. */
    public CellParameters apply(CellParameters wildType, double dosage) {
        double[] v = wildType.toArray();
        for (Map.Entry<CellParameter, Double> e : atNull.entrySet()) {
            int k = e.getKey().ordinal();
            v[k] = e.getKey().isPotential() ? shifted(v[k], e.getValue(), dosage) : scaled(v[k], e.getValue(), dosage);
        }
        try {
            return CellParameters.fromArray(v);
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException("at MEIS1 dosage " + dosage + ": " + e.getMessage());
        }
    }
}
