package purkinje.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small reproducible synthetic inputs for the figure tests and the demo. */
final class SyntheticData {

    static final String WT = "Wild type";
    static final String MEIS1 = "Reduced MEIS1";

    private SyntheticData() {
    }

    static List<ConditionRates> rates(int cells, long seed) {
        Random r = new Random(seed);
        double[] wt = new double[cells];
        double[] mu = new double[cells];
        for (int i = 0; i < cells; i++) {
            wt[i] = Math.max(0, 45 + 6 * r.nextGaussian());
            mu[i] = Math.max(0, 31 + 5 * r.nextGaussian());
        }
        return List.of(new ConditionRates(WT, wt), new ConditionRates(MEIS1, mu));
    }

    /** Poisson-like trains with a refractory period, rate in Hz, over durationMs. */
    static List<double[]> trains(int cells, double rateHz, double durationMs, long seed) {
        Random r = new Random(seed);
        List<double[]> out = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            double cellRate = rateHz * (0.8 + 0.4 * r.nextDouble());
            List<Double> spikes = new ArrayList<>();
            double t = 0;
            while (true) {
                t += 2.0 - Math.log(1 - r.nextDouble()) * (1000.0 / cellRate - 2.0);
                if (t >= durationMs) {
                    break;
                }
                spikes.add(t);
            }
            out.add(spikes.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return out;
    }

    static List<ConditionTrains> conditionTrains(int cells, double durationMs, long seed) {
        return List.of(new ConditionTrains(WT, trains(cells, 45, durationMs, seed)),
                new ConditionTrains(MEIS1, trains(cells, 31, durationMs, seed + 1)));
    }

    /** Noisy LIF trace: tau 10 ms, rest -65, threshold -50, reset -65 mV. */
    static double[] lif(double driveMv, double durationMs, double dtMs, long seed) {
        Random r = new Random(seed);
        int n = (int) Math.round(durationMs / dtMs);
        double[] v = new double[n];
        double x = -65;
        for (int k = 0; k < n; k++) {
            x += dtMs / 10.0 * (-65 - x + driveMv) + 0.8 * Math.sqrt(dtMs) * r.nextGaussian();
            if (x >= -50) {
                x = -65;
            }
            v[k] = x;
        }
        return v;
    }

    static List<ConditionTrace> traces(double durationMs, double dtMs, long seed) {
        return List.of(
                new ConditionTrace(WT, dtMs, List.of(lif(17.5, durationMs, dtMs, seed)), -50),
                new ConditionTrace(MEIS1, dtMs, List.of(lif(16.2, durationMs, dtMs, seed + 1)), -50));
    }

    static List<ConditionIsis> isis(List<ConditionTrains> trains) {
        List<ConditionIsis> out = new ArrayList<>();
        for (ConditionTrains ct : trains) {
            List<Double> all = new ArrayList<>();
            for (double[] s : ct.spikeTimesMs()) {
                for (int k = 1; k < s.length; k++) {
                    all.add(s[k] - s[k - 1]);
                }
            }
            out.add(new ConditionIsis(ct.condition(), all.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    static List<ConditionPopulationRate> populationRates(List<ConditionTrains> trains, double durationMs,
            double binMs) {
        List<ConditionPopulationRate> out = new ArrayList<>();
        int nBins = (int) Math.ceil(durationMs / binMs);
        for (ConditionTrains ct : trains) {
            double[] t = new double[nBins];
            double[] rate = new double[nBins];
            for (double[] s : ct.spikeTimesMs()) {
                for (double x : s) {
                    rate[Math.min(nBins - 1, (int) (x / binMs))]++;
                }
            }
            int cells = Math.max(1, ct.spikeTimesMs().size());
            for (int b = 0; b < nBins; b++) {
                t[b] = (b + 0.5) * binMs;
                rate[b] = rate[b] / cells / (binMs / 1000.0);
            }
            out.add(new ConditionPopulationRate(ct.condition(), t, rate));
        }
        return out;
    }

    /** Noise-free LIF f-I curve: tau 15 ms, refractory 2 ms, rheobase in pA; 0 below rheobase. */
    static double lifRate(double currentPa, double rheobasePa) {
        if (currentPa <= rheobasePa) {
            return 0;
        }
        return 1000.0 / (2.0 + 15.0 * Math.log(currentPa / (currentPa - rheobasePa)));
    }

    /** The noise-free curve averaged over Gaussian current noise of sd {@code noisePa}. */
    static double noisyRate(double currentPa, double rheobasePa, double noisePa) {
        double sum = 0;
        double wsum = 0;
        for (int k = -40; k <= 40; k++) {
            double z = k / 10.0;
            double w = Math.exp(-0.5 * z * z);
            sum += w * lifRate(currentPa + z * noisePa, rheobasePa);
            wsum += w;
        }
        return sum / wsum;
    }

    /**
     * f-I curves of both conditions: 13 simulated currents 0..300 pA with SEM, theory on a 2 pA grid
     * (NaN below 10 pA, where "the theory does not apply"), rheobase 80 pA (wild type) and 115 pA.
     */
    static List<FiCurve> fiCurves(long seed) {
        Random r = new Random(seed);
        List<FiCurve> out = new ArrayList<>();
        double[] rheobase = {80, 115};
        String[] names = {WT, MEIS1};
        for (int c = 0; c < 2; c++) {
            double[] current = new double[13];
            double[] rate = new double[13];
            double[] sem = new double[13];
            for (int k = 0; k < 13; k++) {
                current[k] = 25 * k;
                double mean = noisyRate(current[k], rheobase[c], 20);
                sem[k] = 0.5 + 0.03 * mean;
                rate[k] = Math.max(0, mean + sem[k] * r.nextGaussian());
            }
            int n = 151;
            double[] grid = new double[n];
            double[] theory = new double[n];
            double[] det = new double[n];
            for (int k = 0; k < n; k++) {
                grid[k] = 2.0 * k;
                theory[k] = grid[k] < 10 ? Double.NaN : noisyRate(grid[k], rheobase[c], 20);
                det[k] = lifRate(grid[k], rheobase[c]);
            }
            out.add(new FiCurve(names[c], current, rate, sem, grid, theory, det, rheobase[c]));
        }
        return out;
    }

    /** A validation suite of {@code n} cases, all passing except the indices in {@code failing}. */
    static List<ValidationPoint> validation(int n, long seed, int... failing) {
        Random r = new Random(seed);
        String[] quantities = {"rate", "CV", "mean V"};
        List<ValidationPoint> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double tol = i % 4 == 3 ? 0.02 : 0.005;
            double err = tol * 0.6 * (2 * r.nextDouble() - 1);
            boolean fail = false;
            for (int f : failing) {
                fail |= f == i;
            }
            if (fail) {
                err = tol * (1.6 + r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
            }
            double theory = 10 + 90 * r.nextDouble();
            out.add(new ValidationPoint("case-" + (i + 1) + (i % 2 == 0 ? " deterministic" : " white noise"),
                    quantities[i % 3], theory * (1 + err), theory, err, tol, !fail));
        }
        return out;
    }
}
