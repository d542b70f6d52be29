package purkinje.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import purkinje.analysis.CellStatistics;
import purkinje.analysis.TwoSampleKs;
import purkinje.engine.Ensemble;
import purkinje.engine.EnsembleResult;
import purkinje.engine.EnsembleSimulator;
import purkinje.engine.ProgressListener;
import purkinje.engine.RandomStreams;
import purkinje.engine.SimulationSettings;
import purkinje.model.CellParameter;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;

/**
 * Posterior-predictive check of a fitted hypothesis: the simulator (not the theory) runs the
 * fitted cells, as many per condition as were recorded, once per seed, and the recorded rates and
 * CVs of each condition are compared with the pooled simulated ones by two-sample
 * Kolmogorov-Smirnov tests ({@link TwoSampleKs}: p = P(D' &gt;= D), as scipy's {@code ks_2samp}). The check fails when any test's p-value is below
 * {@value #ALPHA} divided by the number of tests (Bonferroni).
 *
 * @param seeds     simulations per condition
 * @param tests     one per condition and quantity
 * @param simulated per condition (reference, test): the simulated cells {rate_hz, isi_cv}, seed by seed
 */
public record PredictiveCheck(int seeds, List<KsTest> tests, List<List<double[]>> simulated) {
    /** Family-wise significance level. */
    public static final double ALPHA = 0.05;

    /** One two-sample test. */
    public record KsTest(String condition, String quantity, int measured, int simulated, double statistic,
                         double pValue) {
    }

    /** The p-value each test must reach. */
    public double threshold() {
        return ALPHA / Math.max(1, tests.size());
    }

    /** True when no test rejects at the Bonferroni level. */
    public boolean passed() {
        return tests.stream().allMatch(t -> t.pValue() >= threshold());
    }

    /** The smallest p-value. */
    public double minP() {
        return tests.stream().mapToDouble(KsTest::pValue).min().orElse(Double.NaN);
    }

    static PredictiveCheck run(FitData data, Hypothesis h, HypothesisFit fit, String reference, String test,
                               double dtMs, long seed, int seeds, int threads) {
        CellModel refModel = data.base();
        CellModel testModel = data.base();
        double driveFactor = 1;
        for (int j = 0; j < h.effects().size(); j++) {
            Effect e = h.effects().get(j);
            if (e == Effect.I_PACE) {
                driveFactor = Math.exp(fit.coordinates()[j]);
            } else {
                testModel = testModel.with(e, fit.coordinates()[j]);
            }
        }
        Heterogeneity spread = new Heterogeneity(Map.of(CellParameter.I_PACE, fit.driveCv()));
        CellParameters refCell = refModel.cell().with(CellParameter.I_PACE, fit.meanDrivePa());
        CellParameters testCell = testModel.cell().with(CellParameter.I_PACE, fit.meanDrivePa() * driveFactor);
        int nRef = data.referenceRatesHz().length;
        int nTest = data.testRatesHz().length;
        Ensemble.Builder b = Ensemble.builder();
        for (int s = 0; s < seeds; s++) {
            b.addPopulation(RandomStreams.derive(seed, 2L * s), refCell, refModel.noise(), spread, nRef, 0,
                    refModel.inputs());
            b.addPopulation(RandomStreams.derive(seed, 2L * s + 1), testCell, testModel.noise(), spread, nTest, 0,
                    testModel.inputs());
        }
        Ensemble ensemble = b.build();
        long steps = Math.max(1, Math.round(data.recordingMs() / dtMs));
        List<List<double[]>> simulated = List.of(new ArrayList<>(), new ArrayList<>());
        try (EnsembleResult sim = EnsembleSimulator.run(ensemble, new SimulationSettings(dtMs, steps, threads, false,
                java.util.Set.of(), 0), ProgressListener.NONE)) {
            for (Ensemble.Population p : ensemble.populations()) {
                for (int c = p.firstCell(); c < p.firstCell() + p.cellCount(); c++) {
                    CellStatistics st = sim.statistics(c);
                    simulated.get(p.index() % 2).add(new double[] {st.rateHz(), st.cv()});
                }
            }
        }
        List<KsTest> tests = new ArrayList<>();
        String[] names = {reference, test};
        double[][] rates = {data.referenceRatesHz(), data.testRatesHz()};
        double[][] cvs = {data.referenceIsiCvs(), data.testIsiCvs()};
        for (int k = 0; k < 2; k++) {
            List<double[]> sims = simulated.get(k);
            tests.add(ks(names[k], "rate_hz", rates[k], sims.stream().mapToDouble(v -> v[0]).toArray()));
            if (data.useCv()) {
                tests.add(ks(names[k], "isi_cv", finite(cvs[k]), finite(sims.stream().mapToDouble(v -> v[1])
                        .toArray())));
            }
        }
        return new PredictiveCheck(seeds, tests, List.of(List.copyOf(simulated.get(0)), List.copyOf(simulated.get(1))));
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    private static KsTest ks(String condition, String quantity, double[] measured, double[] simulated) {
        if (measured.length < 2 || simulated.length < 2) {
            return new KsTest(condition, quantity, measured.length, simulated.length, Double.NaN, 1.0);
        }
        TwoSampleKs t = TwoSampleKs.of(measured, simulated);
        return new KsTest(condition, quantity, measured.length, simulated.length, t.statistic(), t.pValue());
    }
}
