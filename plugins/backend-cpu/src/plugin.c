/*
 * backend-cpu: hodu's native CPU backend. create() validates the DispatchManifest, binds every step to a
 * kernel (refusing at once what it cannot compute exactly), and allocates one 64-byte-aligned arena (the
 * planner's offsets) plus one scratch buffer sized for the hungriest step; weights are used in place from
 * the manifest bytes. run() resolves the tensor pointers for this call and runs the steps in order.
 * The create/run skeleton, kernels.h's helpers and the Softmax loop follow templates/backend-c (what
 * `hodu plugin new --lang c` writes) on purpose: a plugin package is self-contained (it is built alone from
 * its own folder), so it cannot include the template's files, and reading the two side by side is how a
 * plugin author learns from this one.
 */
#include <stdlib.h>
#include <string.h>
#include "hodu_plugin.h"
#include "alloc.h"
#include "fuse.h"
#include "kernels.h"
#include "prebound.h"
#include "profile.h"
#include "simd.h"
#include "sgemm.h"
#include "threads.h"
#include "widen-f16.h"

#define PLUGIN_NAME "cpu"
#define PLUGIN_VERSION "0.1.0"

typedef struct KernelEntry {
  const char *name;
  CheckFn check;
  KernelFn run;
  int variant;
  uint8_t widened; /* a float16 name run by the float32 kernel on float32 copies (widen-f16.h) */
} KernelEntry;

/* Split, Expand, Tile (any fixed-size dtype), Concat/Transpose/copies of int64/int32/bool/float16, Cast f16↔f32. */
#define SHAPE_KERNELS(X) \
  X("split_f32", split, 0) X("split_f32_i64", split, 0) X("split_i64", split, 0) X("split_i32", split, 0) \
  X("split_i32_i64", split, 0) X("split_bool", split, 0) X("split_bool_i64", split, 0) X("split_f16", split, 0) \
  X("split_f16_i64", split, 0) X("expand_f32_i64", expand, 0) X("expand_i64", expand, 0) \
  X("expand_i32_i64", expand, 0) X("expand_bool_i64", expand, 0) X("expand_f16_i64", expand, 0) \
  X("tile_f32_i64", tile, 0) X("tile_i64", tile, 0) X("tile_i32_i64", tile, 0) X("tile_bool_i64", tile, 0) \
  X("tile_f16_i64", tile, 0) X("concat_i64", concat, 0) X("concat_i32", concat, 0) \
  X("concat_bool", concat, 0) X("concat_f16", concat, 0) X("transpose_i64", transpose, 0) \
  X("transpose_i32", transpose, 0) X("transpose_bool", transpose, 0) X("transpose_f16", transpose, 0) \
  X("identity_f16", copy_typed, 0) X("flatten_f16", copy_typed, 0) X("reshape_f16_i64", copy_typed, 0) X("squeeze_f16", copy_typed, 0) \
  X("squeeze_f16_i64", copy_typed, 0) X("unsqueeze_f16", copy_typed, 0) X("unsqueeze_f16_i64", copy_typed, 0) \
  X("cast_f16_f32", cast, CAST_VARIANT(HODU_DTYPE_FLOAT16, HODU_DTYPE_FLOAT32)) \
  X("cast_f32_f16", cast, CAST_VARIANT(HODU_DTYPE_FLOAT32, HODU_DTYPE_FLOAT16)) \
  X("cast_f16", cast, CAST_VARIANT(HODU_DTYPE_FLOAT16, HODU_DTYPE_FLOAT16))
/* Activations with attributes or a libm core, LogSoftmax, and the bool logic ops. */
#define ACTIVATION_KERNELS(X) \
  X("hard_sigmoid_f32", activation, OP_HARD_SIGMOID) X("elu_f32", activation, OP_ELU) X("selu_f32", activation, OP_SELU) \
  X("celu_f32", activation, OP_CELU) X("softplus_f32", activation, OP_SOFTPLUS) X("mish_f32", activation, OP_MISH) \
  X("gelu_f32", activation, OP_GELU) X("log_softmax_f32", log_softmax, 0) X("and_bool", logical, OP_AND) \
  X("or_bool", logical, OP_OR) X("xor_bool", logical, OP_XOR) X("not_bool", logical, OP_NOT) \
  X("resize_f32", resize, 0) X("resize_f32_i64", resize, 0) X("upsample_f32", resize, 0) X("conv_transpose_f32", conv_transpose, 0) \
  INDEX_KERNELS(X) MORE_ELEMENTWISE_KERNELS(X)
/* Integer arithmetic, CumSum and Trilu: the index and mask math PyTorch exports leave at run time; and
 * InstanceNormalization, as PyTorch exports GroupNorm before opset 18. */
#define INT_BINARY(X, OP, NAME) \
  X(NAME "_i64", binary_int, COMPARE_VARIANT(OP, HODU_DTYPE_INT64)) X(NAME "_i32", binary_int, COMPARE_VARIANT(OP, HODU_DTYPE_INT32))
#define INDEX_KERNELS(X) \
  INT_BINARY(X, OP_ADD, "add") INT_BINARY(X, OP_SUB, "sub") INT_BINARY(X, OP_MUL, "mul") INT_BINARY(X, OP_DIV, "div") \
  X("cum_sum_f32_i64", cum_sum, 0) X("cum_sum_f32_i32", cum_sum, 0) X("cum_sum_i64", cum_sum, 0) \
  X("cum_sum_i64_i32", cum_sum, 0) X("cum_sum_i32_i64", cum_sum, 0) X("cum_sum_i32", cum_sum, 0) \
  X("cum_sum_f64_i64", cum_sum, 0) X("cum_sum_f64_i32", cum_sum, 0) \
  X("trilu_f32", trilu, 0) X("trilu_f32_i64", trilu, 0) X("trilu_i64", trilu, 0) X("trilu_i32", trilu, 0) \
  X("trilu_i32_i64", trilu, 0) X("trilu_bool", trilu, 0) X("trilu_bool_i64", trilu, 0) X("trilu_f16", trilu, 0) \
  X("trilu_f16_i64", trilu, 0) X("instance_normalization_f32", instance_normalization, 0) \
  X("global_max_pool_f32", global_max_pool, 0) X("arg_max_f32_i64", arg_extreme, OP_ARG_MAX) \
  X("arg_min_f32_i64", arg_extreme, OP_ARG_MIN) X("depth_to_space_f32", depth_to_space, OP_DEPTH_TO_SPACE) \
  X("space_to_depth_f32", depth_to_space, OP_SPACE_TO_DEPTH) X("gather_elements_f32_i64", gather_elements, 0) \
  X("gather_elements_f32_i32", gather_elements, 0) X("gather_elements_i64", gather_elements, 0) \
  X("gather_elements_i64_i32", gather_elements, 0) X("scatter_nd_f32_i64", scatter_nd, 0) \
  X("group_normalization_f32", group_normalization, 0)

