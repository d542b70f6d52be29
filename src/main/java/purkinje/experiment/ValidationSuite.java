package purkinje.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import purkinje.analysis.CellStatistics;
import purkinje.analysis.PooledIsiCv;
import purkinje.analysis.DistributionSummary;
import purkinje.analysis.theory.TheoryRates;
import purkinje.engine.Ensemble;
import purkinje.engine.EnsembleResult;
import purkinje.engine.EnsembleSimulator;
import purkinje.engine.ProgressListener;
import purkinje.engine.RandomStreams;
import purkinje.engine.SimulationSettings;
import purkinje.model.CellParameters;
import purkinje.model.Condition;
import purkinje.model.ClimbingFibre;
import purkinje.model.Heterogeneity;
import purkinje.model.Inputs;
import purkinje.model.PoissonInput;
import purkinje.model.NoiseParameters;
import purkinje.model.RunConfig;

/**
 * The simulator against the closed-form results of the LIF neuron (MODEL.md, "Theory the
 * simulator must reproduce"). Each case is a population of identical cells; its rows compare the
 * simulated rate (and ISI CV) with theory. A row passes when the relative error is within its
 * tolerance, which is the larger of a stated relative accuracy and three standard errors of the
 * simulated value (so a correct simulator fails a row by chance with probability about 0.3 %):
 * <ul>
 *   <li>deterministic f-I: 0.01 % (rate from the mean ISI, which is exact to rounding);</li>
 *   <li>white-noise rate vs Siegert: 0.5 % at dt &lt;= 0.1 ms, 1 % at coarser steps;</li>
 *   <li>white-noise ISI CV vs Brunel 2000: 2 %; the CV of all cells' intervals pooled
 *       ({@link PooledIsiCv}), not the mean of per-cell CVs, which is biased low with few intervals a cell;</li>
 *   <li>Ornstein-Uhlenbeck noise vs Fourcaud-Brunel: {@value #OU_TOLERANCE} relative up to
 *       tau_noise / tau_m = 0.05, because the theory is itself only first order in
 *       sqrt(tau_noise / tau_m): its error at 0.05 is of that size (Fourcaud and Brunel 2002, Fig. 2);
 *       the next term is of order tau_noise / tau_m, so beyond 0.05 the tolerance grows in
 *       proportion (6 % at 0.1, 15 % at 0.25, {@link TheoryRates#approximationAccuracy}); beyond 0.25
 *       there is no theory ({@link TheoryRates#MAX_COLOURED_TAU_RATIO}) and a config's noise case is
 *       left out;</li>
 *   <li>Poisson synaptic input vs the diffusion approximation with the Fourcaud-Brunel correction:
 *       {@value #OU_TOLERANCE} for the same reason (tau_syn / tau_m = 0.05);</li>
 *   <li>climbing-fibre complex-spike rate vs its set rate: 1 % or 3 standard errors of the Poisson
 *       count, sqrt(rate / (T n)), known exactly rather than estimated from the cells;</li>
 *   <li>thread invariance: results with 1 and several threads must be bit-identical.</li>
 * </ul>
 */
public final class ValidationSuite {
    static final double DETERMINISTIC_TOLERANCE = 1e-4;
    static final double RATE_TOLERANCE_FINE = 0.005;
    static final double RATE_TOLERANCE_COARSE = 0.01;
    static final double CV_TOLERANCE = 0.02;
    static final double OU_TOLERANCE = 0.03;

    /** The accuracy of the Fourcaud-Brunel rate at this cell's noise: {@link TheoryRates#approximationAccuracy}. */
    static double colouredTolerance(Case c) {
        return Math.max(OU_TOLERANCE, TheoryRates.approximationAccuracy(c.cell(), c.noise(), c.inputs()));
    }
    static final double STANDARD_ERRORS = 3;

    private ValidationSuite() {
    }

    /** Quick (under a minute on 2 cores) or full (more cells, longer runs, more cases). */
    public enum Mode { QUICK, FULL }

    /** What a case checks. */
    enum Kind { DETERMINISTIC, WHITE_NOISE, COLOURED_NOISE, SYNAPTIC, CLIMBING_FIBRE }

