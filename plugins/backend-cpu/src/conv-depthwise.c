/*
 * Depthwise conv (one input channel per group, multiplier M/C small), computed directly. For 1-D and 2-D
 * windows with W stride 1 or 2, each output row is: the edge columns (whose taps reach the padding) one at a
 * time, and the interior in vectors of 16 (AVX-512), 8 (AVX2+FMA) or 4 (NEON) outputs that keep every tap's
 * sum in registers: one load and FMA per tap and vector, one store per vector, then the post-ops on the row
 * while it is in L1. The vector code follows cpu_isa() (isa.h), as the sgemm does;
 * anything else (3-D, W stride > 2) takes the portable loop over taps.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the portable loops (the plugin is built at -O2) */
#endif
#include <string.h>
#include "conv.h"
#include "isa.h"
#include "threads.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif
#if defined(__aarch64__)
#include <arm_neon.h>
#endif

/* The kernel rows of one output row that land inside X: their input rows (at the row's first interior column)
 * and their weights. */
#define MAX_ROWS 16
typedef struct TapRows {
  const float *x[MAX_ROWS], *w[MAX_ROWS];
  int n, kw;
  int64_t dil, sw;
} TapRows;

/*
 * y[o] = b + Σ rows r, taps t: w_r[t] · x_r[o·sw + t·dil] for o in [0, n): all reads inside X (at stride 2 the
 * caller keeps also the float after each output's last tap inside).
 * An interior row function: vector part, returns how many outputs it did (the rest is done by the caller).
 */
typedef int64_t (*RowFn)(const TapRows *t, float b, float *y, int64_t n);

static int64_t row_c(const TapRows *t, float b, float *y, int64_t n) {
  (void)t, (void)b, (void)y, (void)n;
  return 0;
}

#if defined(__x86_64__)
/* Stride 2: the even floats of 32 loaded ones. */
__attribute__((target("avx512f"))) static inline __m512 even16(const float *p) {
  const __m512i idx = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
  return _mm512_permutex2var_ps(_mm512_loadu_ps(p), idx, _mm512_loadu_ps(p + 16));
}

/* Two vectors (32 outputs) at a time, so two FMA chains overlap; the 16-wide loop takes what is left. */
__attribute__((target("avx512f"))) static int64_t row_avx512(const TapRows *t, float b, float *y, int64_t n) {
  const int64_t sw = t->sw, dil = t->dil;
  int64_t o = 0;
  for (; o + 32 <= n; o += 32) {
    __m512 a0 = _mm512_set1_ps(b), a1 = a0;
    for (int r = 0; r < t->n; r++) {
      const float *xr = t->x[r] + o * sw, *wr = t->w[r];
      for (int k = 0; k < t->kw; k++) {
        __m512 wk = _mm512_set1_ps(wr[k]);
        const float *p = xr + k * dil;
        if (sw == 1) {
          a0 = _mm512_fmadd_ps(wk, _mm512_loadu_ps(p), a0);
          a1 = _mm512_fmadd_ps(wk, _mm512_loadu_ps(p + 16), a1);
        } else {
          a0 = _mm512_fmadd_ps(wk, even16(p), a0);
          a1 = _mm512_fmadd_ps(wk, even16(p + 32), a1);
        }
      }
    }
    _mm512_storeu_ps(y + o, a0);
    _mm512_storeu_ps(y + o + 16, a1);
  }
  for (; o + 16 <= n; o += 16) {
    __m512 a0 = _mm512_set1_ps(b);
    for (int r = 0; r < t->n; r++) {
      const float *xr = t->x[r] + o * sw, *wr = t->w[r];
      for (int k = 0; k < t->kw; k++)
        a0 = _mm512_fmadd_ps(_mm512_set1_ps(wr[k]), sw == 1 ? _mm512_loadu_ps(xr + k * dil) : even16(xr + k * dil), a0);
    }
    _mm512_storeu_ps(y + o, a0);
  }
  /* The last < 16 outputs at stride 1: masked loads read only inside X. */
  if (sw == 1 && o < n) {
    __mmask16 m = (__mmask16)((1u << (n - o)) - 1);
    __m512 a0 = _mm512_set1_ps(b);
    for (int r = 0; r < t->n; r++) {
      const float *xr = t->x[r] + o, *wr = t->w[r];
      for (int k = 0; k < t->kw; k++) a0 = _mm512_fmadd_ps(_mm512_set1_ps(wr[k]), _mm512_maskz_loadu_ps(m, xr + k * dil), a0);
    }
    _mm512_mask_storeu_ps(y + o, m, a0);
    o = n;
  }
  return o;
}

