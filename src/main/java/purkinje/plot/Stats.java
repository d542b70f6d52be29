package purkinje.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Small numeric helpers for the figures (package-private). */
final class Stats {

    private Stats() {
    }

    /** Finite values of {@code values}, sorted ascending. */
    static double[] finiteSorted(double[] values) {
        double[] out = Arrays.stream(values).filter(Double::isFinite).toArray();
        Arrays.sort(out);
        return out;
    }

    /** Quantile with linear interpolation (R type 7) of already sorted data; NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Deterministic, evenly spread jitter in [-1, 1] for item k (golden-ratio sequence). */
    static double jitter(int k) {
        double f = (k * 0.6180339887498949 + 0.5) % 1.0;
        return 2 * f - 1;
    }

    /** Condition names made unique (JFreeChart series keys must differ), preserving order. */
    static List<String> uniqueKeys(List<String> names) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            String key = name == null || name.isBlank() ? "Condition " + (out.size() + 1) : name;
            String candidate = key;
            int n = 2;
            while (!seen.add(candidate)) {
                candidate = key + " (" + n++ + ")";
            }
            out.add(candidate);
        }
        return out;
    }
}
