package purkinje.experiment;

import purkinje.analysis.theory.ColouredNoiseLif;
import purkinje.analysis.theory.DeterministicLif;
import purkinje.analysis.theory.LifTheoryCell;
import purkinje.analysis.theory.WhiteNoiseLif;
import purkinje.model.CellParameters;
import purkinje.model.NoiseParameters;

/**
 * The closed-form predictions for a model cell with the configured noise: deterministic f-I
 * without noise, Siegert (Brunel 2000) with white noise, Fourcaud-Brunel (2002) with
 * Ornstein-Uhlenbeck current noise. They hold for identical cells; with heterogeneity they
 * describe the nominal cell, not the population mean.
 */
public final class TheoryRates {
    private TheoryRates() {
    }

    public static LifTheoryCell cell(CellParameters p) {
        return new LifTheoryCell(p.tauMs(), p.tRefMs(), p.eLeakMv(), p.vThresholdMv(), p.vResetMv());
    }

    /** Stationary rate (Hz) with the configured noise and an extra injected current. */
    public static double rateHz(CellParameters p, NoiseParameters noise, double injectedPa) {
        double mu = (p.iPacePa() + injectedPa) / p.gLeakNs();
        if (noise.sigmaVMv() == 0) {
            return DeterministicLif.rateHz(cell(p), mu);
        }
        return noise.isWhite() ? WhiteNoiseLif.rateHz(cell(p), mu, noise.sigmaVMv())
                : ColouredNoiseLif.rateHz(cell(p), mu, noise.sigmaVMv(), noise.tauMs());
    }

    /** Rate (Hz) without noise: the deterministic f-I curve. */
    public static double deterministicRateHz(CellParameters p, double injectedPa) {
        return DeterministicLif.rateHz(cell(p), (p.iPacePa() + injectedPa) / p.gLeakNs());
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
}