/* ReduceProd, L1, L2, LogSum, LogSumExp, SumSquare: axes as an attribute (before opset 18) or an int64 input. */
#define REDUCE_MORE(X, OP, NAME) X(NAME "_f32", reduce, OP) X(NAME "_f32_i64", reduce, OP)

/* The rest of the interp's elementwise ops: trigonometric, hyperbolic, rounding and attribute maps
 * (unary-math.c, simd-trig.h), IsNaN/IsInf (float-class.c), PRelu, Mod, Sum, Mean (binary-math.c), integer
 * Abs/Neg/Sign/Mod (int-math.c), bitwise ops and BitShift (bitwise.c). */
#define UNARY_EXT(X, NAME, UX) X(NAME "_f32", unary_math, OP_UNARY_EXT + (UX))
#define INT_TYPED(X, NAME, FN, OP) \
  X(NAME "_i8", FN, COMPARE_VARIANT(OP, HODU_DTYPE_INT8)) X(NAME "_i16", FN, COMPARE_VARIANT(OP, HODU_DTYPE_INT16)) \
  X(NAME "_i32", FN, COMPARE_VARIANT(OP, HODU_DTYPE_INT32)) X(NAME "_i64", FN, COMPARE_VARIANT(OP, HODU_DTYPE_INT64)) \
  X(NAME "_u8", FN, COMPARE_VARIANT(OP, HODU_DTYPE_UINT8)) X(NAME "_u16", FN, COMPARE_VARIANT(OP, HODU_DTYPE_UINT16)) \
  X(NAME "_u32", FN, COMPARE_VARIANT(OP, HODU_DTYPE_UINT32)) X(NAME "_u64", FN, COMPARE_VARIANT(OP, HODU_DTYPE_UINT64))
#define MORE_ELEMENTWISE_KERNELS(X) \
  UNARY_EXT(X, "sin", UX_SIN) UNARY_EXT(X, "cos", UX_COS) UNARY_EXT(X, "tan", UX_TAN) UNARY_EXT(X, "asin", UX_ASIN) \
  UNARY_EXT(X, "acos", UX_ACOS) UNARY_EXT(X, "atan", UX_ATAN) UNARY_EXT(X, "sinh", UX_SINH) UNARY_EXT(X, "cosh", UX_COSH) \
  UNARY_EXT(X, "asinh", UX_ASINH) UNARY_EXT(X, "acosh", UX_ACOSH) UNARY_EXT(X, "atanh", UX_ATANH) \
  UNARY_EXT(X, "ceil", UX_CEIL) UNARY_EXT(X, "floor", UX_FLOOR) UNARY_EXT(X, "round", UX_ROUND) \
  UNARY_EXT(X, "reciprocal", UX_RECIPROCAL) UNARY_EXT(X, "sign", UX_SIGN) UNARY_EXT(X, "softsign", UX_SOFTSIGN) \
  UNARY_EXT(X, "thresholded_relu", UX_THRESHOLDED_RELU) UNARY_EXT(X, "shrink", UX_SHRINK) \
  X("is_na_n_f32_bool", float_class, OP_IS_NAN) X("is_inf_f32_bool", float_class, OP_IS_INF) \
  X("p_relu_f32", binary_math, OP_PRELU) X("mod_f32", binary_math, OP_MOD) X("sum_f32", binary_math, OP_SUM) \
  X("mean_f32", binary_math, OP_MEAN) \
  X("abs_i32", int_unary, COMPARE_VARIANT(OP_ABS, HODU_DTYPE_INT32)) X("abs_i64", int_unary, COMPARE_VARIANT(OP_ABS, HODU_DTYPE_INT64)) \
  X("neg_i32", int_unary, COMPARE_VARIANT(OP_NEG, HODU_DTYPE_INT32)) X("neg_i64", int_unary, COMPARE_VARIANT(OP_NEG, HODU_DTYPE_INT64)) \
  X("sign_i32", int_unary, COMPARE_VARIANT(OP_SIGN_INT, HODU_DTYPE_INT32)) X("sign_i64", int_unary, COMPARE_VARIANT(OP_SIGN_INT, HODU_DTYPE_INT64)) \
  X("mod_i8", int_mod, HODU_DTYPE_INT8) X("mod_i16", int_mod, HODU_DTYPE_INT16) X("mod_i32", int_mod, HODU_DTYPE_INT32) \
  X("mod_i64", int_mod, HODU_DTYPE_INT64) X("mod_u8", int_mod, HODU_DTYPE_UINT8) X("mod_u16", int_mod, HODU_DTYPE_UINT16) \
  X("mod_u32", int_mod, HODU_DTYPE_UINT32) X("mod_u64", int_mod, HODU_DTYPE_UINT64) \
  INT_TYPED(X, "bitwise_and", bitwise, OP_AND) INT_TYPED(X, "bitwise_or", bitwise, OP_OR) \
  INT_TYPED(X, "bitwise_xor", bitwise, OP_XOR) INT_TYPED(X, "bitwise_not", bitwise, OP_NOT) \
  X("bit_shift_u8", bit_shift, HODU_DTYPE_UINT8) X("bit_shift_u16", bit_shift, HODU_DTYPE_UINT16) \
  X("bit_shift_u32", bit_shift, HODU_DTYPE_UINT32) X("bit_shift_u64", bit_shift, HODU_DTYPE_UINT64)

