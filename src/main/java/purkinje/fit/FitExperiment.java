package purkinje.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import purkinje.io.ConfigException;
import purkinje.model.RunConfig;

/**
 * {@code purkinje fit}: which MEIS1 hypothesis explains the recorded cells? Every non-reference
 * condition is fitted jointly with the reference under each {@link Hypothesis}; the hypotheses are
 * ranked by AIC and the chosen one is checked by simulation ({@link PredictiveCheck}).
 *
 * <p>Verdicts: the hypotheses within {@value #CONSISTENT_AIC} AIC units of the lowest AIC are
 * candidates; the candidate with the fewest parameters (then the lowest AIC) is simulated, and if
 * its predictive check passes it is "best". The other candidates with as few parameters as the
 * best are "indistinguishable" (the data score them as well with as simple a model, so they do not
 * tell them from the best), those with more parameters "consistent". A candidate whose check fails
 * is "ruled out (predictive check failed)" and the next is simulated, up to {@value #MAX_CHECKS}
 * checks. Beyond the candidates, the scale of Burnham and Anderson (2002, Model Selection and
 * Multimodel Inference, section 2.6: "considerably less" support at 4 to 7 AIC units, "essentially
 * none" beyond 10): up to {@value #RULED_OUT_AIC} units "less support", beyond "ruled out".
 */
public final class FitExperiment {
    /** AIC difference within which a hypothesis stays consistent with the data. */
    public static final double CONSISTENT_AIC = 2;
    /** AIC difference beyond which the data give a hypothesis essentially no support. */
    public static final double RULED_OUT_AIC = 10;
    /** The verdicts, as fit.json and the table write them. */
    public static final String BEST = "best";
    public static final String INDISTINGUISHABLE = "indistinguishable";
    public static final String CONSISTENT = "consistent";
    public static final String LESS_SUPPORT = "less support";
    public static final String RULED_OUT = "ruled out";
    public static final String CHECK_FAILED = "ruled out (predictive check failed)";
    /** Most predictive checks per condition. */
    public static final int MAX_CHECKS = 3;

    private FitExperiment() {
    }

    /**
     * What to fit.
     *
     * @param data        the recorded cells
     * @param base        the base config: cell, noise, inputs, dt; its duration is the recording length
     * @param reference   the reference condition (wild type)
     * @param dataSource  the data file as given, for the manifest
     * @param checkSeeds  simulations per condition for the predictive check (0: no check)
     */
    public record Settings(MeasuredCells data, String dataSource, RunConfig base, String reference, int checkSeeds,
                           int threads) {
    }

    /** A hypothesis with its place in the ranking. */
    public record Ranked(HypothesisFit fit, double deltaAic, String verdict, PredictiveCheck check) {
        public String name() {
            return fit.hypothesis().name();
        }
    }

    /** The fit of one condition against the reference; hypotheses ranked by AIC; best null if none passed. */
    public record ConditionFit(String condition, int cells, List<Ranked> hypotheses, Ranked best) {
        /** The hypotheses the data do not tell from the best (as few parameters, within {@value #CONSISTENT_AIC} AIC). */
        public List<Ranked> indistinguishable() {
            return hypotheses.stream().filter(h -> h.verdict().equals(INDISTINGUISHABLE)).toList();
        }
    }

    /** Everything a fit produced. */
    public record Result(Settings settings, String reference, int referenceCells, boolean usesCv,
                         List<ConditionFit> conditions) {
    }

    /** Refuses what the likelihood cannot handle: one line each, before any work. */
    static void checkBase(RunConfig base) {
        if (!(base.noise().sigmaVMv() > 0)) {
            throw new ConfigException("fit needs noisy cells (the ISI CV and silent cells come from the noise): set "
                    + "noise.sigma_v > 0 in --config");
        }
        if (!(base.cell().iPacePa() > 0)) {
            throw new ConfigException("fit needs a positive cell.I_pace in --config (the drive is lognormal around "
                    + "it), was " + base.cell().iPacePa() + " pA");
        }
        if (base.inputs().hasClimbingFibre()) {
            throw new ConfigException("fit has no closed-form rate with a climbing fibre: remove "
                    + "inputs.climbing_fibre from --config");
        }
    }

