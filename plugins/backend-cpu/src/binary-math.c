/* Broadcasting float32 Pow, and Max/Min of one or two inputs (more are refused at create()); rows from simd.h. */
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "simd.h"

/*
 * Metadata (two inputs): [rank, out_dims(rank), a_strides(rank), b_strides(rank)], as Add's; stride 0 =
 * broadcast. Max/Min with one input: none (a copy).
 */
int32_t check_binary_math(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  REQUIRE(c->step->input_count <= 2, "%u inputs (the kernel takes one or two)", (unsigned)c->step->input_count);
  int32_t s = check_f32_io(c, 2, err, err_cap);
  if (s != HODU_OK) return s;
  const HoduManifestTensor *y = out_tensor(c, 0);
  if (c->step->input_count == 1) {
    REQUIRE(c->variant != OP_POW, "Pow needs two inputs");
    REQUIRE_META(c->step->metadata_count == 0 && in_tensor(c, 0) && in_tensor(c, 0)->byte_size == y->byte_size);
    return HODU_OK;
  }
  REQUIRE_META(in_tensor(c, 0) && in_tensor(c, 1));
  int64_t rank = c->step->metadata_count ? meta(c, 0) : -1;
  REQUIRE_META(rank >= 0 && rank <= 64 && c->step->metadata_count == 1 + 3 * (uint64_t)rank && y->rank == (uint32_t)rank);
  for (uint32_t d = 0; d < (uint32_t)rank; d++)
    REQUIRE_META(meta(c, 1 + d) == dim(y, d) && meta(c, 1 + (uint32_t)rank + d) >= 0 && meta(c, 1 + 2 * (uint32_t)rank + d) >= 0);
  if (numel(y) == 0) return HODU_OK;
  REQUIRE_META(broadcast_reach(c, (uint32_t)rank, 1 + (uint32_t)rank) <= numel(in_tensor(c, 0)) &&
               broadcast_reach(c, (uint32_t)rank, 1 + 2 * (uint32_t)rank) <= numel(in_tensor(c, 1)));
  return HODU_OK;
}

/* The innermost axis is one tight loop; the outer axes step like an odometer. */
int32_t run_binary_math(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  float *y = out_f32(c, 0);
  if (c->step->input_count == 1) {
    const float *x = in_f32(c, 0);
    if (x != y) memcpy(y, x, (size_t)out_tensor(c, 0)->byte_size);
    return HODU_OK;
  }
  uint32_t rank = (uint32_t)meta(c, 0);
  const float *a = in_f32(c, 0), *b = in_f32(c, 1);
  int64_t dims[64], sa[64], sb[64], idx[64];
  size_t total = 1;
  for (uint32_t d = 0; d < rank; d++) {
    dims[d] = meta(c, 1 + d);
    sa[d] = meta(c, 1 + rank + d);
    sb[d] = meta(c, 1 + 2 * rank + d);
    idx[d] = 0;
    total *= (size_t)dims[d];
  }
  if (total == 0) return HODU_OK;
  size_t inner = rank ? (size_t)dims[rank - 1] : 1;
  ptrdiff_t ia = rank ? (ptrdiff_t)sa[rank - 1] : 0, ib = rank ? (ptrdiff_t)sb[rank - 1] : 0;
  ptrdiff_t ao = 0, bo = 0;
  /* Max/Min propagate NaN, as the interp's Math.max/min; Pow takes x², x³, √x as products or sqrt. */
  const RowFn row = c->variant == OP_MAX ? simd()->max : c->variant == OP_MIN ? simd()->min : simd()->pow;
  for (size_t o = 0; o < total; o += inner) {
    row(a + ao, ia, b + bo, ib, y + o, inner);
    broadcast_next_row(rank, dims, sa, sb, idx, &ao, &bo);
  }
  return HODU_OK;
}