/* Stride 2 in AVX2: the even floats of 16, put back in order across the two 128-bit lanes. */
__attribute__((target("avx2,fma"))) static inline __m256 even8(const float *p) {
  __m256 e = _mm256_shuffle_ps(_mm256_loadu_ps(p), _mm256_loadu_ps(p + 8), _MM_SHUFFLE(2, 0, 2, 0));
  return _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(e), _MM_SHUFFLE(3, 1, 2, 0)));
}

__attribute__((target("avx2,fma"))) static int64_t row_avx2(const TapRows *t, float b, float *y, int64_t n) {
  const int64_t sw = t->sw, dil = t->dil;
  int64_t o = 0;
  for (; o + 16 <= n; o += 16) {
    __m256 a0 = _mm256_set1_ps(b), a1 = a0;
    for (int r = 0; r < t->n; r++) {
      const float *xr = t->x[r] + o * sw, *wr = t->w[r];
      for (int k = 0; k < t->kw; k++) {
        __m256 wk = _mm256_set1_ps(wr[k]);
        const float *p = xr + k * dil;
        a0 = _mm256_fmadd_ps(wk, sw == 1 ? _mm256_loadu_ps(p) : even8(p), a0);
        a1 = _mm256_fmadd_ps(wk, sw == 1 ? _mm256_loadu_ps(p + 8) : even8(p + 16), a1);
      }
    }
    _mm256_storeu_ps(y + o, a0);
    _mm256_storeu_ps(y + o + 8, a1);
  }
  for (; o + 8 <= n; o += 8) {
    __m256 a0 = _mm256_set1_ps(b);
    for (int r = 0; r < t->n; r++) {
      const float *xr = t->x[r] + o * sw, *wr = t->w[r];
      for (int k = 0; k < t->kw; k++)
        a0 = _mm256_fmadd_ps(_mm256_set1_ps(wr[k]), sw == 1 ? _mm256_loadu_ps(xr + k * dil) : even8(xr + k * dil), a0);
    }
    _mm256_storeu_ps(y + o, a0);
  }
  return o;
}
#endif

#if defined(__aarch64__)
/* vld2q splits even and odd floats, so stride 2 costs one load like stride 1. */
static int64_t row_neon(const TapRows *t, float b, float *y, int64_t n) {
  const int64_t sw = t->sw, dil = t->dil;
  int64_t o = 0;
  for (; o + 8 <= n; o += 8) {
    float32x4_t a0 = vdupq_n_f32(b), a1 = a0;
    for (int r = 0; r < t->n; r++) {
      const float *xr = t->x[r] + o * sw, *wr = t->w[r];
      for (int k = 0; k < t->kw; k++) {
        const float *p = xr + k * dil;
        if (sw == 1) {
          a0 = vfmaq_n_f32(a0, vld1q_f32(p), wr[k]);
          a1 = vfmaq_n_f32(a1, vld1q_f32(p + 4), wr[k]);
        } else {
          a0 = vfmaq_n_f32(a0, vld2q_f32(p).val[0], wr[k]);
          a1 = vfmaq_n_f32(a1, vld2q_f32(p + 8).val[0], wr[k]);
        }
      }
    }
    vst1q_f32(y + o, a0);
    vst1q_f32(y + o + 4, a1);
  }
  return o;
}
#endif

