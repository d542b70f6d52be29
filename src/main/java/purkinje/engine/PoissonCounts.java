package purkinje.engine;

/**
 * The number of Poisson events in one step, by inversion of its distribution function from one
 * uniform u: the smallest n with u &lt; F(n). One draw per step whatever the count, so every cell
 * takes a fixed number of random numbers per step. F is tabulated once per mean (mean = N r dt,
 * the summed rate of all synapses of an input over a step) up to where 1 - F &lt; 2^-40; the rare
 * u beyond the table (probability below 2^-40) continues the recursion p(n) = p(n - 1) mean / n,
 * so every count is exact. Only StrictMath.exp and IEEE arithmetic: the same table on every JVM.
 *
 * <p>Means above {@link #MAX_TABULATED_MEAN} (e^-mean underflows) are not tabulated; the caller
 * draws those counts with a sampler of the input's own stream instead.
 */
final class PoissonCounts {
    /** Largest mean tabulated: e^-700 is still a normal double. */
    static final double MAX_TABULATED_MEAN = 700;
    private static final double TAIL = 0x1.0p-40;

    private final double mean;
    private final double[] cdf;

    PoissonCounts(double mean) {
        if (!(mean >= 0 && mean <= MAX_TABULATED_MEAN)) {
            throw new IllegalArgumentException("Poisson mean per step " + mean + " is not tabulated");
        }
        this.mean = mean;
        double p = StrictMath.exp(-mean);
        double sum = p;
        double[] table = new double[16];
        table[0] = sum;
        int n = 0;
        while (1 - sum >= TAIL && n < 100_000) {
            n++;
            p = p * mean / n;
            sum += p;
            if (n == table.length) {
                table = java.util.Arrays.copyOf(table, 2 * n);
            }
            table[n] = sum;
        }
        cdf = java.util.Arrays.copyOf(table, n + 1);
    }

    /** Entries of the table F(0), F(1), ... */
    int tableSize() {
        return cdf.length;
    }

    /** F(k), k &lt; {@link #tableSize()}. */
    double cdf(int k) {
        return cdf[k];
    }

    /** The count for the uniform {@code u} in (0, 1). */
    int count(double u) {
        if (u < cdf[0]) {
            return 0; // the common case for small means
        }
        int lo = 0;
        int hi = cdf.length - 1;
        if (u >= cdf[hi]) {
            return beyondTable(u);
        }
        while (hi - lo > 1) { // cdf[lo] <= u < cdf[hi]
            int mid = (lo + hi) >>> 1;
            if (u < cdf[mid]) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private int beyondTable(double u) {
        int n = cdf.length - 1;
        double sum = cdf[n];
        double p = StrictMath.exp(-mean);
        for (int k = 1; k <= n; k++) {
            p = p * mean / k;
        }
        while (u >= sum && p > 0) {
            n++;
            p = p * mean / n;
            sum += p;
        }
        return n;
    }
}
