/* exact-spikes.h: purkinje's spike rule for the SIMD loops of lanes-kernel.h, compiled in with
 * -DEXACT_SPIKES (bench/side-by-side.sh builds ensemble-avx2-exact and ensemble-avx512-exact so).
 *
 * The plain loops place a spike at the end of its step and hold the cell for whole steps. This
 * rule is purkinje's (docs/MODEL.md, engine.Cell): the spike time inside the step (linear
 * interpolation when the step ends at or above V_th; after a Brownian-bridge crossing, a draw
 * from the bridge's first-passage law by the Michael-Schucany-Haas method, as in
 * engine.BridgeCrossing), the hold from that time for exactly t_ref, and in the step where the hold
 * ends, the exact transition over the rest of the step from reset (its own P, noise and bridge
 * scale). Like purkinje, the vector loop does the common steps branch-free and hands the rare
 * ones (a crossing, a hold's end) to scalar code for the lanes that need it, so this loop is
 * what "the same work in C" costs. Its numbers are not purkinje's (other random numbers); its
 * rates are the same within their standard error.
 */
#ifndef EXACT_SPIKES_H
#define EXACT_SPIKES_H

/* A uniform in (0, 1) from the top 53 bits, never 0 or 1. */
static inline double open_unit(uint64_t bits) {
    return ((double)(bits >> 11) + 0.5) * 0x1p-53;
}

/* The crossing time (ms after the start of a step of h ms) of a bridge from alpha mV to beta mV
 * below threshold that crossed: h U / (h + U), U inverse Gaussian with mean alpha h / beta and
 * shape alpha^2 / s^2, s^2 = 2 sigma_v^2 / tau_m (engine.BridgeCrossing). Three draws. */
static double bridge_time_ms(double alpha, double beta, double h, uint64_t *stream) {
    const double s2 = 2 * SIGMA_V_MV * SIGMA_V_MV / TAU_M_MS;
    const double mean = alpha * h / beta, shape = alpha * alpha / s2;
    const double u1 = open_unit(splitmix64(stream)), u2 = open_unit(splitmix64(stream));
    const double c = cos(2 * M_PI * u2), y = -2 * log(u1) * c * c; /* chi-square(1) */
    const double r = mean * y / (2 * shape);
    const double x = mean / (1 + r + sqrt(r * (r + 2)));
    const double w = open_unit(splitmix64(stream));
    const double first = w * (mean + x) <= mean ? x : mean * mean / x;
    const double t = h * first / (h + first);
    return t < 0 ? 0 : t > h ? h : t;
}

/* The step that contains time t (ms): the smallest k with (k + 1) dt > t. */
static inline double step_containing(double t_ms) {
    double k = floor(t_ms / DT_MS);
    while (k > 0 && k * DT_MS > t_ms) k--;
    while ((k + 1) * DT_MS <= t_ms) k++;
    return k;
}

/* Step s of the lanes set in `lanes` (bit l: cell i + l), which crossed or whose hold ends in
 * it. z is the step's noise term (sigma_v sqrt(1 - P^2) times a normal), ln_u its bridge log. */
static void exact_steps(cells_soa c, step_constants k, long i, long s, int lanes, vd *v, vd *resume,
                        vi64 *spikes, const float *z, const float *ln_u) {
    _Alignas(64) double vs[DW], rs[DW];
    _Alignas(64) int64_t ns[DW];
    STORE_D(vs, *v);
    STORE_D(rs, *resume);
    STORE_I((vi64 *)ns, *spikes);
    for (; lanes; lanes &= lanes - 1) {
        const int l = __builtin_ctz(lanes);
        const long cell = i + l;
        double t0 = s * DT_MS, h = DT_MS, v0 = vs[l], x;
        if (rs[l] == (double)s) { /* the hold ends in this step: the rest of it, from reset */
            const double end_ms = c.resume_ms[cell];
            h = (s + 1) * DT_MS - end_ms;
            t0 = end_ms;
            v0 = V_RESET_MV;
            const double mu = c.mu_mv[cell], p = exp(-h / TAU_M_MS);
            x = mu + (v0 - mu) * p + SIGMA_V_MV * sqrt(-expm1(-2 * h / TAU_M_MS)) / k.noise_sd_mv * z[l];
            const double minus_a = -TAU_M_MS / (SIGMA_V_MV * SIGMA_V_MV * h) * (V_TH_MV - v0) * (V_TH_MV - x);
            if (!(minus_a > ln_u[l])) {
                vs[l] = x;
                rs[l] = -1; /* free from the next step on */
                continue;
            }
        } else { /* the vector's full step, which crossed */
            x = fma(v0, k.decay, c.pull_mv[cell]) + z[l];
        }
        const double t = x >= V_TH_MV ? t0 + h * (V_TH_MV - v0) / (x - v0)
                                      : t0 + bridge_time_ms(V_TH_MV - v0, V_TH_MV - x, h, c.time_stream + cell);
        ns[l]++;
        vs[l] = V_RESET_MV;
        c.resume_ms[cell] = t + T_REF_MS;
        rs[l] = step_containing(t + T_REF_MS);
    }
    *v = LOAD_D(vs);
    *resume = LOAD_D(rs);
    *spikes = LOAD_I((vi64 *)ns);
}

#endif
