package purkinje.model;

import java.util.Arrays;
import java.util.Optional;

/** The intrinsic cell parameters by their config names, with the unit each is held in. */
public enum CellParameter {
    C_M("C_m", Unit.PICOFARAD),
    TAU_M("tau_m", Unit.MILLISECOND),
    E_L("E_L", Unit.MILLIVOLT),
    V_TH("V_th", Unit.MILLIVOLT),
    V_RESET("V_reset", Unit.MILLIVOLT),
    T_REF("t_ref", Unit.MILLISECOND),
    I_PACE("I_pace", Unit.PICOAMPERE);

    private final String configName;
    private final Unit unit;

    CellParameter(String configName, Unit unit) {
        this.configName = configName;
        this.unit = unit;
    }

    /** The key used in config files and output column names, e.g. {@code tau_m}. */
    public String configName() {
        return configName;
    }

    /** The unit the model holds this parameter in. */
    public Unit unit() {
        return unit;
    }

    /**
     * True for a membrane potential (E_L, V_th, V_reset): a value on a scale whose zero is
     * arbitrary, so MEIS1 shifts it and cells vary around it additively (in mV), where quantities
     * with a natural zero (C_m, tau_m, t_ref, I_pace) are scaled by factors.
     */
    public boolean isPotential() {
        return unit == Unit.MILLIVOLT;
    }

    public static Optional<CellParameter> byConfigName(String name) {
        return Arrays.stream(values()).filter(p -> p.configName.equals(name)).findFirst();
    }
}
