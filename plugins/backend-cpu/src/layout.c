/*
 * Concat and Transpose of float32, int64, int32, bool and float16 data, by element size, and the shared
 * copies of layout.h (Split, Expand and Tile use them too). Metadata: Concat [axis], Transpose
 * [rank, perm(rank)]. The shape and index paths of detection models concatenate and transpose int64 shapes and
 * bool masks, and float16 models move float16 tensors, so every dtype runs the same byte moves.
 */
#include <stdio.h>
#include <string.h>
#include "layout.h"

static int layout_dtype(uint32_t dtype) {
  return dtype == HODU_DTYPE_FLOAT32 || dtype == HODU_DTYPE_INT64 || dtype == HODU_DTYPE_INT32 || dtype == HODU_DTYPE_BOOL ||
         dtype == HODU_DTYPE_FLOAT16;
}

static const HoduManifestTensor *part_tensor(const KernelCall *c, int outputs, uint32_t k) {
  return outputs ? out_tensor(c, k) : in_tensor(c, k);
}
static uint8_t *part_ptr(const KernelCall *c, int outputs, uint32_t k) {
  return c->ptrs[outputs ? hodu_manifest_step_output(c->step, k) : hodu_manifest_step_input(c->step, k)];
}

int32_t check_axis_parts(const KernelCall *c, const HoduManifestTensor *whole, int parts_are_outputs, char *err, size_t err_cap) {
  const uint32_t parts = parts_are_outputs ? c->step->output_count : c->step->input_count;
  REQUIRE_META(whole && parts >= 1 && c->step->metadata_count == 1);
  int64_t axis = meta(c, 0), total = 0;
  REQUIRE_META(axis >= 0 && axis < (int64_t)whole->rank);
  for (uint32_t k = 0; k < parts; k++) {
    const HoduManifestTensor *p = part_tensor(c, parts_are_outputs, k);
    /* An unused Split output has no dims in the table, so its extent (and every later part's place) is unknown. */
    if (parts_are_outputs) REQUIRE(p, "output %u is unused: its extent along the axis is unknown", (unsigned)k);
    REQUIRE_META(p && p->rank == whole->rank && p->dtype == whole->dtype);
    for (uint32_t d = 0; d < whole->rank; d++) REQUIRE_META(d == axis || dim(p, d) == dim(whole, d));
    total += dim(p, (uint32_t)axis);
  }
  REQUIRE_META(total == dim(whole, (uint32_t)axis));
  return HODU_OK;
}

void copy_axis_parts(const KernelCall *c, const HoduManifestTensor *whole, int parts_are_outputs) {
  const uint32_t axis = (uint32_t)meta(c, 0), parts = parts_are_outputs ? c->step->output_count : c->step->input_count;
  size_t outer = 1, inner = hodu_dtype_size(whole->dtype);
  for (uint32_t d = 0; d < axis; d++) outer *= (size_t)dim(whole, d);
  for (uint32_t d = axis + 1; d < whole->rank; d++) inner *= (size_t)dim(whole, d);
  const size_t row = (size_t)dim(whole, axis) * inner;
  uint8_t *w = part_ptr(c, !parts_are_outputs, 0);
  size_t at = 0;
  for (uint32_t k = 0; k < parts; k++) {
    const size_t chunk = (size_t)dim(part_tensor(c, parts_are_outputs, k), axis) * inner;
    uint8_t *p = part_ptr(c, parts_are_outputs, k);
    for (size_t o = 0; o < outer; o++) {
      if (parts_are_outputs) memcpy(p + o * chunk, w + o * row + at, chunk);
      else memcpy(w + o * row + at, p + o * chunk, chunk);
    }
    at += chunk;
  }
}

#define STRIDED(T) for (size_t j = 0; j < inner; j++) ((T *)d)[j] = ((const T *)s)[(int64_t)j * is];
#define FILL(T) for (size_t j = 0; j < inner; j++) ((T *)d)[j] = *(const T *)s;

void copy_strided(uint8_t *dst, const uint8_t *src, size_t es, uint32_t rank, int64_t *dims, int64_t *stride) {
  uint32_t r = 0;
  for (uint32_t a = 0; a < rank; a++) {
    if (dims[a] == 0) return;
    if (dims[a] == 1) continue;
    /* The previous kept axis steps exactly over this one's whole run: the two are one axis. */
    if (r && stride[r - 1] == stride[a] * dims[a]) {
      dims[r - 1] *= dims[a], stride[r - 1] = stride[a];
      continue;
    }
    dims[r] = dims[a], stride[r] = stride[a], r++;
  }
  if (r == 0) {
    memcpy(dst, src, es);
    return;
  }
  int64_t idx[STRIDED_MAX_RANK] = {0}, total = 1;
  for (uint32_t a = 0; a < r; a++) total *= dims[a];
  /* The innermost axis is one copy, fill or strided loop; the outer ones step like an odometer. */
  const size_t inner = (size_t)dims[r - 1];
  const int64_t is = stride[r - 1];
  int64_t off = 0;
  for (int64_t o = 0; o < total; o += (int64_t)inner) {
    const uint8_t *s = src + off * (int64_t)es;
    uint8_t *d = dst + (size_t)o * es;
    if (is == 1) memcpy(d, s, inner * es);
    else if (is == 0) {
      if (es == 8) FILL(uint64_t)
      else if (es == 4) FILL(uint32_t)
      else if (es == 2) FILL(uint16_t)
      else if (es == 1) memset(d, *s, inner);
      else for (size_t j = 0; j < inner; j++) memcpy(d + j * es, s, es);
    } else if (es == 8) STRIDED(uint64_t)
    else if (es == 4) STRIDED(uint32_t)
    else if (es == 2) STRIDED(uint16_t)
    else if (es == 1) STRIDED(uint8_t)
    else for (size_t j = 0; j < inner; j++) memcpy(d + j * es, s + (int64_t)j * is * (int64_t)es, es);
    for (int64_t a = (int64_t)r - 2; a >= 0; a--) {
      off += stride[a];
      if (++idx[a] < dims[a]) break;
      off -= stride[a] * dims[a];
      idx[a] = 0;
    }
  }
}

int32_t check_concat(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *y = out_tensor(c, 0);
  REQUIRE_META(y);
  REQUIRE(layout_dtype(y->dtype), "data is not float32, int64, int32, bool or float16");
  return check_axis_parts(c, y, 0, err, err_cap);
}

int32_t run_concat(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  copy_axis_parts(c, out_tensor(c, 0), 0);
  return HODU_OK;
}

/* Output axis a walks input axis perm[a]. */
int32_t check_transpose(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x && y && c->step->input_count == 1 && x->dtype == y->dtype);
  REQUIRE(layout_dtype(y->dtype), "data is not float32, int64, int32, bool or float16");
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
  const uint32_t rank = (uint32_t)meta(c, 0);
  int64_t in_strides[64], stride[64], dims[64], acc = 1;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) in_strides[d] = acc, acc *= dim(x, (uint32_t)d);
  for (uint32_t a = 0; a < rank; a++) stride[a] = in_strides[meta(c, 1 + a)], dims[a] = dim(y, a);
  copy_strided(c->ptrs[hodu_manifest_step_output(c->step, 0)], c->ptrs[hodu_manifest_step_input(c->step, 0)],
               hodu_dtype_size(y->dtype), rank, dims, stride);
  return HODU_OK;
}
