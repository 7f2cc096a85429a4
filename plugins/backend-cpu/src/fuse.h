/*
 * Conv fused with the elementwise steps that follow it (Relu, Clip, LeakyRelu, Sigmoid, HardSwish, HardSigmoid,
 * Sigmoid+Mul as SiLU, PRelu by a constant slope (scalar or per channel), Max/Min with a constant scalar, Add of a run-time tensor of the conv output's shape: a
 * residual block's skip connection): create() finds them in the manifest, the conv applies them to each output
 * tile while it is still in cache and writes the last step's output, and run() skips the absorbed steps. The
 * manifest and the ABI are unchanged: this is all inside the plugin's handle.
 */
#ifndef CPU_FUSE_H
#define CPU_FUSE_H

#include <stddef.h>
#include <stdint.h>
#include "hodu_manifest.h"

enum PostKind {
  POST_RELU, POST_CLIP, POST_LEAKY_RELU, POST_SIGMOID, POST_HARD_SWISH, POST_SILU, POST_MAX, POST_MIN,
  POST_ADD, POST_SUB, POST_MUL, POST_DIV, POST_HARD_SWISH_PARTS, POST_HARD_SIGMOID, POST_ADD_TENSOR
};

/*
 * One absorbed step: kind and its constants (Clip: [a, b]; LeakyRelu: alpha a; Max/Min: scalar a, b = 1 when
 * the scalar is the first operand, which decides which side a NaN comes from; Add/Sub/Mul/Div: the constant a,
 * or per output channel (a BatchNorm exported as Mul and Add), b = 1 when it is the first operand;
 * HardSwish in parts, y · clip(y + a, b, c) / d: PP-OCR's four steps Add, Clip, Mul, Div; HardSigmoid:
 * clip(a·y + b, 0, 1), a = alpha, b = beta; Add of a tensor: y + z, z = tensor `tensor` read at y's own
 * element offset, its pointer resolved per run by fuse_resolve).
 */
typedef struct PostOp {
  int kind;
  float a, b, c, d;
  const float *per_channel; /* a per output channel (the manifest's weight, in place), or NULL */
  int32_t tensor;           /* POST_ADD_TENSOR: the added tensor's id */
  const float *src;         /* POST_ADD_TENSOR: its pointer in this run (fuse_resolve), else unused */
} PostOp;

/* PP-OCRv4's convs are followed by a per-channel Mul and Add, HardSwish in four steps, then a scalar Mul and Add. */
#define MAX_POST_OPS 8

typedef struct Fused {
  int count;      /* post-ops, 0: none */
  int32_t out_id; /* the last absorbed step's output: what the conv's result ends in */
  /* 1: the conv writes out_id itself. 0: out_id's memory overlaps one of the conv's inputs (the arena reuses a
   * region once its value is dead, and the conv reads its input while writing), so the conv writes its own
   * output and moves it there at the end: one copy instead of a pass per absorbed step. Its memory overlaps an
   * added tensor (the arena gave the Add's output the dead skip's region), or out_id is not direct for that: */
  int direct;
  /* 1 (direct 0): out_id is exactly an added tensor's memory, and overlaps none of the conv's inputs. The conv
   * writes its own output, and each post-applied tile goes to out_id at its offset while it is in cache (the
   * skip's element i is read just before out_id's element i is written), instead of the move at the end. */
  int to_out;
  int runtime; /* post-ops that read a run-time tensor (POST_ADD_TENSOR): 0 when none needs fuse_resolve */
  /* The buffer the conv writes in this run (fuse_resolve): a tile's element offset is its distance from here,
   * and a POST_ADD_TENSOR reads its tensor at that offset (the tensor has the conv output's exact shape). */
  const float *base;
  float *out; /* to_out: out_id's buffer in this run (fuse_resolve), else NULL */
  PostOp ops[MAX_POST_OPS];
} Fused;

/*
 * For each step i: fused[i] (the post-ops a conv_f32 step absorbs) and absorbed[i] (1 for a step a conv before
 * it computes, so run() skips it). Fuses only when every intermediate value of the chain has no other consumer,
 * is not a graph output, and the final output's memory does not overlap the conv's inputs (the arena may reuse
 * a region once its value is dead, and the conv still reads its input while writing).
 */
void fuse_steps(const HoduManifest *m, const HoduManifestTensor *tensors, void *const *ptrs, Fused *fused,
                uint8_t *absorbed);

/*
 * At each run, before the conv: f itself when no post-op reads a run-time tensor, else *tmp, a copy of f with
 * those tensors' pointers from `ptrs`, `base` = y, the buffer the conv writes (and post-applies in place), and
 * `out` for to_out. The conv then moves its output to out_id only when f->direct and f->to_out are both 0.
 */
const Fused *fuse_resolve(const Fused *f, void *const *ptrs, const float *y, Fused *tmp);

/* y[0:n] = post-ops of y (values of output channel `channel`), in place, exactly as the absorbed kernels would
 * compute them. y points into the buffer fuse_resolve was given, at the tile's own element offset: a tile is
 * post-applied where the conv wrote it, never in a scratch copy (POST_ADD_TENSOR reads its tensor there). */
void post_apply(const Fused *f, float *y, size_t n, int64_t channel);
/* The same for n values of n consecutive channels (y[i] is channel first + i): a conv of one output position
 * per image, whose per-channel constants vary along y. */
void post_apply_channels(const Fused *f, float *y, size_t n, int64_t first);

#endif