    /** One population of identical cells and the theory it must match. */
    record Case(String name, Kind kind, CellParameters cell, NoiseParameters noise, double dtMs, double durationMs,
                int cells, Inputs inputs) {
        Case(String name, Kind kind, CellParameters cell, NoiseParameters noise, double dtMs, double durationMs,
             int cells) {
            this(name, kind, cell, noise, dtMs, durationMs, cells, Inputs.NONE);
        }
    }

    /** One row of validation.csv. */
    public record Row(String caseName, String quantity, double simulated, double theory, double relativeError,
                      double tolerance, boolean pass, double standardError, int cells, double dtMs) {
    }

    /** The table cell of MODEL.md: tau_m 20 ms, 15 mV from rest to threshold, reset to rest, t_ref 2 ms. */
    static CellParameters tableCell(double muMv) {
        // C_m = 200 pF, tau_m = 20 ms -> g_L = 10 nS, so mu (mV) = I (pA) / 10
        return new CellParameters(200, 20, -65, -50, -65, 2, muMv * 10);
    }

    /** The built-in cases. */
    static List<Case> builtIn(Mode mode) {
        boolean full = mode == Mode.FULL;
        int cells = full ? 1000 : 200;
        double duration = full ? 50_000 : 20_000;
        List<Case> cases = new ArrayList<>();
        for (double mu : full ? new double[] {15.5, 16, 20, 30, 60} : new double[] {16, 20, 30}) {
            cases.add(new Case("deterministic mu=" + fmt(mu) + "mV", Kind.DETERMINISTIC, tableCell(mu),
                    new NoiseParameters(0, 0), 0.1, 5000, 1));
        }
        cases.add(new Case("deterministic purkinje-wt", Kind.DETERMINISTIC, CellParameters.DEFAULTS,
                new NoiseParameters(0, 0), 0.1, 5000, 1));
        double[][] white = full
                ? new double[][] {{20, 4}, {16, 4}, {12, 4}, {10, 4}, {14, 2}, {30, 2}, {8, 6}, {20, 1}}
                : new double[][] {{20, 4}, {16, 4}, {12, 4}, {10, 4}, {14, 2}, {30, 2}};
        for (double[] w : white) {
            String regime = w[0] >= 15 ? "suprathreshold" : "subthreshold";
            cases.add(new Case("white " + regime + " mu=" + fmt(w[0]) + "mV sigma=" + fmt(w[1]) + "mV",
                    Kind.WHITE_NOISE, tableCell(w[0]), new NoiseParameters(w[1], 0), 0.1, duration, cells));
        }
        cases.add(new Case("white purkinje-wt", Kind.WHITE_NOISE, CellParameters.DEFAULTS, NoiseParameters.DEFAULTS,
                0.1, duration, cells));
        for (double dt : new double[] {0.05, 0.2, 0.5}) {
            cases.add(new Case("dt=" + fmt(dt) + "ms mu=20mV sigma=4mV", Kind.WHITE_NOISE, tableCell(20),
                    new NoiseParameters(4, 0), dt, duration, cells));
        }
        for (double mu : new double[] {20, 12}) {
            cases.add(new Case("OU tau=1ms mu=" + fmt(mu) + "mV sigma=4mV", Kind.COLOURED_NOISE, tableCell(mu),
                    new NoiseParameters(4, 1), 0.1, duration, cells));
        }
        cases.addAll(synapticCases(full));
        return cases;
    }

    /**
     * Poisson synaptic input against the diffusion approximation with the Fourcaud-Brunel
     * correction (tau_syn / tau_m = 0.05, weights of 5 pA on 200 pF: 0.025 mV per event, so the
     * shot-noise correction is negligible against the approximation's own error, as for OU noise);
     * and the climbing-fibre complex-spike rate against its set rate.
     */
    static List<Case> synapticCases(boolean full) {
        int cells = full ? 200 : 50;
        double duration = full ? 40_000 : 10_000;
        NoiseParameters none = new NoiseParameters(0, 0);
        List<Case> cases = new ArrayList<>();
        // parallel fibres alone: 20,000 synapses x 5 Hz x 5 pA x 1 ms = 500 pA = 50 mV of drive,
        // I_pace -300 pA: net mu = 20 mV; sigma_V = 0.77 mV
        cases.add(new Case("PF 20000 syn x 5Hz w=5pA tau=1ms", Kind.SYNAPTIC,
                tableCell(20).with(purkinje.model.CellParameter.I_PACE, -300), none, 0.1, duration, cells,
                new Inputs(new PoissonInput(5, 20_000, 5, 1), null, null)));
        // balanced excitation and inhibition: zero net mean, sigma_V = 3 mV around mu = 16 mV
        PoissonInput balanced = new PoissonInput(10, 75_600, 5, 1);
        cases.add(new Case("PF+IN balanced 75600 syn x 10Hz w=5pA", Kind.SYNAPTIC, tableCell(16), none, 0.1,
                duration, cells, new Inputs(balanced, balanced, null)));
        cases.add(new Case("climbing fibre 1Hz pause=20ms", Kind.CLIMBING_FIBRE, CellParameters.DEFAULTS,
                NoiseParameters.DEFAULTS, 0.1, full ? 100_000 : 50_000, full ? 100 : 40,
                new Inputs(null, null, new ClimbingFibre(1, 20, Double.NaN))));
        return cases;
    }

