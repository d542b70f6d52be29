package purkinje.engine;

/**
 * exp(M) of a small dense matrix by scaling and squaring with a Taylor series (Moler and Van Loan
 * 2003, "Nineteen dubious ways", method 3): scale M by 2^-s until its norm is below 1/2, sum the
 * series to machine precision, square s times. Used once per parameter set and step length, so
 * clarity beats speed here.
 */
final class MatrixExponential {
    private MatrixExponential() {
    }

    static double[][] of(double[][] m) {
        int n = m.length;
        double norm = 0;
        for (double[] row : m) {
            double sum = 0;
            for (double x : row) {
                sum += Math.abs(x);
            }
            norm = Math.max(norm, sum);
        }
        int squarings = Math.max(0, Math.getExponent(norm) + 2);
        double scale = Math.scalb(1.0, -squarings);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = m[i][j] * scale;
            }
        }
        double[][] result = identity(n);
        double[][] term = identity(n);
        for (int k = 1; k <= 30; k++) {
            term = multiply(term, a);
            double termNorm = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    term[i][j] /= k;
                    result[i][j] += term[i][j];
                    termNorm = Math.max(termNorm, Math.abs(term[i][j]));
                }
            }
            if (termNorm < 1e-18) {
                break;
            }
        }
        for (int s = 0; s < squarings; s++) {
            result = multiply(result, result);
        }
        return result;
    }

    private static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double xik = x[i][k];
                for (int j = 0; j < n; j++) {
                    r[i][j] += xik * y[k][j];
                }
            }
        }
        return r;
    }
}
