/*
 * Tile of float32, float16, int64, int32 or bool data: Y's dim d is X's dim d times repeats[d], both read
 * from the tensor table (the repeats input was resolved by the planner and is not read); no metadata.
 * Each row of Y is X's matching row (Y's outer indices modulo X's dims) copied repeats[last] times.
 */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

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

int32_t run_tile(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  const size_t es = hodu_dtype_size(x->dtype), total = numel(y);
  const uint8_t *src = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  uint8_t *dst = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  if (total == 0) return HODU_OK;
  const uint32_t rank = y->rank;
  if (rank == 0) {
    memcpy(dst, src, es);
    return HODU_OK;
  }
  int64_t xdims[64], ydims[64], xstride[64], idx[64] = {0}, acc = 1;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) {
    xdims[d] = dim(x, (uint32_t)d), ydims[d] = dim(y, (uint32_t)d);
    xstride[d] = acc;
    acc *= xdims[d];
  }
  const size_t xrow = (size_t)xdims[rank - 1] * es, yrow = (size_t)ydims[rank - 1] * es;
  int64_t off = 0; /* X's row offset in elements: Σ (idx[d] mod xdims[d]) · xstride[d] over the outer axes */
  for (size_t o = 0; o < total * es; o += yrow) {
    for (size_t r = 0; r < yrow; r += xrow) memcpy(dst + o + r, src + off * (int64_t)es, xrow);
    for (int64_t a = (int64_t)rank - 2; a >= 0; a--) {
      ++idx[a];
      off += xstride[a];
      if (idx[a] % xdims[a] == 0) off -= xstride[a] * xdims[a];
      if (idx[a] < ydims[a]) break;
      idx[a] = 0;
    }
  }
  return HODU_OK;
}
