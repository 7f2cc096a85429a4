/*
 * sgemm: pack a KC×NC panel of B and an MC×KC block of A into micro-panels (k-major, zero-padded), then
 * sweep the micro-kernel over them so the accumulators of one MR×NR tile stay in registers for all of KC.
 * Block sizes fit L1 (one B micro-panel + one A micro-panel), L2 (the A block) and L3 (the B panel).
 * The micro-kernel follows the run-time ISA choice (isa.h: cpuid on x86, NEON on aarch64), so the library
 * is built without -march.
 */
#include "sgemm.h"
#include "isa.h"
#include "sgemm-micro.h"
#include "simd.h"
#include "threads.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define CPU_X86 1
#endif

#define KC 384
#define MC_MAX 168
#define NC 3072
#define MR_MAX 14
#define NR_MAX 32

/* A micro-kernel reading B unpacked from its rows (ldb floats apart); see micro_avx512_rows. */
typedef void (*MicroRowsFn)(int k, const float *a, const float *b, ptrdiff_t ldb, float *c, ptrdiff_t ldc, int mr,
                            int nr, int first);

#ifdef CPU_X86
/*
 * AVX-512: a 14×32 tile (28 accumulators). micro_avx512_R computes only the first R rows of a 14-row A
 * panel, so an edge tile of m < 14 rows costs about m/14 of a full one instead of all of it (R is a
 * constant: the `i < R` tests fold away).
 */
#define DEFINE_MICRO512(R)                                                                                     \
  __attribute__((target("avx512f"), always_inline)) static inline void tile512_##R(                           \
      int k, const float *a, const float *b, ptrdiff_t ldb, __mmask16 bm0, __mmask16 bm1, float *c,            \
      ptrdiff_t ldc, int mr, int nr, int first) {                                                              \
    enum { ROWS = R };                                                                                         \
    __m512 acc[R][2];                                                                                          \
    _Pragma("GCC unroll 14") for (int i = 0; i < R; i++) acc[i][0] = acc[i][1] = _mm512_setzero_ps();         \
    for (int i = 0; i < mr && i < R; i++) {                                                                    \
      _mm_prefetch((const char *)(c + i * ldc), _MM_HINT_T0);                                                  \
      _mm_prefetch((const char *)(c + i * ldc + nr - 1), _MM_HINT_T0);                                         \
    }                                                                                                          \
    for (int p = 0; p < k; p++) {                                                                              \
      __m512 b0 = _mm512_maskz_loadu_ps(bm0, b), b1 = _mm512_maskz_loadu_ps(bm1, b + 16);                     \
      ROW512(0) ROW512(1) ROW512(2) ROW512(3) ROW512(4) ROW512(5) ROW512(6)                                    \
      ROW512(7) ROW512(8) ROW512(9) ROW512(10) ROW512(11) ROW512(12) ROW512(13)                                \
      a += 14;                                                                                                 \
      b += ldb;                                                                                                \
    }                                                                                                          \
    __mmask16 m0 = nr >= 16 ? 0xffff : (__mmask16)((1u << nr) - 1);                                          \
    __mmask16 m1 = nr <= 16 ? 0 : nr >= 32 ? 0xffff : (__mmask16)((1u << (nr - 16)) - 1);                    \
    /* unrolled: constant indices keep acc in registers (a variable one made GCC store it every k step) */     \
    _Pragma("GCC unroll 14") for (int i = 0; i < R; i++) {                                                     \
      if (i >= mr) break;                                                                                      \
      float *ci = c + i * ldc;                                                                                 \
      if (!first) {                                                                                            \
        acc[i][0] = _mm512_add_ps(acc[i][0], _mm512_maskz_loadu_ps(m0, ci));                                   \
        acc[i][1] = _mm512_add_ps(acc[i][1], _mm512_maskz_loadu_ps(m1, ci + 16));                              \
      }                                                                                                        \
      _mm512_mask_storeu_ps(ci, m0, acc[i][0]);                                                                \
      _mm512_mask_storeu_ps(ci + 16, m1, acc[i][1]);                                                           \
    }                                                                                                          \
  }                                                                                                            \
  __attribute__((target("avx512f"))) static void micro_avx512_##R(int k, const float *a, const float *b,     \
                                                                   float *c, ptrdiff_t ldc, int mr, int nr,  \
                                                                   int first) {                              \
    tile512_##R(k, a, b, 32, 0xffff, 0xffff, c, ldc, mr, nr, first);                                          \
  }                                                                                                            \
  __attribute__((target("avx512f"))) static void micro_avx512_rows_##R(int k, const float *a, const float *b, \
                                                                        ptrdiff_t ldb, float *c,              \
                                                                        ptrdiff_t ldc, int mr, int nr,        \
                                                                        int first) {                          \
    __mmask16 m0 = nr >= 16 ? 0xffff : (__mmask16)((1u << nr) - 1);                                          \
    __mmask16 m1 = nr <= 16 ? 0 : nr >= 32 ? 0xffff : (__mmask16)((1u << (nr - 16)) - 1);                    \
    tile512_##R(k, a, b, ldb, m0, m1, c, ldc, mr, nr, first);                                                 \
  }
