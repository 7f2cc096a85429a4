/*
 * GroupNormalization (opsets 18 and 21): X [N, C, D1, …] (rank ≥ 2), channels in num_groups groups; each
 * (n, group) is normalized over its channels and spatial dims, Y = (X − mean) / sqrt(var + epsilon) · scale + bias
 * with scale and bias one per group (18) or one per channel (21), variance divided by the group's size, as the
 * interp. float32; the statistics as InstanceNormalization's (float lanes per block, double across, simd.h),
 * groups split between threads. Metadata [num_groups, per_channel, epsilon_bits].
 */
#include <math.h>
#include "kernels.h"
#include "simd.h"
#include "threads.h"

int32_t check_group_normalization(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *s = in_tensor(c, 1), *b = in_tensor(c, 2), *y = out_tensor(c, 0);
  REQUIRE(c->step->input_count == 3 && x && s && b && y, "takes X, scale and bias");
  REQUIRE(x->dtype == HODU_DTYPE_FLOAT32 && s->dtype == HODU_DTYPE_FLOAT32 && b->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_FLOAT32, "only float32");
  REQUIRE(x->rank >= 2, "X must be [N, C, ...]");
  REQUIRE_META(c->step->metadata_count == 3 && y->rank == x->rank);
  for (uint32_t d = 0; d < x->rank; d++) REQUIRE_META(dim(y, d) == dim(x, d));
  const int64_t groups = meta(c, 0), per_channel = meta(c, 1), channels = dim(x, 1);
  REQUIRE(groups >= 1 && channels % groups == 0, "num_groups %lld does not divide C = %lld", (long long)groups, (long long)channels);
  REQUIRE_META(per_channel == 0 || per_channel == 1);
  const uint64_t want = (uint64_t)(per_channel ? channels : groups);
  REQUIRE(numel(s) == want && numel(b) == want, "scale and bias need %llu elements", (unsigned long long)want);
  return HODU_OK;
}

typedef struct Groups {
  const float *x, *scale, *bias;
  float *y;
  size_t groups, per_group, spatial;
  int per_channel;
  double eps;
  const SimdOps *v;
} Groups;

/* One task: one (n, group), per_group·spatial contiguous elements. */
static void normalize_group(void *arg, int64_t task, int tid) {
  (void)tid;
  const Groups *p = arg;
  const size_t span = p->per_group * p->spatial, g = (size_t)task % p->groups;
  const float *xr = p->x + (size_t)task * span;
  float *yr = p->y + (size_t)task * span;
  const double mean = p->v->sum(xr, span) / (double)span;
  const double inv = 1.0 / sqrt(p->v->sq_dev(xr, span, (float)mean) / (double)span + p->eps);
  const float m = (float)mean;
  for (size_t ch = 0; ch < p->per_group; ch++) {
    const size_t at = p->per_channel ? g * p->per_group + ch : g;
    /* (x − mean) · a + b, as InstanceNormalization: a constant group gives b exactly */
    const float a = (float)(inv * p->scale[at]), b = p->bias[at];
    const float *xc = xr + ch * p->spatial;
    float *yc = yr + ch * p->spatial;
    for (size_t i = 0; i < p->spatial; i++) yc[i] = (xc[i] - m) * a + b;
  }
}

int32_t run_group_normalization(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0);
  size_t spatial = 1;
  for (uint32_t d = 2; d < x->rank; d++) spatial *= (size_t)dim(x, d);
  const size_t groups = (size_t)meta(c, 0);
  Groups p = {in_f32(c, 0), in_f32(c, 1), in_f32(c, 2), out_f32(c, 0), groups, (size_t)dim(x, 1) / groups, spatial,
              meta(c, 1) != 0, meta_f(c, 2), simd()};
  const size_t tasks = (size_t)dim(x, 0) * groups, span = p.per_group * spatial;
  if (tasks == 0 || span == 0) return HODU_OK;
  /* about 1 ns an element for the three passes (two sums and the affine one) on one core */
  parallel_for_cost(cpu_pool(), (int64_t)tasks, (double)span, normalize_group, &p);
  return HODU_OK;
}
