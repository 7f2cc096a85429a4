/* MatMul (batched, broadcast) and Gemm on the packed sgemm. */
#include <stdio.h>
#include <string.h>
#include "kernels.h"
#include "sgemm.h"

/* Metadata: [M, K, N, batch_rank, out_batch_dims(br), a_batch_strides(br), b_batch_strides(br)]. */
int32_t check_mat_mul(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  int32_t s = check_f32_io(c, 2, err, err_cap);
  if (s != HODU_OK) return s;
  int64_t m = meta(c, 0), k = meta(c, 1), n = meta(c, 2), br = meta(c, 3);
  REQUIRE_META(c->step->input_count == 2 && m >= 0 && k >= 0 && n >= 0 && br >= 0 && br <= 64 &&
               c->step->metadata_count == 4 + 3 * (uint64_t)br);
  uint64_t batches = 1, ra = 0, rb = 0;
  for (uint32_t d = 0; d < (uint32_t)br; d++) {
    int64_t dd = meta(c, 4 + d), sa = meta(c, 4 + (uint32_t)br + d), sb = meta(c, 4 + 2 * (uint32_t)br + d);
    REQUIRE_META(dd >= 0 && sa >= 0 && sb >= 0);
    batches *= (uint64_t)dd;
    if (dd > 0) ra += (uint64_t)(dd - 1) * (uint64_t)sa, rb += (uint64_t)(dd - 1) * (uint64_t)sb;
  }
  REQUIRE_META(numel(out_tensor(c, 0)) == batches * (uint64_t)(m * n));
  if (batches && m > 0 && n > 0)
    REQUIRE_META(ra + (uint64_t)(m * k) <= numel(in_tensor(c, 0)) && rb + (uint64_t)(k * n) <= numel(in_tensor(c, 1)));
  *scratch = sgemm_workspace_floats();
  return HODU_OK;
}

static int is_weight(const KernelCall *c, uint32_t i) {
  const HoduManifestTensor *t = in_tensor(c, i);
  return t && t->role == HODU_ROLE_WEIGHT;
}

/* A constant B shared by every batch (its batch strides all 0) is packed once here. */
size_t prepare_mat_mul(const KernelCall *c, float *state) {
  int64_t k = meta(c, 1), n = meta(c, 2);
  uint32_t br = (uint32_t)meta(c, 3);
  if (!is_weight(c, 1) || k * n == 0) return 0;
  for (uint32_t d = 0; d < br; d++)
    if (meta(c, 4 + 2 * br + d) != 0) return 0;
  if (state) sgemm_pack_b(k, n, in_f32(c, 1), n, 1, state);
  return sgemm_packed_b_floats(k, n);
}

int32_t run_mat_mul(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  int64_t m = meta(c, 0), k = meta(c, 1), n = meta(c, 2);
  uint32_t br = (uint32_t)meta(c, 3);
  const float *a = in_f32(c, 0), *b = in_f32(c, 1);
  float *y = out_f32(c, 0);
  int64_t idx[64] = {0};
  uint64_t batches = 1;
  for (uint32_t d = 0; d < br; d++) batches *= (uint64_t)meta(c, 4 + d);
  ptrdiff_t ao = 0, bo = 0;
  for (uint64_t t = 0; t < batches; t++) {
    float *yt = y + t * (uint64_t)(m * n);
    if (c->state) sgemm_prepacked(m, n, k, 1.0f, a + ao, k, 1, c->state, 0.0f, yt, n, c->scratch);
    else sgemm(m, n, k, 1.0f, a + ao, k, 1, b + bo, n, 1, 0.0f, yt, n, c->scratch);
    for (int64_t d = (int64_t)br - 1; d >= 0; d--) {
      int64_t dd = meta(c, 4 + (uint32_t)d), sa = meta(c, 4 + br + (uint32_t)d), sb = meta(c, 4 + 2 * br + (uint32_t)d);
      ao += (ptrdiff_t)sa;
      bo += (ptrdiff_t)sb;
      if (++idx[d] < dd) break;
      ao -= (ptrdiff_t)(sa * dd);
      bo -= (ptrdiff_t)(sb * dd);
      idx[d] = 0;
    }
  }
  return HODU_OK;
}

/* Metadata: [M, K, N, transA, transB, alpha_bits, beta_bits, has_c, c_stride_m, c_stride_n]. */
int32_t check_gemm(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  int32_t s = check_f32_io(c, 3, err, err_cap);
  if (s != HODU_OK) return s;
  REQUIRE_META(c->step->input_count >= 2 && c->step->metadata_count == 10);
  int64_t m = meta(c, 0), k = meta(c, 1), n = meta(c, 2), sm = meta(c, 8), sn = meta(c, 9);
  REQUIRE_META(m >= 0 && k >= 0 && n >= 0 && sm >= 0 && sn >= 0);
  REQUIRE_META(numel(in_tensor(c, 0)) == (uint64_t)(m * k) && numel(in_tensor(c, 1)) == (uint64_t)(k * n) &&
               numel(out_tensor(c, 0)) == (uint64_t)(m * n));
  if (meta(c, 7)) {
    REQUIRE_META(in_tensor(c, 2) != NULL);
    if (m > 0 && n > 0) REQUIRE_META((uint64_t)((m - 1) * sm + (n - 1) * sn) < numel(in_tensor(c, 2)));
  }
  *scratch = sgemm_workspace_floats();
  return HODU_OK;
}

/* A constant B is packed once here, transposed or not. */
size_t prepare_gemm(const KernelCall *c, float *state) {
  int64_t k = meta(c, 1), n = meta(c, 2), tb = meta(c, 4);
  if (!is_weight(c, 1) || k * n == 0) return 0;
  if (state) sgemm_pack_b(k, n, in_f32(c, 1), tb ? 1 : n, tb ? k : 1, state);
  return sgemm_packed_b_floats(k, n);
}

int32_t run_gemm(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  int64_t m = meta(c, 0), k = meta(c, 1), n = meta(c, 2), ta = meta(c, 3), tb = meta(c, 4);
  float alpha = meta_f(c, 5), beta = meta_f(c, 6);
  const float *a = in_f32(c, 0), *b = in_f32(c, 1), *cc = meta(c, 7) ? in_f32(c, 2) : NULL;
  float *y = out_f32(c, 0);
  if (cc) {
    ptrdiff_t sm = (ptrdiff_t)meta(c, 8), sn = (ptrdiff_t)meta(c, 9);
    for (int64_t i = 0; i < m; i++)
      for (int64_t j = 0; j < n; j++) y[i * n + j] = beta * cc[i * sm + j * sn];
  }
  /* A transposed is stored K×M: element (i, p) at p·M + i; likewise B transposed is N×K. */
  if (c->state) sgemm_prepacked(m, n, k, alpha, a, ta ? 1 : k, ta ? m : 1, c->state, cc ? 1.0f : 0.0f, y, n, c->scratch);
  else sgemm(m, n, k, alpha, a, ta ? 1 : k, ta ? m : 1, b, tb ? 1 : n, tb ? k : 1, cc ? 1.0f : 0.0f, y, n, c->scratch);
  return HODU_OK;
}
