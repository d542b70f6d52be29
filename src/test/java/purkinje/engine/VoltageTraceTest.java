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

/**
 * The voltage trace is the membrane potential at every grid point k dt, not a value held over a
 * block of steps (issue 11, item 1: traces were a staircase of 256-step plateaus).
 */
public class VoltageTraceTest {

    /**
     * The closed-form V(t) of a noise-free LIF cell started at v0: relaxation to V_inf, spike at
     * V_th, V_reset for t_ref, relaxation again.
     */
    public static double closedFormMv(CellParameters cell, double v0, double tMs) {
        double vInf = cell.eLeakMv() + cell.muMv();
        double tau = cell.tauMs();
        double first = tau * Math.log((vInf - v0) / (vInf - cell.vThresholdMv()));
        if (tMs < first) {
            return vInf + (v0 - vInf) * Math.exp(-tMs / tau);
        }
        double period = cell.tRefMs() + tau * Math.log((vInf - cell.vResetMv()) / (vInf - cell.vThresholdMv()));
        double lastSpike = first + Math.floor((tMs - first) / period) * period;
        double sinceRelease = tMs - lastSpike - cell.tRefMs();
        return sinceRelease <= 0 ? cell.vResetMv() : vInf + (cell.vResetMv() - vInf) * Math.exp(-sinceRelease / tau);
    }

    @ParameterizedTest(name = "I = {0} pA, dt = {1} ms")
    @CsvSource({"10.3, 0.1", "20, 0.05", "50, 0.5"})
    void noiseFreeTraceIsTheClosedFormAtEverySample(double iPacePa, double dtMs) {
        CellParameters cell = new CellParameters(20, 47, -59, -43, -69, 1, iPacePa);
        Ensemble e = Ensemble.builder().addPopulationReturning(11, cell, new NoiseParameters(0, 0),
                Heterogeneity.NONE, 1);
        long steps = Math.round(400 / dtMs);
        EnsembleResult r = EnsembleSimulator.run(e,
                new SimulationSettings(dtMs, steps, 1, true, Set.of(0), (int) steps + 1));
        double[] v = r.voltageMv(0);
        assertEquals(steps + 1, v.length);
        assertTrue(r.spikeCount(0) >= 3, "the window holds several spikes and resets");
        int atReset = 0;
        for (int k = 0; k < v.length; k++) {
            double expected = closedFormMv(cell, v[0], k * dtMs);
            assertEquals(expected, v[k], 1e-8, "sample " + k + " at " + k * dtMs + " ms");
            if (v[k] == cell.vResetMv()) {
                atReset++;
            }
        }
        assertTrue(atReset >= r.spikeCount(0), "every spike shows as a reset in the trace");
    }

    /**
     * Below threshold the traced V of a noisy cell is an Ornstein-Uhlenbeck process sampled every
     * dt: x_k = V_k - V_inf is AR(1) with coefficient rho = exp(-dt/tau_m), innovations of variance
     * sigma_v^2 (1 - rho^2) and stationary variance sigma_v^2. Standard errors for N samples of an
     * AR(1): rho_hat (1 - rho^2)/N; the innovation variance 2 s^4 / N (independent innovations); the
     * stationary variance 2 sigma^4 (1 + rho^2) / ((1 - rho^2) N) per cell (cells independent).
     */
    @Test
    void noisyTraceHasTheOrnsteinUhlenbeckCorrelationAndVariance() {
        double dt = 0.1;
        double sigma = 2;
        CellParameters cell = new CellParameters(20, 47, -59, -35, -69, 1, 0); // V_inf = E_L, threshold 12 sigma away
        int cells = 20;
        int settle = 6000; // 600 ms = 12.8 tau_m: the uniform start (at most 34 mV off) has decayed to < 1e-4 mV
        int samples = 100_000;
        Set<Integer> traced = new HashSet<>();
        for (int c = 0; c < cells; c++) {
            traced.add(c);
        }
        Ensemble e = Ensemble.builder().addPopulationReturning(2026, cell, new NoiseParameters(sigma, 0),
                Heterogeneity.NONE, cells);
        EnsembleResult r = EnsembleSimulator.run(e,
                new SimulationSettings(dt, settle + samples, 2, false, traced, settle + samples + 1));
        double rho = Math.exp(-dt / cell.tauMs());
        double sxy = 0;
        double sxx = 0;
        double innovation2 = 0;
        double[] variancePerCell = new double[cells];
        long n = 0;
        for (int c = 0; c < cells; c++) {
            assertEquals(0, r.spikeCount(c), "precondition: the free membrane never reaches threshold");
            double[] v = r.voltageMv(c);
            double s2 = 0;
            for (int k = settle; k < settle + samples; k++) {
                double x = v[k] - cell.eLeakMv();
                double next = v[k + 1] - cell.eLeakMv();
                sxy += x * next;
                sxx += x * x;
                innovation2 += (next - rho * x) * (next - rho * x);
                s2 += x * x;
                n++;
            }
            variancePerCell[c] = s2 / samples;
        }
        double rhoHat = sxy / sxx;
        double rhoSe = Math.sqrt((1 - rho * rho) / n);
        assertEquals(rho, rhoHat, 4 * rhoSe, "lag-one correlation exp(-dt/tau_m)");

        double s2Innovation = sigma * sigma * (1 - rho * rho);
        assertEquals(s2Innovation, innovation2 / n, 4 * s2Innovation * Math.sqrt(2.0 / n),
                "one-step innovation variance sigma_v^2 (1 - exp(-2 dt/tau_m))");

        double variance = java.util.Arrays.stream(variancePerCell).average().orElseThrow();
        double varianceSe = Math.sqrt(2 * Math.pow(sigma, 4) * (1 + rho * rho) / ((1 - rho * rho) * n));
        assertEquals(sigma * sigma, variance, 4 * varianceSe, "stationary variance sigma_v^2");
    }
}
