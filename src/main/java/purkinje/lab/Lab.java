package purkinje.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import purkinje.engine.SimulationSettings;
import purkinje.experiment.CompareExperiment;
import purkinje.experiment.CompareExperiment.Comparison;
import purkinje.experiment.CompareExperiment.ConditionResult;
import purkinje.io.Json;
import purkinje.io.Quantities;
import purkinje.model.RunConfig;
import purkinje.model.Unit;
import purkinje.report.CompareReport;

/**
 * What the lab page asks for, without HTTP: the run of a page's settings (through the same
 * {@link CompareExperiment} as {@code purkinje compare}) as the JSON the page shows, and the
 * settings as a config file. One simulation runs at a time on all cores; a tab's newer request
 * supersedes its older one ({@link Supersession}).
 */
public final class Lab {
    private final LabConfig config;
    private final int threads;
    private final Semaphore engine = new Semaphore(1, true);
    private final Supersession supersession = new Supersession();

    public Lab(LabConfig config, int threads) {
        this.config = config;
        this.threads = threads;
    }

    public Lab(LabConfig config) {
        this(config, SimulationSettings.allCores());
    }

    public LabConfig config() {
        return config;
    }

    /** The engine's turn: one simulation at a time (tests hold it to queue requests). */
    Semaphore engine() {
        return engine;
    }

    /** The settings of a query (the start settings where a parameter is absent). */
    public LabSettings settings(Map<String, String> query) {
        return config.startSettings().with(query);
    }

