/*
 * GatherElements (opsets 11, 13): Y[i0, …, ik, …] = data[i0, …, indices[i0, …, ik, …], …] along `axis`, Y of
 * indices' shape (its dims no larger than data's off the axis); data of any 1-, 2-, 4- or 8-byte dtype, indices
 * int64 or int32. Negative indices count from the end; one out of range fails the run with
 * HODU_ERR_INVALID_ARGUMENT, before anything is written (as the interp throws). Metadata: [axis] (normalized).
 */
#include <string.h>
#include "kernels.h"

int32_t check_gather_elements(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *ix = in_tensor(c, 1), *y = out_tensor(c, 0);
  REQUIRE_META(c->step->input_count == 2 && x && ix && y && c->step->metadata_count == 1);
  REQUIRE(ix->dtype == HODU_DTYPE_INT64 || ix->dtype == HODU_DTYPE_INT32, "indices are not int64 or int32");
  REQUIRE(x->dtype == y->dtype, "data and output dtypes differ");
  size_t es = hodu_dtype_size(x->dtype);
  REQUIRE(es == 1 || es == 2 || es == 4 || es == 8, "element size %zu", es);
  int64_t axis = meta(c, 0);
  REQUIRE_META(x->rank >= 1 && x->rank <= 64 && ix->rank == x->rank && y->rank == x->rank && axis >= 0 && axis < x->rank);
  for (uint32_t d = 0; d < x->rank; d++) {
    REQUIRE_META(dim(y, d) == dim(ix, d));
    REQUIRE_META(d == (uint32_t)axis || dim(ix, d) <= dim(x, d));
  }
  return HODU_OK;
}

static inline int64_t index_at(const void *iv, int wide, size_t k) {
  return wide ? ((const int64_t *)iv)[k] : ((const int32_t *)iv)[k];
}

int32_t run_gather_elements(const KernelCall *c, char *err, size_t err_cap) {
  const HoduManifestTensor *xt = in_tensor(c, 0), *it = in_tensor(c, 1);
  const uint8_t *x = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  const void *iv = c->ptrs[hodu_manifest_step_input(c->step, 1)];
  uint8_t *y = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  const int wide = it->dtype == HODU_DTYPE_INT64;
  const uint32_t rank = xt->rank, axis = (uint32_t)meta(c, 0);
  const int64_t axis_dim = dim(xt, axis);
  const size_t es = hodu_dtype_size(xt->dtype), total = numel(it);
  for (size_t k = 0; k < total; k++) {
    int64_t i = index_at(iv, wide, k);
    if (i < -axis_dim || i >= axis_dim) {
      hodu_set_error(err, err_cap, "%s (node '%s'): index %lld is out of range for a dimension of size %lld", c->step->kernel,
                     c->step->node, (long long)i, (long long)axis_dim);
      return HODU_ERR_INVALID_ARGUMENT;
    }
  }
  if (total == 0) return HODU_OK;
  /* data's element strides; rows of indices' innermost axis walked like an odometer */
  int64_t xs[64], idx[64] = {0}, base = 0;
  xs[rank - 1] = 1;
  for (int64_t d = (int64_t)rank - 2; d >= 0; d--) xs[d] = xs[d + 1] * dim(xt, (uint32_t)d + 1);
  const size_t inner = (size_t)dim(it, rank - 1);
  const int64_t astride = xs[axis];
  for (size_t k = 0; k < total; k += inner) {
    /* base: this row's offset in data, without the axis's coordinate (the index replaces it) */
    for (size_t j = 0; j < inner; j++) {
      int64_t i = index_at(iv, wide, k + j);
      if (i < 0) i += axis_dim;
      const int64_t off = base + (axis == rank - 1 ? i : (int64_t)j + i * astride);
      memcpy(y + (k + j) * es, x + (size_t)off * es, es);
    }
    for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {
      if (++idx[d] < dim(it, (uint32_t)d)) {
        if ((uint32_t)d != axis) base += xs[d];
        break;
      }
      if ((uint32_t)d != axis) base -= xs[d] * (idx[d] - 1);
      idx[d] = 0;
    }
  }
  return HODU_OK;
}
