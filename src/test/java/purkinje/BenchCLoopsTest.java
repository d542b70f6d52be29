package purkinje;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C reference loops of bench/ that bench/side-by-side.sh compiles build on this machine, and
 * the AVX2 loop with purkinje's spike rule ({@code -DEXACT_SPIKES}, bench/c/exact-spikes.h) fires
 * at the Siegert rates of the 'ensemble' workload (38.23 / 26.81 Hz, docs/MODEL.md), with the same
 * counts on 1 and 2 threads and, where the CPU has AVX-512, in the AVX-512 build of the same kernel.
 * Skipped, saying why, without gcc or without AVX2 and FMA.
 */
class BenchCLoopsTest {
    private static final Pattern RATES = Pattern.compile("rate_wild_type_hz=([0-9.]+) rate_reduced_hz=([0-9.]+)");
    @TempDir
    Path dir;

    private static boolean cpuHas(String flag) throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        return Files.exists(info) && Pattern.compile("\\b" + flag + "\\b").matcher(Files.readString(info)).find();
    }

    private static String run(Path workDir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }

    /** Whether gcc runs here (the C loops and the side-by-side plan need it). */
    static boolean gccPresent() {
        try {
            return new ProcessBuilder("gcc", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Path compile(String source, String... defines) throws IOException, InterruptedException {
        Path binary = dir.resolve(source.replace(".c", "") + String.join("", defines).replace("-D", "-"));
        List<String> cmd = new ArrayList<>(List.of("gcc", "-O3", "-march=native", "-fopenmp"));
        cmd.addAll(List.of(defines));
        cmd.addAll(List.of("-o", binary.toString(), Path.of("bench/c", source).toAbsolutePath().toString(), "-lm"));
        run(Path.of("."), Map.of(), cmd.toArray(String[]::new));
        return binary;
    }

    private static double[] rates(String line) {
        Matcher m = RATES.matcher(line);
        assertTrue(m.find(), "no rates in: " + line);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    @Test
    void theExactRuleLoopFiresAtTheTheoryRatesOnAnyThreadCount() throws Exception {
        assumeTrue(gccPresent(), "gcc not installed (apt-get install -y gcc): the C loops cannot be built");
        assumeTrue(cpuHas("avx2") && cpuHas("fma"), "this CPU has no AVX2 and FMA: ensemble-avx2 cannot run");
        Path plain = compile("ensemble-avx2.c");
        Path exact = compile("ensemble-avx2.c", "-DEXACT_SPIKES");
        String plainLine = run(dir, Map.of("OMP_NUM_THREADS", "2"), plain.toString(), "1000", "1");
        assertTrue(plainLine.contains("loop=c-avx2 "), plainLine);
        String one = run(dir, Map.of("OMP_NUM_THREADS", "1"), exact.toString(), "1000", "1");
        String two = run(dir, Map.of("OMP_NUM_THREADS", "2"), exact.toString(), "1000", "1");
        assertTrue(one.contains("loop=c-avx2-exact "), one);
        assertEquals(rates(one)[0], rates(two)[0], 0, "counts depend on the thread count: " + one + " / " + two);
        assertEquals(rates(one)[1], rates(two)[1], 0, "counts depend on the thread count: " + one + " / " + two);
        if (cpuHas("avx512f")) { // the same kernel over AVX-512 primitives: the same counts
            String wide = run(dir, Map.of("OMP_NUM_THREADS", "2"), compile("ensemble-avx512.c", "-DEXACT_SPIKES").toString(),
                    "1000", "1");
            assertTrue(wide.contains("loop=c-avx512-exact "), wide);
            assertEquals(rates(two)[0], rates(wide)[0], 0, "AVX2 and AVX-512 differ: " + two + " / " + wide);
            assertEquals(rates(two)[1], rates(wide)[1], 0, "AVX2 and AVX-512 differ: " + two + " / " + wide);
        }
        // the workload's defaults (10,000 cells x 10 s, seed 20261201): the rates' standard errors,
        // from the spread over 12 seeds, are 0.029 % and 0.042 %, so the bounds are 3.4 and 4.8 of
        // them (the seed is fixed: the outcome is too). The end-of-step rule (-0.15 %), a release
        // step taken as a full one (+0.24 %) or a hold 0.05 ms short fall outside; errors in the
        // partial step after a hold move the rates by less than 0.05 % and are not seen here.
        double[] r = rates(run(dir, Map.of("OMP_NUM_THREADS", "2"), exact.toString(), "10000", "10"));
        assertEquals(38.23, r[0], 0.001 * 38.23, "wild type");
        assertEquals(26.81, r[1], 0.002 * 26.81, "reduced");
    }
}
