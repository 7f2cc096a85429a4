/* Softmax: exp(x - max) / sum(exp(x - max)) over groups of n elements spaced `inner` apart. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the tight loops (the plugin is built at -O2) */
#endif
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "simd.h"
#include "softmax.h"

/* Metadata: [outer, n, inner] (the host resolves the axis and the opset < 13 2-D coercion). Scratch, for a
 * strided group (inner > 1): per column of a block, the max, the sum in double and 1/sum (see softmax_columns). */
int32_t check_softmax(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  int32_t st = check_f32_io(c, 1, err, err_cap);
  if (st != HODU_OK) return st;
  int64_t outer = meta(c, 0), n = meta(c, 1), inner = meta(c, 2);
  REQUIRE_META(c->step->metadata_count == 3 && outer >= 0 && n >= 0 && inner >= 0);
  REQUIRE_META(numel(in_tensor(c, 0)) == (uint64_t)(outer * n * inner) && numel(out_tensor(c, 0)) == numel(in_tensor(c, 0)));
  *scratch = inner > 1 ? softmax_columns_scratch((size_t)inner) : 0;
  return HODU_OK;
}

size_t softmax_columns_scratch(size_t inner) {
  size_t b = inner < SOFTMAX_COLUMNS ? inner : SOFTMAX_COLUMNS;
  return b * (sizeof(double) + 2 * sizeof(float)) / sizeof(float); /* the sums, the maxima, a row */
}

/* One contiguous group, x and y possibly the same: max, then exp(x − max) summed (in double across blocks), then scaled. */
static void softmax_row(const SimdOps *v, const float *x, float *y, size_t n) {
  float max = v->max_of(x, n);
  double sum = v->exp_sum(x, y, n, max);
  v->scale(y, y, n, (float)(1.0 / sum));
}

void softmax_columns(const float *x, float *y, size_t n, size_t inner, float *scratch, int log_form) {
  const SimdOps *v = simd();
  double *sum = (double *)scratch; /* the arena's scratch is 64-byte aligned */
  for (size_t j0 = 0; j0 < inner; j0 += SOFTMAX_COLUMNS) {
    const size_t w = inner - j0 < SOFTMAX_COLUMNS ? inner - j0 : SOFTMAX_COLUMNS;
    float *max = (float *)(sum + w), *k = max + w; /* k: 1/Σ, or LogSoftmax's row of exps */
    const float *xb = x + j0;
    float *yb = y + j0;
    /* Max down the axis (NaN kept, as max_of), one row of w columns at a time. */
    memcpy(max, xb, w * sizeof(float));
    for (size_t q = 1; q < n; q++) v->max(max, 1, xb + q * inner, 1, max, w);
    for (size_t j = 0; j < w; j++) sum[j] = 0.0;
    /* exp(x − max) summed per column in double: into y for Softmax, into a scratch row for LogSoftmax (whose
     * y may be x, still read below). */
    for (size_t q = 0; q < n; q++) v->exp_sub_acc(xb + q * inner, max, log_form ? k : yb + q * inner, sum, w);
    if (log_form) {
      /* x − (max + log Σ) in double, as the contiguous path's: the shift is not rounded to float first. */
      double shift[SOFTMAX_COLUMNS];
      for (size_t j = 0; j < w; j++) shift[j] = (double)max[j] + log(sum[j]);
      for (size_t q = 0; q < n; q++) {
        const float *xr = xb + q * inner;
        float *yr = yb + q * inner;
        for (size_t j = 0; j < w; j++) yr[j] = (float)((double)xr[j] - shift[j]);
      }
    } else {
      for (size_t j = 0; j < w; j++) k[j] = (float)(1.0 / sum[j]);
      for (size_t q = 0; q < n; q++) v->mul(yb + q * inner, 1, k, 1, yb + q * inner, w);
    }
  }
}

int32_t run_softmax(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  int64_t outer = meta(c, 0), n = meta(c, 1), inner = meta(c, 2);
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  const SimdOps *v = simd();
  for (int64_t o = 0; o < outer; o++) {
    if (inner == 1) softmax_row(v, x + o * n, y + o * n, (size_t)n);
    /* Not the last axis: vectorized across the inner columns, which are contiguous at each step of the axis. */
    else if (n > 0) softmax_columns(x + o * n * inner, y + o * n * inner, (size_t)n, (size_t)inner, c->scratch, 0);
  }
  return HODU_OK;
}
