package purkinje.model;

/**
 * Intrinsic parameters of one leaky integrate-and-fire Purkinje cell.
 *
 * <pre>
 *   C_m dV/dt = -g_L (V - E_L) + I_pace + I_noise(t)         (V &lt; V_th)
 *   g_L = C_m / tau_m
 *   V &gt;= V_th  -&gt;  spike, V := V_reset, clamped for t_ref
 * </pre>
 *
 * Units are in the names: pF, ms, mV, pA. With these units g_L = C_m / tau_m comes out in nS
 * and I / g_L in mV. Defaults (MODEL.md): mouse PC E-GLIF values of Geminiani et al. 2019
 * (Front Comput Neurosci 13:35) for tau_m, E_L, V_th, V_reset; C_m, t_ref and I_pace are
 * stated assumptions.
 *
 * @param capacitancePf   C_m, membrane capacitance (pF), &gt; 0
 * @param tauMs           tau_m, membrane time constant (ms), &gt; 0 and at most {@link #MAX_TAU_M_MS}
 * @param eLeakMv         E_L, leak reversal (resting) potential (mV)
 * @param vThresholdMv    V_th, spike threshold (mV)
 * @param vResetMv        V_reset, potential after a spike (mV), &lt; V_th
 * @param tRefMs          t_ref, absolute refractory period (ms), &gt;= 0 and at most {@link #MAX_T_REF_MS}
 * @param iPacePa         I_pace, intrinsic pacemaking current (pA); |I_pace| tau_m / C_m at most
 *                        {@link #MAX_DRIVE_MV}
 */
