/* lanes-kernel.h: the SIMD reference loop of the 'ensemble' workload (workload.h), written once
 * over a handful of vector primitives that ensemble-avx2.c (AVX2 + FMA) and ensemble-avx512.c
 * (AVX-512F) define before including this file.
 *
 * What it does per cell and step is what workload.h says; how it does it fast:
 *  - Branch-free: every lane does the same work every step; refractoriness is a comparison of
 *    the step index with the cell's resume step, spikes and resets are masked operations.
 *  - Random numbers: one xoshiro128+ generator per cell (Blackman and Vigna 2018), FW cells in
 *    the FW 32-bit lanes of a vector. Per cell and pair of steps four draws: one Box-Muller pair
 *    (radius from the first, angle from the second) gives the normals of both steps, the other
 *    two are the steps' bridge uniforms. ln, sin and cos are float polynomials (below); the
 *    membrane potential is double.
 *  - The bridge test is written ln u < -a: ln u is made in the random-number pass, so the
 *    logarithm is off the V -> V' dependency chain, and the same comparison catches every grid
 *    crossing (V' > V_th makes -a positive, ln u is negative).
 *  - Cells live in blocks of BLOCK cells (a few kB, in L1); per pair of steps one pass over a
 *    block makes its random numbers (they do not depend on V), a second pass advances V.
 *  - OpenMP over blocks; every cell has its own stream, so the counts do not depend on the
 *    number of threads.
 *
 * Compiled with -DEXACT_SPIKES, the loop applies purkinje's spike rule instead (exact-spikes.h: the
 * spike time inside the step, a hold of exactly t_ref, the partial step after it), the rare
 * steps done in scalar code for the lanes that need them: the same work as purkinje, in C.
 *
 * Required before inclusion: FW (float lanes; DW = FW / 2 double lanes), LOOP_NAME, the types
 * vf, vi, vi64, vd, md and the macros used below (see ensemble-avx2.c).
 */
#include "workload.h"

#define DW (FW / 2)
#define BLOCK 256 /* cells per block; a multiple of FW */

/* ---- random numbers ---- */

static inline vi xoshiro128plus(vi s[4]) {
    vi result = ADD32(s[0], s[3]);
    vi t = SHL32(s[1], 9);
    s[2] = XOR32(s[2], s[0]);
    s[3] = XOR32(s[3], s[1]);
    s[1] = XOR32(s[1], s[2]);
    s[0] = XOR32(s[0], s[3]);
    s[2] = XOR32(s[2], t);
    s[3] = ROTL32(s[3], 11);
    return result;
}

/* Uniform in (0, 1) from the top 23 bits k of w: (k + 1/2) 2^-23, exact in float, never 0 or 1.
 * Made as the float 1 + k 2^-23 (k as the mantissa of 1.0) minus 1 - 2^-24. */
static inline vf open_uniform(vi w) {
    return SUB_F(CAST_I2F(OR32(SRL32(w, 9), SET1_32(0x3f800000))), SET1_F(1.f - 0x1p-24f));
}

/* ln x for positive normal x: x = 2^e m with m in [sqrt(1/2), sqrt(2)), ln m = f + f^2 R(f),
 * f = m - 1, R of degree 7 fitted to ln(1 + f) by relative least squares on Chebyshev nodes
 * (maximum relative error 3.6e-8, about float rounding); Estrin's scheme keeps the chain short. */
static inline vf ln_f(vf x) {
    vi bits = CAST_F2I(x);
    vi e = SRA32(SUB32(bits, SET1_32(0x3f3504f3)), 23); /* 0x3f3504f3 = sqrt(1/2) */
    vf f = SUB_F(CAST_I2F(SUB32(bits, SHL32(e, 23))), SET1_F(1.f));
    vf f2 = MUL_F(f, f), f4 = MUL_F(f2, f2);
    vf r01 = FMA_F(f, SET1_F(0.33333972f), SET1_F(-0.5f));
    vf r23 = FMA_F(f, SET1_F(0.19960661f), SET1_F(-0.2500103f));
    vf r45 = FMA_F(f, SET1_F(0.14949329f), SET1_F(-0.16586831f));
    vf r67 = FMA_F(f, SET1_F(0.08518541f), SET1_F(-0.14203775f));
    vf r = FMA_F(FMA_F(r67, f2, r45), f4, FMA_F(r23, f2, r01));
    return FMA_F(CVT_I2F(e), SET1_F(0.693147180559945f), FMA_F(r, f2, f));
}

