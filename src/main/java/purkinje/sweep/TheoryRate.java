package purkinje.sweep;

import purkinje.experiment.TheoryRates;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.NoiseParameters;

/**
 * The analytic white-noise rate of a condition's cell (Siegert / Ricciardi; Brunel 2000), for the
 * {@code theory_rate_hz} column. It applies only to identical cells ({@code heterogeneity} all 0)
 * driven by white noise ({@code noise.tau = 0}); elsewhere the column is NaN.
 */
final class TheoryRate {
    private TheoryRate() {
    }

    static boolean applies(NoiseParameters noise, Heterogeneity heterogeneity) {
        return heterogeneity.isNone();
    }

    /** Rate in Hz, or NaN where the theory does not apply or is not available. */
    static double rateHz(CellParameters cell, NoiseParameters noise, Heterogeneity heterogeneity) {
        if (!applies(noise, heterogeneity)) {
            return Double.NaN;
        }
        return TheoryRates.rateHz(cell, noise, 0);
    }
}
