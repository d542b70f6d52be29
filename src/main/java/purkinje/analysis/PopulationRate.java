package purkinje.analysis;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.special.Erf;

/**
 * Population-averaged instantaneous firing rate of a group of cells (spikes per second per cell).
 * Spikes outside {@code [tStartMs, tStopMs)} are ignored. Both estimators return the mean rate of
 * one cell of the population, so a population of independent Poisson cells of rate r gives r
 * (the kernel estimate up to the window's edges too: it is edge-corrected).
 */
public final class PopulationRate {

    private PopulationRate() {
    }

    /**
     * A sampled rate time course.
     *
     * @param timeMs sample times (ms)
     * @param rateHz population-average rate at each sample time (Hz per cell)
     */
    public record Series(double[] timeMs, double[] rateHz) {
        /**
         * Makes defensive copies; the arrays must have equal length.
         *
         * @param timeMs sample times (ms)
         * @param rateHz rates (Hz)
         */
        public Series {
            Objects.requireNonNull(timeMs, "timeMs");
            Objects.requireNonNull(rateHz, "rateHz");
            if (timeMs.length != rateHz.length) {
                throw new IllegalArgumentException("timeMs and rateHz lengths differ");
            }
            timeMs = timeMs.clone();
            rateHz = rateHz.clone();
        }

        /** @return a copy of the sample times (ms) */
        @Override
        public double[] timeMs() {
            return timeMs.clone();
        }

        /** @return a copy of the rates (Hz) */
        @Override
        public double[] rateHz() {
            return rateHz.clone();
        }

        /** @return number of samples */
        public int size() {
            return timeMs.length;
        }

        /** Value equality on the array contents. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Series other
                    && java.util.Arrays.equals(timeMs, other.timeMs)
                    && java.util.Arrays.equals(rateHz, other.rateHz);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(timeMs) + java.util.Arrays.hashCode(rateHz);
        }

        @Override
        public String toString() {
            return "Series[n=" + timeMs.length + "]";
        }
    }

    /**
     * Peri-stimulus-time-histogram style rate: whole bins {@code [tStart + j*bin, tStart + (j+1)*bin)}
     * (a trailing partial bin is discarded), {@code rate_j = count_j / (nCells * binMs / 1000)},
     * reported at bin centres {@code tStart + (j + 1/2) bin}. For a Poisson population the count
     * in a bin is Poisson, so the relative SE of a bin is {@code 1/sqrt(count_j)}.
     *
     * @param trainsMs one sorted spike train (ms) per cell; an empty list gives NaN rates
     * @param tStartMs window start (ms)
     * @param tStopMs  window stop (ms)
     * @param binMs    bin width (ms, &gt; 0)
     * @return the histogram rate; zero samples if the window is shorter than one bin
     */
    public static Series histogram(List<double[]> trainsMs, double tStartMs, double tStopMs,
                                   double binMs) {
        Objects.requireNonNull(trainsMs, "trainsMs");
        SpikeStatistics.checkWindow(tStartMs, tStopMs);
        checkPositive(binMs, "binMs");
        int nBins = SpikeStatistics.wholeBins(tStopMs - tStartMs, binMs);
        long[] counts = new long[nBins];
        for (double[] train : trainsMs) {
            SpikeStatistics.checkTrain(train);
            for (double t : train) {
                if (t < tStartMs) {
                    continue;
                }
                int j = (int) Math.floor((t - tStartMs) / binMs);
                if (j >= nBins || t >= tStopMs) {
                    break;
                }
                counts[j]++;
            }
        }
        double norm = trainsMs.size() * binMs / 1000.0;
        double[] time = new double[nBins];
        double[] rate = new double[nBins];
        for (int j = 0; j < nBins; j++) {
            time[j] = tStartMs + (j + 0.5) * binMs;
            rate[j] = counts[j] / norm;
        }
        return new Series(time, rate);
    }

