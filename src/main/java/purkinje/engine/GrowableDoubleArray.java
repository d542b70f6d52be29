package purkinje.engine;

import java.util.Arrays;

/** A primitive double list: spike times without boxing. */
final class GrowableDoubleArray {
    private double[] values = new double[16];
    private int size;

    void add(double v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
