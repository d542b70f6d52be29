/* ensemble-scalar.c: the 'ensemble' workload (workload.h) without SIMD, to show what vectorising
 * the normal draws is worth: the same step, crossing rule and refractoriness as lanes-kernel.h,
 * one cell at a time, with the normals of a ziggurat instead of Box-Muller.
 *  - One xoshiro256+ generator per cell (Blackman and Vigna 2018).
 *  - Normals by the ziggurat of Marsaglia and Tsang (2000, J Stat Softw 5(8)), 128 layers, in the
 *    double-precision form of Doornik (2005, "An improved ziggurat method to generate normal
 *    random samples"): one 64-bit draw gives the layer and a uniform in [-1, 1); about 1.2 % of
 *    draws take the slow path (wedge test or the tail beyond r).
 *  - The bridge test draws its uniform only where a < 40 (exp(-40) is below 2^-53, the smallest
 *    uniform), and rules a crossing out without an exponential where u (1 + a + a^2/2) >= 1
 *    (e^a >= 1 + a + a^2/2 for a >= 0); exp(-a) is computed only for the rest.
 * Compiled without auto-vectorisation (the pragma below), whatever the flags.
 * Build: gcc -O3 -march=native -fopenmp ensemble-scalar.c -o ensemble-scalar -lm
 * Usage: ./ensemble-scalar CELLS DURATION_S [SEED] */
#pragma GCC optimize("no-tree-vectorize")
#include "workload.h"

#define LAYERS 128
#define BLOCK 256 /* cells per block: their state (64 B each) stays in L1 */

typedef struct { uint64_t s[4]; } xoshiro256;

static inline uint64_t rotl64(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t next64(xoshiro256 *g) {
    uint64_t *s = g->s;
    uint64_t result = s[0] + s[3], t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl64(s[3], 45);
    return result;
}

/* uniform in (0, 1): (k + 1/2) 2^-53 from the top 53 bits k */
static inline double open_uniform(xoshiro256 *g) { return ((double)(next64(g) >> 11) + 0.5) * 0x1p-53; }

/* Ziggurat tables: layer i spans |x| < edge[i] and covers [f(edge[i]), f(edge[i + 1])] in height,
 * f(x) = exp(-x^2 / 2); every layer has area V. edge[0] = V / f(R) is the base layer's virtual
 * width (its part beyond R is the tail), edge[1] = R, edge[LAYERS] = 0. */
static const double R = 3.442619855899, V = 9.91256303526217e-3;
static double edge[LAYERS + 1], height[LAYERS + 1];

static void ziggurat_tables(void) {
    edge[0] = V / exp(-0.5 * R * R);
    edge[1] = R;
    for (int i = 1; i < LAYERS - 1; i++) {
        edge[i + 1] = sqrt(-2 * log(V / edge[i] + exp(-0.5 * edge[i] * edge[i])));
    }
    edge[LAYERS] = 0;
    for (int i = 0; i <= LAYERS; i++) height[i] = exp(-0.5 * edge[i] * edge[i]);
}

static double normal_slow(xoshiro256 *g, int layer, double x);

static inline double normal(xoshiro256 *g) {
    uint64_t w = next64(g);
    int layer = (int)((w >> 3) & (LAYERS - 1)); /* bits 3..9; bits 11..63 make u */
    double u = (double)((int64_t)w >> 11) * 0x1p-52; /* in [-1, 1) */
    double x = u * edge[layer];
    if (fabs(x) < edge[layer + 1]) return x; /* inside the layer's rectangle */
    return normal_slow(g, layer, x);
}

static double normal_slow(xoshiro256 *g, int layer, double x) {
    for (;;) {
        if (layer == 0) { /* the tail beyond R (Marsaglia 1964) */
            double t, y;
            do {
                t = -log(open_uniform(g)) / R;
                y = -log(open_uniform(g));
            } while (2 * y < t * t);
            return x < 0 ? -(R + t) : R + t;
        }
        /* the wedge: accept x with probability (f(x) - f(edge[layer])) / (f(edge[layer+1]) - f(edge[layer])) */
        if (height[layer] + open_uniform(g) * (height[layer + 1] - height[layer]) < exp(-0.5 * x * x)) return x;
        uint64_t w = next64(g);
        layer = (int)((w >> 3) & (LAYERS - 1));
        x = (double)((int64_t)w >> 11) * 0x1p-52 * edge[layer];
        if (fabs(x) < edge[layer + 1]) return x;
    }
}

int main(int argc, char **argv) {
    run_args r = parse_args(argc, argv);
    step_constants k = workload_constants();
    ziggurat_tables();
    xoshiro256 *gen = malloc((size_t)r.cells * sizeof *gen);
    double *v = malloc((size_t)r.cells * sizeof *v), *pull = malloc((size_t)r.cells * sizeof *pull);
    double *spikes = malloc((size_t)r.cells * sizeof *spikes);
    long *resume = malloc((size_t)r.cells * sizeof *resume);
    if (!gen || !v || !pull || !spikes || !resume) {
        fprintf(stderr, "c-scalar: out of memory for %ld cells\n", r.cells);
        return 1;
    }
    for (long i = 0; i < r.cells; i++) {
        uint64_t x = cell_seed(r.seed, i);
        for (int j = 0; j < 4; j++) gen[i].s[j] = splitmix64(&x);
        v[i] = initial_v_mv(&x);
        pull[i] = drive_mv(i, r.cells) * (1 - k.decay);
        spikes[i] = 0;
        resume[i] = 0;
    }
    double t0 = omp_get_wtime();
#pragma omp parallel for schedule(static)
    for (long b0 = 0; b0 < r.cells; b0 += BLOCK) {
        long b1 = b0 + BLOCK < r.cells ? b0 + BLOCK : r.cells;
        for (long s = 0; s < r.steps; s++) {
            for (long i = b0; i < b1; i++) {
                if (s < resume[i]) continue; /* refractory: held at reset */
                double x = v[i] * k.decay + pull[i] + k.noise_sd_mv * normal(&gen[i]);
                double a = k.bridge_k * (V_TH_MV - v[i]) * (V_TH_MV - x);
                int crossed = x >= V_TH_MV;
                if (!crossed && a < 40) {
                    double u = open_uniform(&gen[i]);
                    crossed = u * (1 + a * (1 + 0.5 * a)) < 1 && u < exp(-a);
                }
                if (crossed) {
                    v[i] = V_RESET_MV;
                    resume[i] = s + k.refractory_steps + 1;
                    spikes[i] += 1;
                } else {
                    v[i] = x;
                }
            }
        }
    }
    double wall = omp_get_wtime() - t0;
    report("c-scalar", r, wall, spikes);
    return 0;
}
