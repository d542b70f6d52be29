package purkinje.analysis.theory;

import org.apache.commons.math3.special.Erf;

/**
 * Stationary firing rate and ISI coefficient of variation of the leaky integrate-and-fire
 * neuron driven by Gaussian white noise,
 * {@code tau_m dV/dt = -(V - E_L) + mu + sigma sqrt(tau_m) xi(t)} (Brunel 2000 convention),
 * with {@code sigma = sqrt(2) sigma_V}, where {@code sigma_V} is the standard deviation of
 * the free (threshold-less) membrane potential.
 *
 * <p><b>Rate</b> (Siegert 1951, Phys Rev 81:617; Ricciardi 1977, <i>Diffusion Processes and
 * Related Topics in Biology</i>; Brunel 2000, J Comput Neurosci 8:183): with
 * {@code y_th = (V_th - E_L - mu)/sigma} and {@code y_r = (V_reset - E_L - mu)/sigma},
 * <pre>
 *   1/nu = t_ref + tau_m sqrt(pi) * Integral_{y_r}^{y_th} erfcx(-u) du,
 *   erfcx(-u) = e^{u^2} (1 + erf u).
 * </pre>
 *
 * <p><b>ISI CV</b> (Brunel 2000, appendix A.1; Tuckwell 1988):
 * <pre>
 *   CV^2 = 2 pi (nu tau_m)^2 Integral_{y_r}^{y_th} dx e^{x^2} Integral_{-inf}^{x} dy e^{y^2} (1 + erf y)^2.
 * </pre>
 *
 * <p><b>Numerics.</b> For {@code y_th > 0} the integrands grow like {@code e^{y_th^2}} (rate) and
 * {@code e^{2 y_th^2}} (CV), so both integrals are computed scaled by {@code e^{-S}} and
 * {@code e^{-2S}}, {@code S = y_th^2}, with all exponents formed as differences such as
 * {@code (u - y_th)(u + y_th)} before exponentiation. The inner CV integral is evaluated as
 * {@code K(x) = Integral_{-inf}^{x} exp(x^2 - y^2) erfcx(-y)^2 dy} (bounded by 1 for
 * {@code x <= 0}). Quadrature uses Commons Math's {@code IterativeLegendreGaussIntegrator}
 * on pieces matched to the local scale of the integrand (relative accuracy about 1e-12).
 * Far below threshold the rate is returned as {@code exp(-log T)}, which underflows to
 * exactly 0 (never NaN/Infinity) when the true rate is below the smallest double.
 */
public final class WhiteNoiseLif {

    static final double SQRT_PI = 1.7724538509055160273;

    /** J0 = K(0) = Integral_0^inf e^{-t^2} erfcx(t)^2 dt. */
    private static final double K_AT_ZERO = innerScaled(0.0);

    private WhiteNoiseLif() {
    }

    /**
     * Siegert firing rate for white-noise drive.
     *
     * @param cell cell parameters
     * @param muMv mean drive {@code mu = I/g_L} in mV (relative to E_L)
     * @param sigmaVMv standard deviation of the free membrane potential in mV (&gt;= 0);
     *     the white-noise amplitude is {@code sigma = sqrt(2) sigmaVMv}. 0 gives
     *     {@link DeterministicLif#rateHz}.
     * @return rate in Hz (finite, &gt;= 0)
     */
    public static double rateHz(LifTheoryCell cell, double muMv, double sigmaVMv) {
        checkDrive(muMv, sigmaVMv);
        if (sigmaVMv == 0.0) {
            return DeterministicLif.rateHz(cell, muMv);
        }
        double sigma = Math.sqrt(2.0) * sigmaVMv;
        return 1000.0 * rateKhz(cell.tauMs(), cell.tRefMs(),
                yBound(cell.resetAboveRestMv(), muMv, sigma), yBound(cell.thresholdAboveRestMv(), muMv, sigma));
    }

    /**
     * Coefficient of variation of the interspike intervals for white-noise drive.
     *
     * @param cell cell parameters
     * @param muMv mean drive in mV
     * @param sigmaVMv free-membrane standard deviation in mV (&gt;= 0)
     * @return the ISI CV; for {@code sigmaVMv = 0} it is 0 if the cell fires tonically
     *     ({@code mu > V_th - E_L}) and NaN (no intervals) if it is silent. Far below
     *     threshold it tends to 1 (Poisson firing).
     */
    public static double isiCv(LifTheoryCell cell, double muMv, double sigmaVMv) {
        checkDrive(muMv, sigmaVMv);
        if (sigmaVMv == 0.0) {
            return muMv > cell.thresholdAboveRestMv() ? 0.0 : Double.NaN;
        }
        double sigma = Math.sqrt(2.0) * sigmaVMv;
        return cv(cell.tauMs(), cell.tRefMs(),
                yBound(cell.resetAboveRestMv(), muMv, sigma), yBound(cell.thresholdAboveRestMv(), muMv, sigma));
    }

    static void checkDrive(double muMv, double sigmaVMv) {
        if (Double.isNaN(muMv)) {
            throw new IllegalArgumentException("mean drive mu must not be NaN");
        }
        if (!(sigmaVMv >= 0.0) || Double.isInfinite(sigmaVMv)) {
            throw new IllegalArgumentException(
                    "membrane-potential noise sigma_V must be non-negative and finite, got " + sigmaVMv + " mV");
        }
    }

    private static double yBound(double levelMv, double muMv, double sigma) {
        return (levelMv - muMv) / sigma;
    }

