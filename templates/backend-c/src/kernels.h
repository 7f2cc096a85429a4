/* The template's kernels: one function per kernel name, all with the same signature (see plugin.c). */
#ifndef TEMPLATE_KERNELS_H
#define TEMPLATE_KERNELS_H

#include "hodu_manifest.h"

/* What a kernel sees: its step (ids, metadata) and the resolved pointer and table entry of every tensor. */
typedef struct KernelCall {
  const HoduManifestStep *step;
  void *const *ptrs;                 /* by tensor id, resolved for this run */
  const HoduManifestTensor *tensors; /* by tensor id */
} KernelCall;

typedef int32_t (*KernelFn)(const KernelCall *c, char *err, size_t err_cap);

static inline const float *in_f32(const KernelCall *c, uint32_t i) {
  int32_t id = hodu_manifest_step_input(c->step, i);
  return id < 0 ? NULL : (const float *)c->ptrs[id];
}
static inline float *out_f32(const KernelCall *c, uint32_t i) {
  int32_t id = hodu_manifest_step_output(c->step, i);
  return id < 0 ? NULL : (float *)c->ptrs[id];
}
static inline const HoduManifestTensor *out_tensor(const KernelCall *c, uint32_t i) {
  return &c->tensors[hodu_manifest_step_output(c->step, i)];
}
static inline int64_t meta(const KernelCall *c, uint32_t i) { return hodu_manifest_step_meta(c->step, i); }

/* Reports a metadata layout the kernel does not understand (a host/plugin version mismatch). */
#define CHECK_META(c, cond)                                                                                  \
  do {                                                                                                       \
    if (!(cond)) {                                                                                           \
      hodu_set_error(err, err_cap, "%s (node '%s'): unexpected metadata (%u values)", (c)->step->kernel,    \
                     (c)->step->node, (unsigned)(c)->step->metadata_count);                                  \
      return HODU_ERR_INVALID_ARGUMENT;                                                                      \
    }                                                                                                        \
  } while (0)

int32_t kernel_add_f32(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_sub_f32(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_mul_f32(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_div_f32(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_relu_f32(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_sigmoid_f32(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_tanh_f32(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_copy(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_mat_mul_f32(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_gemm_f32(const KernelCall *c, char *err, size_t err_cap);
int32_t kernel_softmax_f32(const KernelCall *c, char *err, size_t err_cap);

#endif
