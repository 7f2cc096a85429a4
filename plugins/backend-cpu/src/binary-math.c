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
  return check_broadcast_meta(c, err, err_cap);
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
  const float *a = in_f32(c, 0), *b = in_f32(c, 1);
  Broadcast bc;
  broadcast_load(c, &bc);
  if (bc.total == 0) return HODU_OK;
  ptrdiff_t ao = 0, bo = 0;
  /* Max/Min propagate NaN, as the interp's Math.max/min; Pow takes x², x³, √x as products or sqrt. */
  const RowFn row = c->variant == OP_MAX ? simd()->max : c->variant == OP_MIN ? simd()->min : simd()->pow;
  for (size_t o = 0; o < bc.total; o += bc.inner) {
    row(a + ao, bc.ia, b + bo, bc.ib, y + o, bc.inner);
    broadcast_next_row(bc.rank, bc.dims, bc.sa, bc.sb, bc.idx, &ao, &bo);
  }
  return HODU_OK;
}
