package purkinje.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import purkinje.cli.PurkinjeCommand;

/** Small result folders of every kind, made in a second or two each, for the report and plot tests. */
public final class ReportFixtures {
    private ReportFixtures() {
    }

    public static final String COMPARE = "name: tiny-compare\nseed: 7\nduration: 2 s\ncells_per_condition: 6\n"
            + "record:\n  spikes: true\n  voltage_cells: 1\n";

    public static Path compare(Path dir) throws IOException {
        Path c = Files.writeString(dir.resolve("compare.yaml"), COMPARE);
        Path out = dir.resolve("compare");
        assertEquals(0, PurkinjeCommand.execute("compare", "--config", c.toString(), "--out", out.toString(),
                "--quiet", "--threads", "2"));
        return out;
    }

    public static Path fi(Path dir) throws IOException {
        Path c = Files.writeString(dir.resolve("fi.yaml"), "name: tiny-fi\nseed: 3\nduration: 1 s\n"
                + "cells_per_condition: 3\nfi:\n  from: -10 pA\n  to: 20 pA\n  steps: 4\n");
        Path out = dir.resolve("fi");
        assertEquals(0, PurkinjeCommand.execute("fi", "--config", c.toString(), "--out", out.toString(), "--quiet",
                "--threads", "2"));
        return out;
    }

    public static Path sweep(Path dir) throws IOException {
        Path c = Files.writeString(dir.resolve("sweep.yaml"), "name: tiny-sweep\nseed: 11\nduration: 1 s\n"
                + "cells_per_condition: 3\nsweep:\n  design: grid\n  parameters:\n"
                + "    noise.sigma_v: {from: 1 mV, to: 3 mV, steps: 3}\n    meis1.I_pace: [0.4, 0.8]\n");
        Path out = dir.resolve("sweep");
        assertEquals(0, PurkinjeCommand.execute("sweep", c.toString(), "--out", out.toString(), "--quiet",
                "--threads", "2"));
        return out;
    }

    /**
     * A validate result written by hand (the real suite takes most of a minute): the report reads
     * only manifest.json and validation.csv, so this is what 'purkinje validate' leaves for it.
     */
    public static Path validation(Path dir, boolean allPass) throws IOException {
        Path out = dir.resolve(allPass ? "validate" : "validate-fail");
        Files.createDirectories(out);
        Files.writeString(out.resolve("manifest.json"), """
                {
                  "tool" : "purkinje",
                  "version" : "0.1.0",
                  "command" : "validate",
                  "arguments" : [ "--quick" ],
                  "config_file" : "(built-in suite)",
                  "config_sha256" : "",
                  "seed" : 20261126,
                  "threads" : 2,
                  "java_version" : "17",
                  "started" : "2026-11-26T00:00:00Z",
                  "mode" : "quick",
                  "cases" : 3,
                  "passed" : %d
                }
                """.formatted(allPass ? 3 : 2));
        Files.writeString(out.resolve("validation.csv"), "case,quantity,simulated,theory,relative_error,tolerance,"
                + "pass,standard_error,cells,dt_ms\n"
                + "deterministic-<fi>&1,rate,38.2,38.234,-8.9e-4,0.005,true,0,1,0.1\n"
                + "siegert-white,rate,26.9,26.806,0.0035,0.01,true,0.1,200,0.1\n"
                + "siegert-white,isi_cv,0.52,0.4877,0.066,0.02," + allPass + ",0.01,200,0.1\n");
        return out;
    }
}