/* Two independent N(0, 1) variates times r_sd, by Box-Muller: radius r_sd sqrt(-2 ln u1) given,
 * angle theta = q pi/2 + x, uniform over a full turn: the quadrant q from the top two bits of w,
 * x in [-pi/4, pi/4) from the rest. (cos theta, sin theta) are (c, s), (-s, c), (-c, -s), (s, -c)
 * for q = 0..3, with c = 1 - x^2/2 + x^4 C(x^2), s = x + x^3 S(x^2), C and S of degree 2 fitted
 * like ln_f (errors 3e-10 and 7e-9 relative). */
static inline void box_muller(vf radius, vi w, vf *z_cos, vf *z_sin) {
    vf x = MUL_F(CVT_I2F(SHL32(w, 2)), SET1_F(0.785398163397448f * 0x1p-31f));
    vf x2 = MUL_F(x, x);
    vf s = FMA_F(FMA_F(x2, SET1_F(-0.00019513932f), SET1_F(0.008332148f)), x2, SET1_F(-0.16666654f));
    s = FMA_F(MUL_F(s, x2), x, x);
    vf c = FMA_F(FMA_F(x2, SET1_F(2.4435853e-05f), SET1_F(-0.0013887342f)), x2, SET1_F(0.041666646f));
    c = FMA_F(MUL_F(c, x2), x2, FMA_F(x2, SET1_F(-0.5f), SET1_F(1.f)));
    vi odd = SHL32(w, 1);                                          /* sign bit: q is odd */
    vi cos_negative = AND32(XOR32(w, odd), SET1_32(INT32_MIN));    /* q = 1, 2 */
    vi sin_negative = AND32(w, SET1_32(INT32_MIN));                /* q = 2, 3 */
    *z_cos = MUL_F(CAST_I2F(XOR32(CAST_F2I(radius), cos_negative)), SELECT_BY_SIGN(c, s, odd));
    *z_sin = MUL_F(CAST_I2F(XOR32(CAST_F2I(radius), sin_negative)), SELECT_BY_SIGN(s, c, odd));
}

/* ---- the cells ---- */

typedef struct {
    uint32_t *state;  /* xoshiro128+ words: [group of FW cells][word 0..3][lane] */
    double *v_mv;     /* membrane potential relative to rest */
    double *resume;   /* first step index at which the cell integrates again */
    int64_t *spikes;  /* spike count */
    double *pull_mv;  /* mu (1 - P): the drive's part of a step */
#ifdef EXACT_SPIKES
    double *mu_mv;        /* the drive */
    double *resume_ms;    /* when the cell's hold ends */
    uint64_t *time_stream; /* SplitMix64 state of the cell's spike-time draws */
#endif
} cells_soa;

/* Random numbers of one pair of steps for cells [b0, b1): noise terms and bridge ln u. */
static void draw_pair(cells_soa c, long b0, long b1, float noise_sd, float *z0, float *z1, float *l0, float *l1) {
    for (long i = b0; i < b1; i += FW) {
        vi *sp = (vi *)(c.state + 4 * i);
        vi s[4] = {LOAD_I(sp), LOAD_I(sp + 1), LOAD_I(sp + 2), LOAD_I(sp + 3)};
        vi w1 = xoshiro128plus(s), w2 = xoshiro128plus(s), w3 = xoshiro128plus(s), w4 = xoshiro128plus(s);
        STORE_I(sp, s[0]);
        STORE_I(sp + 1, s[1]);
        STORE_I(sp + 2, s[2]);
        STORE_I(sp + 3, s[3]);
        vf radius = SQRT_F(MUL_F(SET1_F(-2.f * noise_sd * noise_sd), ln_f(open_uniform(w1))));
        vf a, b;
        box_muller(radius, w2, &a, &b);
        long o = i - b0;
        STORE_F(z0 + o, a);
        STORE_F(z1 + o, b);
        STORE_F(l0 + o, ln_f(open_uniform(w3)));
        STORE_F(l1 + o, ln_f(open_uniform(w4)));
    }
}