#define ROW512(i)                                                                                              \
  if (i < ROWS) {                                                                                              \
    __m512 ai = _mm512_set1_ps(a[i]);                                                                          \
    acc[i < ROWS ? i : 0][0] = _mm512_fmadd_ps(ai, b0, acc[i < ROWS ? i : 0][0]);                              \
    acc[i < ROWS ? i : 0][1] = _mm512_fmadd_ps(ai, b1, acc[i < ROWS ? i : 0][1]);                              \
  }
DEFINE_MICRO512(2)
DEFINE_MICRO512(4)
DEFINE_MICRO512(6)
DEFINE_MICRO512(8)
DEFINE_MICRO512(10)
DEFINE_MICRO512(12)
DEFINE_MICRO512(14)
#undef ROW512
#undef DEFINE_MICRO512

/* Full tiles take the 14-row kernel; an edge tile of m rows the smallest kernel covering them. */
static void micro_avx512(int k, const float *a, const float *b, float *c, ptrdiff_t ldc, int mr, int nr, int first) {
  static const MicroFn by_half[8] = {micro_avx512_2,  micro_avx512_2,  micro_avx512_4,  micro_avx512_6,
                                     micro_avx512_8,  micro_avx512_10, micro_avx512_12, micro_avx512_14};
  by_half[(mr + 1) / 2](k, a, b, c, ldc, mr, nr, first);
}

/*
 * The same tiles with B read in place from its rows (row stride ldb, unit column stride; columns past nr masked
 * off, so nothing past B's end is read). For a few rows of A (a 1×1 conv with few output channels, X itself as
 * B) each B element is used by only ceil(M / 14) tiles and packing B cost as much as the product.
 */
static void micro_avx512_rows(int k, const float *a, const float *b, ptrdiff_t ldb, float *c, ptrdiff_t ldc, int mr,
                              int nr, int first) {
  static const MicroRowsFn by_half[8] = {micro_avx512_rows_2,  micro_avx512_rows_2,  micro_avx512_rows_4,
                                         micro_avx512_rows_6,  micro_avx512_rows_8,  micro_avx512_rows_10,
                                         micro_avx512_rows_12, micro_avx512_rows_14};
  by_half[(mr + 1) / 2](k, a, b, ldb, c, ldc, mr, nr, first);
}

