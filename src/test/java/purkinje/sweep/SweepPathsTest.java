package purkinje.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import purkinje.engine.ProgressListener;
import purkinje.io.ConfigException;
import purkinje.model.Condition;
import purkinje.model.RunConfig;

/**
 * Issue 11.5: every numeric config path can be swept (inputs, meis1 and heterogeneity entries, a
 * condition's own keys), and a meis1_dosage sweep keeps each condition and its own mapping.
 */
class SweepPathsTest {
    /** The cells and inputs of configs/compare-inputs.yaml without the climbing fibre, small. */
    static final String INPUTS = """
            seed: 7
            duration: 1 s
            cells_per_condition: 4
            cell: {I_pace: 7 pA}
            heterogeneity: {I_pace: 0}
            inputs:
              parallel_fibres: {rate: 0.5 Hz, synapses: 2650, weight: 2 pA, tau_syn: 2 ms}
              interneurons: {rate: 10 Hz, synapses: 20, weight: 2 pA, tau_syn: 5 ms}
            conditions:
              - name: wild-type
                meis1_dosage: 1.0
              - name: intrinsic
                meis1_dosage: 0.5
                meis1: {I_pace: 0.6}
              - name: fewer-granule-inputs
                meis1_dosage: 0.5
                meis1: {I_pace: 1, inputs.parallel_fibres.rate: 0.2}
            """;

    private static SweepPlan plan(String config, String parameters) {
        return SweepPlan.parse(config + "sweep:\n  parameters:\n" + parameters, "t.yaml", "t", null);
    }

