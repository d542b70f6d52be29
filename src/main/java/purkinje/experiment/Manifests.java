package purkinje.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import purkinje.engine.EnsembleResult;
import purkinje.io.ResolvedConfig;
import purkinje.model.RunConfig;

/** The manifest.json every result folder carries: what ran, how, and with which exact config. */
public final class Manifests {
    private Manifests() {
    }

    public static Map<String, Object> of(RunConfig config, RunInfo info, int threads, EnsembleResult sim,
                                         Map<String, Object> extra) {
        Map<String, Object> m = header(info);
        m.put("seed", config.seed());
        m.put("threads", threads);
        m.put("java_version", System.getProperty("java.version"));
        m.put("started", info.started().toString());
        m.put("wall_seconds", Duration.between(info.started(), Instant.now()).toMillis() / 1000.0);
        if (sim != null) {
            m.put("simulation_seconds", Math.round(sim.wallSeconds() * 1000) / 1000.0);
            m.put("cell_steps", sim.settings().cellSteps(sim.ensemble().size()));
            m.put("engine", sim.enginePath());
        }
        m.putAll(extra);
        m.putIfAbsent("config", ResolvedConfig.toMap(config)); // a run that used no config says so in extra
        return m;
    }

    /** The fields every manifest starts with: the tool, its version, and how it was called. */
    public static Map<String, Object> header(RunInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tool", "purkinje");
        m.put("version", version());
        m.put("command", info.command());
        m.put("arguments", info.arguments());
        m.put("config_file", info.configSource());
        m.put("config_sha256", info.configSha256());
        return m;
    }

    /** The tool version, filled in by Maven at build time. */
    public static String version() {
        java.util.Properties props = new java.util.Properties();
        try (var in = Manifests.class.getResourceAsStream("/purkinje-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (java.io.IOException ignored) {
            // unknown version
        }
        return props.getProperty("version", "unknown");
    }
}
