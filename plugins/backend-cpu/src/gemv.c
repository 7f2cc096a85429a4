/*
 * Matrix-vector products for a few rows of A: row at a time over a plain B (no packing, B read once per row,
 * the row's sums in registers: simd.h's gemv, compiled per ISA), and one row over B already packed in sgemm's
 * panels (gemv_panels).
 */
#if defined(__GNUC__) && !defined(__clang__)
/* a·b + c as one FMA where the ISA has it (-std=c11 turns contraction off by default) */
#pragma GCC optimize("O3", "fp-contract=fast")
#endif
#include "sgemm.h"

#include <string.h>
#include "isa.h"
#include "simd.h"
#include "threads.h"

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#include <immintrin.h>
/*
 * A row of C narrower than one vector (N < 16: a classifier's few outputs, or sgemm_prepacked's zero-padded
 * panel read as rows of nr): B's rows as masked vectors, four accumulators over k so the FMAs do not wait on
 * each other. simd.h's gemv summed such a row element by element, one dependent add per k (8 × 1024: 6.5 µs,
 * slower than packing it for the blocked sgemm).
 */
__attribute__((target("avx512f"))) static void row_narrow_avx512(ptrdiff_t k, float alpha, const float *a,
                                                                  ptrdiff_t csa, const float *B, ptrdiff_t rsb,
                                                                  float *y, int n) {
  const __mmask16 m = (__mmask16)((1u << n) - 1);
  __m512 acc[4] = {_mm512_setzero_ps(), _mm512_setzero_ps(), _mm512_setzero_ps(), _mm512_setzero_ps()};
  ptrdiff_t p = 0;
  for (; p + 4 <= k; p += 4)
    for (int u = 0; u < 4; u++)
      acc[u] = _mm512_fmadd_ps(_mm512_set1_ps(alpha * a[(p + u) * csa]), _mm512_maskz_loadu_ps(m, B + (p + u) * rsb), acc[u]);
  for (; p < k; p++)
    acc[0] = _mm512_fmadd_ps(_mm512_set1_ps(alpha * a[p * csa]), _mm512_maskz_loadu_ps(m, B + p * rsb), acc[0]);
  __m512 sum = _mm512_add_ps(_mm512_add_ps(acc[0], acc[1]), _mm512_add_ps(acc[2], acc[3]));
  _mm512_mask_storeu_ps(y, m, _mm512_add_ps(sum, _mm512_maskz_loadu_ps(m, y)));
}
#define ROW_NARROW_X86 1
#endif

void gemm_rows(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
               const float *B, ptrdiff_t rsb, float *C, ptrdiff_t ldc) {
#ifdef ROW_NARROW_X86
  if (N < 16 && cpu_isa() == ISA_AVX512) {
    for (ptrdiff_t i = 0; i < M; i++) row_narrow_avx512(K, alpha, A + i * rsa, csa, B, rsb, C + i * ldc, (int)N);
    return;
  }
#endif
  const SimdOps *v = simd();
  for (ptrdiff_t i = 0; i < M; i++) v->gemv(K, alpha, A + i * rsa, csa, B, rsb, C + i * ldc, (size_t)N);
}

/* gemv-panels.inc per ISA and panel width: the x86 ones under GCC's target pragmas, the baseline for any build. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define GEMV_X86 1
#pragma GCC push_options
#pragma GCC target("avx512f")
#define W 16
#define V 2
#define PANELS_FN panels_avx512
#include "gemv-panels.inc"
#undef W
#undef V
#undef PANELS_FN
#pragma GCC pop_options
#pragma GCC push_options
#pragma GCC target("avx2,fma")
#define W 8
#define V 2
#define PANELS_FN panels_avx2
#include "gemv-panels.inc"
#undef W
#undef V
#undef PANELS_FN
#pragma GCC pop_options
#endif
#define W 4
#define V 3
#define PANELS_FN panels_base12
#include "gemv-panels.inc"
#undef V
#undef PANELS_FN
#define V 2
#define PANELS_FN panels_base8
#include "gemv-panels.inc"
#undef W
#undef V
#undef PANELS_FN

typedef void (*PanelsFn)(ptrdiff_t n, ptrdiff_t k, float alpha, const float *x, ptrdiff_t incx, const float *bp, float *y);

/* Panel ranges of one product split between threads: each panel is summed alone, so the bits do not depend on the split. */
typedef struct PanelTask {
  PanelsFn fn;
  ptrdiff_t n, k, incx, per_task, nr;
  float alpha;
  const float *x, *bp;
  float *y;
} PanelTask;

static void panel_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const PanelTask *g = ctx;
  const ptrdiff_t j0 = (ptrdiff_t)task * g->per_task * g->nr, n = g->n - j0 < g->per_task * g->nr ? g->n - j0 : g->per_task * g->nr;
  g->fn(n, g->k, g->alpha, g->x, g->incx, g->bp + j0 * g->k, g->y + j0);
}

/* Below this many multiply-adds the product stays on the calling thread (sgemm's threshold). */
#define PANELS_SPLIT_FMAS (1 << 21)

int gemv_panels(ptrdiff_t N, ptrdiff_t K, float alpha, const float *x, ptrdiff_t incx, const float *bp, int nr, float *y) {
  const CpuIsa isa = cpu_isa();
  PanelsFn fn = NULL;
#ifdef GEMV_X86
  if (isa == ISA_AVX512 && nr == 32) fn = panels_avx512;
  if (isa == ISA_AVX2 && nr == 16) fn = panels_avx2;
#endif
  (void)isa;
  if (!fn && nr == 12) fn = panels_base12;
  if (!fn && nr == 8) fn = panels_base8;
  if (!fn) return 0;
  ThreadPool *pool = cpu_pool();
  const int threads = pool_threads(pool);
  const ptrdiff_t panels = (N + nr - 1) / nr;
  if (threads < 2 || panels < 4 || (size_t)(N * K) < cpu_min_split(PANELS_SPLIT_FMAS)) {
    fn(N, K, alpha, x, incx, bp, y);
    return 1;
  }
  /* pairs of panels (the kernel's step), a few tasks per thread so uneven ones balance */
  ptrdiff_t per_task = (panels + 4 * threads - 1) / (4 * threads);
  per_task += per_task & 1;
  PanelTask g = {fn, N, K, incx, per_task, nr, alpha, x, bp, y};
  /* a task streams per_task·nr·K floats of the panels: ~8 multiply-adds per ns from memory */
  parallel_for_cost(pool, (panels + per_task - 1) / per_task, (double)(per_task * nr * K) / 8.0, panel_task, &g);
  return 1;
}