__attribute__((target("avx2,fma"))) static void micro_avx2(int k, const float *a, const float *b, float *c,
                                                            ptrdiff_t ldc, int mr, int nr, int first) {
  __m256 acc[6][2];
  /* every loop over acc unrolled: with a variable index GCC kept acc in memory, storing all 12 every k step */
#pragma GCC unroll 6
  for (int i = 0; i < 6; i++) acc[i][0] = acc[i][1] = _mm256_setzero_ps();
  for (int p = 0; p < k; p++) {
    __m256 b0 = _mm256_loadu_ps(b), b1 = _mm256_loadu_ps(b + 8);
#define ROW(i)                                                                                                 \
  {                                                                                                            \
    __m256 ai = _mm256_broadcast_ss(a + i);                                                                    \
    acc[i][0] = _mm256_fmadd_ps(ai, b0, acc[i][0]);                                                            \
    acc[i][1] = _mm256_fmadd_ps(ai, b1, acc[i][1]);                                                            \
  }
    ROW(0) ROW(1) ROW(2) ROW(3) ROW(4) ROW(5)
#undef ROW
    a += 6;
    b += 16;
  }
  if (mr == 6 && nr == 16) {
#pragma GCC unroll 6
    for (int i = 0; i < 6; i++) {
      float *ci = c + i * ldc;
      if (!first) {
        acc[i][0] = _mm256_add_ps(acc[i][0], _mm256_loadu_ps(ci));
        acc[i][1] = _mm256_add_ps(acc[i][1], _mm256_loadu_ps(ci + 8));
      }
      _mm256_storeu_ps(ci, acc[i][0]);
      _mm256_storeu_ps(ci + 8, acc[i][1]);
    }
    return;
  }
  float tmp[16];
#pragma GCC unroll 6
  for (int i = 0; i < 6; i++) {
    if (i >= mr) break;
    float *ci = c + i * ldc;
    _mm256_storeu_ps(tmp, acc[i][0]);
    _mm256_storeu_ps(tmp + 8, acc[i][1]);
    for (int j = 0; j < nr; j++) ci[j] = first ? tmp[j] : ci[j] + tmp[j];
  }
}
#endif

#ifdef CPU_X86
/*
 * pack_a for a row-major A (unit column stride) and mr ≤ 16 under AVX-512: 16 columns of the panel's rows at a
 * time, loaded as rows and transposed in registers, so each row is read in order with vector loads and each
 * k step is one masked store (the scalar gather cost 5-6 % of a 1024³ product).
 */
__attribute__((target("avx512f"))) static void pack_a_rows16(const float *src, ptrdiff_t rs, int m, int kc, int mr,
                                                              float alpha, float *dst) {
  const __m512 va = _mm512_set1_ps(alpha);
  const __mmask16 keep = (__mmask16)((1u << mr) - 1);
  for (int p = 0; p < kc; p += 16) {
    int w = kc - p < 16 ? kc - p : 16;
    __mmask16 cols = (__mmask16)((1u << w) - 1);
    __m512 r[16], t[16], u[16];
    for (int i = 0; i < 16; i++)
      r[i] = i < m ? _mm512_mul_ps(va, _mm512_maskz_loadu_ps(cols, src + i * rs + p)) : _mm512_setzero_ps();
    for (int i = 0; i < 16; i += 2) {
      t[i] = _mm512_unpacklo_ps(r[i], r[i + 1]);
      t[i + 1] = _mm512_unpackhi_ps(r[i], r[i + 1]);
    }
    /* u[4g + c], 128-bit lane L: column 4L + c of rows 4g .. 4g+3 */
    for (int g = 0; g < 4; g++) {
      u[4 * g + 0] = _mm512_shuffle_ps(t[4 * g], t[4 * g + 2], 0x44);
      u[4 * g + 1] = _mm512_shuffle_ps(t[4 * g], t[4 * g + 2], 0xEE);
      u[4 * g + 2] = _mm512_shuffle_ps(t[4 * g + 1], t[4 * g + 3], 0x44);
      u[4 * g + 3] = _mm512_shuffle_ps(t[4 * g + 1], t[4 * g + 3], 0xEE);
    }
    for (int c = 0; c < 4; c++) {
      __m512 v0 = _mm512_shuffle_f32x4(u[c], u[4 + c], 0x44), v1 = _mm512_shuffle_f32x4(u[8 + c], u[12 + c], 0x44);
      __m512 v2 = _mm512_shuffle_f32x4(u[c], u[4 + c], 0xEE), v3 = _mm512_shuffle_f32x4(u[8 + c], u[12 + c], 0xEE);
      __m512 col[4] = {_mm512_shuffle_f32x4(v0, v1, 0x88), _mm512_shuffle_f32x4(v0, v1, 0xDD),
                       _mm512_shuffle_f32x4(v2, v3, 0x88), _mm512_shuffle_f32x4(v2, v3, 0xDD)};
      for (int L = 0; L < 4; L++)
        if (4 * L + c < w) _mm512_mask_storeu_ps(dst + (size_t)(p + 4 * L + c) * mr, keep, col[L]);
    }
  }
}
#endif

