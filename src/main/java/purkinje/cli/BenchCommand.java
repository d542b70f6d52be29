package purkinje.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import purkinje.analysis.theory.TheoryRates;
import purkinje.engine.Ensemble;
import purkinje.engine.EnsembleResult;
import purkinje.engine.EnsembleSimulator;
import purkinje.engine.ProgressListener;
import purkinje.engine.SimulationSettings;
import purkinje.experiment.CompareExperiment;
import purkinje.experiment.RunEstimate;
import purkinje.experiment.RunInfo;
import purkinje.io.ConfigException;
import purkinje.io.ConfigLoader;
import purkinje.io.Json;
import purkinje.io.OutputFolder;
import purkinje.io.Quantities;
import purkinje.model.Condition;
import purkinje.model.RunConfig;

/**
 * {@code purkinje bench}: the throughput workload of the shared bench README (10,000 noisy LIF
 * cells, two conditions, 10 s at dt = 0.1 ms, spike counts only), through the normal engine path:
 * the config becomes an {@link Ensemble} exactly as for {@code compare}
 * ({@link CompareExperiment#ensemble}) and runs in {@link EnsembleSimulator}.
 *
 * <p>Warm-up runs of a tenth of the duration each, for {@value #WARM_UP_SECONDS} s of wall time (at
 * most two workloads' worth), let the JIT compile the engine (C2 recompiles the lane engine's passes for a few
 * seconds; a single short warm-up left the first timed run at about 0.6x the later ones); then the
 * workload runs {@code --repeat} times. The figure of merit is cell-steps per wall-clock second of the
 * integration (the engine's own timing, without building the ensemble). Writes bench.json and a
 * manifest into {@code --out}, replacing its own earlier bench result each time.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the throughput workload (configs/bench-ensemble.yaml) and report cell-steps per second.",
            "Writes bench.json and manifest.json into the output folder (default results/bench/), replacing an "
                + "earlier bench result there."})
final class BenchCommand implements Callable<Integer> {
    static final Path DEFAULT_OUT = Path.of("results", "bench");
    /** Wall time of warm-up runs before the timed runs, at least (s). */
    static final long WARM_UP_SECONDS = 3;
    static final Set<String> FILES = Set.of(OutputFolder.MANIFEST, "bench.json");

    @Option(names = "--config", paramLabel = "FILE", description = "Workload config (default: configs/bench-ensemble.yaml).")
    Path config;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "3", description = "Timed runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/bench).")
    Path out;

    @Option(names = "--cells", paramLabel = "N",
            description = "Cells in all (split evenly over the conditions; overrides the config).")
    Integer cells;

    @Option(names = "--duration", paramLabel = "TIME", description = "Simulated time with its unit, e.g. '1 s'.")
    String duration;

    @Option(names = "--quiet", description = "No progress or summary output; errors still go to stderr.")
    boolean quiet;

    @Option(names = "--force", description = "Replace a result of another command in the output folder (an "
            + "earlier bench result there is replaced without it).")
    boolean force;

    @Spec
    CommandSpec spec;

    /** The command that wrote the result in {@code folder} ("" if its manifest names none), or null if there is none. */
    static String resultCommand(Path folder) {
        Path manifest = folder.resolve(OutputFolder.MANIFEST);
        if (!OutputFolder.isResultFolder(folder)) {
            return null;
        }
        try {
            return Json.mapper().readTree(manifest.toFile()).path("command").asText("");
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** One condition's mean rate over its cells, with the theory of analysis.theory where it applies (else null). */
    record ConditionRate(String name, int cells, double rateHz, Double theoryHz) {
    }

    @Override
    public Integer call() {
        Instant started = Instant.now();
        ConfigLoader.Loaded loaded = ConfigFiles.load(config, "bench-ensemble.yaml", Map.of());
        int nThreads = threads();
        if (repeat < 1) {
            throw new ConfigException("--repeat must be at least 1, was " + repeat);
        }
        RunConfig rc = RunOverrides.apply(loaded.run(), perCondition(loaded.run()), duration, null);
        // warm-up and repeats: 1 + repeat runs of the workload
        RunEstimate one = RunEstimate.of(rc, rc.conditions().size(), nThreads, false);
        new RunEstimate(one.cells(), one.stepsPerCell() * (1 + repeat), one.traceSamples(), nThreads,
                RunEstimate.BYTES_PER_CELL_ENGINE_ONLY)
                .checkAndWarn(Double.NaN);
        Path target = out != null ? out : DEFAULT_OUT;
        String earlier = resultCommand(target);
        if (!force && earlier != null && !earlier.equals("bench")) { // "replacing an earlier bench result": only that
            throw new ConfigException("output folder " + target + " holds a " + (earlier.isEmpty() ? "purkinje"
                    : "'" + earlier + "'") + " result, not a bench result; choose another --out (or add --force to "
                    + "replace it)");
        }
        try (OutputFolder folder = OutputFolder.prepare(target, true)) { // refuses a folder the tool did not write
            Ensemble ensemble = CompareExperiment.ensemble(rc);
            SimulationSettings settings = CompareExperiment.settings(rc, ensemble, nThreads);
            long steps = settings.steps();
            long cellSteps = ensemble.size() * steps;
            if (!quiet) {
                // progress on stderr; the engine goes with the numbers on stdout (printSummary)
                System.err.printf(Locale.ROOT, "bench: %d cells x %d steps (%s s at dt %s ms) = %.3g cell-steps, "
                        + "%d thread(s), %d run(s) after a warm-up%n", ensemble.size(), steps,
                        Quantities.formatNumber(rc.durationMs() / 1000), Quantities.formatNumber(rc.dtMs()),
                        (double) cellSteps, nThreads, repeat);
            }
            EnsembleSimulator.preferVectorEngine(); // the JIT warm-up belongs in the warm-up run
            SimulationSettings warmUp = new SimulationSettings(settings.dtMs(), Math.max(1, steps / 10), nThreads,
                    settings.keepSpikes(), settings.voltageCells(), settings.voltageSamples());
            long warmUpStart = System.nanoTime();
            long warmUpRuns = 0; // at most 20 (two workloads' worth): a small workload needs no long warm-up
            do {
                EnsembleSimulator.run(ensemble, warmUp, ProgressListener.NONE).close();
                warmUpRuns++;
            } while (System.nanoTime() - warmUpStart < WARM_UP_SECONDS * 1_000_000_000L && warmUpRuns < 20);

            double[] rates = new double[repeat];
            double[] walls = new double[repeat];
            EnsembleResult last = null;
            for (int k = 0; k < repeat; k++) {
                last = EnsembleSimulator.run(ensemble, settings, Progress.of(quiet, "run " + (k + 1) + "/" + repeat));
                rates[k] = last.cellStepsPerSecond();
                walls[k] = last.wallSeconds();
                if (!quiet) {
                    System.err.printf(Locale.ROOT, "run %d: %.2f s, %.3e cell-steps/s%n", k + 1, walls[k], rates[k]);
                }
            }
            List<ConditionRate> conditionRates = conditionRates(rc, last);
            long peakHeap = peakHeapBytes();

            Map<String, Object> bench = benchJson(rc, ensemble.size(), steps, nThreads, rates, walls, conditionRates,
                    peakHeap);
            Json.write(folder.resolve("bench.json"), bench);
            RunInfo info = new RunInfo("bench", List.of(spec.commandLine().getParseResult().originalArgs()
                    .toArray(new String[0])), loaded.source(), RunInfo.sha256(loaded.text()), started);
            Json.write(folder.resolve(OutputFolder.MANIFEST), manifest(info, nThreads, started));
            folder.commit(FILES);
            if (!quiet) {
                printSummary(rates, walls, conditionRates, peakHeap, nThreads, folder.target());
            }
        }
        return ExitCodes.OK;
    }

    private int threads() {
        if (threads == null) {
            return SimulationSettings.allCores();
        }
        if (threads < 1) {
            throw new ConfigException("--threads must be at least 1, was " + threads);
        }
        return threads;
    }

    /** --cells is the total over conditions (as the bench README counts); it must split evenly. */
    private Integer perCondition(RunConfig rc) {
        if (cells == null) {
            return null;
        }
        int k = rc.conditions().size();
        if (cells < k || cells % k != 0) {
            throw new ConfigException("--cells must be a positive multiple of the number of conditions (" + k
                    + "), was " + cells);
        }
        return cells / k;
    }

    static List<ConditionRate> conditionRates(RunConfig rc, EnsembleResult r) {
        List<ConditionRate> list = new ArrayList<>();
        double seconds = r.settings().durationMs() / 1000;
        for (Ensemble.Population p : r.ensemble().populations()) {
            long spikes = 0;
            for (int c = p.firstCell(); c < p.firstCell() + p.cellCount(); c++) {
                spikes += r.spikeCount(c);
            }
            Condition condition = rc.conditions().get(p.index());
            double theory = TheoryRates.identicalCellsRateHz(rc.cellFor(condition), rc.noise(), rc.heterogeneity(),
                    rc.inputsFor(condition));
            list.add(new ConditionRate(condition.name(), p.cellCount(), spikes / (p.cellCount() * seconds),
                    Double.isFinite(theory) ? theory : null));
        }
        return list;
    }

    /** Sum of the heap pools' peak usage since the JVM started (an upper bound on the peak heap in use). */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    private static Map<String, Object> benchJson(RunConfig rc, int cellCount, long steps, int threads, double[] rates,
                                                 double[] walls, List<ConditionRate> conditions, long peakHeap) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workload", rc.name());
        m.put("cells", cellCount);
        m.put("cells_per_condition", rc.cellsPerCondition());
        m.put("duration_s", rc.durationMs() / 1000);
        m.put("dt_ms", rc.dtMs());
        m.put("steps", steps);
        m.put("cell_steps", cellCount * steps);
        m.put("threads", threads);
        m.put("engine", EnsembleSimulator.engineDescription());
        m.put("repeat", rates.length);
        Map<String, Object> throughput = new LinkedHashMap<>();
        throughput.put("median", median(rates));
        throughput.put("min", Arrays.stream(rates).min().orElseThrow());
        throughput.put("max", Arrays.stream(rates).max().orElseThrow());
        throughput.put("runs", Arrays.stream(rates).boxed().toList());
        m.put("cell_steps_per_second", throughput);
        Map<String, Object> wall = new LinkedHashMap<>();
        wall.put("median", median(walls));
        wall.put("runs", Arrays.stream(walls).boxed().toList());
        m.put("wall_seconds", wall);
        List<Map<String, Object>> cs = new ArrayList<>();
        for (ConditionRate c : conditions) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", c.name());
            e.put("cells", c.cells());
            e.put("rate_hz", c.rateHz());
            e.put("theory_hz", c.theoryHz());
            e.put("difference_percent", c.theoryHz() == null ? null : 100 * (c.rateHz() / c.theoryHz() - 1));
            cs.add(e);
        }
        m.put("conditions", cs);
        m.put("peak_heap_bytes", peakHeap);
        m.put("max_heap_bytes", Runtime.getRuntime().maxMemory());
        m.put("available_processors", Runtime.getRuntime().availableProcessors());
        m.put("java_version", System.getProperty("java.version"));
        m.put("java_vm", System.getProperty("java.vm.name"));
        m.put("os_arch", System.getProperty("os.arch"));
        return m;
    }

    private static Map<String, Object> manifest(RunInfo info, int threads, Instant started) {
        Map<String, Object> m = purkinje.experiment.Manifests.header(info);
        m.put("threads", threads);
        m.put("java_version", System.getProperty("java.version"));
        m.put("started", started.toString());
        m.put("wall_seconds", Math.round(java.time.Duration.between(started, Instant.now()).toMillis() / 10.0) / 100.0);
        return m;
    }

    private static void printSummary(double[] rates, double[] walls, List<ConditionRate> conditions, long peakHeap,
                                     int threads, Path folder) {
        System.out.printf(Locale.ROOT, "cell-steps/s  %.3e median (range %.3e to %.3e) over %d run(s), %d thread(s)%n",
                median(rates), Arrays.stream(rates).min().orElseThrow(), Arrays.stream(rates).max().orElseThrow(),
                rates.length, threads);
        System.out.printf(Locale.ROOT, "wall          %.2f s median per run%n", median(walls));
        System.out.println("engine        " + EnsembleSimulator.engineDescription());
        System.out.printf(Locale.ROOT, "%-20s %8s %10s %10s %8s%n", "condition", "cells", "rate (Hz)", "theory", "diff");
        for (ConditionRate c : conditions) {
            if (c.theoryHz() == null) {
                System.out.printf(Locale.ROOT, "%-20s %8d %10.2f %10s %8s%n", c.name(), c.cells(), c.rateHz(), "-", "-");
            } else {
                System.out.printf(Locale.ROOT, "%-20s %8d %10.2f %10.2f %+7.2f%%%n", c.name(), c.cells(), c.rateHz(),
                        c.theoryHz(), 100 * (c.rateHz() / c.theoryHz() - 1));
            }
        }
        System.out.printf(Locale.ROOT, "peak heap     %.0f MB (max heap %.0f MB)%n", peakHeap / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
        System.out.println("results: " + CompareRunner.displayPath(folder.resolve("bench.json")));
    }
}
