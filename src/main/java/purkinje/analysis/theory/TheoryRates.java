package purkinje.analysis.theory;

import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.Inputs;
import purkinje.model.PoissonInput;
import purkinje.model.NoiseParameters;

/**
 * The closed-form predictions for a model cell with the configured noise and synaptic inputs, the
 * one place every command takes its theory from (bench, fi, sweep, validate, reports):
 * deterministic f-I without noise, Siegert (Brunel 2000) with white noise, Fourcaud-Brunel (2002)
 * with Ornstein-Uhlenbeck current noise, and Poisson inputs by the diffusion approximation. They
 * hold for identical cells; with heterogeneity they describe the nominal cell, not the population
 * mean ({@link #identicalCellsRateHz} says NaN there).
 */
public final class TheoryRates {
    private TheoryRates() {
    }

    public static LifTheoryCell cell(CellParameters p) {
        return new LifTheoryCell(p.tauMs(), p.tRefMs(), p.eLeakMv(), p.vThresholdMv(), p.vResetMv());
    }

    /**
     * The rate a population of identical cells fires at: {@link #rateHz(CellParameters, NoiseParameters,
     * Inputs, double)} without injected current, NaN with cell-to-cell heterogeneity (the nominal
     * cell's rate is not the population mean) or where the theory does not apply.
     */
    public static double identicalCellsRateHz(CellParameters p, NoiseParameters noise, Heterogeneity heterogeneity,
                                              Inputs inputs) {
        return heterogeneity.isNone() ? rateHz(p, noise, inputs, 0) : Double.NaN;
    }

    /** Stationary rate (Hz) with the configured noise and an extra injected current. */
    public static double rateHz(CellParameters p, NoiseParameters noise, double injectedPa) {
        return rateHz(p, noise, Inputs.NONE, injectedPa);
    }

    /**
     * Stationary rate (Hz) with noise and Poisson synaptic inputs, by the diffusion approximation
     * (Brunel 2000): each input adds its mean current N r w tau_s to the drive and a coloured
     * (Ornstein-Uhlenbeck-like) noise of free-membrane variance
     * <pre>  sigma_V,k^2 = N r w^2 tau_m^2 tau_s^2 / (2 C_m^2 (tau_m + tau_s))</pre>
     * (Campbell's theorem for the exponential-synapse shot noise filtered by the membrane). One
     * coloured component is the Fourcaud-Brunel (2002) case exactly; several components (or white
     * plus coloured) are combined by adding their white-equivalent intensities and weighting each
     * component's Fourcaud-Brunel boundary shift (alpha/2) sqrt(tau_k / tau_m) by its share of the
     * intensity, an approximation beyond Fourcaud-Brunel's derivation. The shot-noise (finite
     * weight) correction is neglected: small weights, many synapses. With a climbing fibre the cell
     * is not a stationary renewal process: NaN.
     */
    /**
     * What the rate of {@link #rateHz(CellParameters, NoiseParameters, Inputs, double)} is for these
     * drives, in a phrase for captions and console notes: exact (no noise; white noise, Siegert) or
     * an approximation and of what size, so that a gap of a few % to the simulation is read right.
     */
    public static String kind(CellParameters p, NoiseParameters noise, Inputs inputs) {
        if (inputs.hasClimbingFibre()) {
            return "no theory (a climbing fibre's pauses are not in it)";
        }
        double ratio = colouredTauRatio(p, noise, inputs);
        if (ratio > MAX_COLOURED_TAU_RATIO) {
            return String.format(java.util.Locale.ROOT, "no theory: Fourcaud and Brunel (2002) is first order in "
                    + "sqrt(tau / tau_m) and is used up to tau / tau_m = %.2f; here the membrane noise's correlation time "
                    + "(noise.tau and synaptic tau_syn, weighted by their share of the noise) over tau_m is %.3g",
                    MAX_COLOURED_TAU_RATIO, ratio);
        }
        boolean synapses = inputs.any(); // the climbing fibre is out above
        boolean coloured = noise.sigmaVMv() > 0 && !noise.isWhite();
        if (!synapses && !coloured) {
            return "exact (" + (noise.sigmaVMv() > 0 ? "white noise: Siegert / Brunel 2000" : "no noise") + ")";
        }
        StringBuilder b = new StringBuilder("an approximation: ");
        if (synapses) {
            b.append("the diffusion approximation of the synaptic input");
        }
        if (coloured) {
            b.append(synapses ? " and " : "").append(String.format(java.util.Locale.ROOT,
                    "Fourcaud and Brunel (2002), first order in sqrt(tau_noise / tau_m) = %.2f", Math.sqrt(
                            noise.tauMs() / p.tauMs())));
        }
        return b.append(String.format(java.util.Locale.ROOT, "; expect it to differ from the simulation by up to "
                + "about %.0f %%", 100 * approximationAccuracy(p, noise, inputs))).toString();
    }

