/* Finding the elementwise steps a conv absorbs (at create) and applying them to an output tile (at run). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("O3") /* vectorize the post-op loops (the plugin is built at -O2) */
#endif
#include "fuse.h"
#include "isa.h"
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static int32_t step_in(const HoduManifestStep *s, uint32_t i) { return hodu_manifest_step_input(s, i); }
static int32_t step_out(const HoduManifestStep *s) { return s->output_count == 1 ? hodu_manifest_step_output(s, 0) : -1; }

/* The value of a constant scalar operand (a float32 weight of one element), or 0 when it is not one. */
static int scalar_weight(const HoduManifestTensor *tensors, void *const *ptrs, int32_t id, float *v) {
  if (id < 0) return 0;
  const HoduManifestTensor *t = &tensors[id];
  if (t->role != HODU_ROLE_WEIGHT || t->dtype != HODU_DTYPE_FLOAT32 || hodu_manifest_tensor_elements(t) != 1 || !ptrs[id])
    return 0;
  memcpy(v, ptrs[id], sizeof *v);
  return 1;
}

/*
 * A two-input broadcasting step ([rank, dims, a_strides, b_strides]) where operand `k` is read whole and in
 * order (its strides are the row-major ones of the output dims; a dim of 1 may have any stride).
 */
static int operand_is_dense(const HoduManifestStep *s, uint32_t k) {
  if (s->metadata_count < 1) return 0;
  int64_t rank = hodu_manifest_step_meta(s, 0);
  if (rank < 0 || s->metadata_count != 1 + 3 * (uint64_t)rank) return 0;
  int64_t want = 1;
  for (int64_t d = rank - 1; d >= 0; d--) {
    int64_t n = hodu_manifest_step_meta(s, 1 + (uint32_t)d), st = hodu_manifest_step_meta(s, (uint32_t)(1 + (1 + k) * rank + d));
    if (n != 1 && st != want) return 0;
    want *= n;
  }
  return 1;
}

/* `name` (an _f32 kernel) or its _f16 twin: plugin.c passes a float16 model's widened view (widen-f16.h), where
 * the _f16 names fuse matches run their _f32 twins on float32 copies of float16 tensors. */
static int is_kernel(const HoduManifestStep *s, const char *name) {
  size_t n = strlen(name);
  return strcmp(s->kernel, name) == 0 ||
         (n > 4 && strlen(s->kernel) == n && strncmp(s->kernel, name, n - 3) == 0 && strcmp(s->kernel + n - 3, "f16") == 0);
}

/*
 * Operand k of a two-input broadcasting step as one value per channel of the conv's output y: a float32
 * weight of y's channel count, read along dim 1 only, by a step whose output has y's dims. Its values, or NULL.
 */
static const float *channel_weight(const HoduManifestStep *s, uint32_t k, const HoduManifestTensor *tensors,
                                   void *const *ptrs, const HoduManifestTensor *y) {
  int32_t id = step_in(s, k);
  if (id < 0 || s->metadata_count < 1 || y->rank < 2) return NULL;
  const HoduManifestTensor *t = &tensors[id];
  int64_t rank = hodu_manifest_step_meta(s, 0), channels = hodu_manifest_tensor_dim(y, 1);
  if (t->role != HODU_ROLE_WEIGHT || t->dtype != HODU_DTYPE_FLOAT32 || !ptrs[id] || rank != (int64_t)y->rank ||
      s->metadata_count != 1 + 3 * (uint64_t)rank || hodu_manifest_tensor_elements(t) != (uint64_t)channels)
    return NULL;
  for (int64_t d = 0; d < rank; d++) {
    int64_t n = hodu_manifest_step_meta(s, 1 + (uint32_t)d), st = hodu_manifest_step_meta(s, (uint32_t)(1 + (1 + k) * rank + d));
    if (n != hodu_manifest_tensor_dim(y, (uint32_t)d)) return NULL;
    if (n != 1 && st != (d == 1 ? 1 : 0)) return NULL;
  }
  return ptrs[id];
}