#ifndef EXACT_SPIKES
/* One step of DW cells: step index now, normal term z, bridge ln u. Returns 0 (no lane needs
 * more than this). */
static inline int step_lanes(step_constants k, vd *v, vd *resume, vi64 *spikes, vd pull, vd z, vd ln_u, vd now) {
    vd x = ADD_D(FMA_D(*v, SET1_D(k.decay), pull), z);
    /* -a = k (V - V_th)(V_th - V') */
    vd minus_a = MUL_D(FMSUB_D(*v, SET1_D(k.bridge_k), SET1_D(k.bridge_k * V_TH_MV)), SUB_D(SET1_D(V_TH_MV), x));
    md crossed = CMPGT_D(minus_a, ln_u);
    md active = CMPLE_D(*resume, now);
    md fire = MASK_AND(active, crossed);
    md integrate = MASK_ANDNOT(crossed, active); /* active and not crossed */
    *v = ZERO_UNLESS(integrate, x); /* V_reset is 0 (workload.h): a reset or held lane is zeroed */
    *resume = BLEND_D(fire, *resume, ADD_D(now, SET1_D((double)(k.refractory_steps + 1))));
    *spikes = COUNT_IF(*spikes, fire);
    return 0;
}
#define LOOP_LABEL LOOP_NAME
#else
#include "exact-spikes.h"
/* One step of DW cells (exact-spikes.h): free lanes (resume < now) that did not cross take the
 * step; returns the lanes that crossed or whose hold ends in this step (resume == now), as bits,
 * for exact_steps. Held lanes keep V at reset. */
static inline int step_lanes(step_constants k, vd *v, vd *resume, vi64 *spikes, vd pull, vd z, vd ln_u, vd now) {
    (void)spikes;
    vd x = ADD_D(FMA_D(*v, SET1_D(k.decay), pull), z);
    vd minus_a = MUL_D(FMSUB_D(*v, SET1_D(k.bridge_k), SET1_D(k.bridge_k * V_TH_MV)), SUB_D(SET1_D(V_TH_MV), x));
    md crossed = CMPGT_D(minus_a, ln_u);
    md active = CMPLT_D(*resume, now);
    md integrate = MASK_ANDNOT(crossed, active);
    *v = BLEND_D(integrate, *v, x);
    return MOVEMASK_D(MASK_OR(MASK_AND(active, crossed), CMPEQ_D(*resume, now)));
}
#define LOOP_LABEL LOOP_NAME "-exact"
#endif

/* A step of the DW cells from i; the lanes that need more go to exact_steps. */
#define STEP(s_, zrow, lrow, now_)                                                                  \
    do {                                                                                            \
        int rare_ = step_lanes(k, &v, &resume, &spikes, pull, CVT_F2D(zrow), CVT_F2D(lrow), now_);    \
        if (rare_) EXACT_STEPS(c, k, i, s_, rare_, &v, &resume, &spikes, zrow, lrow);                  \
    } while (0)
#ifdef EXACT_SPIKES
#define EXACT_STEPS exact_steps
#else
#define EXACT_STEPS(...) ((void)0)
#endif

/* Step s for cells [b0, b1), and step s + 1 after it if two (a separate loop, so neither loop
 * tests two). */
static void advance_pair(cells_soa c, step_constants k, long b0, long b1, long s, int two,
                         const float *z0, const float *z1, const float *l0, const float *l1) {
    const vd now = SET1_D((double)s), next = SET1_D((double)(s + 1));
    if (two) {
        for (long i = b0; i < b1; i += DW) {
            vd v = LOAD_D(c.v_mv + i), resume = LOAD_D(c.resume + i);
            vi64 spikes = LOAD_I((vi64 *)(c.spikes + i));
            vd pull = LOAD_D(c.pull_mv + i);
            long o = i - b0;
            STEP(s, z0 + o, l0 + o, now);
            STEP(s + 1, z1 + o, l1 + o, next);
            STORE_D(c.v_mv + i, v);
            STORE_D(c.resume + i, resume);
            STORE_I((vi64 *)(c.spikes + i), spikes);
        }
    } else {
        for (long i = b0; i < b1; i += DW) {
            vd v = LOAD_D(c.v_mv + i), resume = LOAD_D(c.resume + i);
            vi64 spikes = LOAD_I((vi64 *)(c.spikes + i));
            vd pull = LOAD_D(c.pull_mv + i);
            long o = i - b0;
            STEP(s, z0 + o, l0 + o, now);
            STORE_D(c.v_mv + i, v);
            STORE_D(c.resume + i, resume);
            STORE_I((vi64 *)(c.spikes + i), spikes);
        }
    }
}

