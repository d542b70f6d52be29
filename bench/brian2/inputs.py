"""The 'inputs' workload of bench/README.md in Brian2: the project's Purkinje cell (C_m 20 pF,
tau_m 47 ms) with white background noise and two Poisson inputs as exponentially decaying
currents (PoissonInput: all synapses of an input as one binomial draw per step), half the cells
wild type (I_pace 7 pA), half reduced (5.6 pA). The currents start at their means, as purkinje's
do. Spike counts only.

Usage: /usr/bin/python3 bench/brian2/inputs.py CELLS DURATION_S [cython|numpy]"""
import numpy as np
import brian2 as b2
from brian2 import Hz, mV, ms, pA, pF

import workload

cells, duration_s, target = workload.parse_args(2000)
workload.set_up(target, seed=20261201)

C_m = 20 * pF
tau_m = 47 * ms
g_L = C_m / tau_m
E_L = -59 * mV
V_th = -43 * mV
V_reset = -69 * mV
sigma_v = 2 * mV
tau_pf = 2 * ms  # parallel fibres: 2650 synapses x 0.5 Hz, 2 pA (excitatory)
tau_in = 5 * ms  # interneurons: 20 synapses x 10 Hz, 2 pA (inhibitory)
equations = """
dv/dt = (E_L - v + (I_pace + I_pf - I_in) / g_L) / tau_m + sigma_v * sqrt(2 / tau_m) * xi : volt (unless refractory)
dI_pf/dt = -I_pf / tau_pf : amp
dI_in/dt = -I_in / tau_in : amp
I_pace : amp (constant)
"""
# the run happens in workload.py, so the constants are handed over explicitly
namespace = dict(C_m=C_m, tau_m=tau_m, g_L=g_L, E_L=E_L, V_th=V_th, V_reset=V_reset, sigma_v=sigma_v,
                 tau_pf=tau_pf, tau_in=tau_in)
cells_group = b2.NeuronGroup(cells, equations, threshold="v > V_th", reset="v = V_reset", namespace=namespace,
                             refractory=1 * ms, method="euler")
cells_group.I_pace = np.where(np.arange(cells) < cells // 2, 7.0, 5.6) * pA
cells_group.I_pf = 2650 * 0.5 * Hz * 2 * pA * tau_pf  # mean N r w tau_syn = 5.3 pA
cells_group.I_in = 20 * 10 * Hz * 2 * pA * tau_in     # 2 pA
cells_group.v = "V_reset + rand() * (V_th - V_reset)"
parallel_fibres = b2.PoissonInput(cells_group, "I_pf", 2650, 0.5 * Hz, weight="2 * pA")
interneurons = b2.PoissonInput(cells_group, "I_in", 20, 10 * Hz, weight="2 * pA")
spikes = b2.SpikeMonitor(cells_group, record=False)
workload.run_and_report("brian2", target, [cells_group, parallel_fibres, interneurons], spikes, cells,
                        duration_s)