static int binary_kind(const HoduManifestStep *s) {
  if (s->input_count != 2) return -1;
  if (is_kernel(s, "add_f32")) return POST_ADD;
  if (is_kernel(s, "sub_f32")) return POST_SUB;
  if (is_kernel(s, "mul_f32")) return POST_MUL;
  return is_kernel(s, "div_f32") ? POST_DIV : -1;
}

/* Step j's output when it is an intermediate of `bytes` bytes read by one step only, else -1. */
static int32_t private_out(const HoduManifest *m, const HoduManifestTensor *tensors, const uint32_t *uses, uint32_t j,
                           uint64_t bytes) {
  if (j >= m->step_count) return -1;
  HoduManifestStep s = hodu_manifest_step(m, j);
  int32_t o = step_out(&s);
  if (o < 0 || tensors[o].role != HODU_ROLE_INTERMEDIATE || tensors[o].byte_size != bytes || uses[o] != 1) return -1;
  return o;
}

/*
 * HardSwish in four steps from value `cur` (read by the first and third only): t1 = cur + a (Add, scalar),
 * t2 = Clip(t1, lo, hi), t3 = cur · t2 (Mul), out = t3 / d (Div, scalar divisor). Steps it spans, or 0.
 */
static int match_hard_swish_parts(const HoduManifest *m, const HoduManifestTensor *tensors, void *const *ptrs,
                                  const uint32_t *uses, uint32_t j, int32_t cur, PostOp *op, int32_t *out) {
  const uint64_t bytes = tensors[cur].byte_size;
  if (uses[cur] != 2 || j + 3 >= m->step_count) return 0;
  HoduManifestStep add = hodu_manifest_step(m, j), clip = hodu_manifest_step(m, j + 1);
  HoduManifestStep mul = hodu_manifest_step(m, j + 2), div = hodu_manifest_step(m, j + 3);
  int32_t t1 = private_out(m, tensors, uses, j, bytes), t2 = private_out(m, tensors, uses, j + 1, bytes);
  int32_t t3 = private_out(m, tensors, uses, j + 2, bytes), t4 = step_out(&div);
  if (t1 < 0 || t2 < 0 || t3 < 0 || t4 < 0 || tensors[t4].byte_size != bytes) return 0;
  if (binary_kind(&add) != POST_ADD || binary_kind(&mul) != POST_MUL || binary_kind(&div) != POST_DIV) return 0;
  uint32_t k = step_in(&add, 0) == cur ? 0 : 1;
  if (step_in(&add, k) != cur || !operand_is_dense(&add, k) || !scalar_weight(tensors, ptrs, step_in(&add, 1 - k), &op->a))
    return 0;
  if (!is_kernel(&clip, "clip_f32") || step_in(&clip, 0) != t1 || clip.metadata_count != 2) return 0;
  op->b = hodu_manifest_step_meta_float(&clip, 0), op->c = hodu_manifest_step_meta_float(&clip, 1);
  if (clip.input_count > 1 && step_in(&clip, 1) >= 0 && !scalar_weight(tensors, ptrs, step_in(&clip, 1), &op->b)) return 0;
  if (clip.input_count > 2 && step_in(&clip, 2) >= 0 && !scalar_weight(tensors, ptrs, step_in(&clip, 2), &op->c)) return 0;
  int32_t a = step_in(&mul, 0), b = step_in(&mul, 1);
  if (!((a == cur && b == t2) || (a == t2 && b == cur)) || !operand_is_dense(&mul, 0) || !operand_is_dense(&mul, 1)) return 0;
  if (step_in(&div, 0) != t3 || !operand_is_dense(&div, 0) || !scalar_weight(tensors, ptrs, step_in(&div, 1), &op->d))
    return 0;
  *out = t4;
  return op->kind = POST_HARD_SWISH_PARTS, 4;
}

