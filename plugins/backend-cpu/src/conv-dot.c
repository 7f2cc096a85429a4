/*
 * Conv with few output positions per image (P ≤ 8): every output is a dot product of a filter row W[m, 0:K]
 * with one column of the window, K = channels/group × taps, and both are contiguous once the columns are laid
 * out transposed (cols[p, 0:K], P × K floats, a few KiB). The audio front ends are all like this:
 * melspectrogram's STFT (257 filters × 512 taps over 5 frames), Silero VAD's STFT (258 × 256 over 4) and its
 * encoder (128 × 129·3 over 4 frames down to 128 × 64·3 over 1). A GEMM of W (M × K) by columns (K × P) fills
 * P of the micro-tile's 16 or 32 columns; broadcasting W[m, k] against 8 columns at a time (the path this
 * replaced) did one 8-wide multiply-add per weight and took 95 µs for one STFT conv. Here a block of 4
 * filters × up to 5 positions keeps its vector sums over K in registers, reading each weight once per block
 * of positions and each column vector once per block of filters: 18 µs for the same conv (AVX-512, 1 thread:
 * within 1.4× of its multiply-adds at one 16-lane FMA per cycle).
 * The sums run across the vector lanes and are added at the end, so their order differs from the sgemm's
 * (k in order); both are float32 sums of the same products.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* unroll the 4 × 4 block so its sums stay in registers (the plugin is built at -O2) */
#endif
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#elif defined(__aarch64__)
#include <arm_neon.h>
#endif
#include "conv.h"
#include "isa.h"
#include "threads.h"

#define DOT_ROWS 4 /* filters per task */

typedef struct Dot {
  const float *w, *cols, *bias;
  float *y;
  const Fused *f;
  int64_t m, k, p, ch0; /* ch0: the group's first output channel (per-channel post-ops) */
} Dot;

/* cols[p, 0:K] = X[c, taps] of output position p, 0 in the padding; a run along W is one copy (dilation 1). */
static void dot_columns(const float *x, int64_t channels, const Window *w, float *cols) {
  const int64_t P = window_out_size(w), in_size = window_in_size(w), taps = window_taps(w);
  for (int64_t p = 0; p < P; p++) {
    const int64_t ow = p % w->out[2], oh = p / w->out[2] % w->out[1], od = p / (w->out[2] * w->out[1]);
    float *dst = cols + p * channels * taps;
    for (int64_t ch = 0; ch < channels; ch++)
      for (int64_t kd = 0; kd < w->kernel[0]; kd++)
        for (int64_t kh = 0; kh < w->kernel[1]; kh++, dst += w->kernel[2]) {
          const int64_t id = od * w->stride[0] - w->pad[0] + kd * w->dilation[0];
          const int64_t ih = oh * w->stride[1] - w->pad[1] + kh * w->dilation[1];
          const int64_t iw0 = ow * w->stride[2] - w->pad[2];
          if (id < 0 || id >= w->in[0] || ih < 0 || ih >= w->in[1]) {
            memset(dst, 0, (size_t)w->kernel[2] * sizeof(float));
            continue;
          }
          const float *row = x + ch * in_size + (id * w->in[1] + ih) * w->in[2];
          if (w->dilation[2] == 1 && iw0 >= 0 && iw0 + w->kernel[2] <= w->in[2]) {
            memcpy(dst, row + iw0, (size_t)w->kernel[2] * sizeof(float));
            continue;
          }
          for (int64_t kw = 0; kw < w->kernel[2]; kw++) {
            const int64_t iw = iw0 + kw * w->dilation[2];
            dst[kw] = iw >= 0 && iw < w->in[2] ? row[iw] : 0.0f;
          }
        }
  }
}

/*
 * The body, once per vector width: R filters × T positions (constants after inlining: R ≤ RB, T ≤ 5) of
 * vector sums over the whole vectors of K, then the lanes added and the last K % lanes products in scalars.
 * RB × 5 sums, RB weight vectors and 5 column vectors fit the registers with RB = 4 on AVX-512 (32 of them);
 * AVX2 and 4-lane builds take RB = 2. Five positions in one block: melspectrogram's 5 frames read each weight
 * once (blocks of 4 and 1 read it twice, and the block of 1 is bound by its loads).
 * FMA(a, b, c) = a·b + c in the ISA's fused instruction (the plugin builds with -std=c11, which does not
 * contract a·b + c by itself); LOAD, an unaligned load as the ISA's intrinsic (a memcpy into a vector went
 * through the stack on AVX2: 90 µs instead of 25 for melspectrogram's STFT conv).
 */