/* Names follow hodu's opToKernelName: snake_case(op) + the dtype codes of inputs then outputs. */
#define CPU_KERNELS(X)                                                                                        \
  X("add_f32", binary, OP_ADD) X("sub_f32", binary, OP_SUB) X("mul_f32", binary, OP_MUL)                     \
  X("div_f32", binary, OP_DIV) X("relu_f32", unary, OP_RELU) X("sigmoid_f32", unary, OP_SIGMOID)             \
  X("tanh_f32", unary, OP_TANH) X("hard_swish_f32", unary, OP_HARD_SWISH) X("clip_f32", clip, 0)              \
  X("reduce_sum_f32", reduce, OP_REDUCE_SUM) X("reduce_mean_f32", reduce, OP_REDUCE_MEAN)                   \
  X("reduce_max_f32", reduce, OP_REDUCE_MAX) X("reduce_min_f32", reduce, OP_REDUCE_MIN)                     \
  X("reduce_sum_f32_i64", reduce, OP_REDUCE_SUM) X("reduce_mean_f32_i64", reduce, OP_REDUCE_MEAN)           \
  X("reduce_max_f32_i64", reduce, OP_REDUCE_MAX) X("reduce_min_f32_i64", reduce, OP_REDUCE_MIN)             \
  REDUCE_MORE(X, OP_REDUCE_PROD, "reduce_prod") REDUCE_MORE(X, OP_REDUCE_L1, "reduce_l1")                  \
  REDUCE_MORE(X, OP_REDUCE_L2, "reduce_l2") REDUCE_MORE(X, OP_REDUCE_LOG_SUM, "reduce_log_sum")             \
  REDUCE_MORE(X, OP_REDUCE_LOG_SUM_EXP, "reduce_log_sum_exp") REDUCE_MORE(X, OP_REDUCE_SUM_SQUARE, "reduce_sum_square") \
  X("mat_mul_f32", mat_mul, 0) X("gemm_f32", gemm, 0)                                                       \
  X("conv_f32", conv, 0) X("max_pool_f32", max_pool, 0) X("average_pool_f32", average_pool, 0)               \
  X("global_average_pool_f32", global_average_pool, 0) X("softmax_f32", softmax, 0)                         \
  X("concat_f32", concat, 0) X("transpose_f32", transpose, 0)                                               \
  X("batch_normalization_f32", batch_normalization, 0) X("identity_f32", copy, 0)                           \
  X("layer_normalization_f32", layer_normalization, 0) X("erf_f32", unary, OP_ERF)                          \
  X("lstm_f32", lstm, 0) X("gru_f32", gru, 0) X("lstm_f32_i32", lstm, 0) X("gru_f32_i32", gru, 0)           \
  X("reshape_f32_i64", copy, 0) X("flatten_f32", copy, 0) X("squeeze_f32", copy, 0)                         \
  X("squeeze_f32_i64", copy, 0) X("unsqueeze_f32", copy, 0) X("unsqueeze_f32_i64", copy, 0) \
  X("sqrt_f32", unary_math, OP_SQRT) X("exp_f32", unary_math, OP_EXP) X("log_f32", unary_math, OP_LOG)          \
  X("neg_f32", unary_math, OP_NEG) X("abs_f32", unary_math, OP_ABS) X("leaky_relu_f32", unary_math, OP_LEAKY_RELU) \
  X("pow_f32", binary_math, OP_POW) X("max_f32", binary_math, OP_MAX) X("min_f32", binary_math, OP_MIN) \
  X("cast_f32", cast, CAST_VARIANT(HODU_DTYPE_FLOAT32, HODU_DTYPE_FLOAT32)) X("cast_f32_i64", cast, CAST_VARIANT(HODU_DTYPE_FLOAT32, HODU_DTYPE_INT64)) \
  X("cast_f32_i32", cast, CAST_VARIANT(HODU_DTYPE_FLOAT32, HODU_DTYPE_INT32)) X("cast_f32_bool", cast, CAST_VARIANT(HODU_DTYPE_FLOAT32, HODU_DTYPE_BOOL)) \
  X("cast_i64_f32", cast, CAST_VARIANT(HODU_DTYPE_INT64, HODU_DTYPE_FLOAT32)) X("cast_i64", cast, CAST_VARIANT(HODU_DTYPE_INT64, HODU_DTYPE_INT64)) \
  X("cast_i64_i32", cast, CAST_VARIANT(HODU_DTYPE_INT64, HODU_DTYPE_INT32)) X("cast_i64_bool", cast, CAST_VARIANT(HODU_DTYPE_INT64, HODU_DTYPE_BOOL)) \
  X("cast_i32_f32", cast, CAST_VARIANT(HODU_DTYPE_INT32, HODU_DTYPE_FLOAT32)) X("cast_i32_i64", cast, CAST_VARIANT(HODU_DTYPE_INT32, HODU_DTYPE_INT64)) \
  X("cast_i32", cast, CAST_VARIANT(HODU_DTYPE_INT32, HODU_DTYPE_INT32)) X("cast_i32_bool", cast, CAST_VARIANT(HODU_DTYPE_INT32, HODU_DTYPE_BOOL)) \
  X("cast_bool_f32", cast, CAST_VARIANT(HODU_DTYPE_BOOL, HODU_DTYPE_FLOAT32)) X("cast_bool_i64", cast, CAST_VARIANT(HODU_DTYPE_BOOL, HODU_DTYPE_INT64)) \
  X("cast_bool_i32", cast, CAST_VARIANT(HODU_DTYPE_BOOL, HODU_DTYPE_INT32)) X("cast_bool", cast, CAST_VARIANT(HODU_DTYPE_BOOL, HODU_DTYPE_BOOL)) \
  X("equal_f32_bool", compare, COMPARE_VARIANT(OP_EQUAL, HODU_DTYPE_FLOAT32)) X("equal_i64_bool", compare, COMPARE_VARIANT(OP_EQUAL, HODU_DTYPE_INT64)) \
  X("equal_i32_bool", compare, COMPARE_VARIANT(OP_EQUAL, HODU_DTYPE_INT32)) X("less_f32_bool", compare, COMPARE_VARIANT(OP_LESS, HODU_DTYPE_FLOAT32)) \
  X("less_i64_bool", compare, COMPARE_VARIANT(OP_LESS, HODU_DTYPE_INT64)) X("less_i32_bool", compare, COMPARE_VARIANT(OP_LESS, HODU_DTYPE_INT32)) \
  X("less_or_equal_f32_bool", compare, COMPARE_VARIANT(OP_LESS_OR_EQUAL, HODU_DTYPE_FLOAT32)) X("less_or_equal_i64_bool", compare, COMPARE_VARIANT(OP_LESS_OR_EQUAL, HODU_DTYPE_INT64)) \
  X("less_or_equal_i32_bool", compare, COMPARE_VARIANT(OP_LESS_OR_EQUAL, HODU_DTYPE_INT32)) X("greater_f32_bool", compare, COMPARE_VARIANT(OP_GREATER, HODU_DTYPE_FLOAT32)) \
  X("greater_i64_bool", compare, COMPARE_VARIANT(OP_GREATER, HODU_DTYPE_INT64)) X("greater_i32_bool", compare, COMPARE_VARIANT(OP_GREATER, HODU_DTYPE_INT32)) \
  X("greater_or_equal_f32_bool", compare, COMPARE_VARIANT(OP_GREATER_OR_EQUAL, HODU_DTYPE_FLOAT32)) X("greater_or_equal_i64_bool", compare, COMPARE_VARIANT(OP_GREATER_OR_EQUAL, HODU_DTYPE_INT64)) \
  X("greater_or_equal_i32_bool", compare, COMPARE_VARIANT(OP_GREATER_OR_EQUAL, HODU_DTYPE_INT32)) X("where_bool_f32", where, COMPARE_VARIANT(0, HODU_DTYPE_FLOAT32)) \
  X("where_bool_i64", where, COMPARE_VARIANT(0, HODU_DTYPE_INT64)) X("where_bool_i32", where, COMPARE_VARIANT(0, HODU_DTYPE_INT32)) \
  X("where_bool", where, COMPARE_VARIANT(0, HODU_DTYPE_BOOL)) \
  X("gather_f32_i64", gather, 0) X("gather_f32_i32", gather, 0) X("gather_i64", gather, 0) \
  X("gather_i64_i32", gather, 0) X("gather_i32_i64", gather, 0) X("gather_i32", gather, 0) \
  X("gather_bool_i64", gather, 0) X("gather_bool_i32", gather, 0) X("slice_f32_i64", slice, 0) \
  X("slice_f32_i32", slice, 0) X("slice_f32", slice, 0) X("slice_i64", slice, 0) \
  X("slice_i64_i32", slice, 0) X("slice_i32_i64", slice, 0) X("slice_i32", slice, 0) \
  X("slice_bool_i64", slice, 0) X("slice_bool_i32", slice, 0) X("slice_bool", slice, 0) \
  X("identity_i64", copy_typed, 0) X("flatten_i64", copy_typed, 0) X("reshape_i64", copy_typed, 0) X("squeeze_i64", copy_typed, 0) \
  X("unsqueeze_i64", copy_typed, 0) X("identity_i32", copy_typed, 0) X("flatten_i32", copy_typed, 0) X("reshape_i32_i64", copy_typed, 0) \
  X("squeeze_i32", copy_typed, 0) X("squeeze_i32_i64", copy_typed, 0) X("unsqueeze_i32", copy_typed, 0) X("unsqueeze_i32_i64", copy_typed, 0) \
  X("identity_bool", copy_typed, 0) X("flatten_bool", copy_typed, 0) X("reshape_bool_i64", copy_typed, 0) X("squeeze_bool", copy_typed, 0) \
  X("squeeze_bool_i64", copy_typed, 0) X("unsqueeze_bool", copy_typed, 0) X("unsqueeze_bool_i64", copy_typed, 0) \
  X("pad_f32_i64", pad, 0) X("pad_f32_i64_i32", pad, 0) \
  SHAPE_KERNELS(X) ACTIVATION_KERNELS(X)

