"""The 'ensemble' workload of bench/README.md in Brian2: independent LIF cells with white noise,
half wild type (drive mu = 20 mV), half reduced MEIS1 (16 mV); threshold, reset and refractory
period as Brian2 does them (threshold tested on the grid; Euler-Maruyama, Brian2's method for
stochastic equations). Spike counts only.

Usage: /usr/bin/python3 bench/brian2/ensemble.py CELLS DURATION_S [cython|numpy]"""
import numpy as np
import brian2 as b2
from brian2 import mV, ms

import workload

cells, duration_s, target = workload.parse_args(10000)
workload.set_up(target, seed=20261201)

tau_m = 20 * ms
E_L = -65 * mV
V_th = -50 * mV
V_reset = -65 * mV
sigma_v = 4 * mV  # standard deviation of the free membrane potential
equations = """
dv/dt = (E_L + mu - v) / tau_m + sigma_v * sqrt(2 / tau_m) * xi : volt (unless refractory)
mu : volt (constant)
"""
# the run happens in workload.py, so the constants are handed over explicitly
namespace = dict(tau_m=tau_m, E_L=E_L, V_th=V_th, V_reset=V_reset, sigma_v=sigma_v)
cells_group = b2.NeuronGroup(cells, equations, threshold="v > V_th", reset="v = V_reset", namespace=namespace,
                             refractory=2 * ms, method="euler")
cells_group.mu = np.where(np.arange(cells) < cells // 2, 20.0, 16.0) * mV
cells_group.v = "V_reset + rand() * (V_th - V_reset)"  # as the C loops and purkinje start
spikes = b2.SpikeMonitor(cells_group, record=False)
workload.run_and_report("brian2", target, [cells_group], spikes, cells, duration_s)