    /**
     * Cases for the cells of a user's config: per condition (nominal cell, no heterogeneity), the
     * noise-free rate at 1.2, 1.5 and 2 times the rheobase, the rate (and CV) with the configured
     * noise at the configured drive, and the same at 5 x dt where the model allows that step.
     */
    static List<Case> forConfig(RunConfig config, Mode mode) {
        boolean full = mode == Mode.FULL;
        int cells = full ? 1000 : 200;
        double duration = full ? 50_000 : 20_000;
        List<Case> cases = new ArrayList<>();
        for (Condition c : config.conditions()) {
            CellParameters p = config.cellFor(c);
            // the theory of a cell with inputs is only approximate: the cases check the cell and noise alone
            String name = c.name() + (config.inputs().any() ? " without inputs" : "");
            double rheobase = TheoryRates.rheobasePa(p);
            for (double factor : new double[] {1.2, 1.5, 2.0}) {
                cases.add(new Case(name + " deterministic I=" + fmt(factor) + "x rheobase", Kind.DETERMINISTIC,
                        p.with(purkinje.model.CellParameter.I_PACE, factor * rheobase), new NoiseParameters(0, 0),
                        config.dtMs(), Math.max(5000, 20 * 1000 / Math.max(TheoryRates.deterministicRateHz(
                                p.with(purkinje.model.CellParameter.I_PACE, factor * rheobase), 0), 1e-3)), 1));
            }
            if (config.noise().sigmaVMv() > 0 && !(TheoryRates.colouredTauRatio(p, config.noise(), Inputs.NONE)
                    > TheoryRates.MAX_COLOURED_TAU_RATIO)) { // beyond it no theory to test against (leftOut says so)
                Kind kind = config.noise().isWhite() ? Kind.WHITE_NOISE : Kind.COLOURED_NOISE;
                cases.add(new Case(name + " noise", kind, p, config.noise(), config.dtMs(), duration, cells));
                double coarse = 5 * config.dtMs();
                if (coarse <= p.tRefMs() && coarse <= p.tauMs() / 10) {
                    cases.add(new Case(name + " noise dt=" + fmt(coarse) + "ms", kind, p, config.noise(), coarse,
                            duration, cells));
                }
            }
        }
        return cases;
    }

