/*
 * Concat, Transpose and the copies (Identity, Reshape, Flatten, Squeeze, Unsqueeze) of int64, int32, bool and
 * float16 data, by element size (float32 has its own rows in layout.c and elementwise.c; copy-typed.c copies
 * int64/int32/bool): the shape and index paths of detection models concatenate and transpose int64 shapes and
 * bool masks, and float16 models move float16 tensors. Metadata as the float32 kernels: Concat [axis],
 * Transpose [rank, perm(rank)], copies none.
 */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

static int typed_dtype(uint32_t dtype) {
  return dtype == HODU_DTYPE_INT64 || dtype == HODU_DTYPE_INT32 || dtype == HODU_DTYPE_BOOL || dtype == HODU_DTYPE_FLOAT16;
}

static void *in_ptr(const KernelCall *c, uint32_t i) { return c->ptrs[hodu_manifest_step_input(c->step, i)]; }
static void *out_ptr(const KernelCall *c, uint32_t i) { return c->ptrs[hodu_manifest_step_output(c->step, i)]; }

int32_t check_concat_typed(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *y = out_tensor(c, 0);
  REQUIRE_META(y && c->step->input_count >= 1 && c->step->metadata_count == 1);
  REQUIRE(typed_dtype(y->dtype), "data is not int64, int32, bool or float16");
  int64_t axis = meta(c, 0), total = 0;
  REQUIRE_META(axis >= 0 && axis < (int64_t)y->rank);
  for (uint32_t i = 0; i < c->step->input_count; i++) {
    const HoduManifestTensor *x = in_tensor(c, i);
    REQUIRE_META(x && x->rank == y->rank && x->dtype == y->dtype);
    for (uint32_t d = 0; d < y->rank; d++) REQUIRE_META(d == axis || dim(x, d) == dim(y, d));
    total += dim(x, (uint32_t)axis);
  }
  REQUIRE_META(total == dim(y, (uint32_t)axis));
  return HODU_OK;
}

int32_t run_concat_typed(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *y = out_tensor(c, 0);
  const size_t es = hodu_dtype_size(y->dtype);
  uint32_t axis = (uint32_t)meta(c, 0);
  size_t outer = 1, inner = es;
  for (uint32_t d = 0; d < axis; d++) outer *= (size_t)dim(y, d);
  for (uint32_t d = axis + 1; d < y->rank; d++) inner *= (size_t)dim(y, d);
  size_t row = (size_t)dim(y, axis) * inner, at = 0;
  uint8_t *out = out_ptr(c, 0);
  for (uint32_t i = 0; i < c->step->input_count; i++) {
    size_t chunk = (size_t)dim(in_tensor(c, i), axis) * inner;
    const uint8_t *x = in_ptr(c, i);
    for (size_t o = 0; o < outer; o++) memcpy(out + o * row + at, x + o * chunk, chunk);
    at += chunk;
  }
  return HODU_OK;
}

int32_t check_transpose_typed(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x && y && c->step->input_count == 1 && x->dtype == y->dtype);
  REQUIRE(typed_dtype(y->dtype), "data is not int64, int32, bool or float16");
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

#define STRIDED(T) for (size_t j = 0; j < inner; j++) ((T *)d)[j] = ((const T *)s)[(int64_t)j * is];

int32_t run_transpose_typed(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  const size_t es = hodu_dtype_size(y->dtype), total = numel(y);
  uint32_t rank = (uint32_t)meta(c, 0);
  const uint8_t *src = in_ptr(c, 0);
  uint8_t *dst = out_ptr(c, 0);
  if (total == 0) return HODU_OK;
  if (rank == 0) {
    memcpy(dst, src, es);
    return HODU_OK;
  }
  int64_t in_strides[64], stride[64], dims[64], idx[64], acc = 1;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) in_strides[d] = acc, acc *= dim(x, (uint32_t)d);
  for (uint32_t a = 0; a < rank; a++) stride[a] = in_strides[meta(c, 1 + a)], dims[a] = dim(y, a), idx[a] = 0;
  /* The innermost output axis is one strided loop; the outer ones step like an odometer (as layout.c). */
  size_t inner = (size_t)dims[rank - 1];
  int64_t is = stride[rank - 1], off = 0;
  for (size_t o = 0; o < total; o += inner) {
    const uint8_t *s = src + off * (int64_t)es;
    uint8_t *d = dst + o * es;
    if (is == 1) memcpy(d, s, inner * es);
    else if (es == 8) STRIDED(uint64_t)
    else if (es == 4) STRIDED(uint32_t)
    else if (es == 2) STRIDED(uint16_t)
    else STRIDED(uint8_t)
    for (int64_t a = (int64_t)rank - 2; a >= 0; a--) {
      off += stride[a];
      if (++idx[a] < dims[a]) break;
      off -= stride[a] * dims[a];
      idx[a] = 0;
    }
  }
  return HODU_OK;
}

/* float16 Identity/Reshape/Flatten/Squeeze/Unsqueeze: the bytes do not change (input 1 is not read). */
int32_t check_copy_f16(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x && y);
  REQUIRE(x->dtype == HODU_DTYPE_FLOAT16 && y->dtype == HODU_DTYPE_FLOAT16, "data is not float16");
  REQUIRE_META(x->byte_size == y->byte_size);
  return HODU_OK;
}

int32_t run_copy_f16(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const void *x = in_ptr(c, 0);
  void *y = out_ptr(c, 0);
  if (x != y) memcpy(y, x, (size_t)out_tensor(c, 0)->byte_size);
  return HODU_OK;
}
