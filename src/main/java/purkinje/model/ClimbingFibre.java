package purkinje.model;

/**
 * The climbing fibre: each Purkinje cell receives one, which fires about once a second and makes
 * the cell emit a complex spike, followed by a pause in simple spikes.
 *
 * <p>Modelled choice (a reset, not a current step): the climbing-fibre events form a Poisson
 * process of rate {@code rateHz}, at exact (off-grid) times. At each event the cell emits a
 * complex spike; V is reset to {@code pausePotentialMv} and held there for {@code pauseMs}, after
 * which the membrane relaxes as after any reset. This gives a pause of at least {@code pauseMs}
 * plus the time to climb back to threshold. Synaptic currents keep evolving during the pause.
 *
 * @param rateHz           complex-spike rate (Hz), &gt;= 0 (about 1 Hz in Purkinje cells)
 * @param pauseMs          how long V is held after a complex spike (ms), &gt;= 0
 * @param pausePotentialMv where V is held (mV); NaN means the cell's V_reset
 */
public record ClimbingFibre(double rateHz, double pauseMs, double pausePotentialMv) {
    public ClimbingFibre {
        Checks.nonNegative("climbing_fibre.rate", rateHz, "Hz");
        Checks.nonNegative("climbing_fibre.pause", pauseMs, "ms");
        if (Double.isInfinite(pausePotentialMv)) {
            throw new InvalidParameterException("climbing_fibre.pause_potential must be finite");
        }
    }

    public boolean isActive() {
        return rateHz > 0;
    }

    /** Where V is held during the pause, for a cell with the given reset potential. */
    public double pausePotentialMv(double vResetMv) {
        return Double.isNaN(pausePotentialMv) ? vResetMv : pausePotentialMv;
    }

    public ClimbingFibre withRate(double hz) {
        return new ClimbingFibre(hz, pauseMs, pausePotentialMv);
    }

    public ClimbingFibre withPause(double ms) {
        return new ClimbingFibre(rateHz, ms, pausePotentialMv);
    }

    public ClimbingFibre withPausePotential(double mv) {
        return new ClimbingFibre(rateHz, pauseMs, mv);
    }
}
