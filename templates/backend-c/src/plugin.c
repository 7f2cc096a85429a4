/*
 * __NAME__: a hodu backend plugin (made from the backend-c template).
 * create() reads the DispatchManifest once and binds every step to a kernel function; run() resolves the
 * tensor pointers for this call (inputs, outputs, weights, arena) and runs the steps in order.
 * To add a kernel: write it (see elementwise.c), declare it in kernels.h, add a row to KERNELS below,
 * the source file to package.json "sources" and the op to "capabilities.ops".
 */
#include <stdlib.h>
#include <string.h>
#include "hodu_plugin.h"
#include "kernels.h"

#define PLUGIN_NAME "__NAME__"
#define PLUGIN_VERSION "0.1.0"

typedef struct KernelEntry {
  const char *name;
  KernelFn fn;
} KernelEntry;

/* Kernel names follow hodu's opToKernelName: snake_case(op) + dtype codes of inputs then outputs. */
static const KernelEntry KERNELS[] = {
  {"add_f32", kernel_add_f32},         {"sub_f32", kernel_sub_f32},
  {"mul_f32", kernel_mul_f32},         {"div_f32", kernel_div_f32},
  {"relu_f32", kernel_relu_f32},       {"sigmoid_f32", kernel_sigmoid_f32},
  {"tanh_f32", kernel_tanh_f32},       {"mat_mul_f32", kernel_mat_mul_f32},
  {"gemm_f32", kernel_gemm_f32},       {"softmax_f32", kernel_softmax_f32},
  {"identity_f32", kernel_copy},       {"reshape_f32_i64", kernel_copy},
  {"flatten_f32", kernel_copy},        {"squeeze_f32", kernel_copy},
  {"squeeze_f32_i64", kernel_copy},    {"unsqueeze_f32", kernel_copy},
  {"unsqueeze_f32_i64", kernel_copy},
};
#define KERNEL_COUNT (sizeof KERNELS / sizeof KERNELS[0])

/* The descriptor's NULL-terminated kernel list (kept in the same order as KERNELS). */
static const char *const KERNEL_NAMES[] = {
  "add_f32", "sub_f32", "mul_f32", "div_f32", "relu_f32", "sigmoid_f32", "tanh_f32", "mat_mul_f32",
  "gemm_f32", "softmax_f32", "identity_f32", "reshape_f32_i64", "flatten_f32", "squeeze_f32",
  "squeeze_f32_i64", "unsqueeze_f32", "unsqueeze_f32_i64", NULL,
};

static KernelFn find_kernel(const char *name) {
  for (size_t i = 0; i < KERNEL_COUNT; i++)
    if (strcmp(KERNELS[i].name, name) == 0) return KERNELS[i].fn;
  return NULL;
}

typedef struct Step {
  HoduManifestStep info;
  KernelFn fn;
} Step;

struct HoduBackendPlugin {
  HoduManifest manifest; /* points into the host's manifest bytes (valid until destroy) */
  HoduManifestTensor *tensors;
  Step *steps;
  void **ptrs;      /* per tensor, resolved at each run */
  uint8_t *arena;   /* intermediates, 64-byte aligned */
};

static void plugin_destroy(HoduBackendPluginHandle h) {
  if (!h) return;
  free(h->tensors);
  free(h->steps);
  free(h->ptrs);
  free(h->arena);
  free(h);
}

/* options: what the host asks of this session (HODU_OPTION(options, threads, 0) is the thread count, 0 for
 * "your default"); this single-threaded template needs none of it. */
static HoduBackendPluginHandle plugin_create(const uint8_t *bytes, size_t len, const HoduCreateOptions *options,
                                             char *err, size_t err_cap) {
  (void)options;
  HoduBackendPluginHandle h = calloc(1, sizeof *h);
  if (!h) {
    hodu_set_error(err, err_cap, "out of memory");
    return NULL;
  }
  if (hodu_manifest_open(&h->manifest, bytes, len, err, err_cap) != HODU_OK) {
    plugin_destroy(h);
    return NULL;
  }
  const HoduManifest *m = &h->manifest;
  h->tensors = calloc(m->tensor_count + 1, sizeof *h->tensors);
  h->ptrs = calloc(m->tensor_count + 1, sizeof *h->ptrs);
  h->steps = calloc(m->step_count + 1, sizeof *h->steps);
  h->arena = m->arena_size ? aligned_alloc(HODU_MANIFEST_ALIGN, (size_t)m->arena_size) : NULL;
  if (!h->tensors || !h->ptrs || !h->steps || (m->arena_size && !h->arena)) {
    hodu_set_error(err, err_cap, "out of memory (arena of %llu bytes)", (unsigned long long)m->arena_size);
    plugin_destroy(h);
    return NULL;
  }
  for (uint32_t i = 0; i < m->tensor_count; i++) h->tensors[i] = hodu_manifest_tensor(m, i);
  for (uint32_t i = 0; i < m->step_count; i++) {
    h->steps[i].info = hodu_manifest_step(m, i);
    h->steps[i].fn = find_kernel(h->steps[i].info.kernel);
    if (!h->steps[i].fn) {
      hodu_set_error(err, err_cap, "kernel '%s' (node '%s') is not implemented by plugin '%s'", h->steps[i].info.kernel,
                     h->steps[i].info.node, PLUGIN_NAME);
      plugin_destroy(h);
      return NULL;
    }
  }
  return h;
}

static int32_t plugin_run(HoduBackendPluginHandle h, const void *const *inputs, void *const *outputs,
                          HoduStepCallback on_step, void *user, char *err, size_t err_cap) {
  const HoduManifest *m = &h->manifest;
  for (uint32_t i = 0; i < m->tensor_count; i++) {
    const HoduManifestTensor *t = &h->tensors[i];
    switch (t->role) {
      case HODU_ROLE_INPUT: h->ptrs[i] = (void *)inputs[t->offset]; break;
      case HODU_ROLE_OUTPUT: h->ptrs[i] = outputs[t->offset]; break;
      case HODU_ROLE_WEIGHT: h->ptrs[i] = (void *)(m->weights + t->offset); break;
      default: h->ptrs[i] = h->arena + t->offset; break;
    }
  }
  for (uint32_t i = 0; i < m->step_count; i++) {
    if (on_step) on_step(user, i);
    KernelCall call = {&h->steps[i].info, h->ptrs, h->tensors};
    int32_t status = h->steps[i].fn(&call, err, err_cap);
    if (status != HODU_OK) return status;
  }
  return HODU_OK;
}

static int32_t plugin_supports_kernel(const char *name) { return name && find_kernel(name) ? 1 : 0; }

HODU_EXPORT_BACKEND_PLUGIN(PLUGIN_NAME, PLUGIN_VERSION, HODU_CAP_RUNNER | HODU_CAP_DEVICE_CPU, KERNEL_NAMES,
                           plugin_create, plugin_run, plugin_destroy, plugin_supports_kernel)