    /**
     * The relative accuracy to expect of the rate with coloured noise or synaptic inputs: the
     * Fourcaud-Brunel expansion's own error, about 3 % up to tau / tau_m = 0.05 (Fourcaud and
     * Brunel 2002, Fig. 2) and, its next term being of order tau / tau_m, in proportion beyond
     * (measured by validate against simulations of the compare cell: 3.3 % at 0.106, 7-8 % at
     * 0.234, about half of this bound). 0 where the theory is exact.
     */
    public static double approximationAccuracy(CellParameters p, NoiseParameters noise, Inputs inputs) {
        boolean coloured = noise.sigmaVMv() > 0 && !noise.isWhite();
        if (!coloured && !inputs.any()) {
            return 0;
        }
        return 0.03 * Math.max(1, colouredTauRatio(p, noise, inputs) / 0.05);
    }

    /**
     * Largest tau / tau_m of the noise (its intensity-weighted correlation time, see {@link
     * #colouredTauRatio}) for which a rate is given: the Fourcaud-Brunel expansion is first order in
     * sqrt(tau / tau_m), k, and used up to k = 0.5 ({@link #approximationAccuracy}: 15 % there);
     * far beyond it the shifted threshold gives nonsense (0 Hz for cells firing at 69 Hz at
     * tau = 100 s), so there is no number, not a wrong one.
     */
    public static final double MAX_COLOURED_TAU_RATIO = 0.25;

    /**
     * The correlation time of the membrane's noise against tau_m, tau / tau_m, for the
     * Fourcaud-Brunel shift: k^2 with k the intensity-weighted sqrt(tau_k / tau_m) of the coloured
     * components (background noise current, synaptic inputs; white noise counts with tau = 0). 0
     * without noise or with white noise alone.
     */
    public static double colouredTauRatio(CellParameters p, NoiseParameters noise, Inputs inputs) {
        double[] intensityAndShift = intensityAndShift(p, noise, inputs);
        if (intensityAndShift[0] == 0) {
            return 0;
        }
        double k = intensityAndShift[1] / intensityAndShift[0];
        return k * k;
    }

    /** Brunel's white-equivalent intensity sigma^2 of all noise, and the sum of each part's intensity times sqrt(tau_k / tau_m). */
    private static double[] intensityAndShift(CellParameters p, NoiseParameters noise, Inputs inputs) {
        double tauM = p.tauMs();
        double intensity = 0;
        double weightedShift = 0;
        if (noise.sigmaVMv() > 0) {
            double tauS = noise.tauMs();
            double k = 2 * noise.sigmaVMv() * noise.sigmaVMv() * (tauM + tauS) / tauM;
            intensity += k;
            weightedShift += k * Math.sqrt(tauS / tauM);
        }
        for (PoissonInput in : new PoissonInput[] {inputs.parallelFibres(), inputs.interneurons()}) {
            if (in != null && in.isActive()) {
                double sv2 = synapticVoltageVariance(p, in);
                double k = 2 * sv2 * (tauM + in.tauSynMs()) / tauM;
                intensity += k;
                weightedShift += k * Math.sqrt(in.tauSynMs() / tauM);
            }
        }
        return new double[] {intensity, weightedShift};
    }

