/*
 * Expand of float32, float16, int64, int32 or bool data: numpy broadcasting of X (right-aligned) to Y's dims,
 * both read from the tensor table (the shape input was resolved by the planner and is not read); no
 * metadata. Rows of Y are copies of an X row (memcpy) or one value repeated along a broadcast inner axis.
 */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

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

#define FILL(T) for (size_t j = 0; j < inner; j++) ((T *)d)[j] = *(const T *)s;

int32_t run_expand(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  const size_t es = hodu_dtype_size(x->dtype), total = numel(y);
  const uint8_t *src = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  uint8_t *dst = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  if (total == 0) return HODU_OK;
  const uint32_t rank = y->rank, lead = y->rank - x->rank;
  if (rank == 0) {
    memcpy(dst, src, es);
    return HODU_OK;
  }
  int64_t dims[64], stride[64], idx[64] = {0}, acc = 1;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) {
    dims[d] = dim(y, (uint32_t)d);
    int64_t xd = d >= (int64_t)lead ? dim(x, (uint32_t)d - lead) : 1;
    stride[d] = xd == 1 ? 0 : acc;
    acc *= xd;
  }
  const size_t inner = (size_t)dims[rank - 1];
  int64_t off = 0;
  for (size_t o = 0; o < total; o += inner) {
    const uint8_t *s = src + off * (int64_t)es;
    uint8_t *d = dst + o * es;
    if (stride[rank - 1]) memcpy(d, s, inner * es);
    else if (es == 8) FILL(uint64_t)
    else if (es == 4) FILL(uint32_t)
    else if (es == 2) FILL(uint16_t)
    else memset(d, *s, inner);
    for (int64_t a = (int64_t)rank - 2; a >= 0; a--) {
      off += stride[a];
      if (++idx[a] < dims[a]) break;
      off -= stride[a] * dims[a];
      idx[a] = 0;
    }
  }
  return HODU_OK;
}
