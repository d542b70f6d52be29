/* ensemble-avx2.c: the 'ensemble' workload (workload.h) with AVX2 + FMA intrinsics, 8 float /
 * 4 double lanes. The loop is lanes-kernel.h; this file maps its primitives to AVX2.
 * Runs on any x86-64 CPU with AVX2 and FMA (AVX-512 CPUs included).
 * Build: gcc -O3 -march=native -fopenmp ensemble-avx2.c -o ensemble-avx2 -lm
 *   with purkinje's spike rule (exact-spikes.h): add -DEXACT_SPIKES (loop name c-avx2-exact)
 * Usage: ./ensemble-avx2 CELLS DURATION_S [SEED] */
#include <immintrin.h>

#define LOOP_NAME "c-avx2"
#define FW 8
typedef __m256 vf;
typedef __m256i vi;
typedef __m256i vi64; /* 64-bit integer lanes, DW of them */
typedef __m256d vd;
typedef __m256d md; /* a double mask: all bits set per true lane */

#define LOAD_I(p) _mm256_load_si256(p)
#define STORE_I(p, x) _mm256_store_si256((p), (x))
#define SET1_32(x) _mm256_set1_epi32(x)
#define ADD32(a, b) _mm256_add_epi32((a), (b))
#define SUB32(a, b) _mm256_sub_epi32((a), (b))
#define XOR32(a, b) _mm256_xor_si256((a), (b))
#define AND32(a, b) _mm256_and_si256((a), (b))
#define OR32(a, b) _mm256_or_si256((a), (b))
#define SHL32(a, k) _mm256_slli_epi32((a), (k))
#define SRL32(a, k) _mm256_srli_epi32((a), (k))
#define SRA32(a, k) _mm256_srai_epi32((a), (k))
#define ROTL32(a, k) _mm256_or_si256(_mm256_slli_epi32((a), (k)), _mm256_srli_epi32((a), 32 - (k)))

#define SET1_F(x) _mm256_set1_ps(x)
#define STORE_F(p, x) _mm256_store_ps((p), (x))
#define CVT_I2F(a) _mm256_cvtepi32_ps(a)
#define CAST_F2I(a) _mm256_castps_si256(a)
#define CAST_I2F(a) _mm256_castsi256_ps(a)
#define ADD_F(a, b) _mm256_add_ps((a), (b))
#define SUB_F(a, b) _mm256_sub_ps((a), (b))
#define MUL_F(a, b) _mm256_mul_ps((a), (b))
#define SQRT_F(a) _mm256_sqrt_ps(a)
#define FMA_F(a, b, c) _mm256_fmadd_ps((a), (b), (c))
/* lanes whose sign bit in s is set take b, the others a */
#define SELECT_BY_SIGN(a, b, s) _mm256_blendv_ps((a), (b), _mm256_castsi256_ps(s))

#define LOAD_D(p) _mm256_load_pd(p)
#define STORE_D(p, x) _mm256_store_pd((p), (x))
#define SET1_D(x) _mm256_set1_pd(x)
#define CVT_F2D(p) _mm256_cvtps_pd(_mm_load_ps(p)) /* DW floats from p, widened */
#define ADD_D(a, b) _mm256_add_pd((a), (b))
#define SUB_D(a, b) _mm256_sub_pd((a), (b))
#define MUL_D(a, b) _mm256_mul_pd((a), (b))
#define FMA_D(a, b, c) _mm256_fmadd_pd((a), (b), (c))
#define FMSUB_D(a, b, c) _mm256_fmsub_pd((a), (b), (c))
#define CMPGT_D(a, b) _mm256_cmp_pd((a), (b), _CMP_GT_OQ)
#define CMPLE_D(a, b) _mm256_cmp_pd((a), (b), _CMP_LE_OQ)
#define CMPLT_D(a, b) _mm256_cmp_pd((a), (b), _CMP_LT_OQ)
#define CMPEQ_D(a, b) _mm256_cmp_pd((a), (b), _CMP_EQ_OQ)
#define MASK_OR(a, b) _mm256_or_pd((a), (b))
#define MOVEMASK_D(m) _mm256_movemask_pd(m) /* one bit per lane */
#define MASK_AND(a, b) _mm256_and_pd((a), (b))
#define MASK_ANDNOT(a, b) _mm256_andnot_pd((a), (b)) /* not a, and b */
/* lanes of m take b, the others a */
#define BLEND_D(m, a, b) _mm256_blendv_pd((a), (b), (m))
#define ZERO_UNLESS(m, x) _mm256_and_pd((m), (x)) /* lanes of m keep x, the others 0 */
/* 64-bit counts: a true lane of m (all bits set, -1) subtracted adds one */
#define COUNT_IF(n, m) _mm256_sub_epi64((n), _mm256_castpd_si256(m))

#include "lanes-kernel.h"