/*
 * Operand k of Add step s as a run-time tensor of y's exact shape, read whole and in order (a skip connection):
 * float32, as many elements as y, dense. An add_f16's float16 operand is read as its float32 copy (the widened
 * view), which plugin.c makes current before the conv (widen_read) as it would before the Add. Whether it is
 * computed before the conv runs, and where it lies in memory, fuse_steps decides.
 */
static int added_tensor(const HoduManifestStep *s, uint32_t k, const HoduManifestTensor *tensors,
                        const HoduManifestTensor *y) {
  int32_t id = step_in(s, k);
  if (id < 0 || !is_kernel(s, "add_f32") || !operand_is_dense(s, k)) return 0;
  const HoduManifestTensor *t = &tensors[id];
  return t->dtype == HODU_DTYPE_FLOAT32 && y->dtype == HODU_DTYPE_FLOAT32 &&
         hodu_manifest_tensor_elements(t) == hodu_manifest_tensor_elements(y);
}

/* Byte ranges of two tensors overlap (only arena tensors can: inputs, outputs and weights are separate buffers). */
static int overlaps(const HoduManifestTensor *a, const HoduManifestTensor *b) {
  if (a->role != HODU_ROLE_INTERMEDIATE || b->role != HODU_ROLE_INTERMEDIATE) return 0;
  return a->offset < b->offset + b->byte_size && b->offset < a->offset + a->byte_size;
}

/*
 * The post-op step j computes from value `cur` (1 step, or 2 for Sigmoid then Mul(x, sigmoid x)), writing *out;
 * 0 when step j is not one. `uses` counts the consumers of each tensor.
 */
