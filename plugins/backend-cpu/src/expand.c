/*
 * Expand of float32, float16, int64, int32 or bool data: numpy broadcasting of X (right-aligned) to Y's dims,
 * both read from the tensor table (the shape input was resolved by the planner and is not read); no
 * metadata. A strided copy of X (layout.h) with stride 0 on the broadcast axes.
 */
#include <stdio.h>
#include "layout.h"

int32_t check_expand(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x && y && c->step->metadata_count == 0 && x->dtype == y->dtype && x->rank <= y->rank && y->rank <= 64);
  REQUIRE(hodu_dtype_size(x->dtype) > 0, "dtype %u has no fixed size", (unsigned)x->dtype);
  for (uint32_t d = 0; d < x->rank; d++) {
    int64_t xd = dim(x, d), yd = dim(y, y->rank - x->rank + d);
    REQUIRE_META(xd == yd || xd == 1);
  }
  return HODU_OK;
}

/* X read with stride 0 on every axis it broadcasts (and on the leading axes it lacks). */
int32_t run_expand(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  const uint32_t rank = y->rank, lead = y->rank - x->rank;
  int64_t dims[64], stride[64], acc = 1;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) {
    dims[d] = dim(y, (uint32_t)d);
    int64_t xd = d >= (int64_t)lead ? dim(x, (uint32_t)d - lead) : 1;
    stride[d] = xd == 1 ? 0 : acc;
    acc *= xd;
  }
  copy_strided(c->ptrs[hodu_manifest_step_output(c->step, 0)], c->ptrs[hodu_manifest_step_input(c->step, 0)],
               hodu_dtype_size(x->dtype), rank, dims, stride);
  return HODU_OK;
}
