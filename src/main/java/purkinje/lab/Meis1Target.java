package purkinje.lab;

import java.util.Arrays;
import java.util.Optional;
import purkinje.io.Quantities;
import purkinje.model.Unit;

/**
 * What MEIS1 acts on in the lab, and how the page's "size of the effect" (its value at MEIS1
 * dosage 0) is written into the config's {@code meis1:} block, so that a saved config runs the
 * same model. The mapping rules are the config's (README, "Config files"): a positive quantity
 * takes a factor f0, p(d) = p_WT (f0 + d (1 - f0)); a potential takes a shift s in mV,
 * V(d) = V_WT + (1 - d) s.
 */
public enum Meis1Target {
    /** The intrinsic pacemaking current: {@code meis1.I_pace: f0}. */
    PACEMAKING("pacemaking", "I_pace", "pacemaking current I_pace: factor at dosage 0", 0.6),
    /** A higher (or lower) threshold: {@code meis1.V_th: +s mV}. */
    THRESHOLD("threshold", "V_th", "threshold V_th: shift at dosage 0 (mV)", 3),
    /**
     * More leak. The model holds C_m and tau_m, so g_L = C_m / tau_m; a leak factor k on g_L at
     * dosage 0 (same C_m) is {@code meis1.tau_m: 1/k}. At dosage 0 g_L is exactly k g_L,WT; in
     * between tau_m (not g_L) interpolates linearly, so g_L(d) = g_L,WT / (1/k + d (1 - 1/k)).
     */
    LEAK("leak", "tau_m", "leak conductance g_L: factor at dosage 0 (via tau_m = C_m / g_L)", 1.5),
    /** Fewer granule-cell inputs: {@code meis1.inputs.parallel_fibres.rate: f0} (configs with inputs only). */
    PARALLEL_FIBRE_RATE("pf-rate", "inputs.parallel_fibres.rate", "parallel-fibre rate: factor at dosage 0", 0.6);

    private final String pageName;
    private final String configKey;
    private final String label;
    private final double defaultEffect;

    Meis1Target(String pageName, String configKey, String label, double defaultEffect) {
        this.pageName = pageName;
        this.configKey = configKey;
        this.label = label;
        this.defaultEffect = defaultEffect;
    }

    /** The value of the page's {@code target} parameter. */
    public String pageName() {
        return pageName;
    }

    /** The key this target sets in the {@code meis1:} block. */
    public String configKey() {
        return configKey;
    }

    /** What the page's effect field means for this target. */
    public String label() {
        return label;
    }

    /** The effect the page starts with when the config does not state one. */
    public double defaultEffect() {
        return defaultEffect;
    }

    /**
     * The {@code meis1:} value for an effect given on the page, or a one-line reason why the
     * effect is impossible (the config rules then check the rest, e.g. a factor below 0).
     */
    public String configValue(double effect) {
        return switch (this) {
            case THRESHOLD -> (effect >= 0 ? "+" : "") + Quantities.format(effect, Unit.MILLIVOLT);
            case LEAK -> {
                if (!(effect > 0) || Double.isInfinite(effect)) {
                    throw new LabInputException("effect: the leak factor (g_L at dosage 0 over wild type) must be "
                            + "above 0, e.g. 1.5 for 50 % more leak; was " + Quantities.formatNumber(effect));
                }
                yield Quantities.formatNumber(1 / effect);
            }
            default -> Quantities.formatNumber(effect);
        };
    }

    /** The page's effect from a config's {@code meis1:} value (the inverse of {@link #configValue}). */
    public double effectOf(double configNumber) {
        return this == LEAK ? 1 / configNumber : configNumber;
    }

    public static Optional<Meis1Target> byPageName(String name) {
        return Arrays.stream(values()).filter(t -> t.pageName.equals(name)).findFirst();
    }
}