static int match_post(const HoduManifest *m, const HoduManifestTensor *tensors, void *const *ptrs, const uint32_t *uses,
                      const HoduManifestTensor *y, uint32_t j, int32_t cur, PostOp *op, int32_t *out) {
  HoduManifestStep s = hodu_manifest_step(m, j);
  int32_t o = step_out(&s);
  if (o < 0 || tensors[o].dtype != HODU_DTYPE_FLOAT32 || tensors[o].byte_size != tensors[cur].byte_size) return 0;
  *out = o;
  *op = (PostOp){0, 0.0f, 0.0f, 0.0f, 0.0f, NULL, -1, NULL};
  /* PRelu by a constant slope, one in all or one per channel: LeakyRelu's post-op, bit for bit (x < 0 ? x·s : x). */
  if (is_kernel(&s, "p_relu_f32") && s.input_count == 2 && step_in(&s, 0) == cur && step_in(&s, 1) != cur &&
      uses[cur] == 1 && operand_is_dense(&s, 0)) {
    if (!scalar_weight(tensors, ptrs, step_in(&s, 1), &op->a) && !(op->per_channel = channel_weight(&s, 1, tensors, ptrs, y)))
      return 0;
    return op->kind = POST_LEAKY_RELU, 1;
  }
  const int arith = binary_kind(&s);
  if (arith == POST_ADD && uses[cur] == 2) return match_hard_swish_parts(m, tensors, ptrs, uses, j, cur, op, out);
  if (arith >= 0 && uses[cur] == 1) { /* cur op constant, or constant op cur: a scalar or one per channel */
    uint32_t k = step_in(&s, 0) == cur ? 0 : 1;
    if (step_in(&s, k) != cur || step_in(&s, 1 - k) == cur || !operand_is_dense(&s, k)) return 0;
    if (scalar_weight(tensors, ptrs, step_in(&s, 1 - k), &op->a) ||
        (op->per_channel = channel_weight(&s, 1 - k, tensors, ptrs, y)))
      return op->kind = arith, op->b = (float)k, 1;
    if (arith != POST_ADD || !added_tensor(&s, 1 - k, tensors, y)) return 0;
    return op->kind = POST_ADD_TENSOR, op->tensor = step_in(&s, 1 - k), 1;
  }
  if (s.input_count == 1 && step_in(&s, 0) == cur && uses[cur] == 1) {
    if (is_kernel(&s, "relu_f32")) return op->kind = POST_RELU, 1;
    if (is_kernel(&s, "hard_swish_f32")) return op->kind = POST_HARD_SWISH, 1;
    if (is_kernel(&s, "hard_sigmoid_f32") && s.metadata_count == 2) { /* SE blocks' gate after their second conv */
      op->a = hodu_manifest_step_meta_float(&s, 0), op->b = hodu_manifest_step_meta_float(&s, 1);
      return op->kind = POST_HARD_SIGMOID, 1;
    }
    if (is_kernel(&s, "leaky_relu_f32") && s.metadata_count == 1)
      return op->kind = POST_LEAKY_RELU, op->a = hodu_manifest_step_meta_float(&s, 0), 1;
  }
  if (is_kernel(&s, "clip_f32") && step_in(&s, 0) == cur && uses[cur] == 1 && s.metadata_count == 2) {
    op->kind = POST_CLIP;
    op->a = hodu_manifest_step_meta_float(&s, 0), op->b = hodu_manifest_step_meta_float(&s, 1);
    if (s.input_count > 1 && step_in(&s, 1) >= 0 && !scalar_weight(tensors, ptrs, step_in(&s, 1), &op->a)) return 0;
    if (s.input_count > 2 && step_in(&s, 2) >= 0 && !scalar_weight(tensors, ptrs, step_in(&s, 2), &op->b)) return 0;
    return 1;
  }
  if ((is_kernel(&s, "max_f32") || is_kernel(&s, "min_f32")) && s.input_count == 2 && uses[cur] == 1) {
    uint32_t k = step_in(&s, 0) == cur ? 0 : 1;
    if (step_in(&s, k) != cur || !operand_is_dense(&s, k) || !scalar_weight(tensors, ptrs, step_in(&s, 1 - k), &op->a))
      return 0;
    return op->kind = is_kernel(&s, "max_f32") ? POST_MAX : POST_MIN, op->b = (float)k, 1;
  }
  if (is_kernel(&s, "sigmoid_f32") && s.input_count == 1 && step_in(&s, 0) == cur) {
    if (uses[cur] == 1) return op->kind = POST_SIGMOID, 1;
    /* SiLU: x · sigmoid(x), the next step multiplying the sigmoid (used only there) by x (used only by both). */
    if (uses[cur] != 2 || uses[o] != 1 || tensors[o].role != HODU_ROLE_INTERMEDIATE || j + 1 >= m->step_count) return 0;
    HoduManifestStep mul = hodu_manifest_step(m, j + 1);
    int32_t y = step_out(&mul);
    if (!is_kernel(&mul, "mul_f32") || mul.input_count != 2 || y < 0 || tensors[y].byte_size != tensors[cur].byte_size) return 0;
    int32_t a = step_in(&mul, 0), b = step_in(&mul, 1);
    if (!((a == cur && b == o) || (a == o && b == cur)) || !operand_is_dense(&mul, 0) || !operand_is_dense(&mul, 1)) return 0;
    *out = y;
    return op->kind = POST_SILU, 2;
  }
  return 0;
}

/*
 * Where an added tensor (POST_ADD_TENSOR) can be read by the conv of step `conv`: computed by then (a graph
 * input or weight, or the output of an earlier step: in a topological order it might come after the conv) and
 * not in the memory the conv writes (`written`): the conv fills its output (bias, sums) before it post-applies
 * it, so an element of the tensor there would be overwritten before it is read.
 */
static int readable(const HoduManifestTensor *tensors, const int32_t *producer, uint32_t conv, int32_t id,
                    int32_t written) {
  return producer[id] < (int32_t)conv && !overlaps(&tensors[id], &tensors[written]);
}

