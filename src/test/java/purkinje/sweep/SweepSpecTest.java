package purkinje.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import purkinje.io.ConfigException;

/** Designs and the validation of the sweep block. */
class SweepSpecTest {
    private static SweepPlan plan(String sweep) {
        return SweepPlan.parse("seed: 3\nduration: 1 s\ncells_per_condition: 2\nsweep:\n" + sweep, "t.yaml", "t", null);
    }

    @Test
    void gridIsTheCartesianProductFirstParameterSlowest() {
        SweepPlan p = plan("  parameters:\n    meis1_dosage: [0, 1]\n    noise.sigma_v: {from: 1 mV, to: 3 mV, steps: 3}\n");
        assertEquals(6, p.size());
        assertArrayEquals(new double[] {0, 1}, p.values(0));
        assertArrayEquals(new double[] {0, 3}, p.values(2));
        assertArrayEquals(new double[] {1, 2}, p.values(4));
        assertEquals(2, p.point(4).noise().sigmaVMv(), 1e-12);
        assertEquals(2, p.point(4).conditions().size(), "meis1_dosage keeps the conditions");
        assertEquals(1.0, p.point(0).conditions().get(0).meis1Dosage(), "the reference keeps its dosage");
        assertEquals(0.0, p.point(0).conditions().get(1).meis1Dosage());
        assertEquals(1.0, p.point(4).conditions().get(1).meis1Dosage());
        assertEquals(java.util.List.of("point", "swept_meis1_dosage", "noise.sigma_v_mV", "condition", "meis1_dosage",
                "cells",
                "mean_rate_hz", "sd_rate_hz", "sem_rate_hz", "mean_isi_cv", "theory_rate_hz", "seed"),
                PointRow.header(p.parameters()));
    }

    @Test
    void everyConfigPathCanBeSweptWithItsUnit() {
        SweepPlan p = plan("  parameters:\n    dt: [0.05 ms]\n    cell.I_pace: ['9 pA']\n    heterogeneity.I_pace: [0.2]\n"
                + "    meis1.I_pace: [0.5]\n    duration: [500 ms]\n");
        assertEquals(0.05, p.point(0).dtMs(), 1e-15);
        assertEquals(9, p.point(0).cell().iPacePa(), 1e-12);
        assertEquals(0.2, p.point(0).heterogeneity().coefficientOfVariation().values().iterator().next());
        assertEquals(500, p.point(0).durationMs(), 1e-9);
        assertEquals(2, p.point(0).conditions().size(), "conditions kept when the dosage is not swept");
        assertEquals("duration_s", p.parameters().get(4).column());
    }

    @Test
    void pointSeedsAreDerivedFromMasterSeedAndIndex() {
        SweepPlan p = plan("  parameters:\n    meis1_dosage: [0, 0.5, 1]\n");
        for (int i = 0; i < 3; i++) {
            assertEquals(purkinje.engine.RandomStreams.derive(3, i), p.point(i).seed());
        }
    }

