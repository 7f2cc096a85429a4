/*
 * Slice of data of any 1-, 4- or 8-byte dtype, with the interp's (ONNX Slice-10+) clamping; steps may be
 * negative. From opset 10 starts/ends/axes/steps are int64 or int32 inputs read at run time, so a run
 * whose slice does not give the planned output dims fails with HODU_ERR_INVALID_ARGUMENT; before 10 they
 * are attributes in the metadata.
 * Metadata: [rank, in_dims(rank)] from opset 10; before: [rank, in_dims(rank), n, starts(n), ends(n), axes(n)].
 */
#include <stdio.h>
#include <string.h>
#include "kernels.h"

int32_t check_slice(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x && y && c->step->metadata_count >= 1);
  int64_t rank = meta(c, 0);
  REQUIRE_META(rank >= 0 && rank <= 64 && x->rank == (uint32_t)rank && y->rank == (uint32_t)rank);
  REQUIRE(x->dtype == y->dtype, "data and output dtypes differ");
  size_t es = hodu_dtype_size(x->dtype);
  REQUIRE(es == 1 || es == 4 || es == 8, "element size %zu", es);
  for (uint32_t d = 0; d < (uint32_t)rank; d++) REQUIRE_META(meta(c, 1 + d) == dim(x, d));
  if (c->step->input_count == 1) {
    REQUIRE_META(c->step->metadata_count > 1 + (uint64_t)rank);
    int64_t n = meta(c, 1 + (uint32_t)rank);
    REQUIRE_META(n >= 0 && n <= rank && c->step->metadata_count == 2 + (uint64_t)rank + 3 * (uint64_t)n);
    return HODU_OK;
  }
  REQUIRE_META(c->step->metadata_count == 1 + (uint64_t)rank && c->step->input_count >= 3 && c->step->input_count <= 5);
  for (uint32_t i = 1; i < c->step->input_count; i++) {
    const HoduManifestTensor *t = in_tensor(c, i);
    REQUIRE(i >= 3 || t, "starts and ends are required");
    REQUIRE(!t || t->dtype == HODU_DTYPE_INT64 || t->dtype == HODU_DTYPE_INT32, "input %u is not int64 or int32", (unsigned)i);
  }
  return HODU_OK;
}

/* Value k of index input i (int64 or int32), or `fallback` when the input is omitted. */
static int64_t index_at(const KernelCall *c, uint32_t i, size_t k, int64_t fallback) {
  const HoduManifestTensor *t = i < c->step->input_count ? in_tensor(c, i) : NULL;
  if (!t) return fallback;
  const void *p = c->ptrs[hodu_manifest_step_input(c->step, i)];
  return t->dtype == HODU_DTYPE_INT64 ? ((const int64_t *)p)[k] : ((const int32_t *)p)[k];
}

/* A run-time input (pads, starts, …) the kernel cannot honour: the message names the kernel and node. */
#define FAIL(...) REFUSE(HODU_ERR_INVALID_ARGUMENT, __VA_ARGS__)

int32_t run_slice(const KernelCall *c, char *err, size_t err_cap) {
  const HoduManifestTensor *xt = in_tensor(c, 0), *yt = out_tensor(c, 0);
  uint32_t rank = (uint32_t)meta(c, 0);
  int64_t dims[64], begin[64], step[64], count[64], stride[64], idx[64];
  int seen[64] = {0};
  for (uint32_t d = 0; d < rank; d++) dims[d] = meta(c, 1 + d), begin[d] = 0, step[d] = 1, count[d] = dims[d];
  int old = c->step->input_count == 1;
  size_t n = old ? (size_t)meta(c, 1 + rank) : numel(in_tensor(c, 1));
  if (!old && (numel(in_tensor(c, 2)) != n || (in_tensor(c, 3) && numel(in_tensor(c, 3)) != n) ||
               (c->step->input_count > 4 && in_tensor(c, 4) && numel(in_tensor(c, 4)) != n)))
    FAIL("starts, ends, axes and steps must have the same length");
  for (size_t i = 0; i < n; i++) {
    int64_t s = old ? meta(c, 2 + rank + (uint32_t)i) : index_at(c, 1, i, 0);
    int64_t e = old ? meta(c, 2 + rank + (uint32_t)(n + i)) : index_at(c, 2, i, 0);
    int64_t a = old ? meta(c, 2 + rank + (uint32_t)(2 * n + i)) : index_at(c, 3, i, (int64_t)i);
    int64_t st = old ? 1 : index_at(c, 4, i, 1);
    if (a < -(int64_t)rank || a >= (int64_t)rank) FAIL("axis %lld is out of range", (long long)a);
    if (a < 0) a += rank;
    if (seen[a]++) FAIL("repeated axis %lld", (long long)a);
    if (st == 0) FAIL("steps cannot be 0");
    int64_t dm = dims[a];
    if (s < 0) s += dm;
    if (e < 0) e += dm;
    if (st > 0) {
      s = s < 0 ? 0 : s > dm ? dm : s;
      e = e < 0 ? 0 : e > dm ? dm : e;
      count[a] = e > s ? (int64_t)(((uint64_t)(e - s) + (uint64_t)st - 1) / (uint64_t)st) : 0;
    } else {
      s = s < 0 ? 0 : s > dm - 1 ? dm - 1 : s;
      e = e < -1 ? -1 : e > dm - 1 ? dm - 1 : e;
      uint64_t neg = (uint64_t)(-(st + 1)) + 1u;
      count[a] = s > e ? (int64_t)(((uint64_t)(s - e) + neg - 1) / neg) : 0;
    }
    begin[a] = s;
    step[a] = st;
  }
  size_t total = 1;
  for (uint32_t d = 0; d < rank; d++) {
    if (count[d] != dim(yt, d)) FAIL("axis %u gives %lld elements, the plan has %lld", (unsigned)d, (long long)count[d], (long long)dim(yt, d));
    total *= (size_t)count[d];
  }
  if (total == 0) return HODU_OK;
  int64_t acc = 1;
  for (int64_t d = (int64_t)rank - 1; d >= 0; d--) stride[d] = acc, acc *= dims[d];
  size_t es = hodu_dtype_size(xt->dtype);
  const uint8_t *x = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  uint8_t *y = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  /* Offset (in elements) of the current row's first element; rows run along the last axis. */
  ptrdiff_t off = 0;
  for (uint32_t d = 0; d < rank; d++) off += (ptrdiff_t)(begin[d] * stride[d]), idx[d] = 0;
  size_t inner = rank ? (size_t)count[rank - 1] : 1;
  ptrdiff_t inc = rank ? (ptrdiff_t)step[rank - 1] : 1;
  for (size_t o = 0; o < total; o += inner) {
    if (inc == 1) memcpy(y + o * es, x + (size_t)off * es, inner * es);
    else if (es == 4) for (size_t j = 0; j < inner; j++) ((uint32_t *)y)[o + j] = ((const uint32_t *)x)[off + (ptrdiff_t)j * inc];
    else if (es == 8) for (size_t j = 0; j < inner; j++) ((uint64_t *)y)[o + j] = ((const uint64_t *)x)[off + (ptrdiff_t)j * inc];
    else for (size_t j = 0; j < inner; j++) y[o + j] = x[off + (ptrdiff_t)j * inc];
    for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {
      off += (ptrdiff_t)(step[d] * stride[d]);
      if (++idx[d] < count[d]) break;
      off -= (ptrdiff_t)(step[d] * stride[d] * count[d]);
      idx[d] = 0;
    }
  }
  return HODU_OK;
}
