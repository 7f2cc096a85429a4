/* LogSoftmax: x − max − log(Σ exp(x − max)) over groups of n elements spaced `inner` apart. */
#include <math.h>
#include <stdio.h>
#include "kernels.h"
#include "simd.h"
#include "softmax.h"

/* Metadata: [outer, n, inner], as Softmax's, and checked by it, with its scratch for a strided group. */
int32_t check_log_softmax(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  return check_softmax(c, scratch, err, err_cap);
}

int32_t run_log_softmax(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  int64_t outer = meta(c, 0), n = meta(c, 1), inner = meta(c, 2);
  const SimdOps *v = simd();
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  for (int64_t o = 0; o < outer; o++) {
    const float *xs = x + o * n * inner;
    float *ys = y + o * n * inner;
    if (inner > 1) {
      /* Not the last axis: vectorized across the columns (softmax.c), the same arithmetic as below. */
      if (n > 0) softmax_columns(xs, ys, (size_t)n, (size_t)inner, c->scratch, 1);
      continue;
    }
    /* A contiguous row (the usual last axis): the vector max and Σ exp (ys as its scratch), the sum per block
     * in float and across blocks in double. max_of's NaN gives a NaN row. */
    float max = v->max_of(xs, (size_t)n);
    double sum = v->exp_sum(xs, ys, (size_t)n, max);
    double shift = (double)max + log(sum);
    for (int64_t q = 0; q < n; q++) ys[q] = (float)((double)xs[q] - shift);
  }
  return HODU_OK;
}