    @Test
    void latinHypercubeUsesEachStratumOnceAndIsReproducible() {
        String s = "  design: lhs\n  samples: 50\n  parameters:\n    noise.sigma_v: {from: 1 mV, to: 3 mV}\n"
                + "    meis1_dosage: {from: 0, to: 1}\n";
        SweepPlan a = plan(s);
        SweepPlan b = plan(s);
        for (int d = 0; d < 2; d++) {
            Set<Integer> strata = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                double lo = d == 0 ? 1 : 0;
                double hi = d == 0 ? 3 : 1;
                double v = a.values(i)[d];
                assertTrue(v >= lo && v <= hi);
                strata.add((int) Math.floor((v - lo) / (hi - lo) * 50));
                assertEquals(v, b.values(i)[d]);
            }
            assertEquals(50, strata.size(), "each of the 50 strata exactly once");
        }
    }

    @Test
    void sobolStartsAtTheOriginAndRandomStaysInBounds() {
        SweepPlan s = plan("  design: sobol\n  samples: 4\n  parameters:\n    meis1_dosage: {from: 0, to: 1}\n"
                + "    cell.I_pace: {from: 8 pA, to: 12 pA}\n");
        assertArrayEquals(new double[] {0, 8}, s.values(0));
        assertArrayEquals(new double[] {0.5, 10}, s.values(1));
        assertArrayEquals(new double[] {0.75, 9}, s.values(2));
        SweepPlan r = plan("  design: random\n  samples: 100\n  parameters:\n    meis1_dosage: {from: 0.2, to: 0.4}\n");
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = r.values(i)[0];
        }
        assertTrue(Arrays.stream(v).allMatch(x -> x >= 0.2 && x < 0.4));
        assertEquals(100, Arrays.stream(v).distinct().count());
    }

    @Test
    void hashChangesWithTheDesignAndSeedOnly() {
        String s = "  parameters:\n    meis1_dosage: [0, 1]\n";
        assertEquals(plan(s).hash(), plan(s).hash());
        assertTrue(!plan(s).hash().equals(plan("  parameters:\n    meis1_dosage: [0, 0.5]\n").hash()));
        assertTrue(!plan(s).hash().equals(SweepPlan.parse("seed: 3\nduration: 1 s\ncells_per_condition: 2\nsweep:\n"
                + s, "t.yaml", "t", 4L).hash()));
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badBlocks() {
        String[][] cases = {
            {"  parameters:\n    noise.sigma: [1 mV]\n", "t.yaml:6: unknown sweep parameter 'noise.sigma'; did you mean 'noise.sigma_v'?"},
            {"  parameters:\n    noise.sigma_v: []\n", "noise.sigma_v: the value list is empty"},
            {"  parameters:\n    noise.sigma_v: {from: 3 mV, to: 1 mV, steps: 3}\n", "from (3 mV) is greater than to (1 mV)"},
            {"  parameters:\n    noise.sigma_v: [2]\n", "noise.sigma_v[0]: 2 has no unit; did you mean 2 mV?"},
            {"  parameters:\n    meis1_dosage: ['1 mV']\n", "expected a plain number without unit"},
            {"  design: lhs\n  samples: 4\n  parameters:\n    meis1_dosage: {from: 0.5, to: 0.5}\n", "empty range"},
            {"  design: lhs\n  parameters:\n    meis1_dosage: {from: 0, to: 1}\n", "the lhs design needs the number of points"},
            {"  design: random\n  samples: 4\n  parameters:\n    meis1_dosage: {from: 0, to: 1, steps: 3}\n", "applies to grid designs only"},
            {"  design: cube\n  parameters:\n    meis1_dosage: [0]\n", "'cube' is not a design"},
            // the grid's values were allocated first: 1e9 steps ended in OutOfMemoryError (exit 1), 2^31 said "at least 1"
            {"  parameters:\n    meis1_dosage: {from: 0, to: 1, steps: 1000000000}\n", "meis1_dosage.steps: at most 10000000 (the most points a sweep has), was 1000000000; use fewer"},
            {"  parameters:\n    meis1_dosage: {from: 0, to: 1, steps: 2147483648}\n", "meis1_dosage.steps: at most 10000000"},
            {"  design: lhs\n  samples: 99999999999999999999\n  parameters:\n    meis1_dosage: {from: 0, to: 1}\n", "sweep.samples: at most 10000000"},
            {"  parameters:\n    meis1_dosage: [0, 1.5]\n", "sweep point 1 (meis1_dosage = 1.5): meis1_dosage of condition"},
            {"  parameters:\n    dt: [0.1 ms, 2 ms]\n", "sweep point 1 (dt = 2 ms): dt (2 ms) must not exceed t_ref"},
        };
        return Arrays.stream(cases).map(c -> org.junit.jupiter.params.provider.Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("badBlocks")
    void badSweepBlocksGiveOneClearLine(String sweep, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> plan(sweep.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.yaml:"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void selectionsParseAndRefuseBadInput() {
        assertEquals(java.util.List.of(1, 4, 7), new Selection(null, 1, 3).indices(9));
        assertEquals(java.util.List.of(2, 3, 4, 8), new Selection("2-4,8", -1, 0).indices(9));
        assertEquals(java.util.List.of(3, 8), new Selection("2-4,8", 3, 5).indices(9));
        assertThrows(ConfigException.class, () -> new Selection("9", -1, 0).indices(9));
        assertThrows(ConfigException.class, () -> new Selection("5-3", -1, 0).indices(9));
        assertEquals("--points -1: point numbers count from 0 (this sweep has 9 points, 0 to 8); write indices and "
                + "ranges like 17 or 10-19", assertThrows(ConfigException.class,
                        () -> new Selection("-1", -1, 0).indices(9)).getMessage());
        assertThrows(ConfigException.class, () -> Selection.parseShard("5/4", java.util.Map.of()));
        // N = 0 meant "not sharded" and ran every point in every array task
        for (String zero : new String[] {"0/0", "5/0"}) {
            assertEquals("--shard " + zero + ": need 0 <= K < N (K counts from 0), e.g. --shard 0/1",
                    assertThrows(ConfigException.class, () -> Selection.parseShard(zero, java.util.Map.of())).getMessage());
        }
        assertTrue(assertThrows(ConfigException.class, () -> Selection.parseShard("auto", java.util.Map.of(
                "SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "0"))).getMessage()
                .endsWith("(SLURM_ARRAY_TASK_COUNT is 0)"));
        assertThrows(ConfigException.class, () -> Selection.parseShard("auto", java.util.Map.of()));
        assertArrayEquals(new int[] {2, 4}, Selection.parseShard("auto", java.util.Map.of("SLURM_ARRAY_TASK_ID", "3",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "4")));
        assertArrayEquals(new int[] {1, 8}, Selection.parseShard("/8", java.util.Map.of("SLURM_ARRAY_TASK_ID", "1")));
        // --array=0-4:2: IDs 0, 2, 4 are shards 0, 1, 2 of 3 (ID 4 was read as 4/3 and refused, points lost)
        assertArrayEquals(new int[] {2, 3}, Selection.parseShard("auto", java.util.Map.of("SLURM_ARRAY_TASK_ID", "4",
                "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_STEP", "2", "SLURM_ARRAY_TASK_COUNT", "3")));
        assertTrue(assertThrows(ConfigException.class, () -> Selection.parseShard("auto", java.util.Map.of(
                "SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_STEP", "2", "SLURM_ARRAY_TASK_COUNT", "3")))
                .getMessage().contains("is not MIN + K x STEP"));
        assertEquals("3, 5-7, 9", SweepOutputs.ranges(java.util.List.of(3, 5, 6, 7, 9)));
    }
}
