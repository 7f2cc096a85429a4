/*
 * Split of float32, float16, int64, int32 or bool data along one axis (metadata [axis], normalized): each
 * output's extent along the axis is its own dim in the tensor table, so the split input (opset ≥ 13), the
 * attribute (before 13) and num_outputs (opset 18) were all resolved by the planner's shape inference and
 * none is read here. Split is Concat backwards: the same check and copy (layout.h) with the parts as outputs.
 */
#include <stdio.h>
#include "layout.h"

int32_t check_split(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0);
  REQUIRE_META(x);
  REQUIRE(hodu_dtype_size(x->dtype) > 0, "dtype %u has no fixed size", (unsigned)x->dtype);
  return check_axis_parts(c, x, 1, err, err_cap);
}

int32_t run_split(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  copy_axis_parts(c, in_tensor(c, 0), 1);
  return HODU_OK;
}
