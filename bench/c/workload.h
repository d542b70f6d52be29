/* workload.h: the 'ensemble' workload of bench/README.md, shared by the C reference loops.
 *
 * N independent leaky integrate-and-fire cells; the first half is wild type (drive mu = 20 mV),
 * the second half reduced MEIS1 (mu = 16 mV). Potentials are in mV relative to rest (E_L = 0):
 * threshold 15 mV, reset 0 mV; tau_m = 20 ms, t_ref = 2 ms, white noise with free-membrane
 * standard deviation sigma_v = 4 mV, dt = 0.1 ms. Between spikes the exact Ornstein-Uhlenbeck step
 *     V' = mu + (V - mu) P + sigma_v sqrt(1 - P^2) z,   P = exp(-dt / tau_m),   z ~ N(0, 1)
 * and a step crosses threshold if V' >= V_th or, with both ends below, with the Brownian-bridge
 * probability exp(-a), a = (V_th - V)(V_th - V') tau_m / (sigma_v^2 dt). A crossing is placed at
 * the end of its step; the cell is then held at reset for round(t_ref / dt) steps. Cells start
 * uniformly between reset and threshold (purkinje starts each cell in its steady state instead), so
 * they do not fire in step at first.
 */
#ifndef WORKLOAD_H
#define WORKLOAD_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <omp.h>

#define TAU_M_MS 20.0
#define V_TH_MV 15.0
#define V_RESET_MV 0.0 /* lanes-kernel.h zeroes a lane to reset it */
#define T_REF_MS 2.0
#define SIGMA_V_MV 4.0
#define DT_MS 0.1
#define MU_WILD_TYPE_MV 20.0
#define MU_REDUCED_MV 16.0

/* Step constants derived once from the workload. */
typedef struct {
    double decay;        /* P = exp(-dt / tau_m) */
    double noise_sd_mv;  /* sigma_v sqrt(1 - P^2) */
    double bridge_k;     /* tau_m / (sigma_v^2 dt): a = k (V_th - V)(V_th - V') */
    long refractory_steps;
} step_constants;

static inline step_constants workload_constants(void) {
    step_constants c;
    c.decay = exp(-DT_MS / TAU_M_MS);
    c.noise_sd_mv = SIGMA_V_MV * sqrt(-expm1(-2 * DT_MS / TAU_M_MS));
    c.bridge_k = TAU_M_MS / (SIGMA_V_MV * SIGMA_V_MV * DT_MS);
    c.refractory_steps = lround(T_REF_MS / DT_MS);
    return c;
}

static inline double drive_mv(long cell, long cells) {
    return cell < cells / 2 ? MU_WILD_TYPE_MV : MU_REDUCED_MV;
}

/* SplitMix64 (Steele, Lea and Flood 2014): seeds each cell's generator from the run seed. */
static inline uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* The SplitMix64 state a cell's generator and start are drawn from. */
static inline uint64_t cell_seed(uint64_t run_seed, long cell) {
    return run_seed ^ (0x632be59bd9b4e019ULL * (uint64_t)(cell + 1));
}

/* Start uniformly between reset and threshold. */
static inline double initial_v_mv(uint64_t *x) {
    return V_RESET_MV + (V_TH_MV - V_RESET_MV) * (double)(splitmix64(x) >> 11) * 0x1p-53;
}

/* Command line: CELLS DURATION_S [SEED]. */
typedef struct {
    long cells;
    double duration_s;
    uint64_t seed;
    long steps;
} run_args;

static inline run_args parse_args(int argc, char **argv) {
    run_args r;
    r.cells = argc > 1 ? atol(argv[1]) : 10000;
    r.duration_s = argc > 2 ? atof(argv[2]) : 10.0;
    r.seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 20261201ULL;
    if (r.cells < 2 || !(r.duration_s > 0)) {
        fprintf(stderr, "usage: %s CELLS DURATION_S [SEED] (CELLS >= 2, DURATION_S > 0)\n", argv[0]);
        exit(2);
    }
    r.steps = lround(r.duration_s * 1000 / DT_MS);
    return r;
}

/* One line, key=value, read by bench/side-by-side.sh. */
static inline void report(const char *loop, run_args r, double wall_s, const double *spikes) {
    double wild = 0, reduced = 0;
    for (long i = 0; i < r.cells / 2; i++) wild += spikes[i];
    for (long i = r.cells / 2; i < r.cells; i++) reduced += spikes[i];
    printf("loop=%s cells=%ld steps=%ld threads=%d wall_s=%.3f cell_steps_per_s=%.3e "
           "rate_wild_type_hz=%.3f rate_reduced_hz=%.3f\n",
           loop, r.cells, r.steps, omp_get_max_threads(), wall_s, (double)r.cells * r.steps / wall_s,
           wild / (r.cells / 2) / r.duration_s, reduced / (r.cells - r.cells / 2) / r.duration_s);
}

#endif
