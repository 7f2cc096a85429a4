/* The kernel interface of backend-cpu: one check (at create) and one run function per kernel name. */
#ifndef CPU_KERNELS_H
#define CPU_KERNELS_H

#include <stdio.h>
#include "hodu_manifest.h"

/* What a kernel sees: its step, every tensor's resolved pointer and table entry, and the shared scratch. */
typedef struct KernelCall {
  const HoduManifestStep *step;
  void *const *ptrs;                 /* by tensor id, resolved for this run */
  const HoduManifestTensor *tensors; /* by tensor id */
  float *scratch;                    /* at least the largest `scratch_floats` any check asked for */
  int variant;                       /* which op of a shared kernel (BinaryOp, UnaryOp) */
  const float *state;                /* what the kernel's prepare() made at create(), or NULL */
  const struct Fused *fused;         /* Conv: the post-ops it applies and the tensor it writes (fuse.h), or NULL */
} KernelCall;

enum BinaryOp { OP_ADD, OP_SUB, OP_MUL, OP_DIV };
enum UnaryOp { OP_RELU, OP_SIGMOID, OP_TANH, OP_HARD_SWISH, OP_ERF };
enum ReduceOp {
  OP_REDUCE_SUM, OP_REDUCE_MEAN, OP_REDUCE_MAX, OP_REDUCE_MIN, OP_REDUCE_PROD, OP_REDUCE_L1, OP_REDUCE_L2,
  OP_REDUCE_LOG_SUM, OP_REDUCE_LOG_SUM_EXP, OP_REDUCE_SUM_SQUARE
};
/* unary_math's variant: one of these, or OP_UNARY_EXT + an UnaryExtOp of simd.h. */
enum UnaryMathOp { OP_SQRT, OP_EXP, OP_LOG, OP_NEG, OP_ABS, OP_LEAKY_RELU, OP_SIGN_INT, OP_UNARY_EXT = 16 };
enum FloatClassOp { OP_IS_NAN, OP_IS_INF };
enum BinaryMathOp { OP_POW, OP_MAX, OP_MIN, OP_PRELU, OP_MOD, OP_SUM, OP_MEAN };
enum ActivationOp { OP_HARD_SIGMOID, OP_ELU, OP_SELU, OP_CELU, OP_SOFTPLUS, OP_MISH, OP_GELU };
enum LogicalOp { OP_AND, OP_OR, OP_XOR, OP_NOT };
enum ArgExtremeOp { OP_ARG_MAX, OP_ARG_MIN };
enum BlockMoveOp { OP_DEPTH_TO_SPACE, OP_SPACE_TO_DEPTH };
/* Cast's variant: the source and target HODU_DTYPE_* codes. */
#define CAST_VARIANT(FROM, TO) ((int)((FROM) * 32u + (TO)))
#define CAST_FROM(V) ((uint32_t)(V) / 32u)
#define CAST_TO(V) ((uint32_t)(V) % 32u)
/* Comparisons' and Where's variant: the op and the HODU_DTYPE_* of the compared (or selected) values. */
enum CompareOp { OP_EQUAL, OP_LESS, OP_LESS_OR_EQUAL, OP_GREATER, OP_GREATER_OR_EQUAL };
#define COMPARE_VARIANT(OP, DTYPE) ((int)((OP) * 32u + (DTYPE)))
#define COMPARE_OP(V) ((int)((uint32_t)(V) / 32u))
#define COMPARE_DTYPE(V) ((uint32_t)(V) % 32u)

/*
 * Runs at create(): validates the step (metadata layout, shapes, attributes the kernel handles) and says
 * how much scratch it needs. Anything it cannot compute exactly is refused here with HODU_ERR_UNSUPPORTED
 * (or HODU_ERR_INVALID_ARGUMENT for a malformed step), so run() never gives a wrong answer.
 */
typedef int32_t (*CheckFn)(const KernelCall *c, size_t *scratch_floats, char *err, size_t err_cap);
typedef int32_t (*KernelFn)(const KernelCall *c, char *err, size_t err_cap);
/*
 * Optional, at create() after check, with the weights' pointers resolved (only those): returns how many
 * floats of per-step state it wants (0: none) when `state` is NULL, else fills `state` (64-byte aligned).
 * MatMul and Gemm pack a constant B here once instead of at every run, LSTM and GRU their W and R.
 */
typedef size_t (*PrepareFn)(const KernelCall *c, float *state);

static inline const HoduManifestTensor *in_tensor(const KernelCall *c, uint32_t i) {
  int32_t id = hodu_manifest_step_input(c->step, i);
  return id < 0 ? NULL : &c->tensors[id];
}
static inline const HoduManifestTensor *out_tensor(const KernelCall *c, uint32_t i) {
  int32_t id = hodu_manifest_step_output(c->step, i);
  return id < 0 ? NULL : &c->tensors[id];
}
static inline const float *in_f32(const KernelCall *c, uint32_t i) {
  int32_t id = hodu_manifest_step_input(c->step, i);
  return id < 0 ? NULL : (const float *)c->ptrs[id];
}
static inline float *out_f32(const KernelCall *c, uint32_t i) {
  int32_t id = hodu_manifest_step_output(c->step, i);
  return id < 0 ? NULL : (float *)c->ptrs[id];
}
static inline int64_t meta(const KernelCall *c, uint32_t i) { return hodu_manifest_step_meta(c->step, i); }
static inline float meta_f(const KernelCall *c, uint32_t i) { return hodu_manifest_step_meta_float(c->step, i); }

