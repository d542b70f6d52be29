package purkinje.cli;

import picocli.CommandLine.Option;
import purkinje.io.ConfigException;
import purkinje.io.Quantities;
import purkinje.model.RunConfig;
import purkinje.model.Unit;

/** The config overrides that simulating commands share: --cells and --duration (a picocli mixin). */
final class RunOverrides {
    @Option(names = "--cells", paramLabel = "N", description = "Cells per condition (overrides the config).")
    Integer cells;

    @Option(names = "--duration", paramLabel = "TIME", description = "Simulated time with its unit, e.g. '5 s'.")
    String duration;

    /** The config with the overrides (and a --seed) applied; bad values are one-line config errors. */
    RunConfig apply(RunConfig rc, Long seed) {
        return apply(rc, cells, duration, seed);
    }

    /** As {@link #apply(RunConfig, Long)} for values from elsewhere (null: keep the config's). */
    static RunConfig apply(RunConfig rc, Integer cells, String duration, Long seed) {
        try {
            if (cells != null) {
                if (cells < 1) { // named as the user gave it, not as the config key it overrides
                    throw new ConfigException("--cells must be at least 1 (cells per condition), was " + cells);
                }
                rc = rc.withCells(cells);
            }
            if (duration != null) {
                double ms;
                try {
                    ms = Quantities.parse(duration, Unit.MILLISECOND, "--duration", "20 s");
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(e.getMessage());
                }
                if (!(ms > 0)) { // in the user's own words and unit ("was -5000 ms" for "-5 s")
                    throw new ConfigException("--duration must be positive, was '" + duration.strip()
                            + "'; give a simulated time with its unit, e.g. --duration \"20 s\"");
                }
                rc = rc.withDurationMs(ms);
            }
            if (seed != null) {
                rc = rc.withSeed(seed);
            }
            return rc;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