static void micro_c(int k, const float *a, const float *b, float *c, ptrdiff_t ldc, int mr, int nr, int first) {
  float acc[4][8] = {{0}};
  for (int p = 0; p < k; p++, a += 4, b += 8)
    for (int i = 0; i < 4; i++)
      for (int j = 0; j < 8; j++) acc[i][j] += a[i] * b[j];
  for (int i = 0; i < mr; i++)
    for (int j = 0; j < nr; j++) c[i * ldc + j] = first ? acc[i][j] : c[i * ldc + j] + acc[i][j];
}

typedef struct Micro {
  MicroFn fn;
  int mr, nr;
  const char *name;
  MicroRowsFn rows; /* NULL: this ISA always packs B */
} Micro;

/* HODU_CPU_ISA=avx2|neon|c forces a narrower kernel (to test every path on one machine). */
static Micro pick_micro(void) {
  switch (cpu_isa()) {
#ifdef CPU_X86
    case ISA_AVX512: return (Micro){micro_avx512, 14, 32, "avx512 14x32", micro_avx512_rows};
    case ISA_AVX2: return (Micro){micro_avx2, 6, 16, "avx2 6x16", NULL};
#endif
    case ISA_NEON: return (Micro){sgemm_micro_neon, 8, 12, "neon 8x12", NULL};
    default: return (Micro){micro_c, 4, 8, "c 4x8", NULL};
  }
}

static Micro micro(void) {
  static Micro chosen; /* idempotent: racing first calls compute the same value */
  if (!chosen.fn) chosen = pick_micro();
  return chosen;
}

const char *sgemm_kernel_name(void) { return micro().name; }

size_t sgemm_workspace_floats(void) {
  return (size_t)(MC_MAX + MR_MAX) * KC + (size_t)(NC + NR_MAX) * KC + 16;
}

/* A[0:mc, 0:kc] (scaled by alpha) into mr-row micro-panels. */
static void pack_a(const float *A, ptrdiff_t rs, ptrdiff_t cs, int mc, int kc, int mr, float alpha, float *dst) {
  for (int i = 0; i < mc; i += mr) {
    int m = mc - i < mr ? mc - i : mr;
    const float *src = A + i * rs;
#ifdef CPU_X86
    if (cs == 1 && mr <= 16 && cpu_isa() == ISA_AVX512) {
      pack_a_rows16(src, rs, m, kc, mr, alpha, dst);
      dst += kc * mr;
      continue;
    }
#endif
    if (cs == 1) {
      /* Row by row: each source row is read in order. */
      for (int r = 0; r < m; r++)
        for (int p = 0; p < kc; p++) dst[p * mr + r] = alpha * src[r * rs + p];
      for (int r = m; r < mr; r++)
        for (int p = 0; p < kc; p++) dst[p * mr + r] = 0;
      dst += kc * mr;
      continue;
    }
    for (int p = 0; p < kc; p++) {
      int r = 0;
      for (; r < m; r++) dst[r] = alpha * src[r * rs + p * cs];
      for (; r < mr; r++) dst[r] = 0;
      dst += mr;
    }
  }
}