static RowFn pick_row(void) {
  switch (cpu_isa()) { /* the sgemm's choice, HODU_CPU_ISA included */
#if defined(__x86_64__)
    case ISA_AVX512: return row_avx512;
    case ISA_AVX2: return row_avx2;
#endif
#if defined(__aarch64__)
    case ISA_NEON: return row_neon;
#endif
    default: return row_c;
  }
}

/* One output with every tap's bounds checked (edge columns, and what the vector code left). */
static float point(const TapRows *t, float b, int64_t ow, int64_t off, int64_t in_w) {
  float acc = b;
  for (int r = 0; r < t->n; r++)
    for (int k = 0; k < t->kw; k++) {
      int64_t iw = ow * t->sw + k * t->dil + off;
      if (iw >= 0 && iw < in_w) acc += t->w[r][k] * t->x[r][iw];
    }
  return acc;
}

/* One channel plane of a ≤ 2-D window with W stride 1 or 2 and at most MAX_ROWS kernel rows. */
static void plane_rows(RowFn row, const float *xc, const float *wm, float b, float *ym, const Window *w, const Fused *f,
                       int64_t ch) {
  const int64_t OW = w->out[2], IW = w->in[2], sw = w->stride[2], dil = w->dilation[2], pw = w->pad[2];
  const int kw = (int)w->kernel[2];
  /* Interior columns: every tap inside [0, IW). */
  int64_t lo = (pw + sw - 1) / sw, last = IW - 1 + pw - (kw - 1) * dil;
  int64_t hi = last < 0 ? 0 : last / sw + 1;
  if (hi > OW) hi = OW;
  if (lo > hi) lo = hi;
  /* At stride 2 the vector loads also read the float after an output's last tap: keep it inside the row. */
  int64_t vec_hi = hi;
  if (sw == 2) {
    int64_t last2 = IW - 2 + pw - (kw - 1) * dil, h2 = last2 < 0 ? 0 : last2 / 2 + 1;
    if (h2 < vec_hi) vec_hi = h2 < lo ? lo : h2;
  }
  for (int64_t oh = 0; oh < w->out[1]; oh++) {
    TapRows t = {{0}, {0}, 0, kw, dil, sw};
    for (int64_t kh = 0; kh < w->kernel[1]; kh++) {
      int64_t ih = oh * w->stride[1] - w->pad[1] + kh * w->dilation[1];
      if (ih < 0 || ih >= w->in[1]) continue;
      t.x[t.n] = xc + ih * IW;
      t.w[t.n++] = wm + kh * kw;
    }
    float *yr = ym + oh * OW;
    for (int64_t ow = 0; ow < lo; ow++) yr[ow] = point(&t, b, ow, -pw, IW);
    /* Interior: rows start at the first interior column's first tap. */
    TapRows in = t;
    for (int r = 0; r < t.n; r++) in.x[r] = t.x[r] + lo * sw - pw;
    int64_t done = lo + row(&in, b, yr + lo, vec_hi - lo);
    for (int64_t ow = done; ow < OW; ow++) yr[ow] = point(&t, b, ow, -pw, IW);
    if (f) post_apply(f, yr, (size_t)OW, ch);
  }
}