    /**
     * Rate in kHz (1/ms) for dimensionless bounds {@code y_r < y_th}.
     */
    static double rateKhz(double tauMs, double tRefMs, double yr, double yth) {
        double s = yth > 0.0 ? yth * yth : 0.0;
        double scaled = scaledRateIntegral(yr, yth);
        double passage = tauMs * SQRT_PI * scaled;
        if (passage == 0.0) {
            return 1.0 / tRefMs;
        }
        double logPassage = s + Math.log(passage);
        if (logPassage > 700.0) {
            // t_ref is negligible against exp(700) ms; exp(-logPassage) underflows to 0 gracefully
            return Math.exp(-logPassage);
        }
        return 1.0 / (tRefMs + passage * Math.exp(s));
    }

    /**
     * ISI CV for dimensionless bounds {@code y_r < y_th}:
     * {@code CV^2 = 2 pi Kint_s / (t_ref e^{-S}/tau_m + sqrt(pi) I_s)^2} with both integrals
     * scaled ({@code I = e^S I_s}, {@code Kint = e^{2S} Kint_s}).
     */
    static double cv(double tauMs, double tRefMs, double yr, double yth) {
        double s = yth > 0.0 ? yth * yth : 0.0;
        double scaledRate = scaledRateIntegral(yr, yth);
        double scaledCv = scaledCvIntegral(yr, yth);
        double denom = tRefMs * Math.exp(-s) / tauMs + SQRT_PI * scaledRate;
        return Math.sqrt(2.0 * Math.PI * scaledCv) / denom;
    }

    /**
     * {@code e^{-S} Integral_{y_r}^{y_th} erfcx(-u) du} with {@code S = max(y_th, 0)^2}.
     */
    static double scaledRateIntegral(double yr, double yth) {
        if (!(yth > yr)) {
            return 0.0;
        }
        double sum = 0.0;
        if (yth > 0.0) {
            // u = y_th - t: e^{u^2 - y_th^2}(1 + erf u) = exp(-t(2 y_th - t)) (2 - erfc(y_th - t))
            double length = yth - Math.max(yr, 0.0);
            sum += Quadrature.integrateFromPeak(
                    t -> Math.exp(-t * (2.0 * yth - t)) * (2.0 - Erf.erfc(yth - t)),
                    length, 1.0 / (1.0 + 2.0 * yth));
        }
        if (yr < 0.0) {
            double scale = yth > 0.0 ? Math.exp(-yth * yth) : 1.0;
            if (scale > 0.0) {
                // Integral_{yr}^{hi} erfcx(-u) du = Integral_{-hi}^{-yr} erfcx(v) dv
                double hi = Math.min(yth, 0.0);
                sum += scale * Quadrature.integrateGeometric(Erfcx::erfcx, -hi, -yr);
            }
        }
        return sum;
    }

    /**
     * {@code e^{-2S} Integral_{y_r}^{y_th} K(x) dx}, {@code K(x) = e^{x^2} Integral_{-inf}^x e^{y^2}(1+erf y)^2 dy}.
     */
    static double scaledCvIntegral(double yr, double yth) {
        if (!(yth > yr)) {
            return 0.0;
        }
        double sum = 0.0;
        if (yth > 0.0) {
            double length = yth - Math.max(yr, 0.0);
            sum += Quadrature.integrateFromPeak(t -> scaledK(yth - t, yth), length, 1.0 / (1.0 + 4.0 * yth),
                    Quadrature.OUTER_REL_ACC);
        }
        if (yr < 0.0) {
            double scale = yth > 0.0 ? Math.exp(-2.0 * yth * yth) : 1.0;
            if (scale > 0.0) {
                double hi = Math.min(yth, 0.0);
                sum += scale * Quadrature.integrateGeometric(v -> innerScaled(-v), -hi, -yr, Quadrature.OUTER_REL_ACC);
            }
        }
        return sum;
    }

    /**
     * {@code K(x)} for {@code x <= 0}:
     * {@code Integral_0^inf exp(-t(2|x| + t)) erfcx(|x| + t)^2 dt} (substituting {@code y = x - t}).
     */
    static double innerScaled(double x) {
        double ax = -x;
        return Quadrature.integrateFromPeak(t -> {
            double e = Erfcx.erfcx(ax + t);
            return Math.exp(-t * (2.0 * ax + t)) * e * e;
        }, Double.POSITIVE_INFINITY, 1.0 / (1.0 + 2.0 * ax));
    }

    /**
     * {@code e^{-2 b^2} K(x)} for {@code 0 < x <= b}:
     * {@code e^{x^2 - 2b^2} K(0) + e^{2(x-b)(x+b)} Integral_0^x exp(-t(2x - t)) (1 + erf(x - t))^2 dt}.
     */
    private static double scaledK(double x, double b) {
        if (x <= 0.0) {
            return Math.exp(-2.0 * b * b) * innerScaled(x);
        }
        double first = Math.exp(x * x - 2.0 * b * b) * K_AT_ZERO;
        double factor = Math.exp(2.0 * (x - b) * (x + b));
        if (factor == 0.0) {
            return first;
        }
        double inner = Quadrature.integrateFromPeak(t -> {
            double p = 2.0 - Erf.erfc(x - t);
            return Math.exp(-t * (2.0 * x - t)) * p * p;
        }, x, 1.0 / (1.0 + 2.0 * x));
        return first + factor * inner;
    }
}
