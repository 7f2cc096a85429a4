/*
 * Tile of float32, float16, int64, int32 or bool data: Y's dim d is X's dim d times repeats[d], both read
 * from the tensor table (the repeats input was resolved by the planner and is not read); no metadata.
 */
#include <stdio.h>
#include "layout.h"

int32_t check_tile(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x && y && c->step->metadata_count == 0 && x->dtype == y->dtype && x->rank == y->rank && y->rank <= 64);
  REQUIRE(hodu_dtype_size(x->dtype) > 0, "dtype %u has no fixed size", (unsigned)x->dtype);
  for (uint32_t d = 0; d < x->rank; d++) {
    int64_t xd = dim(x, d), yd = dim(y, d);
    REQUIRE_META(xd == 0 ? yd == 0 : yd % xd == 0);
  }
  return HODU_OK;
}

/*
 * Y's axis d of extent repeats[d]·xdims[d] is two axes, (repeat, position in X), the repeat one of stride 0:
 * a strided copy of X (layout.h) of twice the rank.
 */
int32_t run_tile(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  const uint32_t rank = y->rank;
  int64_t dims[2 * 64], stride[2 * 64], acc = 1;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) {
    int64_t xd = dim(x, (uint32_t)d), yd = dim(y, (uint32_t)d);
    dims[2 * d] = xd ? yd / xd : 0, stride[2 * d] = 0;
    dims[2 * d + 1] = xd, stride[2 * d + 1] = acc;
    acc *= xd;
  }
  copy_strided(c->ptrs[hodu_manifest_step_output(c->step, 0)], c->ptrs[hodu_manifest_step_input(c->step, 0)],
               hodu_dtype_size(x->dtype), 2 * rank, dims, stride);
  return HODU_OK;
}
