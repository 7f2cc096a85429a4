/*
 * Gather along one axis of data of any 1-, 4- or 8-byte dtype, indices int64 or int32. Negative indices
 * count from the end; an index out of range fails the run with HODU_ERR_INVALID_ARGUMENT (as the interp
 * throws). Metadata: [outer, axis_dim, inner, n_indices] (outer = product of dims before the axis, inner =
 * after it).
 */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

int32_t check_gather(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *ix = in_tensor(c, 1), *y = out_tensor(c, 0);
  REQUIRE_META(c->step->input_count == 2 && x && ix && y && c->step->metadata_count == 4);
  REQUIRE(ix->dtype == HODU_DTYPE_INT64 || ix->dtype == HODU_DTYPE_INT32, "indices are not int64 or int32");
  REQUIRE(x->dtype == y->dtype, "data and output dtypes differ");
  size_t es = hodu_dtype_size(x->dtype);
  REQUIRE(es == 1 || es == 4 || es == 8, "element size %zu", es);
  int64_t outer = meta(c, 0), axis_dim = meta(c, 1), inner = meta(c, 2), n = meta(c, 3);
  REQUIRE_META(outer >= 0 && axis_dim >= 0 && inner >= 0 && n >= 0);
  REQUIRE_META((uint64_t)(outer * axis_dim * inner) == numel(x) && (uint64_t)n == numel(ix) && (uint64_t)(outer * n * inner) == numel(y));
  return HODU_OK;
}

int32_t run_gather(const KernelCall *c, char *err, size_t err_cap) {
  const HoduManifestTensor *xt = in_tensor(c, 0), *it = in_tensor(c, 1);
  const uint8_t *x = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  const void *iv = c->ptrs[hodu_manifest_step_input(c->step, 1)];
  uint8_t *y = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  int64_t outer = meta(c, 0), axis_dim = meta(c, 1), inner = meta(c, 2), n = meta(c, 3);
  size_t row = (size_t)inner * hodu_dtype_size(xt->dtype);
  for (int64_t k = 0; k < n; k++) {
    int64_t i = it->dtype == HODU_DTYPE_INT64 ? ((const int64_t *)iv)[k] : ((const int32_t *)iv)[k];
    if (i < -axis_dim || i >= axis_dim) {
      hodu_set_error(err, err_cap, "%s (node '%s'): index %lld is out of range for a dimension of size %lld", c->step->kernel,
                     c->step->node, (long long)i, (long long)axis_dim);
      return HODU_ERR_INVALID_ARGUMENT;
    }
  }
  for (int64_t o = 0; o < outer; o++) {
    for (int64_t k = 0; k < n; k++) {
      int64_t i = it->dtype == HODU_DTYPE_INT64 ? ((const int64_t *)iv)[k] : ((const int32_t *)iv)[k];
      if (i < 0) i += axis_dim;
      memcpy(y + (size_t)(o * n + k) * row, x + (size_t)(o * axis_dim + i) * row, row);
    }
  }
  return HODU_OK;
}
