package purkinje.analysis.theory;

/**
 * The white-noise ISI CV of {@link WhiteNoiseLif#isiCv} (Brunel 2000, appendix A.1) from a table,
 * for likelihood fits that need thousands of CVs (one direct evaluation is a nested quadrature of
 * about 10 ms; a table look-up costs one rate evaluation).
 *
 * <p><b>Formula.</b> The CV's double integral is a difference of one antiderivative:
 * <pre>
 *   CV^2 = 2 pi (nu tau_m)^2 [G(y_th) - G(y_r)],   G(y) = Integral_{-inf}^{y} K(x) dx,
 *   K(x) = e^{x^2} Integral_{-inf}^{x} e^{t^2} (1 + erf t)^2 dt = Integral_{-inf}^{x} e^{x^2 - t^2} erfcx(-t)^2 dt,
 * </pre>
 * with the bounds {@code y} and the rate {@code nu} of {@link WhiteNoiseLif}. {@code G} does not
 * depend on the cell, so it is tabulated once (a few milliseconds) at nodes {@code y_k} spaced
 * {@value #STEP} from {@value #Y_MIN} to {@value #Y_MAX}, by the exact recurrences
 * <pre>
 *   K(y_k+1) = e^{y_k+1^2 - y_k^2} K(y_k) + Integral_{y_k}^{y_k+1} e^{y_k+1^2 - t^2} erfcx(-t)^2 dt,
 *   G(y_k+1) = G(y_k) + Integral_{y_k}^{y_k+1} K(t) dt,
 * </pre>
 * each integral by 5-point Gauss-Legendre quadrature (every exponent is a difference, so nothing
 * overflows). {@code ln G} is interpolated by cubic Hermite polynomials with the exact slope
 * {@code K/G}. Below {@code Y_MIN} the asymptotic series is used: with {@code a = -y},
 * {@code K = (1 - 5/(2a^2) + 8/a^4) / (2 pi a^3)} (from
 * {@code erfcx(z) ~ (1 - 1/(2z^2) + 3/(4z^4)) / (z sqrt(pi))}), so
 * {@code G = (1 - 5/(4a^2) + 8/(3a^4)) / (4 pi a^2)}, relative error about 30/a^6 (4e-8 at
 * {@code Y_MIN}; the error of the starting K decays as {@code e^{y^2 - Y_MIN^2}} along the
 * recurrence). A threshold bound outside the table falls back to {@link WhiteNoiseLif#isiCv}.
 * The unit tests hold the two to a relative difference below 1e-6.
 */
public final class TabulatedIsiCv {
    /** Lowest tabulated bound. */
    static final double Y_MIN = -30;
    /** Highest tabulated bound (the rate there is about e^-36 of a suprathreshold rate). */
    static final double Y_MAX = 6;
    /** Node spacing. */
    static final double STEP = 0.02;

    private static final double[] GL_X = {-0.9061798459386640, -0.5384693101056831, 0.0, 0.5384693101056831,
        0.9061798459386640};
    private static final double[] GL_W = {0.2369268850561891, 0.4786286704993665, 0.5688888888888889,
        0.4786286704993665, 0.2369268850561891};

    private TabulatedIsiCv() {
    }

    /** The table, built on first use. */
    private static final class Table {
        static final int N = (int) Math.round((Y_MAX - Y_MIN) / STEP) + 1;
        static final double[] LN_G = new double[N];
        static final double[] SLOPE = new double[N];

        static {
            double k = asymptoticK(Y_MIN);
            double g = asymptoticG(Y_MIN);
            for (int i = 0; i < N; i++) {
                double y = node(i);
                if (i > 0) {
                    double a = node(i - 1);
                    double kStart = k;
                    double integral = 0;
                    for (int j = 0; j < GL_X.length; j++) {
                        double t = a + 0.5 * (y - a) * (1 + GL_X[j]);
                        integral += GL_W[j] * kAt(a, kStart, t);
                    }
                    g += 0.5 * (y - a) * integral;
                    k = kAt(a, kStart, y);
                }
                LN_G[i] = Math.log(g);
                SLOPE[i] = k / g;
            }
        }

        static double node(int i) {
            return Y_MIN + i * STEP;
        }

        /** K(t) from K(a) = kA for a &lt;= t within one step. */
        static double kAt(double a, double kA, double t) {
            double source = 0;
            for (int j = 0; j < GL_X.length; j++) {
                double s = a + 0.5 * (t - a) * (1 + GL_X[j]);
                double e = Erfcx.erfcx(-s);
                source += GL_W[j] * Math.exp((t - s) * (t + s)) * e * e;
            }
            return Math.exp((t - a) * (t + a)) * kA + 0.5 * (t - a) * source;
        }
    }

    /** {@code K(y)} for {@code y <= Y_MIN} by the asymptotic series of the class documentation. */
    static double asymptoticK(double y) {
        double a2 = y * y;
        return (1 - 5 / (2 * a2) + 8 / (a2 * a2)) / (2 * Math.PI * a2 * -y);
    }

    /** {@code G(y)} for {@code y <= Y_MIN} by the asymptotic series of the class documentation. */
    static double asymptoticG(double y) {
        double a2 = y * y;
        return (1 - 5 / (4 * a2) + 8 / (3 * a2 * a2)) / (4 * Math.PI * a2);
    }

    /** {@code ln G(y)}: the table within it, the asymptotic series below it. */
    static double lnG(double y) {
        if (y < Y_MIN) {
            return Math.log(asymptoticG(y));
        }
        double u = (y - Y_MIN) / STEP;
        int i = Math.min(Math.max((int) Math.floor(u), 0), Table.N - 2);
        double t = u - i;
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * Table.LN_G[i] + (t3 - 2 * t2 + t) * STEP * Table.SLOPE[i]
                + (-2 * t3 + 3 * t2) * Table.LN_G[i + 1] + (t3 - t2) * STEP * Table.SLOPE[i + 1];
    }

    /**
     * ISI coefficient of variation for white-noise drive; same arguments and result as
     * {@link WhiteNoiseLif#isiCv}.
     */
    public static double isiCv(LifTheoryCell cell, double muMv, double sigmaVMv) {
        WhiteNoiseLif.checkDrive(muMv, sigmaVMv);
        if (sigmaVMv == 0.0) {
            return WhiteNoiseLif.isiCv(cell, muMv, sigmaVMv);
        }
        double sigma = Math.sqrt(2.0) * sigmaVMv;
        double yth = (cell.thresholdAboveRestMv() - muMv) / sigma;
        double yr = (cell.resetAboveRestMv() - muMv) / sigma;
        if (!(yth <= Y_MAX) || !(yth >= Y_MIN)) {
            return WhiteNoiseLif.isiCv(cell, muMv, sigmaVMv);
        }
        double nuTau = WhiteNoiseLif.rateKhz(cell.tauMs(), cell.tRefMs(), yr, yth) * cell.tauMs();
        double lnGth = lnG(yth);
        // G(y_th) - G(y_r) = G(y_th) (1 - exp(ln G(y_r) - ln G(y_th))), without cancellation
        double difference = -Math.expm1(lnG(yr) - lnGth);
        return nuTau * Math.sqrt(2 * Math.PI * difference) * Math.exp(0.5 * lnGth);
    }
}