/*
 * float16 nodes of the ops without a float16 kernel above: each name runs the float32 kernel given (its check,
 * run and variant) on float32 copies of the float16 tensors, which stay float32 between such steps and are
 * rounded to float16 where a float16 step or the host reads them (widen-f16.h). Add…Sqrt are here too, though
 * a float16 kernel could compute them (one rounding of the float32 result equals the interp's): on the float32
 * copies they are threaded, fused into the conv before them (fuse.c), and cost no conversion between widened
 * steps (PP-OCRv4 det in float16 spent 60 % of its time in float16 Add, Mul and Div). The names are those hodu
 * plans for float16 tensors: only the float16 codes change.
 */
#define WIDE_KERNELS(X) \
  X("conv_f16", conv, 0) X("conv_transpose_f16", conv_transpose, 0) X("mat_mul_f16", mat_mul, 0) X("gemm_f16", gemm, 0) \
  X("layer_normalization_f16", layer_normalization, 0) X("softmax_f16", softmax, 0) X("log_softmax_f16", log_softmax, 0) \
  X("batch_normalization_f16", batch_normalization, 0) X("max_pool_f16", max_pool, 0) X("average_pool_f16", average_pool, 0) \
  X("global_average_pool_f16", global_average_pool, 0) X("sigmoid_f16", unary, OP_SIGMOID) X("tanh_f16", unary, OP_TANH) \
  X("hard_swish_f16", unary, OP_HARD_SWISH) X("erf_f16", unary, OP_ERF) X("clip_f16", clip, 0) \
  X("exp_f16", unary_math, OP_EXP) X("log_f16", unary_math, OP_LOG) X("leaky_relu_f16", unary_math, OP_LEAKY_RELU) \
  X("pow_f16", binary_math, OP_POW) X("max_f16", binary_math, OP_MAX) X("min_f16", binary_math, OP_MIN) \
  X("hard_sigmoid_f16", activation, OP_HARD_SIGMOID) X("elu_f16", activation, OP_ELU) X("gelu_f16", activation, OP_GELU) \
  X("softplus_f16", activation, OP_SOFTPLUS) X("mish_f16", activation, OP_MISH) \
  X("reduce_sum_f16_i64", reduce, OP_REDUCE_SUM) X("reduce_mean_f16_i64", reduce, OP_REDUCE_MEAN) \
  X("reduce_max_f16_i64", reduce, OP_REDUCE_MAX) X("reduce_min_f16_i64", reduce, OP_REDUCE_MIN) \
  X("reduce_sum_f16", reduce, OP_REDUCE_SUM) X("reduce_mean_f16", reduce, OP_REDUCE_MEAN) \
  X("reduce_max_f16", reduce, OP_REDUCE_MAX) X("reduce_min_f16", reduce, OP_REDUCE_MIN) \
  X("resize_f16_f32", resize, 0) X("resize_f16_i64", resize, 0) X("resize_f16_f32_i64", resize, 0) \
  X("slice_f16_i64", slice, 0) X("slice_f16_i32", slice, 0) X("slice_f16", slice, 0) X("pad_f16_i64", pad, 0) X("gather_f16_i64", gather, 0) \
  X("where_bool_f16", where, COMPARE_VARIANT(0, HODU_DTYPE_FLOAT32)) \
  X("add_f16", binary, OP_ADD) X("sub_f16", binary, OP_SUB) X("mul_f16", binary, OP_MUL) X("div_f16", binary, OP_DIV) \
  X("relu_f16", unary, OP_RELU) X("neg_f16", unary_math, OP_NEG) X("abs_f16", unary_math, OP_ABS) \
  X("sqrt_f16", unary_math, OP_SQRT) \
  X("sin_f16", unary_math, OP_UNARY_EXT + UX_SIN) X("cos_f16", unary_math, OP_UNARY_EXT + UX_COS) X("tan_f16", unary_math, OP_UNARY_EXT + UX_TAN) \
  X("asin_f16", unary_math, OP_UNARY_EXT + UX_ASIN) X("acos_f16", unary_math, OP_UNARY_EXT + UX_ACOS) X("atan_f16", unary_math, OP_UNARY_EXT + UX_ATAN) \
  X("sinh_f16", unary_math, OP_UNARY_EXT + UX_SINH) X("cosh_f16", unary_math, OP_UNARY_EXT + UX_COSH) X("asinh_f16", unary_math, OP_UNARY_EXT + UX_ASINH) \
  X("acosh_f16", unary_math, OP_UNARY_EXT + UX_ACOSH) X("atanh_f16", unary_math, OP_UNARY_EXT + UX_ATANH) X("ceil_f16", unary_math, OP_UNARY_EXT + UX_CEIL) \
  X("floor_f16", unary_math, OP_UNARY_EXT + UX_FLOOR) X("round_f16", unary_math, OP_UNARY_EXT + UX_ROUND) X("reciprocal_f16", unary_math, OP_UNARY_EXT + UX_RECIPROCAL) \
  X("sign_f16", unary_math, OP_UNARY_EXT + UX_SIGN) X("softsign_f16", unary_math, OP_UNARY_EXT + UX_SOFTSIGN) X("thresholded_relu_f16", unary_math, OP_UNARY_EXT + UX_THRESHOLDED_RELU) \
  X("shrink_f16", unary_math, OP_UNARY_EXT + UX_SHRINK) X("p_relu_f16", binary_math, OP_PRELU) X("mod_f16", binary_math, OP_MOD) \
  X("sum_f16", binary_math, OP_SUM) X("mean_f16", binary_math, OP_MEAN)

