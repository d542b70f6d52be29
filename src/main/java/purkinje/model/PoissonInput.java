package purkinje.model;

/**
 * A population of synapses firing as independent Poisson processes onto the cell, each event a
 * current step of {@code weightPa} that decays exponentially with {@code tauSynMs}
 * (current-based exponential synapse, as NEST's iaf_psc_exp):
 * <pre>  tau_syn dI/dt = -I + tau_syn w sum_k delta(t - t_k)</pre>
 * The sign is given by the input's role: parallel fibres excite, interneurons inhibit; the weight
 * is the magnitude. With N synapses at rate r, the mean current is N r w tau_syn and the current's
 * variance N r w^2 tau_syn / 2 (Campbell's theorem).
 *
 * @param ratePerSynapseHz firing rate of each synapse (Hz), &gt;= 0
 * @param synapses         number of synapses, &gt;= 0
 * @param weightPa         current step per event (pA), &gt;= 0
 * @param tauSynMs         decay time constant of the synaptic current (ms), &gt; 0
 */
public record PoissonInput(double ratePerSynapseHz, int synapses, double weightPa, double tauSynMs) {
    /**
     * Largest mean number of events per step, N r dt, that can be simulated: the engine draws each
     * step's count from Commons RNG's Poisson sampler, which is exact up to a mean of
     * 0.5 x (2^31 - 1) = 1073741823.5 and refuses larger means.
     */
    public static final double MAX_MEAN_EVENTS_PER_STEP = 0.5 * Integer.MAX_VALUE;

    public PoissonInput {
        Checks.nonNegative("rate", ratePerSynapseHz, "Hz");
        if (synapses < 0) {
            throw new InvalidParameterException("synapses must be zero or positive, was " + synapses);
        }
        Checks.nonNegative("weight (the magnitude; the input's role gives the sign)", weightPa, "pA");
        Checks.positive("tau_syn", tauSynMs, "ms");
    }

    /** Total event rate onto the cell, N r, in Hz. */
    public double totalRateHz() {
        return ratePerSynapseHz * synapses;
    }

    /** Mean number of events onto the cell in one step of {@code dtMs}, N r dt. */
    public double meanEventsPerStep(double dtMs) {
        return totalRateHz() * 1e-3 * dtMs;
    }

    /** True when the input delivers any current. */
    public boolean isActive() {
        return totalRateHz() > 0 && weightPa > 0;
    }

    /** Mean synaptic current N r w tau_syn in pA (Campbell's theorem). */
    public double meanCurrentPa() {
        return totalRateHz() * 1e-3 * weightPa * tauSynMs;
    }

    public PoissonInput withRate(double hz) {
        return new PoissonInput(hz, synapses, weightPa, tauSynMs);
    }

    public PoissonInput withWeight(double pa) {
        return new PoissonInput(ratePerSynapseHz, synapses, pa, tauSynMs);
    }

    public PoissonInput withTau(double ms) {
        return new PoissonInput(ratePerSynapseHz, synapses, weightPa, ms);
    }
}
