/* Softmax: exp(x - max) / sum(exp(x - max)) over groups of n elements spaced `inner` apart. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "simd.h"

/* Metadata: [outer, n, inner] (the host resolves the axis and the opset < 13 2-D coercion). */
int32_t check_softmax(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  int32_t st = check_f32_io(c, 1, err, err_cap);
  if (st != HODU_OK) return st;
  int64_t outer = meta(c, 0), n = meta(c, 1), inner = meta(c, 2);
  REQUIRE_META(c->step->metadata_count == 3 && outer >= 0 && n >= 0 && inner >= 0);
  REQUIRE_META(numel(in_tensor(c, 0)) == (uint64_t)(outer * n * inner) && numel(out_tensor(c, 0)) == numel(in_tensor(c, 0)));
  *scratch = inner > 1 ? (size_t)n : 0; /* a strided group, gathered */
  return HODU_OK;
}

/* One contiguous group, x and y possibly the same: max, then exp(x − max) summed (in double across blocks), then scaled. */
static void softmax_row(const SimdOps *v, const float *x, float *y, size_t n) {
  float max = v->max_of(x, n);
  double sum = v->exp_sum(x, y, n, max);
  v->scale(y, y, n, (float)(1.0 / sum));
}

int32_t run_softmax(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  int64_t outer = meta(c, 0), n = meta(c, 1), inner = meta(c, 2);
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  const SimdOps *v = simd();
  for (int64_t o = 0; o < outer; o++) {
    if (inner == 1) {
      softmax_row(v, x + o * n, y + o * n, (size_t)n);
      continue;
    }
    /* Not the last axis: each group is gathered into scratch, so it takes the same vector path. */
    for (int64_t in = 0; in < inner; in++) {
      const float *xs = x + o * n * inner + in;
      float *ys = y + o * n * inner + in, *g = c->scratch;
      for (int64_t q = 0; q < n; q++) g[q] = xs[q * inner];
      softmax_row(v, g, g, (size_t)n);
      for (int64_t q = 0; q < n; q++) ys[q * inner] = g[q];
    }
  }
  return HODU_OK;
}