static inline int64_t dim(const HoduManifestTensor *t, uint32_t i) { return hodu_manifest_tensor_dim(t, i); }
static inline size_t numel(const HoduManifestTensor *t) { return (size_t)hodu_manifest_tensor_elements(t); }

/*
 * Largest element offset (+1) the strides at metadata[stride_at..] reach over the output dims at
 * metadata[1..rank] (the broadcasting layout of Add, the comparisons and Where): an operand must hold at least
 * this many elements.
 */
static inline uint64_t broadcast_reach(const KernelCall *c, uint32_t rank, uint32_t stride_at) {
  uint64_t r = 1;
  for (uint32_t d = 0; d < rank; d++) r += (uint64_t)(meta(c, 1 + d) - 1) * (uint64_t)meta(c, stride_at + d);
  return r;
}

/*
 * Steps two broadcast operand offsets to the next row of the output (the innermost axis is the caller's tight
 * loop): the outer axes count like an odometer, each carrying its stride and rewinding when it wraps.
 */
static inline void broadcast_next_row(uint32_t rank, const int64_t *dims, const int64_t *sa, const int64_t *sb,
                                      int64_t *idx, ptrdiff_t *ao, ptrdiff_t *bo) {
  for (int64_t d = (int64_t)rank - 2; d >= 0; d--) {
    *ao += (ptrdiff_t)sa[d];
    *bo += (ptrdiff_t)sb[d];
    if (++idx[d] < dims[d]) return;
    *ao -= (ptrdiff_t)(sa[d] * dims[d]);
    *bo -= (ptrdiff_t)(sb[d] * dims[d]);
    idx[d] = 0;
  }
}

/* Refuses the step at create() with `status` and a message naming kernel and node. */
#define REFUSE(status, ...)                                                                                  \
  do {                                                                                                       \
    int n_ = snprintf(err, err_cap, "%s (node '%s'): ", c->step->kernel, c->step->node);                     \
    if (err && n_ >= 0 && (size_t)n_ < err_cap) hodu_set_error(err + n_, err_cap - (size_t)n_, __VA_ARGS__); \
    return (status);                                                                                         \
  } while (0)
#define REQUIRE(cond, ...)                                                                                   \
  do {                                                                                                       \
    if (!(cond)) REFUSE(HODU_ERR_UNSUPPORTED, __VA_ARGS__);                                                  \
  } while (0)
#define REQUIRE_META(cond)                                                                                   \
  do {                                                                                                       \
    if (!(cond)) REFUSE(HODU_ERR_INVALID_ARGUMENT, "unexpected metadata (%u values)", (unsigned)c->step->metadata_count); \
  } while (0)

/*
 * Two-operand numpy broadcasting, metadata [rank, out_dims(rank), a_strides(rank), b_strides(rank)] (Add's;
 * stride 0 = broadcast): check_broadcast_meta validates it against output 0 and inputs 0 and 1 at create(),
 * broadcast_load reads it at run() for a row loop that steps with broadcast_next_row.
 */
static inline int32_t check_broadcast_meta(const KernelCall *c, char *err, size_t err_cap) {
  const HoduManifestTensor *y = out_tensor(c, 0);
  int64_t rank = c->step->metadata_count ? meta(c, 0) : -1;
  REQUIRE_META(rank >= 0 && rank <= 64 && c->step->metadata_count == 1 + 3 * (uint64_t)rank && y->rank == (uint32_t)rank);
  for (uint32_t d = 0; d < (uint32_t)rank; d++)
    REQUIRE_META(meta(c, 1 + d) == dim(y, d) && meta(c, 1 + (uint32_t)rank + d) >= 0 && meta(c, 1 + 2 * (uint32_t)rank + d) >= 0);
  if (numel(y) == 0) return HODU_OK;
  REQUIRE_META(broadcast_reach(c, (uint32_t)rank, 1 + (uint32_t)rank) <= numel(in_tensor(c, 0)) &&
               broadcast_reach(c, (uint32_t)rank, 1 + 2 * (uint32_t)rank) <= numel(in_tensor(c, 1)));
  return HODU_OK;
}

/* The loaded metadata: `inner` elements per row (the innermost axis), operand strides `ia`/`ib` along it. */
typedef struct Broadcast {
  uint32_t rank;
  int64_t dims[64], sa[64], sb[64], idx[64];
  size_t total, inner;
  ptrdiff_t ia, ib;
} Broadcast;

