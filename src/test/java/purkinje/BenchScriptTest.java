package purkinje;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/side-by-side.sh plans its runs from the CPU's flags and says what it leaves out: on a CPU
 * without AVX-512 (the AMD EPYC kind, AVX2 only) it once stopped silently after its first line,
 * because the flag list's last test failed under {@code set -e}. Run here with {@code LIST=1} (print
 * what would run, then stop) and a flag list in {@code CPUINFO}, so nothing is compiled or timed.
 */
class BenchScriptTest {
    @TempDir
    Path dir;

    private String plan(String flags, String workload) throws IOException, InterruptedException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nflags\t\t: " + flags + "\n");
        ProcessBuilder pb = new ProcessBuilder("bash", "bench/side-by-side.sh", workload).redirectErrorStream(true);
        pb.environment().put("LIST", "1");
        pb.environment().put("CPUINFO", cpuinfo.toString());
        pb.environment().put("SKIP_BRIAN2", "1");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "side-by-side.sh LIST=1 timed out");
        assertEquals(0, p.exitValue(), "side-by-side.sh " + workload + " with flags '" + flags + "':\n" + out);
        return out;
    }

    @Test
    void anAvx2OnlyCpuGetsItsLoopsAndANoteForAvx512() throws Exception {
        String out = plan("fpu sse2 avx avx2 fma bmi2", "ensemble");
        assertTrue(out.contains("SIMD: avx2 fma\n"), out);
        assertTrue(out.contains("note: no AVX-512: ensemble-avx512 and ensemble-avx512-exact not run"), out);
        assertTrue(out.contains("would run: purkinje bench --config configs/bench-ensemble.yaml --cells 10000"), out);
        assertTrue(out.contains("note: Brian2 not run (SKIP_BRIAN2=1)"), out);
        if (BenchCLoopsTest.gccPresent()) {
            assertTrue(out.contains("would run: C ensemble-avx2 (AVX2+FMA, bridge)"), out);
            assertTrue(out.contains("would run: C ensemble-avx2-exact (AVX2+FMA, exact + bridge)"), out);
            assertTrue(out.contains("would run: C ensemble-scalar"), out);
            assertFalse(out.contains("would run: C ensemble-avx512"), out);
        }
    }

    @Test
    void aCpuWithoutSimdRunsTheScalarLoopOnly() throws Exception {
        String out = plan("fpu sse2", "ensemble");
        assertTrue(out.contains("SIMD: none of avx2, fma, avx512f\n"), out);
        assertTrue(out.contains("note: no AVX2+FMA"), out);
        assertTrue(out.contains("note: no AVX-512"), out);
        if (BenchCLoopsTest.gccPresent()) {
            assertTrue(out.contains("would run: C ensemble-scalar"), out);
            assertFalse(out.contains("would run: C ensemble-avx"), out);
        }
    }

    @Test
    void theInputsWorkloadAddsTheEnsembleRunForItsRatio() throws Exception {
        String out = plan("avx2 fma avx512f", "inputs");
        assertTrue(out.contains("SIMD: avx2 fma avx512f\n"), out);
        assertTrue(out.contains("would run: purkinje bench --config configs/bench-inputs.yaml --cells 2000"), out);
        assertTrue(out.contains("would run: purkinje bench --config configs/bench-ensemble.yaml --cells 10000"), out);
        assertFalse(out.contains("would run: C "), "the inputs workload has no C loop:\n" + out);
    }
}