#define ENTRY(NAME, FN, VARIANT) {NAME, check_##FN, run_##FN, VARIANT, 0},
#define WIDE_ENTRY(NAME, FN, VARIANT) {NAME, check_##FN, run_##FN, VARIANT, 1},
#define NAME_OF(NAME, FN, VARIANT) NAME,
static const KernelEntry KERNELS[] = {CPU_KERNELS(ENTRY) WIDE_KERNELS(WIDE_ENTRY)};
/* The descriptor's NULL-terminated list: exactly the kernels above. */
static const char *const KERNEL_NAMES[] = {CPU_KERNELS(NAME_OF) WIDE_KERNELS(NAME_OF) NULL};
#undef ENTRY
#undef WIDE_ENTRY
#undef NAME_OF
#define KERNEL_COUNT (sizeof KERNELS / sizeof KERNELS[0])

static const KernelEntry *find_kernel(const char *name) {
  for (size_t i = 0; i < KERNEL_COUNT; i++)
    if (strcmp(KERNELS[i].name, name) == 0) return &KERNELS[i];
  return NULL;
}

int32_t cpu_kernel_index(const char *name) {
  const KernelEntry *e = find_kernel(name);
  return e ? (int32_t)(e - KERNELS) : -1;
}

/* FNV-1a over each entry's index, name, variant and widening: what an index in hodu_cpu_prebound means. */
uint32_t cpu_kernel_table_id(void) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < KERNEL_COUNT; i++) {
    char line[96];
    int n = snprintf(line, sizeof line, "%zu %s %d %u;", i, KERNELS[i].name, KERNELS[i].variant, (unsigned)KERNELS[i].widened);
    for (int k = 0; k < n && k < (int)sizeof line; k++) h = (h ^ (uint8_t)line[k]) * 16777619u;
  }
  return h;
}

/*
 * The defaults of the symbols hodu_cpu_steps.c defines (build-emit.c): weak, so that the generated file's
 * definitions replace them when an artifact links it, and count -1 (no table) everywhere else. Weak
 * definitions rather than weak references, which Mach-O linkers refuse when nothing defines them.
 */
__attribute__((weak)) const int32_t hodu_cpu_prebound_count = -1;
__attribute__((weak)) const uint32_t hodu_cpu_prebound_table = 0;
__attribute__((weak)) const int32_t hodu_cpu_prebound[1] = {-1};
uint32_t hodu_cpu_prebound_steps = 0;
/* Read through volatile: the compiler folds a weak const definition's own value into this file, and the
 * generated file's definitions must be the ones read. */
#define PREBOUND_COUNT (*(const volatile int32_t *)&hodu_cpu_prebound_count)
#define PREBOUND_TABLE (*(const volatile uint32_t *)&hodu_cpu_prebound_table)
#define PREBOUND(i) (((const volatile int32_t *)hodu_cpu_prebound)[i])

