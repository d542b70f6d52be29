package purkinje.model;

/**
 * One experimental group: a name and its MEIS1 dosage (0 = null, 0.5 = heterozygous, 1 = wild type).
 */
public record Condition(String name, double meis1Dosage) {
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
