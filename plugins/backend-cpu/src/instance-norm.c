/*
 * InstanceNormalization (opsets 1 and 6): Y = scale[c] · (X − mean) / sqrt(var + epsilon) + B[c], the
 * statistics per (n, c) plane over the spatial dims of X [N, C, D1, …] (rank ≥ 3), variance divided by the
 * plane's size. float32 (the float16/double the spec also allows are not listed). PyTorch exports nn.GroupNorm
 * this way before opset 18 (Reshape to [N, groups, −1] → InstanceNormalization with unit scale → Reshape →
 * Mul → Add; wav2vec2-style audio front ends) and nn.InstanceNorm directly. Metadata [epsilon_bits].
 * As LayerNormalization: two passes (mean, then squared deviations) summed in float lanes per block and in
 * double across blocks (simd.h), then one fused multiply-add per element; planes are split between threads.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the affine pass (the plugin is built at -O2) */
#endif
#include <math.h>
#include "kernels.h"
#include "simd.h"
#include "threads.h"

int32_t check_instance_normalization(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *s = in_tensor(c, 1), *b = in_tensor(c, 2), *y = out_tensor(c, 0);
  REQUIRE(c->step->input_count == 3 && x && s && b && y, "takes input, scale and B");
  REQUIRE(x->dtype == HODU_DTYPE_FLOAT32 && s->dtype == HODU_DTYPE_FLOAT32 && b->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_FLOAT32, "only float32");
  REQUIRE(x->rank >= 3, "input must be [N, C, D1, ...]");
  REQUIRE_META(c->step->metadata_count == 1 && y->rank == x->rank);
  for (uint32_t d = 0; d < x->rank; d++) REQUIRE_META(dim(y, d) == dim(x, d));
  REQUIRE_META(numel(s) == (uint64_t)dim(x, 1) && numel(b) == (uint64_t)dim(x, 1));
  return HODU_OK;
}

typedef struct Planes {
  const float *x, *scale, *bias;
  float *y;
  size_t channels, spatial;
  double eps;
  const SimdOps *v;
} Planes;

/* One task: one (n, c) plane. */
static void normalize_plane(void *arg, int64_t task, int tid) {
  (void)tid;
  const Planes *p = arg;
  {
    size_t plane = (size_t)task;
    const float *xr = p->x + plane * p->spatial;
    float *yr = p->y + plane * p->spatial;
    size_t ch = plane % p->channels;
    double mean = p->v->sum(xr, p->spatial) / (double)p->spatial; /* NaN for an empty plane, as the interp */
    double inv = 1.0 / sqrt(p->v->sq_dev(xr, p->spatial, (float)mean) / (double)p->spatial + p->eps);
    /* (x − mean) · a + B, not x · a + (B − mean · a): a constant plane (one element, say) gives B exactly. */
    const float m = (float)mean, a = (float)(inv * p->scale[ch]), b = p->bias[ch];
    for (size_t i = 0; i < p->spatial; i++) yr[i] = (xr[i] - m) * a + b;
  }
}

int32_t run_instance_normalization(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0);
  size_t spatial = 1;
  for (uint32_t d = 2; d < x->rank; d++) spatial *= (size_t)dim(x, d);
  Planes p = {in_f32(c, 0), in_f32(c, 1), in_f32(c, 2), out_f32(c, 0), (size_t)dim(x, 1), spatial, meta_f(c, 0), simd()};
  size_t planes = (size_t)dim(x, 0) * p.channels;
  if (planes == 0 || spatial == 0) return HODU_OK;
  /* About 1 ns per element for the three passes (two sums and the affine one) on one core. */
  parallel_for_cost(cpu_pool(), (int64_t)planes, (double)spatial, normalize_plane, &p);
  return HODU_OK;
}
