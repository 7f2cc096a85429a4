/*
 * Split of float32, float16, int64, int32 or bool data along one axis (metadata [axis], normalized): each
 * output's extent along the axis is its own dim in the tensor table, so the split input (opset ≥ 13), the
 * attribute (before 13) and num_outputs (opset 18) were all resolved by the planner's shape inference and
 * none is read here. Output k is a run of rows of the input: one memcpy per outer index.
 */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

int32_t check_split(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0);
  REQUIRE_META(x && c->step->output_count >= 1 && c->step->metadata_count == 1);
  REQUIRE(hodu_dtype_size(x->dtype) > 0, "dtype %u has no fixed size", (unsigned)x->dtype);
  int64_t axis = meta(c, 0), total = 0;
  REQUIRE_META(axis >= 0 && axis < (int64_t)x->rank);
  for (uint32_t k = 0; k < c->step->output_count; k++) {
    const HoduManifestTensor *y = out_tensor(c, k);
    REQUIRE(y, "output %u is unused: its extent along the axis is unknown", (unsigned)k);
    REQUIRE_META(y->rank == x->rank && y->dtype == x->dtype);
    for (uint32_t d = 0; d < x->rank; d++) REQUIRE_META(d == axis || dim(y, d) == dim(x, d));
    total += dim(y, (uint32_t)axis);
  }
  REQUIRE_META(total == dim(x, (uint32_t)axis));
  return HODU_OK;
}

int32_t run_split(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0);
  uint32_t axis = (uint32_t)meta(c, 0);
  size_t outer = 1, inner = hodu_dtype_size(x->dtype);
  for (uint32_t d = 0; d < axis; d++) outer *= (size_t)dim(x, d);
  for (uint32_t d = axis + 1; d < x->rank; d++) inner *= (size_t)dim(x, d);
  const size_t row = (size_t)dim(x, axis) * inner;
  const uint8_t *src = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  size_t at = 0;
  for (uint32_t k = 0; k < c->step->output_count; k++) {
    size_t chunk = (size_t)dim(out_tensor(c, k), axis) * inner;
    uint8_t *y = c->ptrs[hodu_manifest_step_output(c->step, k)];
    for (size_t o = 0; o < outer; o++) memcpy(y + o * chunk, src + o * row + at, chunk);
    at += chunk;
  }
  return HODU_OK;
}
