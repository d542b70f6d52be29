package purkinje.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How MEIS1 dosage changes cell parameters (MODEL.md, "MEIS1 dosage").
 *
 * <p>Each MEIS1-dependent parameter p has a relative value f0 at dosage d = 0 and interpolates
 * linearly to its wild-type value at d = 1:
 * <pre>  p(d) = p_WT * (f0 + d (1 - f0))</pre>
 * Default: only I_pace depends on MEIS1 with f0 = 0.6, so d = 0.5 gives 0.8 x I_pace (an
 * assumption: the published effect size was not available). Alternative hypotheses (more leak via
 * tau_m, a higher threshold via V_th, ...) are further entries. The factor multiplies the value as
 * held (potentials in mV relative to 0 mV), so for a negative V_th a factor below 1 depolarises it.
 */
public final class Meis1Mapping {
    /** MODEL.md default: I_pace at dosage 0 is 0.6 of wild type (assumption). */
    public static final Meis1Mapping DEFAULTS = new Meis1Mapping(Map.of(CellParameter.I_PACE, 0.6));

    private final Map<CellParameter, Double> relativeAtNull;
    private final Map<InputParameter, Double> inputsRelativeAtNull;

    public Meis1Mapping(Map<CellParameter, Double> relativeAtNull) {
        this(relativeAtNull, Map.of());
    }

    /** A mapping of cell parameters and of input parameters (e.g. the parallel-fibre rate). */
    public Meis1Mapping(Map<CellParameter, Double> relativeAtNull, Map<InputParameter, Double> inputs) {
        EnumMap<CellParameter, Double> copy = new EnumMap<>(CellParameter.class);
        relativeAtNull.forEach((p, f0) -> {
            if (!(f0 >= 0) || Double.isInfinite(f0)) {
                throw new InvalidParameterException("meis1." + p.configName()
                        + " (relative value at dosage 0) must be zero or positive, was " + f0);
            }
            copy.put(p, f0);
        });
        this.relativeAtNull = Collections.unmodifiableMap(copy);
        EnumMap<InputParameter, Double> inputCopy = new EnumMap<>(InputParameter.class);
        inputs.forEach((p, f0) -> {
            if (!(f0 >= 0) || Double.isInfinite(f0)) {
                throw new InvalidParameterException("meis1." + p.configPath()
                        + " (relative value at dosage 0) must be zero or positive, was " + f0);
            }
            inputCopy.put(p, f0);
        });
        this.inputsRelativeAtNull = Collections.unmodifiableMap(inputCopy);
    }

    /** f0 per input parameter. */
    public Map<InputParameter, Double> inputsRelativeAtNull() {
        return inputsRelativeAtNull;
    }

    /** The inputs at the given dosage: each mapped input parameter times f0 + d (1 - f0). */
    public Inputs apply(Inputs wildType, double dosage) {
        Inputs out = wildType;
        for (Map.Entry<InputParameter, Double> e : inputsRelativeAtNull.entrySet()) {
            double f0 = e.getValue();
            out = e.getKey().scale(out, f0 + dosage * (1 - f0));
        }
        return out;
    }

    /** This mapping with some entries replaced (a condition's own {@code meis1} block over the run's). */
    public Meis1Mapping with(Map<CellParameter, Double> cells, Map<InputParameter, Double> inputs) {
        Map<CellParameter, Double> c = new EnumMap<>(CellParameter.class);
        c.putAll(relativeAtNull);
        c.putAll(cells);
        Map<InputParameter, Double> i = new EnumMap<>(InputParameter.class);
        i.putAll(inputsRelativeAtNull);
        i.putAll(inputs);
        return new Meis1Mapping(c, i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Meis1Mapping m && m.relativeAtNull.equals(relativeAtNull)
                && m.inputsRelativeAtNull.equals(inputsRelativeAtNull);
    }

    @Override
    public int hashCode() {
        return relativeAtNull.hashCode() * 31 + inputsRelativeAtNull.hashCode();
    }

    /** f0 per parameter; parameters not listed do not depend on MEIS1. */
    public Map<CellParameter, Double> relativeAtNull() {
        return relativeAtNull;
    }

    /** The factor p(d)/p_WT = f0 + d (1 - f0) for one parameter (1 if it does not depend on MEIS1). */
    public double factor(CellParameter p, double dosage) {
        Double f0 = relativeAtNull.get(p);
        return f0 == null ? 1.0 : f0 + dosage * (1 - f0);
    }

    /** Wild-type parameters moved to the given dosage; throws if the result is impossible. */
    public CellParameters apply(CellParameters wildType, double dosage) {
        double[] v = wildType.toArray();
        for (CellParameter p : relativeAtNull.keySet()) {
            v[p.ordinal()] *= factor(p, dosage);
        }
        try {
            return CellParameters.fromArray(v);
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException("at MEIS1 dosage " + dosage + ": " + e.getMessage());
        }
    }
}
