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
        return hMs <= tauSMs ? vanLoan(tauMMs, tauSMs, sigmaVMv, hMs) : fastNoise(tauMMs, tauSMs, sigmaVMv, hMs);
    }

    /**
     * The closed form for a step longer than the noise correlation time (h &gt; tau_s), where Van
     * Loan's block matrix holds exp(+h / tau_s) and its products cancel catastrophically (tau_s =
     * 0.001 ms at dt = 0.1 ms gave 310 Hz). With a = 1/tau_m, b = 1/tau_s (b &gt; 1/h &gt;= 10 a, since
     * dt &lt;= tau_m/10, so b - a does not cancel), g^2 = 2 sigma_x^2 b and E(k) = (1 - e^{-k h})/k:
     * <pre>
     *   pxx = e^{-b h},  puu = e^{-a h},  pux = a h e^{-a h} expm1(z)/z,  z = (a - b) h
     *   Qxx = sigma_x^2 (1 - e^{-2 b h})
     *   Qux = g^2 a/(b - a) (E(a + b) - E(2b))
     *   Quu = g^2 a^2/(b - a)^2 (E(2a) - 2 E(a + b) + E(2b))
     * </pre>
     * As tau_s -&gt; 0 these tend to white noise: pux sigma_x -&gt; 0 and Quu -&gt; sigma_v^2 (1 - e^{-2 a h}).
     */
    private static ColouredNoisePropagator fastNoise(double tauMMs, double tauSMs, double sigmaVMv, double hMs) {
        double a = 1 / tauMMs;
        double b = 1 / tauSMs;
        double sigmaX = currentSigmaMv(sigmaVMv, tauMMs, tauSMs);
        double g2 = 2 * sigmaX * sigmaX * b;
        double z = (a - b) * hMs;
        double pux = a * hMs * Math.exp(-a * hMs) * (Fdlibm.expm1(z) / z);
        double qxx = sigmaX * sigmaX * -Fdlibm.expm1(-2 * b * hMs);
        double qux = g2 * a / (b - a) * (relaxed(a + b, hMs) - relaxed(2 * b, hMs));
        double quu = g2 * a * a / ((b - a) * (b - a))
                * (relaxed(2 * a, hMs) - 2 * relaxed(a + b, hMs) + relaxed(2 * b, hMs));
        return cholesky(Math.exp(-b * hMs), pux, Math.exp(-a * hMs), qxx, qux, quu);
    }

    /** (1 - e^{-k h}) / k, without cancellation for small k h. */
    private static double relaxed(double k, double hMs) {
        return -Fdlibm.expm1(-k * hMs) / k;
    }

    private static ColouredNoisePropagator cholesky(double pxx, double pux, double puu, double qxx, double qux,
                                                    double quu) {
        double l11 = Math.sqrt(Math.max(qxx, 0));
        double l21 = l11 > 0 ? qux / l11 : 0;
        double l22 = Math.sqrt(Math.max(quu - l21 * l21, 0));
        return new ColouredNoisePropagator(pxx, pux, puu, l11, l21, l22);
    }

    /** Van Loan's method (class comment), accurate while h &lt;= tau_s. */
    static ColouredNoisePropagator vanLoan(double tauMMs, double tauSMs, double sigmaVMv, double hMs) {
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
        return cholesky(phi[0][0], phi[1][0], phi[1][1], q[0][0], 0.5 * (q[1][0] + q[0][1]), q[1][1]);
    }
}
