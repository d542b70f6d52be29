package purkinje.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fitted hypothesis predicts for the (rate, CV) plane: each condition's closed-form rate
 * and CV as its drive runs from -2.5 to +2.5 SDs of the fitted lognormal spread.
 */
final class Curve {
    record Point(String condition, double driveSd, double drivePa, double rateHz, double isiCv) {
    }

    private Curve() {
    }

    static List<Point> of(FitExperiment.Result r, FitExperiment.ConditionFit c, FitExperiment.Ranked h) {
        HypothesisFit f = h.fit();
        CellModel ref = new CellModel(r.settings().base().cell(), r.settings().base().noise(),
                r.settings().base().inputs());
        CellModel test = ref;
        double factor = 1;
        for (int j = 0; j < f.hypothesis().effects().size(); j++) {
            Effect e = f.hypothesis().effects().get(j);
            if (e == Effect.I_PACE) {
                factor = Math.exp(f.coordinates()[j]);
            } else {
                test = test.with(e, f.coordinates()[j]);
            }
        }
        double s = Math.sqrt(Math.log1p(f.driveCv() * f.driveCv()));
        double m = Math.log(f.meanDrivePa()) - 0.5 * s * s;
        List<Point> out = new ArrayList<>();
        String[] names = {r.reference(), c.condition()};
        CellModel[] models = {ref, test};
        double[] offsets = {0, Math.log(factor)};
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < FitOutputs.CURVE_POINTS; i++) {
                double z = -FitOutputs.CURVE_SD + 2 * FitOutputs.CURVE_SD * i / (FitOutputs.CURVE_POINTS - 1);
                double drive = Math.exp(m + offsets[k] + s * z);
                out.add(new Point(names[k], z, drive, models[k].rateHz(drive), models[k].isiCv(drive)));
            }
        }
        return out;
    }
}
