/*
 * ScatterND (opsets 11, 13, 16, 18): Y = a copy of data in which each row of indices [.., k] addresses the slab
 * data[i0, …, ik−1, …] that the matching slab of updates replaces (reduction none) or is combined into (add,
 * mul from 16; max, min from 18), rows in order (a later duplicate wins, or combines after the earlier one),
 * as the interp. float32 data and updates (the combination rounded once from double, as the interp's
 * Math.fround), int64 indices; negative indices count from the end; one out of range fails the run with
 * HODU_ERR_INVALID_ARGUMENT before Y is touched. Transformers' KV caches are updated this way.
 * Metadata: [k, reduction] (0 none, 1 add, 2 mul, 3 max, 4 min; −1 a reduction this opset lacks: refused).
 */
#include <math.h>
#include <string.h>
#include "kernels.h"

int32_t check_scatter_nd(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *ix = in_tensor(c, 1), *u = in_tensor(c, 2), *y = out_tensor(c, 0);
  REQUIRE_META(c->step->input_count == 3 && x && ix && u && y && c->step->metadata_count == 2);
  REQUIRE(x->dtype == HODU_DTYPE_FLOAT32 && u->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_FLOAT32 && ix->dtype == HODU_DTYPE_INT64,
          "takes float32 data and updates and int64 indices");
  const int64_t k = meta(c, 0), reduction = meta(c, 1);
  REQUIRE(reduction >= 0 && reduction <= 4, "reduction is not one this opset has");
  REQUIRE_META(ix->rank >= 1 && k == dim(ix, ix->rank - 1) && k >= 0 && k <= x->rank && y->rank == x->rank);
  for (uint32_t d = 0; d < x->rank; d++) REQUIRE_META(dim(y, d) == dim(x, d));
  /* updates: indices' dims but the last, then data's dims from k on */
  REQUIRE_META(u->rank == ix->rank - 1 + x->rank - (uint32_t)k);
  for (uint32_t d = 0; d + 1 < ix->rank; d++) REQUIRE_META(dim(u, d) == dim(ix, d));
  for (uint32_t d = (uint32_t)k; d < x->rank; d++) REQUIRE_META(dim(u, ix->rank - 1 + d - (uint32_t)k) == dim(x, d));
  return HODU_OK;
}

static inline float combine(int reduction, float a, float b) {
  switch (reduction) {
  case 1: return (float)((double)a + (double)b);
  case 2: return (float)((double)a * (double)b);
  case 3: return a >= b || isnan(a) ? a : b;
  case 4: return a <= b || isnan(a) ? a : b;
  default: return b;
  }
}

int32_t run_scatter_nd(const KernelCall *c, char *err, size_t err_cap) {
  const HoduManifestTensor *xt = in_tensor(c, 0), *it = in_tensor(c, 1);
  const float *x = in_f32(c, 0), *u = in_f32(c, 2);
  const int64_t *ix = (const int64_t *)c->ptrs[hodu_manifest_step_input(c->step, 1)];
  float *y = out_f32(c, 0);
  const uint32_t k = (uint32_t)meta(c, 0);
  const int reduction = (int)meta(c, 1);
  int64_t strides[64];
  size_t slab = 1;
  for (uint32_t d = xt->rank; d-- > 0;) {
    strides[d] = (int64_t)slab;
    slab *= (size_t)dim(xt, d);
  }
  const size_t total = slab;
  slab = k > 0 ? (size_t)strides[k - 1] : total; /* data's dims from k on */
  size_t rows = 1; /* indices' dims but the last */
  for (uint32_t d = 0; d + 1 < it->rank; d++) rows *= (size_t)dim(it, d);
  for (size_t r = 0; r < rows * k; r++) {
    const int64_t n = dim(xt, (uint32_t)(r % k)), i = ix[r];
    if (i < -n || i >= n) {
      hodu_set_error(err, err_cap, "%s (node '%s'): index %lld is out of range for a dimension of size %lld", c->step->kernel,
                     c->step->node, (long long)i, (long long)n);
      return HODU_ERR_INVALID_ARGUMENT;
    }
  }
  if (y != x) memcpy(y, x, total * sizeof(float));
  for (size_t r = 0; r < rows; r++) {
    int64_t off = 0;
    for (uint32_t j = 0; j < k; j++) {
      int64_t i = ix[r * k + j];
      off += (i < 0 ? i + dim(xt, j) : i) * strides[j];
    }
    float *dst = y + off;
    const float *src = u + r * slab;
    if (reduction == 0) memcpy(dst, src, slab * sizeof(float));
    else for (size_t e = 0; e < slab; e++) dst[e] = combine(reduction, dst[e], src[e]);
  }
  return HODU_OK;
}
