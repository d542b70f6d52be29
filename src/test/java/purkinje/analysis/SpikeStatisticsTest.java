package purkinje.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterExponentialSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class SpikeStatisticsTest {

    private static final double EPS = 1e-12;

    /** Spikes at 0, 10, 30, 60 ms in [0, 100): ISIs 10, 20, 30. */
    @Test
    void handComputedSmallTrain() {
        CellStatistics s = SpikeStatistics.of(new double[] {0, 10, 30, 60}, 0, 100);
        assertEquals(4, s.nSpikes());
        assertEquals(40.0, s.rateHz(), EPS);                  // 4 spikes / 0.1 s
        assertEquals(20.0, s.isiMeanMs(), EPS);                // (10+20+30)/3
        assertEquals(Math.sqrt(200.0 / 3.0), s.isiSdMs(), EPS); // (100+0+100)/3, ddof 0 -> 8.16497
        assertEquals(Math.sqrt(200.0 / 3.0) / 20.0, s.cv(), EPS); // 0.408248
        // CV2: (2*10/30 + 2*10/50) / 2 = (0.6667 + 0.4) / 2 = 0.53333
        assertEquals((2.0 / 3.0 + 0.4) / 2.0, s.cv2(), EPS);
        // LV: 3/2 * ((10/30)^2 + (10/50)^2) = 1.5 * (1/9 + 1/25) = 0.226667
        assertEquals(1.5 * (1.0 / 9.0 + 1.0 / 25.0), s.lv(), EPS);
    }

    @Test
    void spikesOutsideWindowAreIgnored() {
        CellStatistics s = SpikeStatistics.of(new double[] {-5, 0, 10, 30, 60, 100, 120}, 0, 100);
        assertEquals(SpikeStatistics.of(new double[] {0, 10, 30, 60}, 0, 100), s);
    }

    @Test
    void regularTrainHasZeroVariability() {
        double[] t = new double[101];
        for (int i = 0; i < t.length; i++) {
            t[i] = 12.5 * i; // exactly representable, 80 Hz
        }
        CellStatistics s = SpikeStatistics.of(t, 0, 1262.5);
        assertEquals(80.0, s.rateHz(), 1e-9);
        assertEquals(12.5, s.isiMeanMs(), EPS);
        assertEquals(0.0, s.isiSdMs(), 0.0);
        assertEquals(0.0, s.cv(), 0.0);
        assertEquals(0.0, s.cv2(), 0.0);
        assertEquals(0.0, s.lv(), 0.0);
        // counts in 100 ms windows are all 8 -> variance 0 -> Fano 0
        assertEquals(0.0, SpikeStatistics.fanoFactor(t, 0, 1200, 100), 0.0);
    }

    /**
     * Poisson process, rate 50 Hz, 400 s (about 20000 spikes, m ISIs), fixed seed. Standard errors
     * at the Poisson value 1:
     * <ul>
     * <li>CV: delta method for sd/mean of an exponential (mu3 = 2, mu4 = 9 in units of the mean)
     *     gives Var = (1/m)[(mu4 - 1)/4 - mu3 + 1] = 1/m, SE = 1/sqrt(m) ~ 0.0071.</li>
     * <li>CV2: each term 2|a-b|/(a+b) = 2U with U ~ Uniform(0,1) for iid exponentials, variance
     *     1/3; terms are 1-dependent, so Var(mean) &lt;= 3 * (1/3) / m, SE &lt;= 1/sqrt(m).</li>
     * <li>LV: each term 3 W^2 with W ~ Uniform(-1,1), variance 9 * 4/45 = 0.8; 1-dependent, so
     *     SE &lt;= sqrt(2.4 / m) ~ 0.011.</li>
     * <li>Fano: k = 4000 windows of 100 ms, SE ~ sqrt(2/(k-1)) ~ 0.022.</li>
     * <li>Rate: count ~ Poisson(20000), SE = 50 / sqrt(20000) Hz ~ 0.35 Hz.</li>
     * </ul>
     * Each check allows 4 SE. A wrong ddof would not be caught at this n, but a missing factor 3 in
     * LV (-&gt; 1/3) or 2 in CV2 (-&gt; 1/2) would.
     */
    @Test
    void poissonTrainHasUnitVariability() {
        double[] t = poissonTrain(50.0, 400_000.0, 20240611L);
        int m = t.length - 1;
        assertTrue(m > 19_000 && m < 21_000, "about 20000 spikes, got " + t.length);
        CellStatistics s = SpikeStatistics.of(t, 0, 400_000.0);
        assertEquals(50.0, s.rateHz(), 4 * 50.0 / Math.sqrt(20_000));
        assertEquals(20.0, s.isiMeanMs(), 4 * 20.0 / Math.sqrt(m));
        assertEquals(1.0, s.cv(), 4 / Math.sqrt(m));
        assertEquals(1.0, s.cv2(), 4 / Math.sqrt(m));
        assertEquals(1.0, s.lv(), 4 * Math.sqrt(2.4 / m));
        assertEquals(1.0, SpikeStatistics.fanoFactor(t, 0, 400_000.0, 100.0), 4 * Math.sqrt(2.0 / 3999));
    }

    @Test
    void tooFewSpikesGiveNaNNotExceptions() {
        CellStatistics zero = SpikeStatistics.of(new double[0], 0, 100);
        assertEquals(0, zero.nSpikes());
        assertEquals(0.0, zero.rateHz(), 0.0);
        assertAllNaN(zero.isiMeanMs(), zero.isiSdMs(), zero.cv(), zero.cv2(), zero.lv());

        CellStatistics one = SpikeStatistics.of(new double[] {50}, 0, 100);
        assertEquals(1, one.nSpikes());
        assertEquals(10.0, one.rateHz(), EPS);
        assertAllNaN(one.isiMeanMs(), one.isiSdMs(), one.cv(), one.cv2(), one.lv());

        CellStatistics two = SpikeStatistics.of(new double[] {20, 50}, 0, 100);
        assertEquals(20.0, two.rateHz(), EPS);
        assertEquals(30.0, two.isiMeanMs(), EPS);
        assertAllNaN(two.isiSdMs(), two.cv(), two.cv2(), two.lv());

        CellStatistics three = SpikeStatistics.of(new double[] {20, 50, 60}, 0, 100);
        assertEquals(Math.sqrt(100.0), three.isiSdMs(), EPS); // ISIs 30, 10
        assertEquals(0.5, three.cv(), EPS);
        assertEquals(1.0, three.cv2(), EPS);    // 2*20/40
        assertEquals(0.75, three.lv(), EPS);    // 3 * (20/40)^2

        assertEquals(0, SpikeStatistics.interspikeIntervalsMs(new double[] {5}).length);
        assertAllNaN(SpikeStatistics.fanoFactor(new double[] {1, 2}, 0, 150, 100)); // 1 window
        assertAllNaN(SpikeStatistics.fanoFactor(new double[0], 0, 1000, 100));      // zero mean
    }

    @Test
    void ofAgreesWithFromAccumulatedComputedByTwoPassSums() {
        double[] t = poissonTrain(80.0, 5_000.0, 7L);
        double[] isi = SpikeStatistics.interspikeIntervalsMs(t);
        int m = isi.length;
        double mean = 0;
        for (double v : isi) {
            mean += v;
        }
        mean /= m;
        double ss = 0;
        for (double v : isi) {
            ss += (v - mean) * (v - mean);
        }
        double cv2Sum = 0;
        double lvSum = 0;
        for (int i = 0; i + 1 < m; i++) {
            cv2Sum += 2 * Math.abs(isi[i + 1] - isi[i]) / (isi[i + 1] + isi[i]);
            double r = (isi[i] - isi[i + 1]) / (isi[i] + isi[i + 1]);
            lvSum += r * r;
        }
        CellStatistics acc = SpikeStatistics.fromAccumulated(t.length, 5_000.0, m, mean, ss,
                cv2Sum, m - 1, lvSum, m - 1);
        CellStatistics ref = SpikeStatistics.of(t, 0, 5_000.0);
        assertEquals(acc.nSpikes(), ref.nSpikes());
        assertEquals(acc.rateHz(), ref.rateHz(), 0.0);
        assertEquals(acc.isiMeanMs(), ref.isiMeanMs(), 1e-12 * acc.isiMeanMs());
        assertEquals(acc.isiSdMs(), ref.isiSdMs(), 1e-10 * acc.isiSdMs());
        assertEquals(acc.cv(), ref.cv(), 1e-10);
        assertEquals(acc.cv2(), ref.cv2(), 1e-12);
        assertEquals(acc.lv(), ref.lv(), 1e-12);

        // the engine-side accumulator is exactly what of() uses
        SpikeTrainAccumulator online = new SpikeTrainAccumulator();
        for (double v : t) {
            online.addSpike(v);
        }
        assertEquals(ref, online.toCellStatistics(5_000.0));
        assertEquals(m - 1, online.cv2Terms());
        assertEquals(m - 1, online.lvTerms());
    }

    @Test
    void fanoFactorHandComputed() {
        // windows of 10 ms over [0, 40): counts 1, 3, 0, 2 -> mean 1.5,
        // sample variance (0.25 + 2.25 + 2.25 + 0.25) / 3 = 5/3, Fano = (5/3) / 1.5 = 10/9
        double[] t = {5, 11, 12, 13, 30, 35, 40, 41};
        assertEquals(10.0 / 9.0, SpikeStatistics.fanoFactor(t, 0, 40, 10), EPS);
        // a trailing partial window [40, 45) is discarded
        assertEquals(10.0 / 9.0, SpikeStatistics.fanoFactor(t, 0, 45, 10), EPS);
    }

    @Test
    void interspikeIntervals() {
        assertArrayEquals(new double[] {10, 20, 30},
                SpikeStatistics.interspikeIntervalsMs(new double[] {0, 10, 30, 60}), EPS);
    }

    @Test
    void invalidInputThrows() {
        assertThrows(IllegalArgumentException.class,
                () -> SpikeStatistics.of(new double[] {10, 5}, 0, 100));
        assertThrows(IllegalArgumentException.class,
                () -> SpikeStatistics.of(new double[] {1}, 100, 100));
        assertThrows(IllegalArgumentException.class,
                () -> SpikeStatistics.fanoFactor(new double[] {1}, 0, 100, 0));
    }

    static double[] poissonTrain(double rateHz, double durationMs, long seed) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        ContinuousSampler isi = AhrensDieterExponentialSampler.of(rng, 1000.0 / rateHz);
        double[] buf = new double[(int) (rateHz * durationMs / 1000.0 * 1.5) + 16];
        int n = 0;
        double t = isi.sample();
        while (t < durationMs) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, 2 * n);
            }
            buf[n++] = t;
            t += isi.sample();
        }
        return java.util.Arrays.copyOf(buf, n);
    }

    private static void assertAllNaN(double... values) {
        for (double v : values) {
            assertTrue(Double.isNaN(v), "expected NaN, got " + v);
        }
    }
}