/* B[0:kc, 0:nc] into nr-column micro-panels. */
static void pack_b(const float *B, ptrdiff_t rs, ptrdiff_t cs, int kc, int nc, int nr, float *dst) {
  for (int j = 0; j < nc; j += nr) {
    int n = nc - j < nr ? nc - j : nr;
    const float *src = B + j * cs;
    if (cs == 1 && n == nr) {
      /* Constant sizes, so the copies are inlined vector moves instead of a libc call per row. */
      if (nr == 32) for (int p = 0; p < kc; p++, dst += 32) memcpy(dst, src + p * rs, 32 * sizeof(float));
      else if (nr == 16) for (int p = 0; p < kc; p++, dst += 16) memcpy(dst, src + p * rs, 16 * sizeof(float));
      else if (nr == 12) for (int p = 0; p < kc; p++, dst += 12) memcpy(dst, src + p * rs, 12 * sizeof(float));
      else for (int p = 0; p < kc; p++, dst += nr) memcpy(dst, src + p * rs, (size_t)nr * sizeof(float));
      continue;
    }
    for (int p = 0; p < kc; p++, dst += nr) {
      int q = 0;
      for (; q < n; q++) dst[q] = src[p * rs + q * cs];
      for (; q < nr; q++) dst[q] = 0;
    }
  }
}

static void scale_c(ptrdiff_t M, ptrdiff_t N, float beta, float *C, ptrdiff_t ldc) {
  if (beta == 1.0f) return;
  for (ptrdiff_t i = 0; i < M; i++) {
    float *ci = C + i * ldc;
    if (beta == 0.0f) memset(ci, 0, (size_t)N * sizeof(float));
    else for (ptrdiff_t j = 0; j < N; j++) ci[j] *= beta;
  }
}

/*
 * One KC×NC block of the macro-loop, B already packed: C[0:M, j0 : j0+nc] += A[:, p0 : p0+kc] · B block.
 * Split into tasks of (MC rows of A) × (a range of B's nr-column panels), so that even an M of one block
 * (a conv with few output channels) is shared out along N. Each task packs its A rows into its thread's own
 * buffer; tasks write disjoint tiles of C, and every element is summed in the same order whatever the
 * split, so any thread count gives the bits of one thread.
 */
typedef struct Macro {
  Micro k;
  ptrdiff_t M, rsa, csa, ldc, col_stride;
  int mc_blk, kc, nc, n_splits, panels;
  float alpha;
  const float *A, *b;
  float *C, *pa; /* pa: the caller's A buffer when running on one thread */
  ThreadPool *pool;
  const float *ap; /* A packed whole by the caller (sgemm_pack_a), at this block's depth; NULL: pack here */
  ptrdiff_t a_stride; /* floats per A row inside the packed panels: kc here, K when prepacked */
  int first;          /* 1: store the tiles (the first depth block of a beta = 0 product), 0: add to C */
  ptrdiff_t ldb;      /* > 0: B is read in place, rows ldb apart (k.rows), b at this block's origin */
} Macro;

