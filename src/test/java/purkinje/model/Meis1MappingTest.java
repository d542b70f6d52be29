package purkinje.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** MEIS1 shifts potentials additively in mV and scales quantities with a natural zero (issue 11.3). */
class Meis1MappingTest {
    private static final CellParameters WT = CellParameters.DEFAULTS;

    @Test
    void potentialShiftMovesLinearlyFromNullToWildType() {
        Meis1Mapping m = new Meis1Mapping(Map.of(CellParameter.V_TH, 5.0, CellParameter.I_PACE, 0.6));
        // V(d) = V_WT + (1 - d) shift: +5 mV at dosage 0, +2.5 mV at 0.5, none at 1 (exact in binary)
        assertEquals(-38.0, m.apply(WT, 0).vThresholdMv());
        assertEquals(-40.5, m.apply(WT, 0.5).vThresholdMv());
        assertEquals(-43.0, m.apply(WT, 1).vThresholdMv());
        assertEquals(2.5, m.shiftMv(CellParameter.V_TH, 0.5));
        // the factor of a scaled quantity is unchanged: p(d) = p_WT (f0 + d (1 - f0))
        assertEquals(10.3 * (0.6 + 0.5 * 0.4), m.apply(WT, 0.5).iPacePa());
        assertThrows(IllegalArgumentException.class, () -> m.factor(CellParameter.V_TH, 0.5));
    }

    @Test
    void theSameHypothesisWrittenRelativeToAnotherZeroGivesTheSameCell() {
        // a threshold raised by 3 mV and a rest lowered by 2 mV at dosage 0, for a cell whose voltage
        // scale is moved by +20 mV: every potential relative to rest must come out the same
        Meis1Mapping m = new Meis1Mapping(Map.of(CellParameter.V_TH, 3.0, CellParameter.E_L, -2.0));
        CellParameters moved = new CellParameters(20, 47, -39, -23, -49, 1, 10.3);
        for (double d : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            CellParameters a = m.apply(WT, d);
            CellParameters b = m.apply(moved, d);
            assertEquals(a.vThresholdMv() - a.eLeakMv(), b.vThresholdMv() - b.eLeakMv(), 1e-12, "dosage " + d);
            assertEquals(a.vResetMv() - a.eLeakMv(), b.vResetMv() - b.eLeakMv(), 1e-12, "dosage " + d);
        }
        assertEquals(16 + 5 * 0.5, m.apply(WT, 0.5).vThresholdMv() - m.apply(WT, 0.5).eLeakMv(), 1e-12);
    }

    @Test
    void pausePotentialIsShiftedAndNeedsAValueToShift() {
        Inputs in = new Inputs(null, null, new ClimbingFibre(1, 20, -75));
        Meis1Mapping m = new Meis1Mapping(Map.of(), Map.of(InputParameter.CF_PAUSE_POTENTIAL, -4.0,
                InputParameter.CF_PAUSE, 0.5));
        assertEquals(-77.0, m.apply(in, 0.5).climbingFibre().pausePotentialMv());
        assertEquals(20 * 0.75, m.apply(in, 0.5).climbingFibre().pauseMs());
        Inputs followsReset = new Inputs(null, null, new ClimbingFibre(1, 20, Double.NaN));
        assertThrows(InvalidParameterException.class, () -> m.apply(followsReset, 0.5));
    }

    @Test
    void shiftsMayBeNegativeButNotInfinite() {
        assertEquals(-73.0, new Meis1Mapping(Map.of(CellParameter.V_RESET, -4.0)).apply(WT, 0).vResetMv());
        assertThrows(InvalidParameterException.class,
                () -> new Meis1Mapping(Map.of(CellParameter.V_TH, Double.POSITIVE_INFINITY)));
        assertThrows(InvalidParameterException.class, () -> new Meis1Mapping(Map.of(CellParameter.TAU_M, -0.5)));
    }
}
