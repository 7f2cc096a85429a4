/*
 * Conv with few output positions per image (P ≤ 8): every output is a dot product of a filter row W[m, 0:K]
 * with one column of the window, K = channels/group × taps, and both are contiguous once the columns are laid
 * out transposed (cols[p, 0:K], P × K floats, a few KiB). The audio front ends are all like this:
 * melspectrogram's STFT (257 filters × 512 taps over 5 frames), Silero VAD's STFT (258 × 256 over 4) and its
 * encoder (128 × 129·3 over 4 frames down to 128 × 64·3 over 1). A GEMM of W (M × K) by columns (K × P) fills
 * P of the micro-tile's 16 or 32 columns; broadcasting W[m, k] against 8 columns at a time (the path this
 * replaced) did one 8-wide multiply-add per weight and took 95 µs for one STFT conv. Here a block of 4
 * filters × 4 positions keeps 16 vector sums over K, reading each weight once per block of positions and each
 * column vector once per 4 filters: about 7 µs for the same conv (AVX-512, 1 thread).
 * The sums run across the vector lanes and are added at the end, so their order differs from the sgemm's
 * (k in order); both are float32 sums of the same products.
 */
#include <string.h>
#include "conv.h"
#include "isa.h"
#include "threads.h"

#define DOT_ROWS 4 /* filters per block */
#define DOT_COLS 4 /* output positions per block */

typedef struct Dot {
  const float *w, *cols, *bias;
  float *y;
  const Fused *f;
  int64_t m, k, p;
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
 * The body, once per vector width: R filters × T positions (constants after inlining, ≤ 4 each) of vector
 * sums over the whole vectors of K, then the lanes added and the last K % lanes products in scalars.
 */
#define DOT_BODY(NAME, LANES, TARGET)                                                                           \
  typedef float NAME##_v __attribute__((vector_size(LANES * 4)));                                             \
  TARGET static inline __attribute__((always_inline)) void NAME##_block(const Dot *d, int64_t m0, int64_t p0,   \
                                                                         int R, int T, float out[4][4]) {      \
    const int64_t K = d->k, KV = K / LANES * LANES;                                                            \
    const float *w = d->w + m0 * K, *c = d->cols + p0 * K;                                                     \
    NAME##_v acc[4][4];                                                                                        \
    for (int r = 0; r < R; r++)                                                                                \
      for (int t = 0; t < T; t++) acc[r][t] = (NAME##_v){0};                                                   \
    for (int64_t k = 0; k < KV; k += LANES) {                                                                  \
      NAME##_v cv[4], wv;                                                                                      \
      for (int t = 0; t < T; t++) memcpy(&cv[t], c + t * K + k, sizeof wv);                                     \
      for (int r = 0; r < R; r++) {                                                                            \
        memcpy(&wv, w + r * K + k, sizeof wv);                                                                  \
        for (int t = 0; t < T; t++) acc[r][t] += wv * cv[t];                                                   \
      }                                                                                                        \
    }                                                                                                          \
    for (int r = 0; r < R; r++)                                                                                \
      for (int t = 0; t < T; t++) {                                                                            \
        float s = 0.0f;                                                                                        \
        for (int l = 0; l < LANES; l++) s += acc[r][t][l];                                                     \
        for (int64_t k = KV; k < K; k++) s += w[r * K + k] * c[t * K + k];                                     \
        out[r][t] = s;                                                                                         \
      }                                                                                                        \
  }                                                                                                            \
  /* One task: DOT_ROWS filters (fewer at the end) over all positions, then their post-ops. */                 \
  TARGET static void NAME##_task(void *ctx, int64_t task, int tid) {                                           \
    (void)tid;                                                                                                 \
    const Dot *d = ctx;                                                                                        \
    const int64_t m0 = task * DOT_ROWS, rows = d->m - m0 < DOT_ROWS ? d->m - m0 : DOT_ROWS;                    \
    float out[4][4];                                                                                           \
    for (int64_t p0 = 0; p0 < d->p; p0 += DOT_COLS) {                                                          \
      const int64_t cols = d->p - p0 < DOT_COLS ? d->p - p0 : DOT_COLS;                                        \
      for (int64_t r0 = 0; r0 < rows;) {                                                                       \
        int r = 1;                                                                                             \
        if (rows - r0 >= 4) {                                                                                  \
          r = 4;                                                                                               \
          switch (cols) {                                                                                      \
            case 4: NAME##_block(d, m0 + r0, p0, 4, 4, out); break;                                            \
            case 3: NAME##_block(d, m0 + r0, p0, 4, 3, out); break;                                            \
            case 2: NAME##_block(d, m0 + r0, p0, 4, 2, out); break;                                            \
            default: NAME##_block(d, m0 + r0, p0, 4, 1, out); break;                                           \
          }                                                                                                    \
        } else {                                                                                               \
          switch (cols) {                                                                                      \
            case 4: NAME##_block(d, m0 + r0, p0, 1, 4, out); break;                                            \
            case 3: NAME##_block(d, m0 + r0, p0, 1, 3, out); break;                                            \
            case 2: NAME##_block(d, m0 + r0, p0, 1, 2, out); break;                                            \
            default: NAME##_block(d, m0 + r0, p0, 1, 1, out); break;                                           \
          }                                                                                                    \
        }                                                                                                      \
        for (int i = 0; i < r; i++)                                                                            \
          for (int64_t t = 0; t < cols; t++) {                                                                 \
            const int64_t m = m0 + r0 + i;                                                                     \
            d->y[m * d->p + p0 + t] = out[i][t] + (d->bias ? d->bias[m] : 0.0f);                               \
          }                                                                                                    \
        r0 += r;                                                                                               \
      }                                                                                                        \
    }                                                                                                          \
    if (d->f)                                                                                                  \
      for (int64_t i = 0; i < rows; i++) post_apply(d->f, d->y + (m0 + i) * d->p, (size_t)d->p);              \
  }

#if defined(__x86_64__)
DOT_BODY(dot16, 16, __attribute__((target("avx512f"))))
DOT_BODY(dot8, 8, __attribute__((target("avx2,fma"))))
#endif
DOT_BODY(dot4, 4, )

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
      Dot d = {wt + g * mg * kdim, cols, bias ? bias + g * mg : NULL, y + (n * w->out_channels + g * mg) * P, f, mg, kdim, P};
      parallel_for_cost(cpu_pool(), tasks, (double)(DOT_ROWS * kdim * P) / DOT_FMAS_PER_NS, fn, &d);
    }
}