void fuse_steps(const HoduManifest *m, const HoduManifestTensor *tensors, void *const *ptrs, Fused *fused,
                uint8_t *absorbed) {
  uint32_t *uses = calloc(m->tensor_count + 1, sizeof *uses);
  int32_t *producer = malloc((m->tensor_count + 1) * sizeof *producer);
  if (!uses || !producer) { /* no fusion: every step runs on its own */
    free(uses), free(producer);
    return;
  }
  /* HODU_CPU_FUSE_TRACE=1: one stderr line per fused conv, so tests can tell a fused path from an unfused one. */
  const char *tv = getenv("HODU_CPU_FUSE_TRACE");
  const int trace = tv && tv[0] == '1';
  for (uint32_t t = 0; t < m->tensor_count; t++) producer[t] = -1;
  for (uint32_t i = 0; i < m->step_count; i++) {
    HoduManifestStep s = hodu_manifest_step(m, i);
    for (uint32_t k = 0; k < s.input_count; k++) {
      int32_t id = step_in(&s, k);
      if (id >= 0 && (uint32_t)id < m->tensor_count) uses[id]++;
    }
    for (uint32_t k = 0; k < s.output_count; k++) {
      int32_t id = hodu_manifest_step_output(&s, k);
      if (id >= 0 && (uint32_t)id < m->tensor_count) producer[id] = (int32_t)i;
    }
  }
  for (uint32_t i = 0; i < m->step_count; i++) {
    HoduManifestStep conv = hodu_manifest_step(m, i);
    const int32_t y = step_out(&conv);
    int32_t cur = y;
    if (absorbed[i] || !is_kernel(&conv, "conv_f32") || cur < 0) continue;
    Fused f = {0, cur, 1, 0, 0, NULL, NULL, {{0, 0.0f, 0.0f, 0.0f, 0.0f, NULL, -1, NULL}}};
    int32_t outs[MAX_POST_OPS]; /* the value after each post-op */
    uint32_t ends[MAX_POST_OPS]; /* the step after each post-op's last */
    uint32_t j = i + 1;
    while (f.count < MAX_POST_OPS && j < m->step_count && tensors[cur].role == HODU_ROLE_INTERMEDIATE) {
      int32_t out;
      int n = match_post(m, tensors, ptrs, uses, &tensors[y], j, cur, &f.ops[f.count], &out);
      if (!n) break;
      j += (uint32_t)n;
      outs[f.count] = cur = out, ends[f.count++] = j;
    }
    /* The chain up to its first added tensor the conv cannot read, with the memory it writes settled. */
    for (;;) {
      f.out_id = f.count ? outs[f.count - 1] : y;
      f.direct = 1, f.to_out = 0;
      for (uint32_t k = 0; k < conv.input_count; k++)
        if (step_in(&conv, k) >= 0 && overlaps(&tensors[f.out_id], &tensors[step_in(&conv, k)])) f.direct = 0;
      int exact = f.direct; /* in place of added tensors only, each at out_id's own offset */
      for (int k = 0; k < f.count; k++) /* in place of the added tensor: the conv's own output instead */
        if (f.ops[k].kind == POST_ADD_TENSOR && overlaps(&tensors[f.out_id], &tensors[f.ops[k].tensor])) {
          f.direct = 0;
          exact &= tensors[f.ops[k].tensor].offset == tensors[f.out_id].offset;
        }
      f.to_out = !f.direct && exact && !overlaps(&tensors[f.out_id], &tensors[y]);
      int cut = -1;
      for (int k = 0; k < f.count && cut < 0; k++)
        if (f.ops[k].kind == POST_ADD_TENSOR && !readable(tensors, producer, i, f.ops[k].tensor, f.direct ? f.out_id : y))
          cut = k;
      if (cut < 0) break;
      f.count = cut;
    }
    if (!f.count) continue;
    f.runtime = 0;
    for (int k = 0; k < f.count; k++) f.runtime += f.ops[k].kind == POST_ADD_TENSOR;
    j = ends[f.count - 1];
    fused[i] = f;
    if (trace)
      fprintf(stderr, "cpu fuse: node '%s' + %d post-op(s)%s\n", conv.node, f.count,
              f.direct ? "" : f.to_out ? " (to its output)" : " (moved)");
    for (uint32_t k = i + 1; k < j; k++) absorbed[k] = 1;
  }
  free(uses), free(producer);
}

