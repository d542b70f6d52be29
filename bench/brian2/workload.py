"""What the two Brian2 scripts share: the command line, the timed run and the one-line report
that bench/side-by-side.sh reads (the same keys as the C loops print)."""
import sys
import time

import numpy as np
import brian2 as b2


def parse_args(default_cells):
    """CELLS DURATION_S [TARGET], TARGET cython (default) or numpy: Brian2's runtime targets."""
    args = sys.argv[1:]
    cells = int(args[0]) if len(args) > 0 else default_cells
    duration_s = float(args[1]) if len(args) > 1 else 10.0
    target = args[2] if len(args) > 2 else "cython"
    if cells < 2 or not duration_s > 0 or target not in ("cython", "numpy"):
        sys.exit(f"usage: {sys.argv[0]} CELLS DURATION_S [cython|numpy]")
    return cells, duration_s, target


def set_up(target, seed):
    """Code generation target; a fixed seed."""
    b2.prefs.codegen.target = target
    b2.defaultclock.dt = 0.1 * b2.ms
    b2.seed(seed)


def run_and_report(name, target, objects, monitor, cells, duration_s):
    """Warm-up (code generation and compilation happen here, untimed), then the timed run;
    rates from the spikes of the timed run only. The network is built from the given objects
    (Brian2's implicit run would only see the objects visible where run is called)."""
    net = b2.Network(*objects, monitor)
    net.run(10 * b2.ms)
    before = np.asarray(monitor.count).copy()
    start = time.perf_counter()
    net.run(duration_s * b2.second)
    wall = time.perf_counter() - start
    threads = 1  # the runtime targets use one core
    counts = np.asarray(monitor.count) - before
    steps = int(round(duration_s / float(b2.defaultclock.dt)))
    half = cells // 2
    print(f"loop={name}-{target} cells={cells} steps={steps} threads={threads} wall_s={wall:.3f} "
          f"cell_steps_per_s={cells * steps / wall:.3e} "
          f"rate_wild_type_hz={counts[:half].mean() / duration_s:.3f} "
          f"rate_reduced_hz={counts[half:].mean() / duration_s:.3f} brian2={b2.__version__}")
