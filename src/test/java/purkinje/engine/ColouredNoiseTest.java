package purkinje.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.NoiseParameters;

/** The exact (x, V) transition for Ornstein-Uhlenbeck current noise. */
class ColouredNoiseTest {

    @Test
    void vanLoanMatchesClosedFormForDistinctTimeConstants() {
        double tm = 20, ts = 5, sv = 3, h = 0.7;
        ColouredNoisePropagator p = ColouredNoisePropagator.of(tm, ts, sv, h);
        assertEquals(Math.exp(-h / ts), p.pxx(), 1e-14);
        assertEquals(Math.exp(-h / tm), p.puu(), 1e-14);
        // response of u to x0: ts/(ts-tm) (e^{-h/ts} - e^{-h/tm})
        assertEquals(ts / (ts - tm) * (Math.exp(-h / ts) - Math.exp(-h / tm)), p.pux(), 1e-14);
        double sx = ColouredNoisePropagator.currentSigmaMv(sv, tm, ts);
        // Var of x after h from 0: sx^2 (1 - e^{-2h/ts})
        assertEquals(sx * sx * -Math.expm1(-2 * h / ts), p.l11() * p.l11(), 1e-12);
    }

    @Test
    void equalTimeConstantsNeedNoSpecialCase() {
        ColouredNoisePropagator p = ColouredNoisePropagator.of(10, 10, 2, 0.1);
        // limit of the response: (h / tau) e^{-h/tau}
        assertEquals(0.01 * Math.exp(-0.01), p.pux(), 1e-14);
        assertTrue(Double.isFinite(p.l22()) && p.l22() > 0);
    }

    /**
     * For a step longer than tau_s the closed form takes over from Van Loan's method (whose block
     * matrix holds exp(h / tau_s)); where both are accurate (h = 2 tau_s: exp(4) costs two digits)
     * they agree.
     */
    @ParameterizedTest(name = "tau_s = {0} ms")
    @CsvSource({"0.05", "0.08"})
    void fastNoiseClosedFormAgreesWithVanLoan(double tauS) {
        ColouredNoisePropagator closed = ColouredNoisePropagator.of(20, tauS, 4, 0.1);
        ColouredNoisePropagator vanLoan = ColouredNoisePropagator.vanLoan(20, tauS, 4, 0.1);
        assertEquals(vanLoan.pxx(), closed.pxx(), 1e-12);
        assertEquals(vanLoan.pux(), closed.pux(), 1e-12);
        assertEquals(vanLoan.puu(), closed.puu(), 1e-12);
        assertEquals(vanLoan.l11(), closed.l11(), 1e-10 * vanLoan.l11());
        assertEquals(vanLoan.l21(), closed.l21(), 1e-10 * Math.abs(vanLoan.l21()));
        assertEquals(vanLoan.l22(), closed.l22(), 1e-10 * vanLoan.l22());
    }

    /**
     * As tau_s -&gt; 0 the OU propagator tends to that of white noise (issue 12: tau_s = 0.001 ms gave
     * 310 Hz): the current forgets itself within the step (pxx -&gt; 0), its deterministic push on V
     * vanishes (pux sigma_x ~ sigma_v sqrt(tau_s / tau_m)), and V's one-step variance tends to the
     * white-noise sigma_v^2 (1 - e^{-2h/tau_m}), with a relative difference of order tau_s / h.
     */
    @ParameterizedTest(name = "tau_s = {0} ms")
    @CsvSource({"1e-3", "1e-6", "1e-9"})
    void fastNoiseTendsToWhiteNoise(double tauS) {
        double tm = 20, sv = 4, h = 0.1;
        ColouredNoisePropagator p = ColouredNoisePropagator.of(tm, tauS, sv, h);
        assertEquals(Math.exp(-h / tm), p.puu(), 1e-15);
        assertTrue(p.pxx() < Math.exp(-99), "current decorrelated within the step");
        double push = p.pux() * ColouredNoisePropagator.currentSigmaMv(sv, tm, tauS);
        assertTrue(Math.abs(push) < 2 * sv * Math.sqrt(tauS / tm), "push of the current on V: " + push);
        double white = sv * sv * -Math.expm1(-2 * h / tm);
        double variance = p.l21() * p.l21() + p.l22() * p.l22() + push * push;
        assertEquals(white, variance, 3 * tauS / h * white, "one-step variance of V");
    }

    /**
     * Stationary std of the free membrane potential must be sigma_v for any noise tau. Sample variance
     * of n = 4000 independent cells has relative standard error sqrt(2/(n-1)) = 2.2 %; tolerance 4 SE.
     */
    @ParameterizedTest(name = "tau_noise = {0} ms")
    @CsvSource({"0.001", "1", "10", "47"})
    void freeMembraneVarianceIsSigmaV(double tauNoiseMs) {
        int n = 4000;
        // threshold far away: a free membrane; tau_m 10 ms, run 150 ms (15 tau_m) to forget the start
        CellParameters cell = new CellParameters(10, 10, -60, 1e3, -61, 1, 0);
        Ensemble e = Ensemble.builder().addPopulationReturning(3, cell, new NoiseParameters(2, tauNoiseMs),
                Heterogeneity.NONE, n);
        Set<Integer> all = new HashSet<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        long steps = 3000;
        EnsembleResult r = EnsembleSimulator.run(e, new SimulationSettings(0.1, steps, 2, false, all, (int) steps + 1));
        // start V is uniform on [-61, 1e4): let it relax; use only the last sample
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++) {
            double v = r.voltageMv(i)[(int) steps] + 60;
            sum += v;
            sum2 += v * v;
        }
        double mean = sum / n;
        double var = (sum2 - n * mean * mean) / (n - 1);
        assertEquals(4.0, var, 4 * 4.0 * Math.sqrt(2.0 / (n - 1)));
    }
}