    private static Condition condition(RunConfig rc, String name) {
        return rc.conditions().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void parallelFibreRateIsSweptWithItsUnitColumnAndLabel() {
        SweepPlan p = plan(INPUTS, "    inputs.parallel_fibres.rate: [0.25 Hz, 500 mHz, 1 Hz]\n");
        assertEquals(3, p.size());
        double[] expected = {0.25, 0.5, 1};
        for (int i = 0; i < 3; i++) {
            RunConfig rc = p.point(i);
            assertEquals(expected[i], rc.inputs().parallelFibres().ratePerSynapseHz(), 1e-15);
            // the hypothesis of the third condition still scales the swept rate: 0.6 x at dosage 0.5
            assertEquals(0.6 * expected[i], rc.inputsFor(condition(rc, "fewer-granule-inputs")).parallelFibres()
                    .ratePerSynapseHz(), 1e-12);
        }
        SweepParameter rate = p.parameters().get(0);
        assertEquals("inputs.parallel_fibres.rate_Hz", rate.column());
        assertEquals("Parallel-fibre rate per synapse (Hz)", rate.axisLabel());
        assertTrue(PointRow.header(p.parameters()).contains("inputs.parallel_fibres.rate_Hz"));
    }

    /** What a user reads: points.csv rows of a simulated parallel-fibre sweep, theory with inputs. */
    @Test
    void parallelFibreSweepRowsFollowTheInputAwareTheory() {
        SweepPlan p = plan(INPUTS.replace("duration: 1 s", "duration: 2 s").replace("cells_per_condition: 4",
                "cells_per_condition: 20"), "    inputs.parallel_fibres.rate: [0.25 Hz, 1 Hz]\n");
        List<PointRow> rows = SweepRunner.simulate(p, List.of(0, 1), 2, ProgressListener.NONE);
        assertEquals(6, rows.size());
        for (PointRow r : rows) {
            RunConfig rc = p.point(r.point());
            Condition c = condition(rc, r.condition());
            assertEquals(purkinje.analysis.theory.TheoryRates.rateHz(rc.cellFor(c), rc.noise(), rc.inputsFor(c), 0),
                    r.theoryRateHz(), 1e-12);
            // 3 % for the diffusion approximation (as validate) and 4 SE (20 cells x 2 s)
            assertEquals(r.theoryRateHz(), r.meanRateHz(), 0.03 * r.theoryRateHz() + 4 * r.semRateHz(),
                    r.toCsv(p.parameters()));
        }
        assertTrue(rows.get(3).meanRateHz() > rows.get(0).meanRateHz() + 3, "4x the PF rate adds ~8 pA of drive");
    }

    @Test
    void dosageSweepKeepsEveryConditionItsMappingAndTheReference() {
        SweepPlan p = plan(INPUTS, "    meis1_dosage: [0, 1]\n");
        RunConfig atNull = p.point(0);
        assertEquals(List.of("wild-type", "intrinsic", "fewer-granule-inputs"), p.conditionNames());
        assertEquals(1.0, condition(atNull, "wild-type").meis1Dosage(), "the reference keeps its dosage");
        assertEquals(0.0, condition(atNull, "intrinsic").meis1Dosage());
        assertEquals(0.0, condition(atNull, "fewer-granule-inputs").meis1Dosage());
        assertEquals(7 * 0.6, atNull.cellFor(condition(atNull, "intrinsic")).iPacePa(), 1e-12);
        assertEquals(0.5, atNull.inputsFor(condition(atNull, "intrinsic")).parallelFibres().ratePerSynapseHz(), 1e-12);
        assertEquals(7, atNull.cellFor(condition(atNull, "fewer-granule-inputs")).iPacePa(), 1e-12);
        assertEquals(0.5 * 0.2, atNull.inputsFor(condition(atNull, "fewer-granule-inputs")).parallelFibres()
                .ratePerSynapseHz(), 1e-12);
        assertEquals(7, p.point(1).cellFor(condition(p.point(1), "intrinsic")).iPacePa(), 1e-12);
    }

    @Test
    void aConfigWithOneConditionHasThatOneSwept() {
        SweepPlan p = plan("duration: 1 s\nconditions:\n  - name: only\n    meis1_dosage: 1\n",
                "    meis1_dosage: [0, 0.5]\n");
        assertEquals(0.5, p.point(1).conditions().get(0).meis1Dosage());
        assertEquals(1, p.point(1).conditions().size());
    }

    @Test
    void meis1AndConditionEntriesAreSweptWhereTheyAct() {
        SweepPlan run = plan("duration: 1 s\n", "    meis1.I_pace: [0.2, 0.6]\n");
        RunConfig rc = run.point(0);
        assertEquals(10.3 * (0.2 + 0.5 * 0.8), rc.cellFor(condition(rc, "meis1-reduced")).iPacePa(), 1e-12);
        assertEquals("MEIS1: pacemaking current I_pace at dosage 0 (x wild type)",
                run.parameters().get(0).axisLabel());

        SweepPlan inputs = plan(INPUTS.replace("    meis1: {I_pace: 0.6}\n", ""),
                "    meis1.inputs.parallel_fibres.rate: [0.4]\n");
        RunConfig in = inputs.point(0);
        assertEquals(0.5 * (0.4 + 0.5 * 0.6), in.inputsFor(condition(in, "intrinsic")).parallelFibres()
                .ratePerSynapseHz(), 1e-12, "the run's mapping, where a condition has none of its own");
        assertEquals(0.5 * 0.6, in.inputsFor(condition(in, "fewer-granule-inputs")).parallelFibres()
                .ratePerSynapseHz(), 1e-12, "a condition's own entry wins");

        SweepPlan own = plan(INPUTS, "    conditions[2].meis1.inputs.parallel_fibres.rate: [0, 0.5]\n"
                + "    conditions[1].meis1_dosage: [0.25]\n");
        RunConfig first = own.point(0);
        assertEquals(0.5 * 0.5, first.inputsFor(condition(first, "fewer-granule-inputs")).parallelFibres()
                .ratePerSynapseHz(), 1e-12);
        assertEquals(0.25, condition(first, "intrinsic").meis1Dosage());
        assertEquals(0.5, condition(first, "fewer-granule-inputs").meis1Dosage(), "other conditions unchanged");
        assertEquals("intrinsic: MEIS1 dosage", own.parameters().get(1).axisLabel());

        SweepPlan defaults = plan("duration: 1 s\n", "    conditions[1].meis1_dosage: [0.25]\n");
        assertEquals(List.of("wild-type", "meis1-reduced"), defaults.conditionNames());
        assertEquals(0.25, defaults.point(0).conditions().get(1).meis1Dosage());
    }

    /** The MEIS1 semantics of 0.3.0: a potential's entry is a shift in mV at dosage 0, V(d) = V_WT + (1 - d) shift. */
    @Test
    void meis1ThresholdShiftIsSweptInMillivolts() {
        SweepPlan p = plan("duration: 1 s\n", "    meis1.V_th: [0 mV, 2 mV, 4000 uV]\n");
        double[] shift = {0, 2, 4};
        for (int i = 0; i < 3; i++) {
            RunConfig rc = p.point(i);
            assertEquals(-43 + 0.5 * shift[i], rc.cellFor(condition(rc, "meis1-reduced")).vThresholdMv(), 1e-12);
            assertEquals(-43, rc.cellFor(condition(rc, "wild-type")).vThresholdMv(), 1e-12);
        }
        SweepParameter vth = p.parameters().get(0);
        assertEquals("meis1.V_th_mV", vth.column());
        assertEquals("MEIS1: spike threshold V_th shift at dosage 0 (mV)", vth.axisLabel());
        ConfigException bare = assertThrows(ConfigException.class, () -> plan("duration: 1 s\n",
                "    meis1.V_th: [0.9]\n"));
        assertTrue(bare.getMessage().contains("0.9 has no unit; did you mean 0.9 mV?"), bare.getMessage());
        SweepPlan sd = plan("duration: 1 s\n", "    heterogeneity.V_th: [1 mV]\n");
        assertEquals("Cell-to-cell SD of spike threshold V_th (mV)", sd.parameters().get(0).axisLabel());
    }

    @Test
    void wholeNumberKeysAreSweptAsWholeNumbers() {
        SweepPlan p = plan(INPUTS, "    cells_per_condition: [2, 3]\n    inputs.interneurons.synapses: [0, 40]\n");
        assertEquals(3, p.point(2).cellsPerCondition());
        assertEquals(40, p.point(1).inputs().interneurons().synapses());
        SweepPlan sampled = SweepPlan.parse(INPUTS + "sweep:\n  design: lhs\n  samples: 8\n  parameters:\n"
                + "    cells_per_condition: {from: 2, to: 9}\n", "t.yaml", "t", null);
        for (int i = 0; i < 8; i++) {
            double v = sampled.values(i)[0];
            assertEquals(Math.rint(v), v, "sampled whole numbers are rounded");
            assertEquals((int) v, sampled.point(i).cellsPerCondition());
        }
        ConfigException e = assertThrows(ConfigException.class, () -> plan(INPUTS,
                "    cells_per_condition: {from: 2, to: 5, steps: 3}\n"));
        assertTrue(e.getMessage().contains("cells_per_condition is a whole number"), e.getMessage());
    }

    @Test
    void pathsThatCannotBeSweptSayWhy() {
        String[][] cases = {
            {"seed", "'seed' cannot be swept: each point's seed derives from the master seed"},
            {"inputs.parallel_fibres.rate", "the config has no inputs.parallel_fibres block"},
            {"conditions[5].meis1_dosage", "the config has 2 condition(s), so the index runs from 0 to 1"},
            {"inputs.parallel_fibres.rat", "did you mean 'inputs.parallel_fibres.rate'?"},
            {"meis1.V_thr", "did you mean 'meis1.V_th'?"},
        };
        for (String[] c : cases) {
            ConfigException e = assertThrows(ConfigException.class, () -> plan("duration: 1 s\n",
                    "    " + c[0] + ": [1]\n"));
            assertTrue(e.getMessage().contains(c[1]), c[0] + ": " + e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        ConfigException both = assertThrows(ConfigException.class, () -> plan("duration: 1 s\n",
                "    meis1_dosage: [0]\n    conditions[1].meis1_dosage: [0.5]\n"));
        assertTrue(both.getMessage().contains("both set condition dosages"), both.getMessage());
    }
}
