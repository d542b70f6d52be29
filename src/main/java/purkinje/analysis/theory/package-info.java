/**
 * Analytical (mean-field) results for the leaky integrate-and-fire neuron in the Brunel
 * 2000 convention {@code tau_m dV/dt = -(V - E_L) + mu + sigma sqrt(tau_m) xi(t)}:
 * deterministic f-I curve ({@link purkinje.analysis.theory.DeterministicLif}), Siegert
 * rate and ISI CV for white noise ({@link purkinje.analysis.theory.WhiteNoiseLif};
 * Siegert 1951, Ricciardi 1977, Brunel 2000 J Comput Neurosci 8:183), and the
 * Fourcaud-Brunel 2002 (Neural Comput 14:2057) correction for short-correlation-time
 * OU current noise ({@link purkinje.analysis.theory.ColouredNoiseLif}). All noise
 * amplitudes in the public API are the free-membrane standard deviation {@code sigma_V}
 * in mV; voltages in mV, times in ms, rates in Hz.
 */
package purkinje.analysis.theory;