/* Whether the linked table was written for this manifest's step count and against this kernel table. */
static int prebound_usable(uint32_t step_count) {
  return PREBOUND_COUNT >= 0 && (uint32_t)PREBOUND_COUNT == step_count && PREBOUND_TABLE == cpu_kernel_table_id();
}

/* Step i's kernel from the linked table, when it is there and names the step's kernel (else NULL: look it up). */
static const KernelEntry *prebound_kernel(uint32_t i, const char *name) {
  int32_t k = PREBOUND(i);
  if (k < 0 || (size_t)k >= KERNEL_COUNT || strcmp(KERNELS[k].name, name) != 0) return NULL;
  return &KERNELS[k];
}

/*
 * float16 data movement that runs as its float32 twin (the name with _f32 for _f16) on the float32 copies when a
 * widened step writes one of its inputs or reads one of its outputs (widen-f16.h): a float16 Concat between
 * convs then moves float32 instead of rounding its inputs and widening its output again (PP-OCRv4 det: 15 ms of
 * 275). Elsewhere it moves float16 as listed above. src/plugins/native/widened-f16.ts has the same list.
 */
static const char *const FLEXIBLE_F16[] = {
  "split_f16", "split_f16_i64", "expand_f16_i64", "tile_f16_i64", "concat_f16", "transpose_f16", "identity_f16",
  "flatten_f16", "reshape_f16_i64", "squeeze_f16", "squeeze_f16_i64", "unsqueeze_f16", "unsqueeze_f16_i64", NULL};

static int is_flexible(const char *name) {
  for (const char *const *f = FLEXIBLE_F16; *f; f++)
    if (strcmp(*f, name) == 0) return 1;
  return 0;
}

/* The float32 twin of a flexible float16 name. */
static const KernelEntry *float32_twin(const char *name) {
  char twin[64];
  const char *at = strstr(name, "_f16");
  if (!at || strlen(name) >= sizeof twin) return NULL;
  memcpy(twin, name, strlen(name) + 1);
  memcpy(twin + (at - name), "_f32", 4);
  return find_kernel(twin);
}

/* The kernels that prepare state at create() (the rest have none). */
static PrepareFn prepare_of(const KernelEntry *e) {
  if (e->run == run_mat_mul) return prepare_mat_mul;
  if (e->run == run_gemm) return prepare_gemm;
  if (e->run == run_conv) return prepare_conv;
  if (e->run == run_lstm) return prepare_lstm;
  if (e->run == run_gru) return prepare_gru;
  return NULL;
}

typedef struct Step {
  HoduManifestStep info;
  const KernelEntry *kernel;
  float *state; /* from the kernel's prepare(), owned here */
  Fused fused;    /* a conv's absorbed post-ops (fuse.h) */
  uint8_t absorbed; /* computed by the conv before it: run() skips it */
  uint8_t wide;     /* runs a float32 kernel on the widened view (widen-f16.h) */
} Step;

struct HoduBackendPlugin {
  HoduManifest manifest; /* points into the host's manifest bytes (valid until destroy) */
  HoduManifestTensor *tensors;
  Step *steps;
  void **ptrs;    /* per tensor, resolved at each run */
  uint8_t *arena; /* intermediates at the planner's offsets, 64-byte aligned */
  float *scratch; /* im2col columns, GEMM packing: shared by all steps (they run one at a time) */
  /* HoduCreateOptions.threads (0: physical cores): a reference to the workers every handle of that count in
   * the process shares (a partitioned session's handles included), set as cpu_pool() by run */
  ThreadPool *pool;
  HoduStepTime *times; /* per step while hodu_backend_profile has timing on, else NULL (profile.h) */
  Widen *widen; /* the float32 view the widened steps run on, or NULL when there is none (widen-f16.h) */
};

static void plugin_destroy(HoduBackendPluginHandle h) {
  if (!h) return;
  for (uint32_t i = 0; h->steps && i < h->manifest.step_count; i++) free(h->steps[i].state);
  free(h->tensors);
  free(h->steps);
  free(h->ptrs);
  free(h->arena);
  free(h->scratch);
  free(h->times);
  pool_destroy(h->pool);
  widen_destroy(h->widen);
  free(h);
}

/* Binds and checks every step; returns the scratch floats the steps need, or sets *status. */
static size_t bind_steps(HoduBackendPluginHandle h, int32_t *status, char *err, size_t err_cap) {
  const HoduManifest *m = &h->manifest;
  size_t scratch = 0;
  const int prebound = prebound_usable(m->step_count);
  uint32_t from_table = 0;
  for (uint32_t i = 0; i < m->step_count; i++) {
    Step *s = &h->steps[i];
    s->info = hodu_manifest_step(m, i);
    s->kernel = prebound ? prebound_kernel(i, s->info.kernel) : NULL;
    if (s->kernel) from_table++;
    else s->kernel = find_kernel(s->info.kernel);
    if (s->kernel && s->wide && !s->kernel->widened) s->kernel = float32_twin(s->info.kernel); /* flexible */
    if (!s->kernel) {
      hodu_set_error(err, err_cap, "kernel '%s' (node '%s') is not implemented by backend '%s'", s->info.kernel,
                     s->info.node, PLUGIN_NAME);
      *status = HODU_ERR_UNSUPPORTED;
      return 0;
    }
    for (uint32_t k = 0; k < s->info.input_count + s->info.output_count; k++) {
      int32_t id = k < s->info.input_count ? hodu_manifest_step_input(&s->info, k)
                                           : hodu_manifest_step_output(&s->info, k - s->info.input_count);
      if (id >= 0 && h->tensors[id].role == HODU_ROLE_INTERMEDIATE && !h->arena && h->tensors[id].byte_size) {
        hodu_set_error(err, err_cap, "node '%s': intermediate tensor outside an empty arena", s->info.node);
        *status = HODU_ERR_MANIFEST;
        return 0;
      }
    }
    int wide = s->wide;
    KernelCall call = {&s->info, wide ? widen_ptrs(h->widen) : h->ptrs, wide ? widen_tensors(h->widen) : h->tensors, NULL,
                       s->kernel->variant, NULL, NULL};
    size_t need = 0;
    *status = s->kernel->check(&call, &need, err, err_cap);
    if (*status != HODU_OK) return 0;
    if (need > scratch) scratch = need;
    PrepareFn prepare = prepare_of(s->kernel);
    size_t state = prepare ? prepare(&call, NULL) : 0;
    if (state) {
      s->state = alloc64(state * sizeof(float));
      if (!s->state) {
        hodu_set_error(err, err_cap, "out of memory (%zu bytes for node '%s')", state * sizeof(float), s->info.node);
        *status = HODU_ERR_OUT_OF_MEMORY;
        return 0;
      }
      prepare(&call, s->state);
    }
  }
  __atomic_fetch_add(&hodu_cpu_prebound_steps, from_table, __ATOMIC_RELAXED);
  return scratch;
}