    /**
     * Kernel-smoothed rate with a unit-area Gaussian kernel
     * {@code K(u) = exp(-u^2 / (2 sigma^2)) / (sigma sqrt(2 pi))}, corrected at the window edges:
     * <pre>
     *   rate(t) = 1000 / nCells * sum_cells sum_spikes K(t - t_s) / M(t)   (Hz),
     *   M(t)    = Phi((tStop - t) / sigma) - Phi((tStart - t) / sigma)
     * </pre>
     * where M(t) is the part of the kernel's mass that lies inside the window (Phi the standard
     * normal distribution function). Without the division the rate would fall to half at the edges,
     * because no spikes are seen outside the window; with it a homogeneous population reads its rate
     * up to both edges (with a noise there about sqrt(2) larger, as only half a kernel of spikes is
     * averaged). This is Elephant's {@code instantaneous_rate(..., border_correction=True)}
     * (Nawrot, Aertsen &amp; Rotter 1999, J Neurosci Methods 94:81). Sampled at
     * {@code t_k = tStart + k * step} for all {@code t_k <= tStop}. The kernel is truncated at
     * {@code |u| > 6 sigma} (neglected mass 2e-9).
     *
     * @param trainsMs     one sorted spike train (ms) per cell; an empty list gives NaN rates
     * @param tStartMs     window start (ms)
     * @param tStopMs      window stop (ms)
     * @param sigmaMs      kernel standard deviation (ms, &gt; 0)
     * @param sampleStepMs spacing of the output samples (ms, &gt; 0)
     * @return the smoothed, edge-corrected rate
     */
    public static Series gaussianKernel(List<double[]> trainsMs, double tStartMs, double tStopMs,
                                        double sigmaMs, double sampleStepMs) {
        Objects.requireNonNull(trainsMs, "trainsMs");
        SpikeStatistics.checkWindow(tStartMs, tStopMs);
        checkPositive(sigmaMs, "sigmaMs");
        checkPositive(sampleStepMs, "sampleStepMs");
        double ratio = (tStopMs - tStartMs) / sampleStepMs;
        // floor with a relative tolerance, so that a window of whole steps includes tStop itself
        long nLong = (long) Math.floor(ratio * (1 + 1e-12) + 1e-12) + 1;
        if (nLong > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many samples: " + nLong);
        }
        int n = (int) Math.max(nLong, 0);
        double[] time = new double[n];
        for (int k = 0; k < n; k++) {
            time[k] = Math.min(tStartMs + k * sampleStepMs, tStopMs);
        }
        double[] rate = new double[n];
        double cutoff = 6.0 * sigmaMs;
        double twoSigma2 = 2.0 * sigmaMs * sigmaMs;
        double peak = 1.0 / (sigmaMs * Math.sqrt(2.0 * Math.PI));
        for (double[] train : trainsMs) {
            SpikeStatistics.checkTrain(train);
            for (double s : train) {
                if (s < tStartMs) {
                    continue;
                }
                if (s >= tStopMs) {
                    break;
                }
                int kLo = (int) Math.max(0, Math.ceil((s - cutoff - tStartMs) / sampleStepMs));
                int kHi = (int) Math.min(n - 1, Math.floor((s + cutoff - tStartMs) / sampleStepMs));
                for (int k = kLo; k <= kHi; k++) {
                    double u = time[k] - s;
                    rate[k] += peak * Math.exp(-u * u / twoSigma2);
                }
            }
        }
        double scale = 1000.0 / trainsMs.size();
        double sqrt2Sigma = Math.sqrt(2.0) * sigmaMs;
        for (int k = 0; k < n; k++) {
            double massInside = 0.5 * (Erf.erf((tStartMs - time[k]) / sqrt2Sigma, (tStopMs - time[k]) / sqrt2Sigma));
            rate[k] *= scale / massInside;
        }
        return new Series(time, rate);
    }

    private static void checkPositive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + v);
        }
    }
}