/* Sigmoid split by sign so exp never overflows, as run_unary computes it. */
static inline float sigmoid(float v) {
  float e = expf(-fabsf(v));
  return v >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
}

/* Max/Min propagate NaN as binary-math.c's MAX_OF/MIN_OF: the first operand's NaN first. */
#define MAX_OF(a, b) ((a) > (b) || (a) != (a) ? (a) : (b))
#define MIN_OF(a, b) ((a) < (b) || (a) != (a) ? (a) : (b))

/* y[i] + z[i]: the Add's own rounding (commutative, bit for bit); z is never y's memory (fuse_steps). */
static inline __attribute__((always_inline)) void add_tensor(float *restrict y, const float *restrict z, size_t n) {
  for (size_t i = 0; i < n; i++) y[i] = y[i] + z[i];
}

const Fused *fuse_resolve(const Fused *f, void *const *ptrs, const float *y, Fused *tmp) {
  if (!f || !f->runtime) return f;
  *tmp = *f;
  tmp->base = y;
  tmp->out = f->to_out ? ptrs[f->out_id] : NULL;
  for (int k = 0; k < tmp->count; k++)
    if (tmp->ops[k].kind == POST_ADD_TENSOR) tmp->ops[k].src = ptrs[tmp->ops[k].tensor];
  return tmp;
}

/* Written so that gcc vectorizes every loop but the sigmoid's (a select instead of a conditional store). */
static inline __attribute__((always_inline)) void post_loops(const Fused *f, float *y, size_t n, int64_t channel) {
  for (int k = 0; k < f->count; k++) {
    const PostOp *op = &f->ops[k];
    const float a = op->per_channel ? op->per_channel[channel] : op->a, b = op->b;
    switch (op->kind) {
      /* the constant first (b ≠ 0) or second, as binary-math.c's operand order */
      case POST_ADD: for (size_t i = 0; i < n; i++) y[i] = y[i] + a; break; /* commutative, bit for bit */
      case POST_ADD_TENSOR: add_tensor(y, op->src + (y - f->base), n); break;
      case POST_SUB:
        if (b != 0.0f) for (size_t i = 0; i < n; i++) y[i] = a - y[i];
        else for (size_t i = 0; i < n; i++) y[i] = y[i] - a;
        break;
      case POST_MUL: for (size_t i = 0; i < n; i++) y[i] = y[i] * a; break;
      case POST_DIV:
        if (b != 0.0f) for (size_t i = 0; i < n; i++) y[i] = a / y[i];
        else for (size_t i = 0; i < n; i++) y[i] = y[i] / a;
        break;
      case POST_HARD_SWISH_PARTS:
        for (size_t i = 0; i < n; i++) { /* each step rounded as its own kernel: Add, Clip, Mul, Div */
          float v = y[i] + a;
          v = v < b ? b : v;
          v = v > op->c ? op->c : v;
          y[i] = (y[i] * v) / op->d;
        }
        break;
      case POST_RELU: for (size_t i = 0; i < n; i++) y[i] = y[i] < 0.0f ? 0.0f : y[i]; break;
      case POST_CLIP:
        for (size_t i = 0; i < n; i++) {
          float v = y[i] < a ? a : y[i];
          y[i] = v > b ? b : v;
        }
        break;
      case POST_LEAKY_RELU: for (size_t i = 0; i < n; i++) y[i] = (y[i] < 0.0f ? a : 1.0f) * y[i]; break; /* 1·y is y, NaN too */
      case POST_SIGMOID: for (size_t i = 0; i < n; i++) y[i] = sigmoid(y[i]); break;
      case POST_SILU: for (size_t i = 0; i < n; i++) y[i] = y[i] * sigmoid(y[i]); break;
      case POST_HARD_SWISH:
        for (size_t i = 0; i < n; i++) {
          float h = y[i] / 6.0f + 0.5f;
          y[i] = y[i] * (h < 0.0f ? 0.0f : h > 1.0f ? 1.0f : h);
        }
        break;
      case POST_HARD_SIGMOID: /* as activations.c: (y − 0)·alpha + beta (two roundings), then clip to [0, 1], NaN kept */
        for (size_t i = 0; i < n; i++) {
          float v = (y[i] - 0.0f) * a + b;
          v = v < 0.0f ? 0.0f : v;
          y[i] = v > 1.0f ? 1.0f : v;
        }
        break;
      case POST_MAX:
        if (b != 0.0f) for (size_t i = 0; i < n; i++) y[i] = MAX_OF(a, y[i]);
        else for (size_t i = 0; i < n; i++) y[i] = MAX_OF(y[i], a);
        break;
      default:
        if (b != 0.0f) for (size_t i = 0; i < n; i++) y[i] = MIN_OF(a, y[i]);
        else for (size_t i = 0; i < n; i++) y[i] = MIN_OF(y[i], a);
        break;
    }
  }
  if (f->out) memcpy(f->out + (y - f->base), y, n * sizeof *y); /* to_out: the tile to the chain's output */
}

