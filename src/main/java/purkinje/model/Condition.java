package purkinje.model;

/**
 * One experimental group: a name, its MEIS1 dosage (0 = null, 0.5 = heterozygous, 1 = wild type)
 * and, optionally, its own MEIS1 mapping (null: the run's), so that one run can set hypotheses
 * side by side (e.g. MEIS1 acting on I_pace vs on the parallel-fibre input).
 */
public record Condition(String name, double meis1Dosage, Meis1Mapping meis1) {
    /** A condition that uses the run's MEIS1 mapping. */
    public Condition(String name, double meis1Dosage) {
        this(name, meis1Dosage, null);
    }

    public Condition {
        if (name == null || name.isBlank()) {
            throw new InvalidParameterException("a condition needs a name");
        }
        if (!(meis1Dosage >= 0 && meis1Dosage <= 1)) {
            throw new InvalidParameterException("meis1_dosage of condition '" + name
                    + "' must lie in [0, 1] (0 = null, 0.5 = heterozygous, 1 = wild type), was " + meis1Dosage);
        }
    }
}
