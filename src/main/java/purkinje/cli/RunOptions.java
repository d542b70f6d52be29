package purkinje.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import purkinje.engine.SimulationSettings;

/** Options every simulating command shares (a picocli mixin). */
final class RunOptions {
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/<name from config>; for validate results/validate).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Master seed (overrides the config's 'seed').")
    Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--force", description = "Replace an existing result folder (only one this tool wrote).")
    boolean force;

    @Option(names = "--quiet", description = "No progress or summary output; errors still go to stderr.")
    boolean quiet;

    @Option(names = "--no-figures", description = "Write the tables and report.html only, no figures (draw them later with 'purkinje plot DIR').")
    boolean noFigures;

    @Option(names = "--time-limit", paramLabel = "TIME",
            description = "Refuse up front (exit 2) a run estimated to take longer, e.g. '2 h', '30 min', '600 s' "
                + "(a batch job's wall time).")
    String timeLimit;

    /** The --time-limit in seconds, NaN without one. */
    double timeLimitS() {
        if (timeLimit == null) {
            return Double.NaN;
        }
        double ms;
        try {
            ms = purkinje.io.Quantities.parse(timeLimit, purkinje.model.Unit.MILLISECOND, "--time-limit", "30 min");
        } catch (IllegalArgumentException e) {
            throw new purkinje.io.ConfigException(e.getMessage());
        }
        if (!(ms > 0) || Double.isInfinite(ms)) {
            throw new purkinje.io.ConfigException("--time-limit must be a positive time such as '2 h', was " + timeLimit);
        }
        return ms / 1000;
    }

    int threads() {
        if (threads == null) {
            return SimulationSettings.allCores();
        }
        if (threads < 1) {
            throw new purkinje.io.ConfigException("--threads must be at least 1, was " + threads);
        }
        return threads;
    }
}