static void simulate_block(cells_soa c, step_constants k, long b0, long b1, long steps) {
    _Alignas(64) float z0[BLOCK], z1[BLOCK], l0[BLOCK], l1[BLOCK];
    for (long s = 0; s < steps; s += 2) {
        draw_pair(c, b0, b1, (float)k.noise_sd_mv, z0, z1, l0, l1);
        advance_pair(c, k, b0, b1, s, s + 1 < steps, z0, z1, l0, l1);
    }
}

int main(int argc, char **argv) {
    run_args r = parse_args(argc, argv);
    step_constants k = workload_constants();
    long padded = (r.cells + FW - 1) / FW * FW; /* whole vectors; padding cells are not counted */
    cells_soa c;
    c.state = aligned_alloc(64, (size_t)padded * 4 * sizeof(uint32_t));
    c.v_mv = aligned_alloc(64, (size_t)padded * sizeof(double));
    c.resume = aligned_alloc(64, (size_t)padded * sizeof(double));
    c.spikes = aligned_alloc(64, (size_t)padded * sizeof(int64_t));
    c.pull_mv = aligned_alloc(64, (size_t)padded * sizeof(double));
#ifdef EXACT_SPIKES
    c.mu_mv = malloc((size_t)padded * sizeof(double));
    c.resume_ms = malloc((size_t)padded * sizeof(double));
    c.time_stream = malloc((size_t)padded * sizeof(uint64_t));
    if (!c.mu_mv || !c.resume_ms || !c.time_stream) {
        fprintf(stderr, "%s: out of memory for %ld cells\n", LOOP_LABEL, r.cells);
        return 1;
    }
#endif
    if (!c.state || !c.v_mv || !c.resume || !c.spikes || !c.pull_mv) {
        fprintf(stderr, "%s: out of memory for %ld cells\n", LOOP_LABEL, r.cells);
        return 1;
    }
    for (long i = 0; i < padded; i++) {
        uint64_t x = cell_seed(r.seed, i);
        uint64_t a = splitmix64(&x), b = splitmix64(&x);
        uint32_t *lane = c.state + 4 * (i / FW * FW) + i % FW;
        lane[0] = (uint32_t)a;
        lane[FW] = (uint32_t)(a >> 32);
        lane[2 * FW] = (uint32_t)b;
        lane[3 * FW] = (uint32_t)(b >> 32) | 1u; /* never the all-zero state */
        c.v_mv[i] = initial_v_mv(&x);
        c.resume[i] = 0;
        c.spikes[i] = 0;
        c.pull_mv[i] = i < r.cells ? drive_mv(i, r.cells) * (1 - k.decay) : 0;
#ifdef EXACT_SPIKES
        c.resume[i] = -1; /* free from step 0: resume < now */
        c.mu_mv[i] = i < r.cells ? drive_mv(i, r.cells) : 0;
        c.resume_ms[i] = 0;
        c.time_stream[i] = splitmix64(&x);
#endif
    }
    long blocks = (padded + BLOCK - 1) / BLOCK;
    double t0 = omp_get_wtime();
#pragma omp parallel for schedule(static)
    for (long b = 0; b < blocks; b++) {
        long b0 = b * BLOCK, b1 = b0 + BLOCK < padded ? b0 + BLOCK : padded;
        simulate_block(c, k, b0, b1, r.steps);
    }
    double wall = omp_get_wtime() - t0;
    double *counts = malloc((size_t)padded * sizeof(double));
    for (long i = 0; i < padded && counts; i++) counts[i] = (double)c.spikes[i];
    if (!counts) return 1;
    report(LOOP_LABEL, r, wall, counts);
    return 0;
}
