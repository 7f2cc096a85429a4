/* LayerNormalization: Y = (X − mean) · InvStdDev · Scale + B per run of n elements, optional Mean/InvStdDev. */
#include <math.h>
#include <stdio.h>
#include "kernels.h"
#include "simd.h"

/* Metadata: [outer, n, epsilon_bits]. Scale and B must hold exactly n elements (no smaller broadcast). */
int32_t check_layer_normalization(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  REQUIRE_META(c->step->metadata_count == 3 && c->step->input_count >= 2 && c->step->output_count <= 3);
  for (uint32_t i = 0; i < c->step->input_count; i++)
    REQUIRE(!in_tensor(c, i) || in_tensor(c, i)->dtype == HODU_DTYPE_FLOAT32, "input %u is not float32", (unsigned)i);
  for (uint32_t i = 0; i < c->step->output_count; i++)
    REQUIRE(!out_tensor(c, i) || out_tensor(c, i)->dtype == HODU_DTYPE_FLOAT32, "output %u is not float32", (unsigned)i);
  int64_t outer = meta(c, 0), n = meta(c, 1);
  REQUIRE_META(outer >= 0 && n >= 0 && out_tensor(c, 0) && in_tensor(c, 1));
  REQUIRE_META(numel(in_tensor(c, 0)) == (uint64_t)(outer * n) && numel(out_tensor(c, 0)) == (uint64_t)(outer * n));
  REQUIRE(numel(in_tensor(c, 1)) == (uint64_t)n && (!in_tensor(c, 2) || numel(in_tensor(c, 2)) == (uint64_t)n),
          "Scale and B must have the normalized shape (broadcasting a smaller one is not implemented)");
  for (uint32_t i = 1; i < c->step->output_count; i++) REQUIRE_META(!out_tensor(c, i) || numel(out_tensor(c, i)) == (uint64_t)outer);
  return HODU_OK;
}

int32_t run_layer_normalization(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  int64_t outer = meta(c, 0), n = meta(c, 1);
  double eps = meta_f(c, 2);
  const float *x = in_f32(c, 0), *scale = in_f32(c, 1), *bias = in_f32(c, 2);
  float *y = out_f32(c, 0), *mean_out = out_f32(c, 1), *inv_out = out_f32(c, 2);
  const SimdOps *v = simd();
  for (int64_t o = 0; o < outer; o++) {
    const float *xr = x + o * n;
    /* Two passes (mean, then squared deviations), summed in float lanes per block and in double across
     * blocks; the last pass in float. */
    double mean = v->sum(xr, (size_t)n) / (double)n; /* NaN for n = 0, as the interp */
    double inv = 1.0 / sqrt(v->sq_dev(xr, (size_t)n, (float)mean) / (double)n + eps);
    v->norm(xr, y + o * n, (size_t)n, (float)mean, (float)inv, scale, bias);
    if (mean_out) mean_out[o] = (float)mean;
    if (inv_out) inv_out[o] = (float)inv;
  }
  return HODU_OK;
}