static void macro_task(void *ctx, int64_t task, int tid) {
  const Macro *g = ctx;
  const Micro k = g->k;
  ptrdiff_t i0 = (ptrdiff_t)(task / g->n_splits) * g->mc_blk;
  int split = (int)(task % g->n_splits);
  int q0 = (int)((int64_t)g->panels * split / g->n_splits), q1 = (int)((int64_t)g->panels * (split + 1) / g->n_splits);
  if (q0 == q1) return;
  int mc = (int)(g->M - i0 < g->mc_blk ? g->M - i0 : g->mc_blk);
  const float *pa = g->ap ? g->ap + i0 * g->a_stride : NULL;
  if (!pa) {
    float *own = g->pool && tid > 0 ? pool_local(g->pool, tid) : g->pa; /* tid 0: the caller's own */
    pack_a(g->A + i0 * g->rsa, g->rsa, g->csa, mc, g->kc, k.mr, g->alpha, own);
    pa = own;
  }
  for (int j = q0 * k.nr; j < g->nc && j < q1 * k.nr; j += k.nr) {
    int n = g->nc - j < k.nr ? g->nc - j : k.nr;
    for (int i = 0; i < mc; i += k.mr) {
      int m = mc - i < k.mr ? mc - i : k.mr;
      float *c = g->C + (i0 + i) * g->ldc + j;
      if (g->ldb) k.rows(g->kc, pa + (size_t)i * g->a_stride, g->b + j, g->ldb, c, g->ldc, m, n, g->first);
      else k.fn(g->kc, pa + (size_t)i * g->a_stride, g->b + j * g->col_stride, c, g->ldc, m, n, g->first);
    }
  }
}

/* Packing B's block, split by panels (each lands at its own offset: panel q at q·nr·kc). */
typedef struct PackB {
  const float *B;
  ptrdiff_t rs, cs;
  int kc, nc, nr, per_task;
  float *dst;
} PackB;

static void pack_b_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const PackB *g = ctx;
  int j = (int)task * g->per_task * g->nr, n = g->nc - j < g->per_task * g->nr ? g->nc - j : g->per_task * g->nr;
  pack_b(g->B + j * g->cs, g->rs, g->cs, g->kc, n, g->nr, g->dst + (size_t)j * g->kc);
}

/*
 * B is read in place (no packing) by a product of at most this many rows of A whose B has at most
 * ROWS_IN_PLACE_MAX_KN elements: a 1×1 conv over X, 8-96 output channels, gained 58 → 87 GFLOP/s (M = 8) and
 * 80 → 92 over the conv shapes of bench/sgemm-shapes.c; a larger B (576×3136) lives in DRAM, where its rows
 * strided by a page or more are fetched slower than the packing's.
 */
#define ROWS_IN_PLACE_MAX_M 96
#define ROWS_IN_PLACE_MAX_KN (1 << 20)

/* Multiply-adds per ns of one core, roughly (for parallel_worth: a block of fewer is not worth a split). */
#define FMAS_PER_NS 32.0

/*
 * A B of one panel (N ≤ nr: a conv with few output positions, a narrow product): rows of A read in place by
 * simd.h's panel_rows, four at a time over all of K, split by row ranges. Packing A cost as much as the product
 * there (mel spectrogram's STFT conv: M 514, N 5, K 512).
 */
typedef struct Panel {
  ptrdiff_t K, rsa, ldc, M, rows_per_task;
  int N;
  float alpha;
  const float *A, *b;
  float *C;
} Panel;

static void panel_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Panel *g = ctx;
  ptrdiff_t i0 = (ptrdiff_t)task * g->rows_per_task, m = g->M - i0 < g->rows_per_task ? g->M - i0 : g->rows_per_task;
  simd()->panel_rows(g->K, g->alpha, g->A + i0 * g->rsa, g->rsa, g->b, g->C + i0 * g->ldc, g->ldc, m, g->N);
}

static void one_panel(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, const float *b,
                      float *C, ptrdiff_t ldc, int nr) {
  ThreadPool *pool = cpu_pool();
  const int threads = pool_threads(pool);
  int parallel = threads > 1 && parallel_worth(pool, (double)M * nr * K / FMAS_PER_NS);
  ptrdiff_t per = parallel ? (M + 4 * threads - 1) / (4 * threads) : M;
  per = (per + 3) / 4 * 4;
  Panel g = {K, rsa, ldc, M, per, (int)N, alpha, A, b, C};
  parallel_for(parallel ? pool : NULL, (M + per - 1) / per, panel_task, &g);
}