    /** Runs the cases (grouped into one ensemble per step size) and the thread-invariance check. */
    static List<Row> run(List<Case> cases, long seed, int threads, ProgressListener progress) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            groups.computeIfAbsent(c.dtMs() + "/" + c.durationMs(), k -> new ArrayList<>()).add(i);
        }
        Row[][] rows = new Row[cases.size()][];
        // one progress scale over all groups, so the bar never goes back when the next group starts
        long total = 0;
        for (List<Integer> group : groups.values()) {
            Case first = cases.get(group.get(0));
            long cells = group.stream().mapToLong(i -> cases.get(i).cells()).sum();
            total += cells * Math.round(first.durationMs() / first.dtMs());
        }
        long offset = 0;
        for (List<Integer> group : groups.values()) {
            Ensemble.Builder b = Ensemble.builder();
            for (int i : group) {
                Case c = cases.get(i);
                b.addPopulation(RandomStreams.derive(seed, i), c.cell(), c.noise(), Heterogeneity.NONE, c.cells(), 0,
                        c.inputs());
            }
            Case first = cases.get(group.get(0));
            long steps = Math.round(first.durationMs() / first.dtMs());
            long before = offset;
            long grandTotal = total;
            long work = group.stream().mapToLong(i -> cases.get(i).cells()).sum() * steps;
            EnsembleResult sim = EnsembleSimulator.run(b.build(), new SimulationSettings(first.dtMs(),
                    steps, threads, false, Set.of(), 0), (done, groupTotal) -> progress.progress(before
                    + (groupTotal == 0 ? work : Math.round((double) done / groupTotal * work)), grandTotal));
            offset += work;
            int population = 0;
            for (int i : group) {
                rows[i] = evaluate(cases.get(i), sim, sim.ensemble().populations().get(population++));
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row[] r : rows) {
            out.addAll(Arrays.asList(r));
        }
        out.add(threadInvariance(seed, threads));
        return out;
    }

    /**
     * The work of the built-in suite (every case's cells x steps, and the thread-invariance check's
     * two runs of {@value #INVARIANCE_CELLS} cells), for the up-front checks of {@link RunEstimate}
     * (memory, --time-limit).
     */
    public static RunEstimate estimateBuiltIn(Mode mode, int threads) {
        return estimate(builtIn(mode), threads);
    }

    /** {@link #estimateBuiltIn} for the cases of a user's config. */
    public static RunEstimate estimateForConfig(RunConfig config, Mode mode, int threads) {
        return estimate(forConfig(config, mode), threads);
    }

    private static RunEstimate estimate(List<Case> cases, int threads) {
        RunEstimate total = new RunEstimate(2.0 * INVARIANCE_CELLS, INVARIANCE_STEPS, 0, threads);
        for (Case c : cases) {
            total = total.plus(new RunEstimate(c.cells(), c.durationMs() / c.dtMs(), 0, threads));
        }
        return total;
    }

    public static List<Row> builtInSuite(Mode mode, long seed, int threads, ProgressListener progress) {
        return run(builtIn(mode), seed, threads, progress);
    }

    /**
     * What {@link #configSuite} leaves out of a config, as warning lines, or null: the synaptic
     * inputs and the climbing fibre, whose theory (diffusion approximation) is not exact enough
     * to test a simulator against; the built-in suite checks the engine with them.
     */
    public static String leftOut(RunConfig config) {
        List<String> lines = new ArrayList<>();
        if (config.inputs().any()) {
            lines.add("purkinje: warning: validate --config checks each condition's cell and background noise against "
                    + "exact theory; the config's synaptic inputs and climbing fibre are left out (cases named '... "
                    + "without inputs'): their theory is only approximate; the built-in suite (purkinje validate) checks "
                    + "the engine with inputs");
        }
        double ratio = config.conditions().stream().mapToDouble(c -> TheoryRates.colouredTauRatio(config.cellFor(c),
                config.noise(), Inputs.NONE)).max().orElse(0);
        if (config.noise().sigmaVMv() > 0 && ratio > TheoryRates.MAX_COLOURED_TAU_RATIO) {
            lines.add(String.format(java.util.Locale.ROOT, "purkinje: warning: the noise cases are left out: the "
                    + "noise's tau / tau_m is %.3g, beyond the %.2f up to which the Fourcaud-Brunel theory is used; "
                    + "the noise-free cases are checked", ratio, TheoryRates.MAX_COLOURED_TAU_RATIO));
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    public static List<Row> configSuite(RunConfig config, Mode mode, int threads, ProgressListener progress) {
        return run(forConfig(config, mode), config.seed(), threads, progress);
    }

    private static Row[] evaluate(Case c, EnsembleResult sim, Ensemble.Population pop) {
        double[] rates = new double[pop.cellCount()];
        double[] isiMeans = new double[pop.cellCount()];
        CellStatistics[] statistics = new CellStatistics[pop.cellCount()];
        for (int i = 0; i < pop.cellCount(); i++) {
            CellStatistics s = sim.statistics(pop.firstCell() + i);
            statistics[i] = s;
            rates[i] = s.rateHz();
            isiMeans[i] = s.isiMeanMs();
        }
        switch (c.kind()) {
            case DETERMINISTIC: {
                // the rate of a clock is 1 / period; the mean ISI measures it without counting error
                double simulated = 1000 / isiMeans[0];
                return new Row[] {row(c, "rate_hz", simulated, TheoryRates.deterministicRateHz(c.cell(), 0),
                        DETERMINISTIC_TOLERANCE, 0)};
            }
            case WHITE_NOISE: {
                DistributionSummary r = DistributionSummary.of(rates);
                // the intervals of all cells pooled: the mean of per-cell CVs is biased low when a cell
                // has few intervals (a low rate or a short run), which made a correct run fail
                PooledIsiCv cv = PooledIsiCv.of(statistics);
                double rateTolerance = c.dtMs() <= 0.1 + 1e-12 ? RATE_TOLERANCE_FINE : RATE_TOLERANCE_COARSE;
                return new Row[] {
                    row(c, "rate_hz", r.mean(), TheoryRates.rateHz(c.cell(), c.noise(), 0), rateTolerance, r.sem()),
                    row(c, "isi_cv", cv.cv(), TheoryRates.isiCv(c.cell(), c.noise(), 0), CV_TOLERANCE,
                            cv.standardError())};
            }
            case CLIMBING_FIBRE: {
                double[] csRates = new double[pop.cellCount()];
                for (int i = 0; i < pop.cellCount(); i++) {
                    csRates[i] = sim.complexSpikeCount(pop.firstCell() + i) / (sim.settings().durationMs() * 1e-3);
                }
                DistributionSummary r = DistributionSummary.of(csRates);
                // the count is Poisson by construction, so its standard error is known exactly:
                // sqrt(rate / (T n)); the sample SD of 40-100 counts would scatter around it
                double rate = c.inputs().climbingFibre().rateHz();
                double se = Math.sqrt(rate / (sim.settings().durationMs() * 1e-3 * pop.cellCount()));
                return new Row[] {row(c, "complex_rate_hz", r.mean(), rate, RATE_TOLERANCE_COARSE, se)};
            }
            default: {
                DistributionSummary r = DistributionSummary.of(rates);
                return new Row[] {row(c, "rate_hz", r.mean(), TheoryRates.rateHz(c.cell(), c.noise(), c.inputs(), 0),
                        colouredTolerance(c), r.sem())};
            }
        }
    }

    private static Row row(Case c, String quantity, double simulated, double theory, double relTolerance,
                           double standardError) {
        double relError = simulated / theory - 1;
        double tolerance = Math.max(relTolerance, STANDARD_ERRORS * standardError / Math.abs(theory));
        boolean pass = Double.isFinite(relError) && Math.abs(relError) <= tolerance;
        return new Row(c.name(), quantity, simulated, theory, relError, tolerance, pass, standardError, c.cells(),
                c.dtMs());
    }

    /** Same seed, 1 thread vs several: every cell's statistics must be bit-identical. */
    /** Cells and steps of each of the thread-invariance check's two runs. */
    private static final int INVARIANCE_CELLS = 32;
    private static final int INVARIANCE_STEPS = 20_000;

    private static Row threadInvariance(long seed, int threads) {
        int many = Math.max(2, threads);
        Ensemble.Builder b = Ensemble.builder();
        b.addPopulation(RandomStreams.derive(seed, -1), CellParameters.DEFAULTS, NoiseParameters.DEFAULTS,
                Heterogeneity.DEFAULTS, INVARIANCE_CELLS / 2);
        b.addPopulation(RandomStreams.derive(seed, -2), tableCell(20), new NoiseParameters(4, 1), Heterogeneity.NONE,
                INVARIANCE_CELLS / 2);
        Ensemble e = b.build();
        SimulationSettings one = new SimulationSettings(0.1, INVARIANCE_STEPS, 1, true, Set.of(), 0);
        SimulationSettings several = new SimulationSettings(0.1, INVARIANCE_STEPS, many, true, Set.of(), 0);
        EnsembleResult a = EnsembleSimulator.run(e, one);
        EnsembleResult z = EnsembleSimulator.run(e, several);
        boolean same = true;
        for (int i = 0; i < e.size(); i++) {
            same &= Arrays.equals(a.spikeTimesMs(i), z.spikeTimesMs(i));
        }
        a.close();
        z.close();
        return new Row("threads 1 vs " + many, "identical_spike_trains", same ? 1 : 0, 1, same ? 0 : -1, 0, same, 0,
                e.size(), 0.1);
    }

    static String fmt(double v) {
        return purkinje.io.Quantities.formatNumber(v);
    }
}
