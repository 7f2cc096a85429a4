/* BatchNormalization, inference: Y = (X − mean) · scale / sqrt(var + ε) + B per channel (or per activation). */
#include <math.h>
#include <stdio.h>
#include "kernels.h"
#include "simd.h"

/* Metadata: [epsilon_bits, training_mode] (training_mode: 1 only from opset 14, where it exists). */
int32_t check_batch_normalization(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  REQUIRE_META(c->step->metadata_count == 2);
  REQUIRE(meta(c, 1) == 0, "training_mode = 1 is not implemented (inference only)");
  int32_t st = check_f32_io(c, 5, err, err_cap);
  if (st != HODU_OK) return st;
  REQUIRE_META(c->step->input_count == 5);
  const HoduManifestTensor *x = in_tensor(c, 0);
  REQUIRE_META(x->rank >= 2 && numel(out_tensor(c, 0)) == numel(x));
  uint64_t channels = (uint64_t)dim(x, 1), spatial = 1, p = 0;
  for (uint32_t d = 2; d < x->rank; d++) spatial *= (uint64_t)dim(x, d);
  for (uint32_t i = 1; i < 5; i++) {
    REQUIRE_META(in_tensor(c, i) != NULL);
    uint64_t n = numel(in_tensor(c, i));
    if (i == 1) p = n;
    /* Per activation (opset < 9, spatial = 0): [C, D1, ...] parameters, told apart by their size. */
    REQUIRE_META(n == p && (n == channels || n == channels * spatial));
  }
  return HODU_OK;
}

int32_t run_batch_normalization(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *xt = in_tensor(c, 0);
  const float *x = in_f32(c, 0), *scale = in_f32(c, 1), *bias = in_f32(c, 2), *mean = in_f32(c, 3), *var = in_f32(c, 4);
  float *y = out_f32(c, 0);
  float eps = meta_f(c, 0);
  size_t batch = (size_t)dim(xt, 0), channels = (size_t)dim(xt, 1), spatial = 1;
  for (uint32_t d = 2; d < xt->rank; d++) spatial *= (size_t)dim(xt, d);
  int per_activation = numel(in_tensor(c, 1)) != channels;
  const SimdOps *v = simd();
  for (size_t n = 0; n < batch; n++)
    for (size_t ch = 0; ch < channels; ch++) {
      size_t off = (n * channels + ch) * spatial;
      /* k = scale / sqrt(var + eps) in double, as the interp computes it (once per channel). */
      if (!per_activation) {
        double k = (double)scale[ch] / sqrt((double)var[ch] + (double)eps);
        v->affine(x + off, y + off, spatial, mean[ch], (float)k, bias[ch]);
        continue;
      }
      for (size_t i = 0; i < spatial; i++) {
        size_t p = ch * spatial + i;
        double k = (double)scale[p] / sqrt((double)var[p] + (double)eps);
        y[off + i] = (float)(((double)x[off + i] - mean[p]) * k + bias[p]);
      }
    }
  return HODU_OK;
}