/*
 * The blocked loops. B is either packed here, one KC×NC block at a time from strides (bp == NULL), or was
 * packed whole by the caller (bp: column panels of nr, each K rows deep), so a block is just an offset.
 */
static void blocked_ap(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
                       const float *ap, const float *B, ptrdiff_t rsb, ptrdiff_t csb, const float *bp, float beta,
                       float *C, ptrdiff_t ldc, float *ws) {
  const Micro k = micro();
  const int mc_blk = (MC_MAX / k.mr) * k.mr;
  float *pa = ws;
  float *pb = ws + (size_t)(MC_MAX + MR_MAX) * KC;
  if (!ap && N <= k.nr && csa == 1 && M > k.mr && (bp || (size_t)K * k.nr <= (size_t)(NC + NR_MAX) * KC)) {
    scale_c(M, N, beta, C, ldc);
    if (!bp) pack_b(B, rsb, csb, (int)K, (int)N, k.nr, pb);
    one_panel(M, N, K, alpha, A, rsa, bp ? bp : pb, C, ldc, k.nr);
    return;
  }
  /* beta = 0: the first depth block stores its tiles, so C is neither cleared first nor read back. */
  if (beta != 0.0f) scale_c(M, N, beta, C, ldc);
  ThreadPool *pool = cpu_pool();
  const int threads = pool_threads(pool);
  const int m_blocks = (int)((M + mc_blk - 1) / mc_blk);
  const int in_place = k.rows && !bp && csb == 1 && M <= ROWS_IN_PLACE_MAX_M && K * N <= ROWS_IN_PLACE_MAX_KN;
  for (ptrdiff_t j0 = 0; j0 < N; j0 += NC) {
    int nc = (int)(N - j0 < NC ? N - j0 : NC);
    int panels = (nc + k.nr - 1) / k.nr;
    for (ptrdiff_t p0 = 0; p0 < K; p0 += KC) {
      int kc = (int)(K - p0 < KC ? K - p0 : KC);
      int parallel = threads > 1 && parallel_worth(pool, (double)M * nc * kc / FMAS_PER_NS);
      /* panel j of this block: at b + j · col_stride */
      const float *b = bp ? bp + j0 * K + p0 * k.nr : in_place ? B + p0 * rsb + j0 : pb;
      ptrdiff_t col_stride = bp ? K : kc;
      if (!bp && !in_place) {
        int per_task = parallel ? (panels + threads - 1) / threads : panels;
        PackB pk = {B + p0 * rsb + j0 * csb, rsb, csb, kc, nc, k.nr, per_task, pb};
        parallel_for(parallel ? pool : NULL, (panels + per_task - 1) / per_task, pack_b_task, &pk);
      }
      /* Enough tasks to keep every thread busy (a few each, so uneven edges balance), none narrower than a panel. */
      int n_splits = 1;
      if (parallel && m_blocks < 4 * threads) n_splits = (4 * threads + m_blocks - 1) / m_blocks;
      if (n_splits > panels) n_splits = panels;
      Macro g = {k, M, rsa, csa, ldc, col_stride, mc_blk, kc, nc, n_splits, panels, alpha,
                 A + p0 * csa, b, C + j0, pa, parallel ? pool : NULL, ap ? ap + p0 * k.mr : NULL, ap ? K : kc, beta == 0.0f && p0 == 0, in_place ? rsb : 0};
      parallel_for(g.pool, (int64_t)m_blocks * n_splits, macro_task, &g);
    }
  }
}

static void blocked(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
                    const float *B, ptrdiff_t rsb, ptrdiff_t csb, const float *bp, float beta, float *C, ptrdiff_t ldc,
                    float *ws) {
  blocked_ap(M, N, K, alpha, A, rsa, csa, NULL, B, rsb, csb, bp, beta, C, ldc, ws);
}

/* Floats of A packing each thread of a pool needs (threads.c allocates them per thread). */
size_t sgemm_thread_floats(void) { return (size_t)(MC_MAX + MR_MAX) * KC; }