/* fuse.c's plan, kept in the steps: a conv writes its chain's last output, run() skips the steps it absorbed. */
static void fuse_plugin_steps(HoduBackendPluginHandle h) {
  uint32_t n = h->manifest.step_count;
  Fused *fused = calloc(n + 1, sizeof *fused);
  uint8_t *absorbed = calloc(n + 1, 1);
  /* On the widened view when there is one: a float16 model's conv_f16 and the add_f16, relu_f16, … after it are
   * the float32 kernels on float32 tensors there, with the weights' float32 copies (fuse.c takes an _f16 name for
   * its _f32 twin). A float32 tensor is the same in both views. */
  if (fused && absorbed)
    fuse_steps(&h->manifest, h->widen ? widen_tensors(h->widen) : h->tensors, h->widen ? widen_ptrs(h->widen) : h->ptrs,
               fused, absorbed);
  for (uint32_t i = 0; fused && absorbed && i < n; i++) h->steps[i].fused = fused[i], h->steps[i].absorbed = absorbed[i];
  free(fused);
  free(absorbed);
}

/*
 * Which steps run on the widened view (Step.wide): the widened kernels, and the flexible ones (FLEXIBLE_F16) that
 * read a tensor a widened step wrote or write one a widened kernel reads, in step order so that a chain of them
 * (Reshape, Transpose) after a widened step follows it.
 */
static int mark_wide(HoduBackendPluginHandle h) {
  const HoduManifest *m = &h->manifest;
  int32_t *producer = malloc((m->tensor_count + 1) * sizeof *producer);
  uint8_t *read_wide = calloc(m->tensor_count + 1, 1);
  if (!producer || !read_wide) return free(producer), free(read_wide), 0;
  for (uint32_t t = 0; t < m->tensor_count; t++) producer[t] = -1;
  for (uint32_t i = 0; i < m->step_count; i++) {
    HoduManifestStep s = hodu_manifest_step(m, i);
    const KernelEntry *e = find_kernel(s.kernel);
    h->steps[i].wide = e && e->widened;
    for (uint32_t k = 0; k < s.output_count; k++)
      if (hodu_manifest_step_output(&s, k) >= 0) producer[hodu_manifest_step_output(&s, k)] = (int32_t)i;
    for (uint32_t k = 0; h->steps[i].wide && k < s.input_count; k++)
      if (hodu_manifest_step_input(&s, k) >= 0) read_wide[hodu_manifest_step_input(&s, k)] = 1;
  }
  for (uint32_t i = 0; i < m->step_count; i++) {
    HoduManifestStep s = hodu_manifest_step(m, i);
    if (!is_flexible(s.kernel) || !float32_twin(s.kernel)) continue;
    int wide = 0;
    for (uint32_t k = 0; k < s.input_count; k++) {
      int32_t id = hodu_manifest_step_input(&s, k);
      wide |= id >= 0 && producer[id] >= 0 && h->steps[producer[id]].wide;
    }
    for (uint32_t k = 0; k < s.output_count; k++) wide |= hodu_manifest_step_output(&s, k) >= 0 && read_wide[hodu_manifest_step_output(&s, k)];
    h->steps[i].wide = (uint8_t)wide;
  }
  free(producer), free(read_wide);
  return 1;
}

/* The float32 view of the float16 tensors the wide steps touch (NULL when no step is wide). */
static Widen *create_widen(HoduBackendPluginHandle h, int32_t *status, char *err, size_t err_cap) {
  const HoduManifest *m = &h->manifest;
  uint8_t *wide = calloc(m->step_count + 1, 1);
  if (!wide || !mark_wide(h)) {
    free(wide);
    hodu_set_error(err, err_cap, "out of memory");
    *status = HODU_ERR_OUT_OF_MEMORY;
    return NULL;
  }
  for (uint32_t i = 0; i < m->step_count; i++) wide[i] = h->steps[i].wide;
  Widen *w = widen_create(m, h->tensors, h->ptrs, wide, status, err, err_cap);
  free(wide);
  return w;
}

/* create() with its failure's status in *status (build-emit.c reports it). */
static HoduBackendPluginHandle create_handle(const uint8_t *bytes, size_t len, int threads, int32_t *status, char *err,
                                             size_t err_cap) {
  *status = HODU_ERR_OUT_OF_MEMORY;
  HoduBackendPluginHandle h = calloc(1, sizeof *h);
  if (h) h->pool = pool_create(threads, sgemm_thread_floats());
  if (!h || !h->pool) {
    hodu_set_error(err, err_cap, "out of memory (or no threads could start)");
    plugin_destroy(h);
    return NULL;
  }
  if ((*status = hodu_manifest_open(&h->manifest, bytes, len, err, err_cap)) != HODU_OK) {
    plugin_destroy(h);
    return NULL;
  }
  *status = HODU_ERR_OUT_OF_MEMORY;
  const HoduManifest *m = &h->manifest;
  h->tensors = calloc(m->tensor_count + 1, sizeof *h->tensors);
  h->ptrs = calloc(m->tensor_count + 1, sizeof *h->ptrs);
  h->steps = calloc(m->step_count + 1, sizeof *h->steps);
  h->arena = alloc64((size_t)m->arena_size);
  if (!h->tensors || !h->ptrs || !h->steps || (m->arena_size && !h->arena)) {
    hodu_set_error(err, err_cap, "out of memory (arena of %llu bytes)", (unsigned long long)m->arena_size);
    plugin_destroy(h);
    return NULL;
  }
  for (uint32_t i = 0; i < m->tensor_count; i++) {
    h->tensors[i] = hodu_manifest_tensor(m, i);
    /* Weights are known now (prepare() may read them); the rest is resolved by each run. */
    if (h->tensors[i].role == HODU_ROLE_WEIGHT) h->ptrs[i] = (void *)(m->weights + h->tensors[i].offset);
  }
  *status = HODU_OK;
  h->widen = create_widen(h, status, err, err_cap);
  if (*status != HODU_OK) {
    plugin_destroy(h);
    return NULL;
  }
  cpu_pool_set(h->pool); /* checks size per-thread scratch by the pool's threads */
  size_t scratch = bind_steps(h, status, err, err_cap);
  cpu_pool_set(NULL);
  if (*status == HODU_OK) fuse_plugin_steps(h);
  if (*status != HODU_OK) {
    plugin_destroy(h);
    return NULL;
  }
  h->scratch = alloc64(scratch * sizeof(float));
  if (scratch && !h->scratch) {
    hodu_set_error(err, err_cap, "out of memory (scratch of %zu bytes)", scratch * sizeof(float));
    *status = HODU_ERR_OUT_OF_MEMORY;
    plugin_destroy(h);
    return NULL;
  }
  return h;
}

