package purkinje.sweep;

import purkinje.experiment.TheoryRates;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.NoiseParameters;

/**
 * The analytic rate of a condition's cell for the {@code theory_rate_hz} column ({@link TheoryRates}:
 * Siegert for white noise, Fourcaud-Brunel for coloured noise and synaptic inputs). It applies only
 * to identical cells ({@code heterogeneity} all 0); elsewhere, and with a climbing fibre, the
 * column is NaN.
 */
final class TheoryRate {
    private TheoryRate() {
    }

    static boolean applies(NoiseParameters noise, Heterogeneity heterogeneity) {
        return heterogeneity.isNone();
    }

    /** Rate in Hz, or NaN where the theory does not apply or is not available. */
    static double rateHz(CellParameters cell, NoiseParameters noise, Heterogeneity heterogeneity,
                         purkinje.model.Inputs inputs) {
        if (!applies(noise, heterogeneity)) {
            return Double.NaN;
        }
        return TheoryRates.rateHz(cell, noise, inputs, 0);
    }
}
