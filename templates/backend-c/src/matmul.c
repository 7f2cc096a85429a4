/* MatMul (2-D and batched with broadcast batch dims) and Gemm, float32, accumulating in double. */
#include "kernels.h"

/* Metadata: [M, K, N, batch_rank, out_batch_dims(br), a_batch_strides(br), b_batch_strides(br)]. */
int32_t kernel_mat_mul_f32(const KernelCall *c, char *err, size_t err_cap) {
  int64_t m = meta(c, 0), k = meta(c, 1), n = meta(c, 2), br = meta(c, 3);
  CHECK_META(c, br >= 0 && br <= 64 && c->step->metadata_count == 4 + 3 * (uint32_t)br);
  const float *a = in_f32(c, 0), *b = in_f32(c, 1);
  float *y = out_f32(c, 0);
  int64_t dims[64], sa[64], sb[64], idx[64];
  size_t batches = 1;
  for (int64_t d = 0; d < br; d++) {
    dims[d] = meta(c, (uint32_t)(4 + d));
    sa[d] = meta(c, (uint32_t)(4 + br + d));
    sb[d] = meta(c, (uint32_t)(4 + 2 * br + d));
    idx[d] = 0;
    batches *= (size_t)dims[d];
  }
  size_t ao = 0, bo = 0;
  for (size_t p = 0; p < batches; p++) {
    const float *ap = a + ao, *bp = b + bo;
    float *yp = y + p * (size_t)(m * n);
    for (int64_t i = 0; i < m; i++)
      for (int64_t j = 0; j < n; j++) {
        double acc = 0;
        for (int64_t q = 0; q < k; q++) acc += (double)ap[i * k + q] * (double)bp[q * n + j];
        yp[i * n + j] = (float)acc;
      }
    for (int64_t d = br - 1; d >= 0; d--) {
      ao += (size_t)sa[d];
      bo += (size_t)sb[d];
      if (++idx[d] < dims[d]) break;
      ao -= (size_t)(sa[d] * dims[d]);
      bo -= (size_t)(sb[d] * dims[d]);
      idx[d] = 0;
    }
  }
  return HODU_OK;
}

/* Metadata: [M, K, N, transA, transB, alpha_bits, beta_bits, has_c, c_stride_m, c_stride_n].
 * Y = alpha * A' B' + beta * C, where C broadcasts onto [M, N] through its strides. */
int32_t kernel_gemm_f32(const KernelCall *c, char *err, size_t err_cap) {
  CHECK_META(c, c->step->metadata_count == 10);
  int64_t m = meta(c, 0), k = meta(c, 1), n = meta(c, 2), ta = meta(c, 3), tb = meta(c, 4);
  float alpha = hodu_manifest_step_meta_float(c->step, 5), beta = hodu_manifest_step_meta_float(c->step, 6);
  int64_t has_c = meta(c, 7), csm = meta(c, 8), csn = meta(c, 9);
  const float *a = in_f32(c, 0), *b = in_f32(c, 1), *cc = has_c ? in_f32(c, 2) : NULL;
  float *y = out_f32(c, 0);
  for (int64_t i = 0; i < m; i++)
    for (int64_t j = 0; j < n; j++) {
      double acc = 0;
      for (int64_t q = 0; q < k; q++) {
        float av = ta ? a[q * m + i] : a[i * k + q];
        float bv = tb ? b[j * k + q] : b[q * n + j];
        acc += (double)av * (double)bv;
      }
      acc *= alpha;
      if (cc) acc += (double)beta * cc[i * csm + j * csn];
      y[i * n + j] = (float)acc;
    }
  return HODU_OK;
}