#if defined(__x86_64__)
/* The plugin is built for the baseline ISA: the same loops at the widths the sgemm found on this CPU. */
__attribute__((target("avx512f"))) static void post_avx512(const Fused *f, float *y, size_t n, int64_t ch) { post_loops(f, y, n, ch); }
__attribute__((target("avx2"))) static void post_avx2(const Fused *f, float *y, size_t n, int64_t ch) { post_loops(f, y, n, ch); }
#endif
static void post_base(const Fused *f, float *y, size_t n, int64_t ch) { post_loops(f, y, n, ch); }

void post_apply(const Fused *f, float *y, size_t n, int64_t channel) {
  static void (*fn)(const Fused *, float *, size_t, int64_t); /* idempotent: racing first calls pick the same */
  if (!fn) {
    fn = post_base;
#if defined(__x86_64__)
    if (cpu_isa() == ISA_AVX512) fn = post_avx512;
    else if (cpu_isa() == ISA_AVX2) fn = post_avx2;
#endif
  }
  fn(f, y, n, channel);
}

/* Per-channel constants (Add/Sub/Mul/Div by one value per channel) along y; every other op as post_apply's. */
void post_apply_channels(const Fused *f, float *y, size_t n, int64_t first) {
  for (int k = 0; k < f->count; k++) {
    const PostOp *op = &f->ops[k];
    const float *a = op->per_channel ? op->per_channel + first : NULL;
    if (!a) {
      Fused one = {1, f->out_id, f->direct, 0, op->kind == POST_ADD_TENSOR, f->base, NULL, {*op}};
      post_apply(&one, y, n, 0);
      continue;
    }
    switch (op->kind) { /* the constant first (b ≠ 0) or second, as post_loops */
      case POST_ADD: for (size_t i = 0; i < n; i++) y[i] = y[i] + a[i]; break;
      case POST_SUB:
        if (op->b != 0.0f) for (size_t i = 0; i < n; i++) y[i] = a[i] - y[i];
        else for (size_t i = 0; i < n; i++) y[i] = y[i] - a[i];
        break;
      case POST_MUL: for (size_t i = 0; i < n; i++) y[i] = y[i] * a[i]; break;
      case POST_LEAKY_RELU: for (size_t i = 0; i < n; i++) y[i] = (y[i] < 0.0f ? a[i] : 1.0f) * y[i]; break; /* PRelu */
      default:
        if (op->b != 0.0f) for (size_t i = 0; i < n; i++) y[i] = a[i] / y[i];
        else for (size_t i = 0; i < n; i++) y[i] = y[i] / a[i];
        break;
    }
  }
  if (f->out) memcpy(f->out + (y - f->base), y, n * sizeof *y); /* to_out: the tile to the chain's output */
}