    public static Result run(Settings s) {
        RunConfig base = s.base();
        checkBase(base);
        MeasuredCells data = s.data();
        String reference = s.reference() != null ? s.reference() : data.conditions().get(0);
        int ref = data.indexOf(reference);
        if (ref < 0) {
            throw new ConfigException("--reference '" + reference + "' is not a condition of the data (conditions: "
                    + String.join(", ", data.conditions()) + ")");
        }
        CellModel model = new CellModel(base.cell(), base.noise(), base.inputs());
        boolean usesCv = data.hasCv() && model.hasIsiCv();
        boolean pf = base.inputs().parallelFibres() != null && base.inputs().parallelFibres().isActive();
        List<Hypothesis> hypotheses = Hypothesis.all(pf);
        List<ConditionFit> out = new ArrayList<>();
        for (int c = 0; c < data.conditions().size(); c++) {
            if (c == ref) {
                continue;
            }
            FitData fd = new FitData(model, Math.log(base.cell().iPacePa()), data.ratesHz().get(ref),
                    data.isiCvs().get(ref), data.ratesHz().get(c), data.isiCvs().get(c), base.durationMs(), usesCv);
            out.add(fitCondition(s, fd, reference, data.conditions().get(c), hypotheses, c));
        }
        return new Result(s, reference, data.ratesHz().get(ref).length, usesCv, out);
    }

    /** Every hypothesis fitted (in parallel: each is a pure function of the data), ranked, checked. */
    static ConditionFit fitCondition(Settings s, FitData fd, String reference, String condition,
                                     List<Hypothesis> hypotheses, int conditionIndex) {
        ConditionTerms referenceTerms = JointLikelihood.referenceTerms(fd);
        HypothesisFit[] fits = new HypothesisFit[hypotheses.size()];
        // one-parameter hypotheses first: their estimates start the two-parameter searches
        inParallel(s.threads(), hypotheses, fits, h -> h.effects().size() < 2, (h, i) -> List.of(), fd, referenceTerms);
        inParallel(s.threads(), hypotheses, fits, h -> h.effects().size() == 2, (h, i) -> {
            List<double[]> starts = new ArrayList<>();
            for (int k = 0; k < hypotheses.size(); k++) {
                Hypothesis single = hypotheses.get(k);
                if (single.effects().size() == 1 && h.effects().contains(single.effects().get(0))) {
                    double[] c = {Effect.NO_CHANGE, Effect.NO_CHANGE};
                    c[h.effects().indexOf(single.effects().get(0))] = fits[k].coordinates()[0];
                    starts.add(c);
                }
            }
            return starts;
        }, fd, referenceTerms);
        List<HypothesisFit> byAic = new ArrayList<>(List.of(fits));
        byAic.sort(Comparator.comparingDouble(HypothesisFit::aic));
        double minAic = byAic.get(0).aic();
        List<HypothesisFit> candidates = new ArrayList<>(byAic.stream().filter(f -> f.aic() - minAic
                <= CONSISTENT_AIC).toList());
        candidates.sort(Comparator.comparingInt(HypothesisFit::parameterCount).thenComparingDouble(HypothesisFit::aic));
        HypothesisFit best = null;
        java.util.Map<HypothesisFit, PredictiveCheck> checks = new java.util.HashMap<>();
        for (int i = 0; i < Math.min(MAX_CHECKS, candidates.size()); i++) {
            HypothesisFit f = candidates.get(i);
            if (s.checkSeeds() <= 0) {
                best = f;
                break;
            }
            long seed = purkinje.engine.RandomStreams.derive(s.base().seed(), 1000L * conditionIndex + i);
            PredictiveCheck check = PredictiveCheck.run(fd, f.hypothesis(), f, reference, condition, s.base().dtMs(),
                    seed, s.checkSeeds(), s.threads());
            checks.put(f, check);
            if (check.passed()) {
                best = f;
                break;
            }
        }
        List<Ranked> ranked = new ArrayList<>();
        Ranked bestRanked = null;
        for (HypothesisFit f : byAic) {
            double d = f.aic() - minAic;
            PredictiveCheck check = checks.get(f);
            String verdict;
            if (f == best) {
                verdict = BEST;
            } else if (check != null && !check.passed()) {
                verdict = CHECK_FAILED;
            } else if (d <= CONSISTENT_AIC) {
                verdict = best != null && f.parameterCount() <= best.parameterCount() ? INDISTINGUISHABLE : CONSISTENT;
            } else if (d <= RULED_OUT_AIC) {
                verdict = LESS_SUPPORT;
            } else {
                verdict = RULED_OUT;
            }
            Ranked r = new Ranked(f, d, verdict, check);
            if (f == best) {
                bestRanked = r;
            }
            ranked.add(r);
        }
        int cells = fd.testRatesHz().length;
        return new ConditionFit(condition, cells, List.copyOf(ranked), bestRanked);
    }

    private static void inParallel(int threads, List<Hypothesis> hypotheses, HypothesisFit[] fits,
                                   java.util.function.Predicate<Hypothesis> which,
                                   java.util.function.BiFunction<Hypothesis, Integer, List<double[]>> starts,
                                   FitData fd, ConditionTerms referenceTerms) {
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            pool.submit(() -> IntStream.range(0, fits.length).parallel().filter(i -> which.test(hypotheses.get(i)))
                    .forEach(i -> fits[i] = new HypothesisFitter(new JointLikelihood(fd, referenceTerms),
                            hypotheses.get(i), fd.cells(), starts.apply(hypotheses.get(i), i)).fit())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
