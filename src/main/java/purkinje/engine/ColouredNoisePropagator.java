package purkinje.engine;

/**
 * Exact one-step transition of the membrane driven by an Ornstein-Uhlenbeck noise current.
 *
 * <p>With x = I_noise / g_L (mV) and u = V - V_inf:
 * <pre>
 *   dx = -x / tau_s dt + sigma_x sqrt(2 / tau_s) dW      (OU current, std sigma_x)
 *   du = (-u + x) / tau_m dt
 * </pre>
 * a linear Gaussian system z' = Phi z + L n, n ~ N(0, I_2). Phi = exp(A h) and the noise covariance
 * Q = int_0^h exp(A s) G G^T exp(A s)^T ds are computed together by Van Loan's method (Van Loan
 * 1978, IEEE Trans Autom Control 23:395): exp([[-A, G G^T], [0, A^T]] h) = [[., F12], [0, F22]],
 * Phi = F22^T, Q = Phi F12; L is the Cholesky factor of Q. The matrix exponential holds for any
 * tau_s, including tau_s = tau_m where closed forms divide by zero. sigma_x is chosen so that the
 * free membrane potential has the user's standard deviation:
 * Var(V) = sigma_x^2 tau_s / (tau_m + tau_s) = sigma_v^2.
 */
record ColouredNoisePropagator(double pxx, double pux, double puu, double l11, double l21, double l22) {

    /** Standard deviation of x that gives the free membrane potential standard deviation sigma_v. */
    static double currentSigmaMv(double sigmaVMv, double tauMMs, double tauSMs) {
        return sigmaVMv * Math.sqrt((tauMMs + tauSMs) / tauSMs);
    }

    static ColouredNoisePropagator of(double tauMMs, double tauSMs, double sigmaVMv, double hMs) {
        double sigmaX = currentSigmaMv(sigmaVMv, tauMMs, tauSMs);
        double[][] a = {{-1 / tauSMs, 0}, {1 / tauMMs, -1 / tauMMs}};
        double g = sigmaX * Math.sqrt(2 / tauSMs);
        double[][] m = new double[4][4];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                m[i][j] = -a[i][j] * hMs;
                m[i + 2][j + 2] = a[j][i] * hMs;
            }
        }
        m[0][2] = g * g * hMs; // G G^T has only its (x, x) entry
        double[][] e = MatrixExponential.of(m);
        double[][] phi = {{e[2][2], e[3][2]}, {e[2][3], e[3][3]}}; // F22^T
        double[][] q = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                q[i][j] = phi[i][0] * e[0][j + 2] + phi[i][1] * e[1][j + 2];
            }
        }
        double l11 = Math.sqrt(Math.max(q[0][0], 0));
        double l21 = l11 > 0 ? 0.5 * (q[1][0] + q[0][1]) / l11 : 0;
        double l22 = Math.sqrt(Math.max(q[1][1] - l21 * l21, 0));
        return new ColouredNoisePropagator(phi[0][0], phi[1][0], phi[1][1], l11, l21, l22);
    }
}
