/* Softmax, float32: exp(x - max) / sum(exp(x - max)) over groups of n elements spaced `inner` apart. */
#include <math.h>
#include "kernels.h"

/* Metadata: [outer, n, inner] (the host resolves the axis and the opset < 13 2-D coercion). */
int32_t kernel_softmax_f32(const KernelCall *c, char *err, size_t err_cap) {
  CHECK_META(c, c->step->metadata_count == 3);
  int64_t outer = meta(c, 0), n = meta(c, 1), inner = meta(c, 2);
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  for (int64_t o = 0; o < outer; o++)
    for (int64_t in = 0; in < inner; in++) {
      const float *xs = x + o * n * inner + in;
      float *ys = y + o * n * inner + in;
      float max = -INFINITY;
      for (int64_t q = 0; q < n; q++) if (xs[q * inner] > max) max = xs[q * inner];
      double sum = 0;
      for (int64_t q = 0; q < n; q++) {
        float e = expf(xs[q * inner] - max);
        ys[q * inner] = e;
        sum += e;
      }
      for (int64_t q = 0; q < n; q++) ys[q * inner] = (float)(ys[q * inner] / sum);
    }
  return HODU_OK;
}
