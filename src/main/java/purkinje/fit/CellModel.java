package purkinje.fit;

import purkinje.analysis.theory.TabulatedIsiCv;
import purkinje.analysis.theory.TheoryRates;
import purkinje.model.CellParameter;
import purkinje.model.CellParameters;
import purkinje.model.Inputs;
import purkinje.model.NoiseParameters;

/**
 * The cells of one condition apart from their drive: cell parameters (I_pace is replaced by each
 * cell's own drive), noise and synaptic inputs. Gives the closed-form rate and ISI CV as functions
 * of the drive {@code I_pace}.
 */
record CellModel(CellParameters cell, NoiseParameters noise, Inputs inputs) {
    /** True when the ISI CV has a closed form here: white noise, no synaptic inputs. */
    boolean hasIsiCv() {
        return noise.isWhite() && noise.sigmaVMv() > 0 && !inputs.any();
    }

    /** Stationary rate (Hz) at drive {@code iPacePa} ({@link TheoryRates}: Siegert, Fourcaud-Brunel, inputs). */
    double rateHz(double iPacePa) {
        return TheoryRates.rateHz(cell.with(CellParameter.I_PACE, iPacePa), noise, inputs, 0);
    }

    /** ISI CV at drive {@code iPacePa} (Brunel 2000), NaN where {@link #hasIsiCv()} is false. */
    double isiCv(double iPacePa) {
        if (!hasIsiCv()) {
            return Double.NaN;
        }
        return TabulatedIsiCv.isiCv(TheoryRates.cell(cell), iPacePa / cell.gLeakNs(), noise.sigmaVMv());
    }

    /** The model with one effect applied at a fit coordinate (I_pace effects act on the drive instead). */
    CellModel with(Effect e, double coordinate) {
        return new CellModel(e.apply(cell, coordinate), noise, e.apply(inputs, coordinate));
    }
}
