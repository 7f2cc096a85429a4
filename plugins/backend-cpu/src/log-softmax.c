/* LogSoftmax: x − max − log(Σ exp(x − max)) over groups of n elements spaced `inner` apart. */
#include <math.h>
#include <stdio.h>
#include "kernels.h"
#include "simd.h"

/* Metadata: [outer, n, inner], as Softmax's, and checked by it (its scratch, for a strided group, is not used here). */
int32_t check_log_softmax(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  size_t softmax_scratch = 0;
  return check_softmax(c, &softmax_scratch, err, err_cap);
}

int32_t run_log_softmax(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  int64_t outer = meta(c, 0), n = meta(c, 1), inner = meta(c, 2);
  const SimdOps *v = simd();
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  for (int64_t o = 0; o < outer; o++)
    for (int64_t in = 0; in < inner; in++) {
      const float *xs = x + o * n * inner + in;
      float *ys = y + o * n * inner + in;
      float max = -INFINITY;
      double sum = 0;
      if (inner == 1) {
        /* A contiguous row (the usual last axis): the vector max and Σ exp (ys as its scratch), the sum
         * per block in float and across blocks in double. max_of's NaN gives a NaN row, as the loop below. */
        max = v->max_of(xs, (size_t)n);
        sum = v->exp_sum(xs, ys, (size_t)n, max);
      } else {
        for (int64_t q = 0; q < n; q++)
          if (xs[q * inner] > max) max = xs[q * inner];
        /* The sum in double, as the interp's: a long row of tiny terms keeps its low bits. */
        for (int64_t q = 0; q < n; q++) sum += exp((double)xs[q * inner] - max);
      }
      double shift = (double)max + log(sum);
      for (int64_t q = 0; q < n; q++) ys[q * inner] = (float)((double)xs[q * inner] - shift);
    }
  return HODU_OK;
}