/* Any window: tap by tap over the plane (the portable fallback). */
static void plane_taps(const float *xc, const float *wm, float b, float *ym, const Window *w, const Fused *f, int64_t ch) {
  const int64_t P = window_out_size(w);
  for (int64_t p = 0; p < P; p++) ym[p] = b;
  for (int64_t kd = 0; kd < w->kernel[0]; kd++)
    for (int64_t kh = 0; kh < w->kernel[1]; kh++)
      for (int64_t kw = 0; kw < w->kernel[2]; kw++) {
        const float wv = wm[(kd * w->kernel[1] + kh) * w->kernel[2] + kw];
        int64_t off = kw * w->dilation[2] - w->pad[2], sw = w->stride[2], lo, hi;
        row_range(w, off, &lo, &hi);
        for (int64_t od = 0; od < w->out[0]; od++) {
          int64_t id = od * w->stride[0] - w->pad[0] + kd * w->dilation[0];
          if (id < 0 || id >= w->in[0]) continue;
          for (int64_t oh = 0; oh < w->out[1]; oh++) {
            int64_t ih = oh * w->stride[1] - w->pad[1] + kh * w->dilation[1];
            if (ih < 0 || ih >= w->in[1]) continue;
            const float *xr = xc + (id * w->in[1] + ih) * w->in[2] + off;
            float *yr = ym + (od * w->out[1] + oh) * w->out[2];
            if (sw == 1) for (int64_t ow = lo; ow < hi; ow++) yr[ow] += wv * xr[ow];
            else for (int64_t ow = lo; ow < hi; ow++) yr[ow] += wv * xr[ow * sw];
          }
        }
      }
  if (f) post_apply(f, ym, (size_t)P, ch);
}

typedef struct Depthwise {
  const float *x, *wt, *bias;
  float *y;
  const Window *w;
  const Fused *f;
  RowFn row; /* NULL: plane_taps */
  int64_t per_task; /* output channels (over all images) per task */
} Depthwise;

/* Output channels [task·per_task, …) counted over all images (n · M + m), each independent. */
static void depthwise_task(void *ctx, int64_t task, int tid) {
  (void)tid;
  const Depthwise *d = ctx;
  const Window *w = d->w;
  const int64_t P = window_out_size(w), in_size = window_in_size(w), taps = window_taps(w);
  const int64_t per = w->out_channels / w->channels, total = w->batch * w->out_channels;
  for (int64_t nm = task * d->per_task; nm < total && nm < (task + 1) * d->per_task; nm++) {
    const int64_t n = nm / w->out_channels, m = nm % w->out_channels;
    float *ym = d->y + (n * w->out_channels + m) * P;
    const float *xc = d->x + (n * w->channels + m / per) * in_size, *wm = d->wt + m * taps;
    float b = d->bias ? d->bias[m] : 0.0f;
    if (d->row) plane_rows(d->row, xc, wm, b, ym, w, d->f, m);
    else plane_taps(xc, wm, b, ym, w, d->f, m);
  }
}

/* Multiply-adds per ns of one core in the row kernels, roughly (for parallel_for_cost's decision). */
#define DW_FMAS_PER_NS 16.0

/* Channels (over all images) are split into about 4 tasks per thread, when parallel_for_cost finds the whole
 * worth more than handing it out. */
void conv_depthwise(const float *x, const float *wt, const float *bias, float *y, const Window *w, const Fused *f) {
  const int64_t total = w->batch * w->out_channels, P = window_out_size(w);
  if (total == 0 || P == 0) return;
  ThreadPool *pool = cpu_pool();
  int64_t n_tasks = 4 * (int64_t)pool_threads(pool) < total ? 4 * (int64_t)pool_threads(pool) : total;
  const int64_t per_task = (total + n_tasks - 1) / n_tasks;
  n_tasks = (total + per_task - 1) / per_task;
  /* The row kernels take ≤ 2-D windows, W stride 1 or 2 (and so do their index types: kw fits an int). */
  int rows = w->kernel[0] == 1 && w->in[0] == 1 && w->out[0] == 1 && w->stride[2] <= 2 &&
             w->kernel[1] <= MAX_ROWS && w->kernel[2] <= 64;
  Depthwise d = {x, wt, bias, y, w, f, rows ? pick_row() : NULL, per_task};
  parallel_for_cost(pool, n_tasks, (double)(per_task * P * window_taps(w)) / DW_FMAS_PER_NS, depthwise_task, &d);
}