void sgemm(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
           const float *B, ptrdiff_t rsb, ptrdiff_t csb, float beta, float *C, ptrdiff_t ldc, float *ws) {
  if (K == 0 || M == 0 || N == 0) {
    scale_c(M, N, beta, C, ldc);
    return;
  }
  /* A row or two would fill only 1/7 of a micro-tile and packing B would cost as much as the product. */
  if (M <= 2 && csb == 1) {
    scale_c(M, N, beta, C, ldc);
    gemm_rows(M, N, K, alpha, A, rsa, csa, B, rsb, C, ldc);
    return;
  }
  blocked(M, N, K, alpha, A, rsa, csa, B, rsb, csb, NULL, beta, C, ldc, ws);
}

int sgemm_nr(void) { return micro().nr; }

void sgemm_prepacked(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, float alpha, const float *A, ptrdiff_t rsa, ptrdiff_t csa,
                     const float *bp, float beta, float *C, ptrdiff_t ldc, float *ws) {
  if (K == 0 || M == 0 || N == 0) {
    scale_c(M, N, beta, C, ldc);
    return;
  }
  /* One row (a Gemm/MatMul of batch 1): a 1-row tile would chain its few sums through all of K. */
  if (M == 1) {
    scale_c(M, N, beta, C, ldc);
    /* A one-panel B is a plain row-major B of nr floats per row (zero past N). Only when N fits in one panel:
     * the portable 4×8 and NEON 8×12 tiles have panels narrower than 16, and N = 12 over nr = 8 is two panels. */
    if (N < 16 && N <= micro().nr) {
      gemm_rows(M, N, K, alpha, A, rsa, csa, bp, micro().nr, C, ldc);
      return;
    }
    if (gemv_panels(N, K, alpha, A, csa, bp, micro().nr, C)) return;
    beta = 1.0f; /* C already scaled */
  }
  blocked(M, N, K, alpha, A, rsa, csa, NULL, 0, 0, bp, beta, C, ldc, ws);
}

size_t sgemm_packed_b_floats(ptrdiff_t K, ptrdiff_t N) {
  ptrdiff_t nr = micro().nr;
  return (size_t)((N + nr - 1) / nr * nr * K);
}

/* pack_b over the whole matrix: its block layout (panels of nr columns, kc rows deep) with kc = K is
 * exactly sgemm_prepacked's. */
void sgemm_pack_b(ptrdiff_t K, ptrdiff_t N, const float *B, ptrdiff_t rsb, ptrdiff_t csb, float *bp) {
  pack_b(B, rsb, csb, (int)K, (int)N, micro().nr, bp);
}

size_t sgemm_packed_a_floats(ptrdiff_t M, ptrdiff_t K) {
  ptrdiff_t mr = micro().mr;
  return (size_t)((M + mr - 1) / mr * mr * K);
}

/* pack_a over the whole matrix: mr-row panels K deep, so the block at depth p0 of panel i is at
 * ap + i·K + p0·mr, kc·mr contiguous floats: exactly what pack_a makes per block. */
void sgemm_pack_a(ptrdiff_t M, ptrdiff_t K, const float *A, ptrdiff_t rsa, ptrdiff_t csa, float alpha, float *ap) {
  pack_a(A, rsa, csa, (int)M, (int)K, micro().mr, alpha, ap);
}

void sgemm_prepacked_a(ptrdiff_t M, ptrdiff_t N, ptrdiff_t K, const float *ap, const float *B, ptrdiff_t rsb,
                       ptrdiff_t csb, const float *bp, float beta, float *C, ptrdiff_t ldc, float *ws) {
  if (K == 0 || M == 0 || N == 0) {
    scale_c(M, N, beta, C, ldc);
    return;
  }
  blocked_ap(M, N, K, 1.0f, NULL, 0, 0, ap, B, rsb, csb, bp, beta, C, ldc, ws);
}
