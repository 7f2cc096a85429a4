/* Elementwise float32 kernels: Add/Sub/Mul/Div with numpy broadcasting, Relu/Sigmoid/Tanh, and a copy. */
#include <math.h>
#include <string.h>
#include "kernels.h"

typedef enum { BIN_ADD, BIN_SUB, BIN_MUL, BIN_DIV } BinaryOp;

/*
 * Metadata: [rank, out_dims(rank), a_strides(rank), b_strides(rank)]; a stride is 0 along an axis the
 * operand broadcasts. The innermost axis is one tight loop; the outer axes step like an odometer.
 */
static int32_t binary_f32(const KernelCall *c, BinaryOp op, char *err, size_t err_cap) {
  int64_t rank = meta(c, 0);
  CHECK_META(c, rank >= 0 && rank <= 64 && c->step->metadata_count == 1 + 3 * (uint32_t)rank);
  const float *a = in_f32(c, 0), *b = in_f32(c, 1);
  float *y = out_f32(c, 0);
  int64_t dims[64], sa[64], sb[64], idx[64];
  size_t total = 1;
  for (int64_t d = 0; d < rank; d++) {
    dims[d] = meta(c, (uint32_t)(1 + d));
    sa[d] = meta(c, (uint32_t)(1 + rank + d));
    sb[d] = meta(c, (uint32_t)(1 + 2 * rank + d));
    idx[d] = 0;
    total *= (size_t)dims[d];
  }
  size_t inner = rank ? (size_t)dims[rank - 1] : 1;
  int64_t ia = rank ? sa[rank - 1] : 0, ib = rank ? sb[rank - 1] : 0;
  size_t ao = 0, bo = 0;
  for (size_t o = 0; o < total; o += inner) {
    float *yo = y + o;
    const float *ap = a + ao, *bp = b + bo;
    switch (op) {
      case BIN_ADD: for (size_t j = 0; j < inner; j++) yo[j] = ap[(int64_t)j * ia] + bp[(int64_t)j * ib]; break;
      case BIN_SUB: for (size_t j = 0; j < inner; j++) yo[j] = ap[(int64_t)j * ia] - bp[(int64_t)j * ib]; break;
      case BIN_MUL: for (size_t j = 0; j < inner; j++) yo[j] = ap[(int64_t)j * ia] * bp[(int64_t)j * ib]; break;
      case BIN_DIV: for (size_t j = 0; j < inner; j++) yo[j] = ap[(int64_t)j * ia] / bp[(int64_t)j * ib]; break;
    }
    for (int64_t d = rank - 2; d >= 0; d--) {
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

int32_t kernel_add_f32(const KernelCall *c, char *err, size_t err_cap) { return binary_f32(c, BIN_ADD, err, err_cap); }
int32_t kernel_sub_f32(const KernelCall *c, char *err, size_t err_cap) { return binary_f32(c, BIN_SUB, err, err_cap); }
int32_t kernel_mul_f32(const KernelCall *c, char *err, size_t err_cap) { return binary_f32(c, BIN_MUL, err, err_cap); }
int32_t kernel_div_f32(const KernelCall *c, char *err, size_t err_cap) { return binary_f32(c, BIN_DIV, err, err_cap); }

/* Unary kernels: no metadata; the element count comes from the output tensor. */
#define UNARY_KERNEL(NAME, EXPR)                                              \
  int32_t NAME(const KernelCall *c, char *err, size_t err_cap) {              \
    (void)err;                                                                \
    (void)err_cap;                                                            \
    const float *x = in_f32(c, 0);                                            \
    float *y = out_f32(c, 0);                                                 \
    uint64_t n = hodu_manifest_tensor_elements(out_tensor(c, 0));             \
    for (uint64_t i = 0; i < n; i++) {                                        \
      float v = x[i];                                                         \
      y[i] = (EXPR);                                                          \
    }                                                                         \
    return HODU_OK;                                                           \
  }

UNARY_KERNEL(kernel_relu_f32, v > 0.0f ? v : 0.0f)
/* Split by sign so exp never overflows: 1/(1+e^-v) for v >= 0, e^v/(1+e^v) otherwise. */
UNARY_KERNEL(kernel_sigmoid_f32, v >= 0.0f ? 1.0f / (1.0f + expf(-v)) : expf(v) / (1.0f + expf(v)))
UNARY_KERNEL(kernel_tanh_f32, tanhf(v))

/* Identity, Reshape, Flatten, Squeeze, Unsqueeze: the bytes do not change, only the dims in the table. */
int32_t kernel_copy(const KernelCall *c, char *err, size_t err_cap) {
  (void)err;
  (void)err_cap;
  const void *x = c->ptrs[hodu_manifest_step_input(c->step, 0)];
  void *y = c->ptrs[hodu_manifest_step_output(c->step, 0)];
  if (x != y) memmove(y, x, (size_t)out_tensor(c, 0)->byte_size);
  return HODU_OK;
}