    /** The page's first view: controls' start values and what the config offers. */
    public Map<String, Object> start() {
        LabSettings s = config.startSettings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", s.toQuery());
        m.put("config", config.base().source());
        m.put("conditions", config.conditionNames());
        List<String> colours = new ArrayList<>();
        for (int i = 0; i < config.conditionNames().size(); i++) {
            java.awt.Color c = purkinje.plot.ConditionPalette.colour(i);
            colours.add(String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue()));
        }
        m.put("colours", colours);
        List<Object> targets = new ArrayList<>();
        for (Meis1Target t : Meis1Target.values()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", t.pageName());
            one.put("label", t.label());
            one.put("default_effect", t == s.target() ? s.effect() : t.defaultEffect());
            one.put("available", t != Meis1Target.PARALLEL_FIBRE_RATE || config.hasParallelFibres());
            targets.add(one);
        }
        m.put("targets", targets);
        m.put("max_cell_seconds", LabConfig.MAX_CELL_STEPS_PER_CONDITION * config.base().run().dtMs() / 1000);
        return m;
    }

    /** Runs the page's settings for browser tab {@code client}; throws {@link Supersession.Superseded} when overtaken. */
    public Map<String, Object> run(Map<String, String> query, String client) {
        Supersession.Ticket ticket = supersession.begin(client);
        LabSettings settings = settings(query);
        RunConfig run = config.resolve(settings);
        long start = System.nanoTime();
        CompareExperiment.Result r = ticket.interruptibly(() -> {
            engine.acquireUninterruptibly();
            try {
                ticket.check(); // superseded while waiting for the engine: do not start
                try {
                    return CompareExperiment.run(run, threads, (done, total) -> ticket.check());
                } catch (java.io.UncheckedIOException e) {
                    // a server lives long: its temporary folder may have been cleaned away meanwhile
                    if (!restoreTemporaryFolder()) {
                        throw e;
                    }
                    return CompareExperiment.run(run, threads, (done, total) -> ticket.check());
                }
            } finally {
                engine.release();
            }
        });
        long simulated = System.nanoTime();
        try {
            ticket.check();
            Map<String, Object> out = result(r, settings);
            ticket.check();
            long end = System.nanoTime();
            out.put("elapsed_ms", Math.round((end - start) / 1e6));
            // where the time went: waiting for the engine and simulating, then statistics' theory and figures
            out.put("simulation_ms", Math.round((simulated - start) / 1e6));
            out.put("figures_ms", Math.round((end - simulated) / 1e6));
            return out;
        } finally {
            r.simulation().close(); // the engine's temporary spike file: gone once the figures are drawn
        }
    }

    /**
     * Runs the start settings until about {@value #WARM_UP_MS} ms have passed, so that the JIT has
     * compiled the engine and the figure code before a student's first request (the first runs of
     * a JVM are several times slower). A request arriving meanwhile waits for the current warm-up run
     * only: each warm-up run is a request of its own tab, and the engine serves requests in turn.
     */
    public void warmUp() {
        restoreTemporaryFolder();
        purkinje.engine.EnsembleSimulator.preferVectorEngine();
        long end = System.nanoTime() + WARM_UP_MS * 1_000_000L;
        try {
            while (System.nanoTime() < end) {
                run(Map.of(), "warm-up");
            }
        } catch (RuntimeException e) {
            // a failed warm-up only means slower first answers; the request itself will report a problem
        }
    }

    /** How long {@link #warmUp} runs. */
    static final long WARM_UP_MS = 3000;

    /**
     * Re-creates {@code java.io.tmpdir} (where the engine keeps spike times during a run) if it has
     * gone, as a tmp cleaner or another run's clean-up can remove it under a long-lived server.
     */
    private static boolean restoreTemporaryFolder() {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        if (java.nio.file.Files.isDirectory(tmp)) {
            return false;
        }
        try {
            java.nio.file.Files.createDirectories(tmp);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** The saved config of a query: YAML that {@code purkinje compare --config} runs to the same numbers. */
    public String yaml(Map<String, String> query) {
        LabSettings s = settings(query);
        config.resolve(s); // refuse what the page would refuse
        return config.yaml(s);
    }

    private static Map<String, Object> result(CompareExperiment.Result r, LabSettings settings) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("settings", settings.toQuery());
        List<Object> conditions = new ArrayList<>();
        for (ConditionResult c : r.conditions()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", c.condition().name());
            one.put("meis1_dosage", c.condition().meis1Dosage());
            one.put("cells", c.cells().size());
            one.put("mean_rate_hz", Json.number(c.rateHz().mean()));
            one.put("sem_rate_hz", Json.number(c.rateHz().sem()));
            one.put("theory_rate_hz", Json.number(LabFigures.theoryRateHz(r.config(), c.condition())));
            conditions.add(one);
        }
        m.put("conditions", conditions);
        Comparison cmp = r.comparisons().get(0);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("reference", cmp.reference());
        c.put("test", cmp.test());
        c.put("rate_change_percent", Json.number(cmp.result().rateChangePercent()));
        c.put("rate_change_ci95_percent", java.util.Arrays.asList(
                Json.number(cmp.result().rateChangeCiLowPercent()), Json.number(cmp.result().rateChangeCiHighPercent())));
        c.put("mann_whitney_p", Json.number(cmp.result().mannWhitneyP()));
        m.put("comparison", c);
        double[][] curve = LabFigures.theoryCurve(r.config());
        Map<String, Object> theory = new LinkedHashMap<>();
        theory.put("meis1_dosage", curve[0]);
        List<Double> rates = new ArrayList<>();
        for (double v : curve[1]) {
            rates.add(Json.number(v));
        }
        theory.put("rate_hz", rates);
        m.put("theory", theory);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rates", LabFigures.rates(r));
        figures.put("raster", LabFigures.raster(r));
        figures.put("voltage", LabFigures.voltage(r));
        figures.put("theory", LabFigures.theory(r, curve));
        m.put("figures", figures);
        m.put("captions", captions(r));
        return m;
    }

    /** "What you are looking at", per figure, in the report's words. */
    private static Map<String, String> captions(CompareExperiment.Result r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rates", CompareReport.RATES_CAPTION);
        m.put("raster", "Each row is one cell and each tick one of its spikes (horizontal axis, s); the first "
                + LabFigures.RASTER_CELLS + " cells of each condition over the first "
                + Quantities.format(LabFigures.rasterWindowMs(r.config()) / 1000, Unit.SECOND) + ". "
                + CompareReport.RASTER_READING);
        m.put("voltage", "The membrane potential V (mV) of one example cell per condition over the first "
                + Quantities.format(Math.min(CompareExperiment.TRACE_WINDOW_MS, r.config().durationMs()) / 1000,
                Unit.SECOND) + ". " + CompareReport.VOLTAGE_READING);
        m.put("theory", "The dashed line is what closed-form theory (for white noise the Siegert formula of a leaky "
                + "integrate-and-fire cell) predicts for the firing rate of an average reduced-MEIS1 cell at every MEIS1 dosage "
                + "from 0 (no MEIS1) to 1 (wild type); the dots are the simulated mean rates with their 95 % "
                + "confidence intervals. Move the dosage and the dot moves along the line: simulation and theory "
                + "agree up to chance and the cell-to-cell differences (theory is for the nominal cell).");
        return m;
    }
}