public record CellParameters(double capacitancePf, double tauMs, double eLeakMv,
                             double vThresholdMv, double vResetMv, double tRefMs, double iPacePa) {

    /** Wild-type larval zebrafish Purkinje cell of MODEL.md. */
    public static final CellParameters DEFAULTS =
            new CellParameters(20, 47, -59, -43, -69, 1, 10.3);

    /**
     * Longest membrane time constant accepted (ms): 100 s, three orders of magnitude beyond a
     * Purkinje cell's (tens of ms); over any run such a membrane is a perfect integrator. Beyond it
     * I_pace tau_m / C_m overflows for large values (tau_m = 1e308 ms made every cell fire every
     * step).
     */
    public static final double MAX_TAU_M_MS = 1e5;
    /**
     * Largest steady-state depolarisation |I_pace| tau_m / C_m accepted (mV): a million mV, far
     * beyond any drive that is not simply "fires again as soon as the refractory period ends", and
     * small enough that V stays a finite number in every step.
     */
    public static final double MAX_DRIVE_MV = 1e6;
    /**
     * Longest refractory period accepted (ms): 1 s, hundreds of times a Purkinje cell's (about
     * 1 ms). A longer one caps the rate below 1 Hz whatever the drive, so a config with it is a typo
     * (t_ref: 1e308 ms made every cell fire once and never again, reported as a valid result).
     */
    public static final double MAX_T_REF_MS = 1000;
    /**
     * Largest |E_L|, |V_th|, |V_reset| accepted (mV): membrane potentials are tens of millivolts, so
     * beyond a volt a value is a unit slip ('-69 MV' is megavolts) or a typo, and far beyond it the
     * step's arithmetic loses the millivolts that matter (a shift of 1e15 mV read 0 Hz).
     */
    public static final double MAX_POTENTIAL_MV = 1000;
    /** Largest C_m accepted (pF): 1 uF, thousands of times any neuron's (a Purkinje cell: hundreds of pF). */
    public static final double MAX_CAPACITANCE_PF = 1e6;

    public CellParameters {
        Checks.positive("C_m", capacitancePf, "pF");
        Checks.positive("tau_m", tauMs, "ms");
        if (tauMs > MAX_TAU_M_MS) {
            throw new InvalidParameterException("tau_m must be at most " + Checks.num(MAX_TAU_M_MS) + " ms (100 s; "
                    + "membranes have 1-100 ms, and longer ones integrate perfectly over any run), was "
                    + Checks.num(tauMs) + " ms");
        }
        if (capacitancePf > MAX_CAPACITANCE_PF) {
            throw new InvalidParameterException("C_m must be at most " + Checks.num(MAX_CAPACITANCE_PF) + " pF (1 uF; "
                    + "neurons have tens to thousands of pF), was " + Checks.num(capacitancePf) + " pF: check the unit");
        }
        Checks.finite("E_L", eLeakMv, "mV");
        Checks.finite("V_th", vThresholdMv, "mV");
        Checks.finite("V_reset", vResetMv, "mV");
        potential("E_L", eLeakMv);
        potential("V_th", vThresholdMv);
        potential("V_reset", vResetMv);
        Checks.finite("I_pace", iPacePa, "pA");
        if (!(tRefMs >= 0) || Double.isInfinite(tRefMs)) {
            throw new InvalidParameterException("t_ref must be zero or positive, was " + Checks.num(tRefMs) + " ms");
        }
        if (tRefMs > MAX_T_REF_MS) {
            throw new InvalidParameterException("t_ref must be at most " + Checks.num(MAX_T_REF_MS) + " ms (refractory "
                    + "periods are milliseconds; a longer one caps the rate below 1 Hz), was " + Checks.num(tRefMs) + " ms");
        }
        double driveMv = iPacePa * tauMs / capacitancePf;
        if (!(Math.abs(driveMv) <= MAX_DRIVE_MV)) {
            throw new InvalidParameterException("I_pace tau_m / C_m, the depolarisation the pacemaking current drives, "
                    + "must be within +-" + Checks.num(MAX_DRIVE_MV) + " mV, was " + Checks.num(driveMv)
                    + " mV: use a smaller I_pace or a larger C_m");
        }
        if (!(vResetMv < vThresholdMv)) {
            throw new InvalidParameterException("V_reset must be below V_th (reset " + Checks.num(vResetMv)
                    + " mV, threshold " + Checks.num(vThresholdMv) + " mV)");
        }
    }

    private static void potential(String name, double mv) {
        if (Math.abs(mv) > MAX_POTENTIAL_MV) {
            throw new InvalidParameterException(name + " must be within +-" + Checks.num(MAX_POTENTIAL_MV) + " mV "
                    + "(membrane potentials are tens of mV), was " + Checks.num(mv) + " mV: check the unit (mV, not "
                    + "MV or V)");
        }
    }

    /** g_L = C_m / tau_m in nS (pF / ms = nS). */
    public double gLeakNs() {
        return capacitancePf / tauMs;
    }

    /** Steady-state depolarisation by the pacemaking current, mu = I_pace / g_L, in mV above E_L. */
    public double muMv() {
        return iPacePa / gLeakNs();
    }

    /** The value of one parameter, in the unit of {@link CellParameter#unit()}. */
    public double get(CellParameter p) {
        return switch (p) {
            case C_M -> capacitancePf;
            case TAU_M -> tauMs;
            case E_L -> eLeakMv;
            case V_TH -> vThresholdMv;
            case V_RESET -> vResetMv;
            case T_REF -> tRefMs;
            case I_PACE -> iPacePa;
        };
    }

    /** A copy with one parameter replaced (validated again). */
    public CellParameters with(CellParameter p, double value) {
        double[] v = toArray();
        v[p.ordinal()] = value;
        return fromArray(v);
    }

    /** Values in {@link CellParameter} order. */
    public double[] toArray() {
        return new double[] {capacitancePf, tauMs, eLeakMv, vThresholdMv, vResetMv, tRefMs, iPacePa};
    }

    /** Inverse of {@link #toArray()}. */
    public static CellParameters fromArray(double[] v) {
        return new CellParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }
}