    public static double rateHz(CellParameters p, NoiseParameters noise, Inputs inputs, double injectedPa) {
        if (inputs.hasClimbingFibre()) {
            return Double.NaN;
        }
        double meanPa = p.iPacePa() + injectedPa + meanSynapticCurrentPa(inputs);
        double mu = meanPa / p.gLeakNs();
        // white-equivalent intensities (Brunel's sigma^2) and their Fourcaud-Brunel shifts
        double[] intensityAndShift = intensityAndShift(p, noise, inputs);
        double intensity = intensityAndShift[0];
        double weightedShift = intensityAndShift[1];
        double k = intensity == 0 ? 0 : weightedShift / intensity; // sqrt(tau / tau_m) of colouredTauRatio
        if (k * k > MAX_COLOURED_TAU_RATIO) {
            return Double.NaN;
        }
        if (intensity == 0) {
            return DeterministicLif.rateHz(cell(p), mu);
        }
        double sigma = Math.sqrt(intensity);
        double shiftMv = 0.5 * ColouredNoiseLif.ALPHA * (weightedShift / intensity) * sigma;
        // shifting both bounds up by delta sigma equals lowering the drive by delta sigma
        return WhiteNoiseLif.rateHz(cell(p), mu - shiftMv, sigma / Math.sqrt(2));
    }

    private static double meanCurrent(PoissonInput in) {
        return in == null || !in.isActive() ? 0 : in.meanCurrentPa();
    }

    /**
     * Net mean synaptic current in pA: N r w tau_syn of the parallel fibres (excitatory) minus that
     * of the interneurons (inhibitory). The climbing fibre adds no current (it holds V during its
     * pause), so it does not count.
     */
    public static double meanSynapticCurrentPa(Inputs inputs) {
        return meanCurrent(inputs.parallelFibres()) - meanCurrent(inputs.interneurons());
    }

    /** Free-membrane variance (mV^2) caused by one Poisson input, by Campbell's theorem. */
    public static double synapticVoltageVariance(CellParameters p, PoissonInput in) {
        double ratePerMs = in.totalRateHz() * 1e-3;
        double tm = p.tauMs();
        double ts = in.tauSynMs();
        double w = in.weightPa();
        double c = p.capacitancePf();
        return ratePerMs * w * w * tm * tm * ts * ts / (2 * c * c * (tm + ts));
    }

    /** Rate (Hz) without noise: the deterministic f-I curve. */
    public static double deterministicRateHz(CellParameters p, double injectedPa) {
        return deterministicRateHz(p, Inputs.NONE, injectedPa);
    }

    /** Rate (Hz) without any fluctuations: synaptic inputs replaced by their mean currents. */
    public static double deterministicRateHz(CellParameters p, Inputs inputs, double injectedPa) {
        double meanPa = p.iPacePa() + injectedPa + meanSynapticCurrentPa(inputs);
        return DeterministicLif.rateHz(cell(p), meanPa / p.gLeakNs());
    }

    /** ISI CV with white noise (Brunel 2000); NaN for coloured noise, where no closed form is used. */
    public static double isiCv(CellParameters p, NoiseParameters noise, double injectedPa) {
        if (!noise.isWhite()) {
            return Double.NaN;
        }
        return WhiteNoiseLif.isiCv(cell(p), (p.iPacePa() + injectedPa) / p.gLeakNs(), noise.sigmaVMv());
    }

    /** Total current at which the noise-free cell starts to fire, g_L (V_th - E_L), in pA. */
    public static double rheobasePa(CellParameters p) {
        return DeterministicLif.rheobasePa(cell(p), p.gLeakNs());
    }

    /**
     * Injected current at which the noise-free cell starts to fire: the total rheobase
     * g_L (V_th - E_L) minus what the cell already receives, I_pace and the mean synaptic current
     * ({@link #meanSynapticCurrentPa}), in pA.
     */
    public static double rheobaseInjectedPa(CellParameters p, Inputs inputs) {
        return rheobasePa(p) - p.iPacePa() - meanSynapticCurrentPa(inputs);
    }
}