#define DOT_BODY(NAME, LANES, RB, TARGET, FMA, LOAD)                                                                 \
  typedef float NAME##_v __attribute__((vector_size(LANES * 4)));                                             \
  TARGET static inline __attribute__((always_inline)) void NAME##_block(const Dot *d, int64_t m0, int64_t p0,   \
                                                                         int R, int T) {                       \
    const int64_t K = d->k, KV = K / LANES * LANES;                                                            \
    const float *w = d->w + m0 * K, *c = d->cols + p0 * K;                                                     \
    NAME##_v acc[RB][5];                                                                                       \
    for (int r = 0; r < R; r++)                                                                                \
      for (int t = 0; t < T; t++) acc[r][t] = (NAME##_v){0};                                                   \
    for (int64_t k = 0; k < KV; k += LANES) {                                                                  \
      NAME##_v cv[5], wv;                                                                                      \
      for (int t = 0; t < T; t++) cv[t] = (NAME##_v)LOAD(c + t * K + k);                                       \
      for (int r = 0; r < R; r++) {                                                                            \
        wv = (NAME##_v)LOAD(w + r * K + k);                                                                     \
        for (int t = 0; t < T; t++) acc[r][t] = FMA(wv, cv[t], acc[r][t]);                                     \
      }                                                                                                        \
    }                                                                                                          \
    for (int r = 0; r < R; r++) {                                                                              \
      const int64_t m = m0 + r;                                                                                \
      for (int t = 0; t < T; t++) {                                                                            \
        float s = 0.0f;                                                                                        \
        for (int l = 0; l < LANES; l++) s += acc[r][t][l];                                                     \
        for (int64_t k = KV; k < K; k++) s += w[r * K + k] * c[t * K + k];                                     \
        d->y[m * d->p + p0 + t] = s + (d->bias ? d->bias[m] : 0.0f);                                           \
      }                                                                                                        \
    }                                                                                                          \
  }                                                                                                            \
  TARGET static void NAME##_rows(const Dot *d, int64_t m0, int R, int64_t p0, int64_t T) {                     \
    if (R == RB) switch (T) {                                                                                  \
        case 5: NAME##_block(d, m0, p0, RB, 5); return;                                                        \
        case 4: NAME##_block(d, m0, p0, RB, 4); return;                                                        \
        case 3: NAME##_block(d, m0, p0, RB, 3); return;                                                        \
        case 2: NAME##_block(d, m0, p0, RB, 2); return;                                                        \
        default: NAME##_block(d, m0, p0, RB, 1); return;                                                       \
      }                                                                                                        \
    switch (T) {                                                                                               \
      case 5: NAME##_block(d, m0, p0, 1, 5); return;                                                           \
      case 4: NAME##_block(d, m0, p0, 1, 4); return;                                                           \
      case 3: NAME##_block(d, m0, p0, 1, 3); return;                                                           \
      case 2: NAME##_block(d, m0, p0, 1, 2); return;                                                           \
      default: NAME##_block(d, m0, p0, 1, 1); return;                                                          \
    }                                                                                                          \
  }                                                                                                            \
  /* One task: DOT_ROWS filters (fewer at the end) over all positions (blocks of 4 while more than 5 are      \
   * left), then their post-ops. */                                                                            \
  TARGET static void NAME##_task(void *ctx, int64_t task, int tid) {                                           \
    (void)tid;                                                                                                 \
    const Dot *d = ctx;                                                                                        \
    const int64_t m0 = task * DOT_ROWS, rows = d->m - m0 < DOT_ROWS ? d->m - m0 : DOT_ROWS;                    \
    for (int64_t p0 = 0, T; p0 < d->p; p0 += T) {                                                              \
      T = d->p - p0 > 5 ? 4 : d->p - p0;                                                                       \
      int64_t r0 = 0;                                                                                          \
      for (; r0 + RB <= rows; r0 += RB) NAME##_rows(d, m0 + r0, RB, p0, T);                                    \
      for (; r0 < rows; r0++) NAME##_rows(d, m0 + r0, 1, p0, T);                                               \
    }                                                                                                          \
    if (d->f)                                                                                                  \
      for (int64_t i = 0; i < rows; i++) post_apply(d->f, d->y + (m0 + i) * d->p, (size_t)d->p, d->ch0 + m0 + i);         \
  }

#if defined(__x86_64__)
#define FMA16(a, b, c) ((dot16_v)_mm512_fmadd_ps((__m512)(a), (__m512)(b), (__m512)(c)))
#define FMA8(a, b, c) ((dot8_v)_mm256_fmadd_ps((__m256)(a), (__m256)(b), (__m256)(c)))
DOT_BODY(dot16, 16, 4, __attribute__((target("avx512f"))), FMA16, _mm512_loadu_ps)
DOT_BODY(dot8, 8, 2, __attribute__((target("avx2,fma"))), FMA8, _mm256_loadu_ps)
#endif
#if defined(__aarch64__)
#define FMA4(a, b, c) ((dot4_v)vfmaq_f32((float32x4_t)(c), (float32x4_t)(a), (float32x4_t)(b)))
#define LOAD4 vld1q_f32
#elif defined(__x86_64__)
#define FMA4(a, b, c) ((a) * (b) + (c))
#define LOAD4 _mm_loadu_ps
#else
#define FMA4(a, b, c) ((a) * (b) + (c))
#define LOAD4 load4
typedef float load4_v __attribute__((vector_size(16)));
static inline load4_v load4(const float *p) {
  load4_v v;
  memcpy(&v, p, sizeof v);
  return v;
}
#endif
DOT_BODY(dot4, 4, 2, , FMA4, LOAD4)

/* Multiply-adds per ns of one core here, roughly: what parallel_for_cost is told a task takes. */
#define DOT_FMAS_PER_NS 24.0

void conv_dot(const float *x, const float *wt, const float *bias, float *y, const Window *w, int64_t group,
              const Fused *f, float *cols) {
  const int64_t cg = w->channels / group, mg = w->out_channels / group, kdim = cg * window_taps(w), P = window_out_size(w);
  TaskFn fn = dot4_task;
#if defined(__x86_64__)
  if (cpu_isa() == ISA_AVX512) fn = dot16_task;
  else if (cpu_isa() == ISA_AVX2) fn = dot8_task;
#endif
  const int64_t tasks = (mg + DOT_ROWS - 1) / DOT_ROWS;
  for (int64_t n = 0; n < w->batch; n++)
    for (int64_t g = 0; g < group; g++) {
      dot_columns(x + (n * w->channels + g * cg) * window_in_size(w), cg, w, cols);
      Dot d = {wt + g * mg * kdim, cols, bias ? bias + g * mg : NULL, y + (n * w->out_channels + g * mg) * P, f, mg, kdim, P, g * mg};
      parallel_for_cost(cpu_pool(), tasks, (double)(DOT_ROWS * kdim * P) / DOT_FMAS_PER_NS, fn, &d);
    }
}