static HoduBackendPluginHandle plugin_create(const uint8_t *bytes, size_t len, const HoduCreateOptions *options,
                                             char *err, size_t err_cap) {
  int32_t status;
  return create_handle(bytes, len, (int)HODU_OPTION(options, threads, 0), &status, err, err_cap);
}

int32_t cpu_bind_manifest(const uint8_t *bytes, size_t len, int32_t *kernels, uint32_t cap, char *err, size_t err_cap) {
  int32_t status;
  HoduBackendPluginHandle h = create_handle(bytes, len, 1, &status, err, err_cap);
  if (!h) return status;
  for (uint32_t i = 0; i < h->manifest.step_count && i < cap; i++) kernels[i] = cpu_kernel_index(h->steps[i].info.kernel);
  plugin_destroy(h);
  return HODU_OK;
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
  cpu_pool_set(h->pool);
  if (h->widen) widen_resolve(h->widen, h->ptrs);
  int32_t status = HODU_OK;
  for (uint32_t i = 0; i < m->step_count && status == HODU_OK; i++) {
    if (on_step) on_step(user, i);
    const Step *s = &h->steps[i];
    if (s->absorbed) continue;
    int wide = s->wide;
    KernelCall call = {&s->info, wide ? widen_ptrs(h->widen) : h->ptrs, wide ? widen_tensors(h->widen) : h->tensors,
                       h->scratch, s->kernel->variant, s->state, s->fused.count ? &s->fused : NULL};
    /* The float16 ↔ float32 conversions a step needs count in its profiled time (they are its cost). */
    const uint64_t start = h->times ? profile_now_ns() : 0;
    if (h->widen) widen_before(h->widen, &s->info, h->ptrs, wide);
    for (int k = 0; h->widen && k < s->fused.count; k++) /* a float16 skip the fused conv adds */
      if (s->fused.ops[k].kind == POST_ADD_TENSOR) widen_read(h->widen, s->fused.ops[k].tensor, h->ptrs);
    status = s->kernel->run(&call, err, err_cap);
    if (h->widen) widen_after(h->widen, &s->info, wide);
    if (h->widen && s->fused.count) widen_wrote(h->widen, s->fused.out_id, wide);
    if (h->times) h->times[i].ns = profile_now_ns() - start;
  }
  /* The graph outputs still in float32 only, rounded (timed with nothing: a few output passes per run). */
  if (h->widen && status == HODU_OK) widen_finish(h->widen, h->ptrs);
  cpu_pool_set(NULL);
  return status;
}

static int32_t plugin_supports_kernel(const char *name) { return name && find_kernel(name) ? 1 : 0; }

/* The optional export of ffi/hodu_plugin.h: a step a conv absorbed (fuse.c: the ones right after it) is
 * reported as fused into that conv. */
HODU_API int32_t hodu_backend_profile(HoduBackendPluginHandle h, int32_t enable, HoduStepTime *out, uint32_t cap);
HODU_API int32_t hodu_backend_profile(HoduBackendPluginHandle h, int32_t enable, HoduStepTime *out, uint32_t cap) {
  if (!h) return -1;
  uint32_t n = h->manifest.step_count;
  if (enable > 0 && !h->times && (h->times = profile_times_new(n)) != NULL)
    for (uint32_t i = 0, owner = 0; i < n; i++) {
      if (!h->steps[i].absorbed) owner = i;
      else h->times[i].fused_into = (int32_t)owner;
    }
  if (enable == 0) free(h->times), h->times = NULL;
  return profile_copy(h->times, n, out, cap);
}

int32_t check_f32_io(const KernelCall *c, uint32_t max_inputs, char *err, size_t err_cap) {
  REQUIRE(c->step->input_count >= 1 && c->step->input_count <= max_inputs, "takes 1 to %u inputs, got %u",
          (unsigned)max_inputs, (unsigned)c->step->input_count);
  for (uint32_t i = 0; i < c->step->input_count; i++) {
    const HoduManifestTensor *t = in_tensor(c, i);
    REQUIRE(!t || t->dtype == HODU_DTYPE_FLOAT32, "input %u is not float32", (unsigned)i);
  }
  const HoduManifestTensor *y = out_tensor(c, 0);
  REQUIRE(y && y->dtype == HODU_DTYPE_FLOAT32, "output 0 is missing or not float32");
  for (uint32_t i = 1; i < c->step->output_count; i++)
    REQUIRE(hodu_manifest_step_output(c->step, i) < 0, "optional output %u is not implemented", (unsigned)i);
  return HODU_OK;
}

HODU_EXPORT_BACKEND_PLUGIN_WITH_BUILD(PLUGIN_NAME, PLUGIN_VERSION, HODU_CAP_RUNNER | HODU_CAP_DEVICE_CPU, KERNEL_NAMES,
                                      plugin_create, plugin_run, plugin_destroy, plugin_supports_kernel, cpu_build)
