package purkinje.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values the numerics cannot handle are refused up front with one line that names the valid range
 * and why, exit 2, nothing written (issue 12, item 1: they were simulated into 310 Hz, 1000 Hz or
 * any rate from 0.1 to 1000 Hz, exit 0).
 */
class NumericRangeTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "noise: {sigma_v: 2 mV, tau: 0.001 ms}|noise.tau (0.001 ms) must be 0 ms (white noise) or at least dt (0.1 ms)",
            "noise: {sigma_v: 2 mV, tau: 0.05 ms}|noise.tau (0.05 ms) must be 0 ms (white noise) or at least dt (0.1 ms)",
            "cell: {tau_m: 1e308 ms}|tau_m must be at most 100000 ms",
            "cell: {t_ref: 1e308 ms}|t_ref must be at most 1000 ms",
            "noise: {sigma_v: 1e308 mV}|noise.sigma_v must be at most 100 mV",
            "noise: {sigma_v: 2 mV, tau: 1e308 ms}|noise.tau must be at most 100000 ms",
            "cell: {C_m: 1e-300 pF}|I_pace tau_m / C_m, the depolarisation the pacemaking current drives, must be within"})
    void refusedWithOneLine(String yaml, String message) throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "name: bad\nduration: 0.2 s\ncells_per_condition: 2\n" + yaml + "\n");
        Path out = dir.resolve("out");
        PrintStream old = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = PurkinjeCommand.execute("compare", "--config", config.toString(), "--out", out.toString(), "--quiet");
        } finally {
            System.setErr(old);
        }
        String err = buf.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, err);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains(message), err);
        assertFalse(Files.exists(out), "nothing written");
    }
}
