package purkinje.engine;

/**
 * The exact linear transition of a cell's state over a step of length h, computed once per
 * parameter set and step length (as NEST precomputes its propagators), for full steps and, when a
 * hold ends inside a step, for the rest of that step.
 *
 * <p>Between events the state (V, I_exc, I_inh, x) is linear:
 * <pre>
 *   V'   = P V + (1 - P) V_inf + G_exc I_exc + G_inh I_inh + [white] sd z + [OU] pux x + l21 n1 + l22 n2
 *   I'   = I e^{-h/tau_syn}        x' = pxx x + l11 n1
 *   P = e^{-h/tau_m},  sd = sigma_v sqrt(1 - P^2),
 *   G(h) = (h / C_m) e^{-h/tau_m} expm1(y)/y,  y = h (tau_syn - tau_m) / (tau_m tau_syn)
 * </pre>
 * (Rotter and Diesmann 1999; the expm1(y)/y form is exact at tau_syn = tau_m). The white-noise
 * transition is the exact OU transition of the free membrane (Gillespie 1996); the coloured-noise
 * block is {@link ColouredNoisePropagator}. {@code bridgeLnScale} turns (V_th - V0)(V_th - V1)
 * into the log of the Brownian-bridge crossing probability: -tau_m / (sigma_v^2 h).
 */
record Propagator(double hMs, double decay, double relax, double noiseSd, double bridgeLnScale,
                  double diffusionMv2PerMs, double decayExc, double gainExc, double decayInh, double gainInh,
                  ColouredNoisePropagator ou) {
    static Propagator of(CellModel m, double hMs) {
        final double x = hMs / m.tauMs();
        // one transcendental call (partial steps after every hold compute a propagator):
        // 1 - P = -expm1(-x) to full precision, 1 - P^2 = (1 - P)(1 + P)
        final double oneMinusP = -Fdlibm.expm1(-x); // StrictMath.expm1, without its native call on JDK 17
        final double p = 1 - oneMinusP;
        final double relax = oneMinusP * m.vInfMv();
        final boolean white = m.white();
        final double sd = white ? m.sigmaVMv() * Math.sqrt(oneMinusP * (2 - oneMinusP)) : 0;
        final double yScale = white ? -m.tauMs() / (m.sigmaVMv() * m.sigmaVMv() * hMs) : 0;
        final double diffusion = 2 * m.sigmaVMv() * m.sigmaVMv() / m.tauMs();
        double dExc = 1;
        double gExc = 0;
        if (m.excitatory() != null) {
            dExc = Math.exp(-hMs / m.excitatory().tauSynMs());
            gExc = currentToVoltage(hMs, m.tauMs(), m.excitatory().tauSynMs(), m.capacitancePf());
        }
        double dInh = 1;
        double gInh = 0;
        if (m.inhibitory() != null) {
            dInh = Math.exp(-hMs / m.inhibitory().tauSynMs());
            gInh = currentToVoltage(hMs, m.tauMs(), m.inhibitory().tauSynMs(), m.capacitancePf());
        }
        ColouredNoisePropagator ou = m.colouredNoise()
                ? ColouredNoisePropagator.of(m.tauMs(), m.tauNoiseMs(), m.sigmaVMv(), hMs) : null;
        return new Propagator(hMs, p, relax, sd, yScale, diffusion, dExc, gExc, dInh, gInh, ou);
    }

    /** V response at h to a unit current (pA) present at the start and decaying with tau_s: mV per pA. */
    static double currentToVoltage(double hMs, double tauMMs, double tauSMs, double capacitancePf) {
        double y = hMs * (tauSMs - tauMMs) / (tauMMs * tauSMs);
        double expm1OverY = y == 0 ? 1 : Fdlibm.expm1(y) / y;
        return hMs / capacitancePf * Math.exp(-hMs / tauMMs) * expm1OverY;
    }
}
