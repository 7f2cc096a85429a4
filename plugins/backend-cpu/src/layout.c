/* Concat and Transpose: data movement by blocks (memcpy of the largest contiguous run). */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

/* Metadata: [axis] normalized to [0, rank). Inputs share every dim but the axis. */
int32_t check_concat(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t st = check_f32_io(c, UINT32_MAX, err, err_cap);
  if (st != HODU_OK) return st;
  const HoduManifestTensor *y = out_tensor(c, 0);
  int64_t axis = meta(c, 0), total = 0;
  REQUIRE_META(c->step->metadata_count == 1 && axis >= 0 && axis < (int64_t)y->rank);
  for (uint32_t i = 0; i < c->step->input_count; i++) {
    const HoduManifestTensor *x = in_tensor(c, i);
    REQUIRE_META(x && x->rank == y->rank);
    for (uint32_t d = 0; d < y->rank; d++) REQUIRE_META(d == axis || dim(x, d) == dim(y, d));
    total += dim(x, (uint32_t)axis);
  }
  REQUIRE_META(total == dim(y, (uint32_t)axis));
  return HODU_OK;
}

int32_t run_concat(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *y = out_tensor(c, 0);
  uint32_t axis = (uint32_t)meta(c, 0);
  size_t outer = 1, inner = 1;
  for (uint32_t d = 0; d < axis; d++) outer *= (size_t)dim(y, d);
  for (uint32_t d = axis + 1; d < y->rank; d++) inner *= (size_t)dim(y, d);
  size_t row = (size_t)dim(y, axis) * inner, at = 0;
  float *out = out_f32(c, 0);
  for (uint32_t i = 0; i < c->step->input_count; i++) {
    size_t chunk = (size_t)dim(in_tensor(c, i), axis) * inner;
    const float *x = in_f32(c, i);
    for (size_t o = 0; o < outer; o++) memcpy(out + o * row + at, x + o * chunk, chunk * sizeof(float));
    at += chunk;
  }
  return HODU_OK;
}

/* Metadata: [rank, perm(rank)]; output axis a walks input axis perm[a]. */
int32_t check_transpose(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t st = check_f32_io(c, 1, err, err_cap);
  if (st != HODU_OK) return st;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  int64_t rank = meta(c, 0);
  REQUIRE_META(rank >= 0 && rank <= 64 && c->step->metadata_count == 1 + (uint64_t)rank && x->rank == rank && y->rank == rank);
  uint64_t seen = 0;
  for (uint32_t a = 0; a < (uint32_t)rank; a++) {
    int64_t p = meta(c, 1 + a);
    REQUIRE_META(p >= 0 && p < rank && !(seen & (1ull << p)) && dim(y, a) == dim(x, (uint32_t)p));
    seen |= 1ull << p;
  }
  return HODU_OK;
}

int32_t run_transpose(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  uint32_t rank = (uint32_t)meta(c, 0);
  const float *src = in_f32(c, 0);
  float *dst = out_f32(c, 0);
  size_t total = numel(y);
  if (total == 0) return HODU_OK;
  if (rank == 0) {
    dst[0] = src[0];
    return HODU_OK;
  }
  int64_t in_strides[64], stride[64], dims[64], idx[64];
  int64_t acc = 1;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) in_strides[d] = acc, acc *= dim(x, (uint32_t)d);
  for (uint32_t a = 0; a < rank; a++) stride[a] = in_strides[meta(c, 1 + a)], dims[a] = dim(y, a), idx[a] = 0;
  /* The innermost output axis is one strided loop; the outer ones step like an odometer. */
  size_t inner = (size_t)dims[rank - 1];
  int64_t is = stride[rank - 1], off = 0;
  for (size_t o = 0; o < total; o += inner) {
    const float *s = src + off;
    float *d = dst + o;
    if (is == 1) memcpy(d, s, inner * sizeof(float));
    else for (size_t j = 0; j < inner; j++) d[j] = s[(int64_t)j * is];
    for (int64_t a = (int64_t)rank - 2; a >= 0; a--) {
      off += stride[a];
      if (++idx[a] < dims[a]) break;
      off -= stride[a] * dims[a];
      idx[a] = 0;
    }
  }
  return HODU_OK;
}
