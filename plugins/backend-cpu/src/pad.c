/*
 * Pad of float32 data from opset 11 (pads, constant_value and axes are inputs, read at run time; a run
 * whose pads do not give the planned dims fails with HODU_ERR_INVALID_ARGUMENT). Modes constant, reflect
 * (numpy's, without repeating the edge), edge and wrap, as the interp; negative pads crop.
 * Metadata: [mode, rank, in_dims(rank)], mode 0 constant, 1 reflect, 2 edge, 3 wrap, -1 one the kernel refuses.
 * Scratch: one int64 source offset (or -1: the fill value) per output coordinate of every axis.
 */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

int32_t check_pad(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE(c->step->input_count >= 2 && in_tensor(c, 1), "pads as attributes (before opset 11) are not implemented");
  REQUIRE_META(x && y && c->step->metadata_count >= 2);
  REQUIRE(x->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_FLOAT32, "data is not float32");
  int64_t mode = meta(c, 0), rank = meta(c, 1);
  REQUIRE(mode >= 0 && mode <= 3, "mode is not constant, reflect, edge or wrap (wrap needs opset 19)");
  REQUIRE_META(rank >= 0 && rank <= 64 && x->rank == (uint32_t)rank && y->rank == (uint32_t)rank && c->step->metadata_count == 2 + (uint64_t)rank);
  for (uint32_t d = 0; d < (uint32_t)rank; d++) REQUIRE_META(meta(c, 2 + d) == dim(x, d));
  REQUIRE(in_tensor(c, 1)->dtype == HODU_DTYPE_INT64, "pads is not int64");
  const HoduManifestTensor *cv = c->step->input_count > 2 ? in_tensor(c, 2) : NULL;
  REQUIRE(!cv || (cv->dtype == HODU_DTYPE_FLOAT32 && numel(cv) == 1), "constant_value is not a float32 scalar");
  const HoduManifestTensor *ax = c->step->input_count > 3 ? in_tensor(c, 3) : NULL;
  REQUIRE(!ax || ax->dtype == HODU_DTYPE_INT64 || ax->dtype == HODU_DTYPE_INT32, "axes is not int64 or int32");
  size_t need = 0;
  for (uint32_t d = 0; d < (uint32_t)rank; d++) need += (size_t)dim(y, d);
  *scratch = 2 * need + 2;
  return HODU_OK;
}

/* The source coordinate for padded coordinate `s` (maybe outside [0, dm)), or -1 for the fill value. */
static int64_t source(int64_t s, int64_t dm, int64_t mode) {
  if (s >= 0 && s < dm) return s;
  if (dm == 0) return -1;
  switch (mode) {
    case 2: return s < 0 ? 0 : dm - 1;
    case 3: return ((s % dm) + dm) % dm;
    case 1: {
      if (dm == 1) return 0;
      int64_t period = 2 * (dm - 1), m = ((s % period) + period) % period;
      return m < dm ? m : period - m;
    }
    default: return -1;
  }
}

/* A run-time input (pads, starts, …) the kernel cannot honour: the message names the kernel and node. */
#define FAIL(...) REFUSE(HODU_ERR_INVALID_ARGUMENT, __VA_ARGS__)

int32_t run_pad(const KernelCall *c, char *err, size_t err_cap) {
  const HoduManifestTensor *yt = out_tensor(c, 0), *pt = in_tensor(c, 1);
  const HoduManifestTensor *ct = c->step->input_count > 2 ? in_tensor(c, 2) : NULL;
  const HoduManifestTensor *at = c->step->input_count > 3 ? in_tensor(c, 3) : NULL;
  int64_t mode = meta(c, 0);
  uint32_t rank = (uint32_t)meta(c, 1);
  const int64_t *pads = c->ptrs[hodu_manifest_step_input(c->step, 1)];
  float fill = ct ? ((const float *)c->ptrs[hodu_manifest_step_input(c->step, 2)])[0] : 0.0f;
  size_t n_axes = at ? numel(at) : rank;
  if (numel(pt) != 2 * n_axes) FAIL("pads has %zu values, expected %zu", numel(pt), 2 * n_axes);
  int64_t dims[64], begin[64] = {0}, idx[64];
  int seen[64] = {0};
  for (uint32_t d = 0; d < rank; d++) dims[d] = meta(c, 2 + d);
  for (size_t i = 0; i < n_axes; i++) {
    int64_t a = (int64_t)i;
    if (at) {
      const void *av = c->ptrs[hodu_manifest_step_input(c->step, 3)];
      a = at->dtype == HODU_DTYPE_INT64 ? ((const int64_t *)av)[i] : ((const int32_t *)av)[i];
      if (a < -(int64_t)rank || a >= (int64_t)rank) FAIL("axis %lld is out of range", (long long)a);
      if (a < 0) a += rank;
    }
    if (seen[a]++) FAIL("repeated axis %lld", (long long)a);
    begin[a] = pads[i];
    if (dims[a] + pads[i] + pads[i + n_axes] != dim(yt, (uint32_t)a)) FAIL("pads do not give the planned dims on axis %lld", (long long)a);
  }
  size_t total = numel(yt);
  if (total == 0) return HODU_OK;
  int grows = 0;
  for (uint32_t d = 0; d < rank; d++) grows |= dim(yt, d) > dims[d];
  int empty = 0;
  for (uint32_t d = 0; d < rank; d++) empty |= dims[d] == 0;
  if (mode != 0 && empty && grows) FAIL("mode %lld cannot pad an empty input", (long long)mode);
  /* Per axis, the source offset (elements) of each output coordinate, -1 for the fill value. */
  int64_t *table = (int64_t *)c->scratch, *tab[64], stride = 1;
  size_t used = 0;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) {
    tab[d] = table + used;
    for (int64_t i = 0; i < dim(yt, (uint32_t)d); i++) {
      int64_t s = source(i - begin[d], dims[d], mode);
      tab[d][i] = s < 0 ? -1 : s * stride;
    }
    used += (size_t)dim(yt, (uint32_t)d);
    stride *= dims[d];
  }
  const float *x = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  float *y = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  size_t inner = rank ? (size_t)dim(yt, rank - 1) : 1;
  for (uint32_t d = 0; d < rank; d++) idx[d] = 0;
  for (size_t o = 0; o < total; o += inner) {
    int64_t base = 0;
    int outside = 0;
    for (uint32_t d = 0; d + 1 < rank; d++) {
      int64_t t = tab[d][idx[d]];
      if (t < 0) outside = 1;
      base += t;
    }
    if (outside) for (size_t j = 0; j < inner; j++) y[o + j] = fill;
    else if (rank == 0) y[o] = x[0];
    else for (size_t j = 0; j < inner; j++) y[o + j] = tab[rank - 1][j] < 0 ? fill : x[base + tab[rank - 1][j]];
    for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {
      if (++idx[d] < dim(yt, (uint32_t)d)) break;
      idx[d] = 0;
    }
  }
  return HODU_OK;
}
