/* ensemble-avx512.c: the 'ensemble' workload (workload.h) with AVX-512F intrinsics, 16 float /
 * 8 double lanes and mask registers. The loop is lanes-kernel.h; this file maps its primitives
 * to AVX-512F (nothing beyond the foundation subset). Needs a CPU with avx512f.
 * Build: gcc -O3 -march=native -fopenmp ensemble-avx512.c -o ensemble-avx512 -lm
 *   with purkinje's spike rule (exact-spikes.h): add -DEXACT_SPIKES (loop name c-avx512-exact)
 * Usage: ./ensemble-avx512 CELLS DURATION_S [SEED] */
#include <immintrin.h>

#define LOOP_NAME "c-avx512"
#define FW 16
typedef __m512 vf;
typedef __m512i vi;
typedef __m512i vi64; /* 64-bit integer lanes, DW of them */
typedef __m512d vd;
typedef __mmask8 md;

#define LOAD_I(p) _mm512_load_si512(p)
#define STORE_I(p, x) _mm512_store_si512((p), (x))
#define SET1_32(x) _mm512_set1_epi32(x)
#define ADD32(a, b) _mm512_add_epi32((a), (b))
#define SUB32(a, b) _mm512_sub_epi32((a), (b))
#define XOR32(a, b) _mm512_xor_si512((a), (b))
#define AND32(a, b) _mm512_and_si512((a), (b))
#define OR32(a, b) _mm512_or_si512((a), (b))
#define SHL32(a, k) _mm512_slli_epi32((a), (k))
#define SRL32(a, k) _mm512_srli_epi32((a), (k))
#define SRA32(a, k) _mm512_srai_epi32((a), (k))
#define ROTL32(a, k) _mm512_rol_epi32((a), (k))

#define SET1_F(x) _mm512_set1_ps(x)
#define STORE_F(p, x) _mm512_store_ps((p), (x))
#define CVT_I2F(a) _mm512_cvtepi32_ps(a)
#define CAST_F2I(a) _mm512_castps_si512(a)
#define CAST_I2F(a) _mm512_castsi512_ps(a)
#define ADD_F(a, b) _mm512_add_ps((a), (b))
#define SUB_F(a, b) _mm512_sub_ps((a), (b))
#define MUL_F(a, b) _mm512_mul_ps((a), (b))
#define SQRT_F(a) _mm512_sqrt_ps(a)
#define FMA_F(a, b, c) _mm512_fmadd_ps((a), (b), (c))
/* lanes whose sign bit in s is set take b, the others a */
#define SELECT_BY_SIGN(a, b, s) _mm512_mask_blend_ps(_mm512_cmplt_epi32_mask((s), _mm512_setzero_si512()), (a), (b))

#define LOAD_D(p) _mm512_load_pd(p)
#define STORE_D(p, x) _mm512_store_pd((p), (x))
#define SET1_D(x) _mm512_set1_pd(x)
#define CVT_F2D(p) _mm512_cvtps_pd(_mm256_load_ps(p)) /* DW floats from p, widened */
#define ADD_D(a, b) _mm512_add_pd((a), (b))
#define SUB_D(a, b) _mm512_sub_pd((a), (b))
#define MUL_D(a, b) _mm512_mul_pd((a), (b))
#define FMA_D(a, b, c) _mm512_fmadd_pd((a), (b), (c))
#define FMSUB_D(a, b, c) _mm512_fmsub_pd((a), (b), (c))
#define CMPGT_D(a, b) _mm512_cmp_pd_mask((a), (b), _CMP_GT_OQ)
#define CMPLE_D(a, b) _mm512_cmp_pd_mask((a), (b), _CMP_LE_OQ)
#define CMPLT_D(a, b) _mm512_cmp_pd_mask((a), (b), _CMP_LT_OQ)
#define CMPEQ_D(a, b) _mm512_cmp_pd_mask((a), (b), _CMP_EQ_OQ)
#define MASK_OR(a, b) ((md)((a) | (b)))
#define MOVEMASK_D(m) ((int)(m)) /* one bit per lane */
#define MASK_AND(a, b) ((md)((a) & (b)))
#define MASK_ANDNOT(a, b) ((md)(~(a) & (b))) /* not a, and b */
/* lanes of m take b, the others a */
#define BLEND_D(m, a, b) _mm512_mask_blend_pd((m), (a), (b))
#define ZERO_UNLESS(m, x) _mm512_maskz_mov_pd((m), (x)) /* lanes of m keep x, the others 0 */
/* 64-bit counts: one more in the lanes of m */
#define COUNT_IF(n, m) _mm512_mask_add_epi64((n), (m), (n), _mm512_set1_epi64(1))

#include "lanes-kernel.h"