static inline void broadcast_load(const KernelCall *c, Broadcast *b) {
  b->rank = (uint32_t)meta(c, 0);
  b->total = 1;
  for (uint32_t d = 0; d < b->rank; d++) {
    b->dims[d] = meta(c, 1 + d), b->sa[d] = meta(c, 1 + b->rank + d), b->sb[d] = meta(c, 1 + 2 * b->rank + d);
    b->idx[d] = 0;
    b->total *= (size_t)b->dims[d];
  }
  b->inner = b->rank ? (size_t)b->dims[b->rank - 1] : 1;
  b->ia = b->rank ? (ptrdiff_t)b->sa[b->rank - 1] : 0;
  b->ib = b->rank ? (ptrdiff_t)b->sb[b->rank - 1] : 0;
}

/*
 * Runs ROW once per output row of a two-operand broadcast (metadata as check_broadcast_meta's), with `a`, `b`
 * the operands' row starts (element type T, from XA and XB), `ia`, `ib` their strides along the row, `y` the
 * output row and `n` its length: the kernel writes only the tight loop.
 */
#define FOR_BROADCAST_ROWS(C, T, XA, XB, OUT, ROW)                                                           \
  do {                                                                                                       \
    Broadcast bc_;                                                                                           \
    broadcast_load((C), &bc_);                                                                               \
    const size_t n = bc_.inner;                                                                              \
    const ptrdiff_t ia = bc_.ia, ib = bc_.ib;                                                                \
    ptrdiff_t ao_ = 0, bo_ = 0;                                                                              \
    for (size_t o_ = 0; o_ < bc_.total; o_ += n) {                                                           \
      const T *a = (XA) + ao_, *b = (XB) + bo_;                                                              \
      T *y = (OUT) + o_;                                                                                     \
      ROW;                                                                                                   \
      broadcast_next_row(bc_.rank, bc_.dims, bc_.sa, bc_.sb, bc_.idx, &ao_, &bo_);                           \
    }                                                                                                        \
  } while (0)

/* Every input present is float32 and output 0 exists (most kernels start with this). */
int32_t check_f32_io(const KernelCall *c, uint32_t max_inputs, char *err, size_t err_cap);

#define DECLARE_KERNEL(NAME)                                                                                 \
  int32_t check_##NAME(const KernelCall *c, size_t *scratch_floats, char *err, size_t err_cap);              \
  int32_t run_##NAME(const KernelCall *c, char *err, size_t err_cap);

DECLARE_KERNEL(binary)
DECLARE_KERNEL(unary)
DECLARE_KERNEL(clip)
DECLARE_KERNEL(copy)
DECLARE_KERNEL(mat_mul)
DECLARE_KERNEL(gemm)
DECLARE_KERNEL(conv)
DECLARE_KERNEL(max_pool)
DECLARE_KERNEL(average_pool)
DECLARE_KERNEL(global_average_pool)
DECLARE_KERNEL(softmax)
DECLARE_KERNEL(concat)
DECLARE_KERNEL(transpose)
DECLARE_KERNEL(batch_normalization)
DECLARE_KERNEL(reduce)
DECLARE_KERNEL(layer_normalization)
DECLARE_KERNEL(lstm)
DECLARE_KERNEL(gru)
DECLARE_KERNEL(unary_math)
DECLARE_KERNEL(binary_math)
DECLARE_KERNEL(cast)
DECLARE_KERNEL(compare)
DECLARE_KERNEL(where)
DECLARE_KERNEL(gather)
DECLARE_KERNEL(slice)
DECLARE_KERNEL(copy_typed)
DECLARE_KERNEL(pad)
DECLARE_KERNEL(activation)
DECLARE_KERNEL(logical)
DECLARE_KERNEL(log_softmax)
DECLARE_KERNEL(split)
DECLARE_KERNEL(expand)
DECLARE_KERNEL(tile)
DECLARE_KERNEL(resize)
DECLARE_KERNEL(conv_transpose)
DECLARE_KERNEL(binary_int)
DECLARE_KERNEL(cum_sum)
DECLARE_KERNEL(trilu)
DECLARE_KERNEL(instance_normalization)
DECLARE_KERNEL(global_max_pool)
DECLARE_KERNEL(arg_extreme)
DECLARE_KERNEL(depth_to_space)
DECLARE_KERNEL(gather_elements)
DECLARE_KERNEL(scatter_nd)
DECLARE_KERNEL(group_normalization)
DECLARE_KERNEL(float_class)
DECLARE_KERNEL(int_unary)
DECLARE_KERNEL(int_mod)
DECLARE_KERNEL(bitwise)
DECLARE_KERNEL(bit_shift)
size_t prepare_mat_mul(const KernelCall *c, float *state);
size_t prepare_gemm(const KernelCall *c, float *state);
size_t prepare_conv(const KernelCall *c, float *state);
size_t prepare_lstm(const KernelCall *c, float *state);
size_t prepare_gru(const KernelCall *c, float *state);

#endif
