/*
 * float16 storage, float32 compute for the kernels that have no float16 form (Conv, MatMul, Gemm, LayerNorm,
 * Softmax, pooling, …): a "widened" step (WIDE_KERNELS in plugin.c: `conv_f16` runs conv_f32's check and run)
 * sees a second tensor table in which every float16 tensor is float32, each with a float32 shadow buffer:
 *   - a float16 weight is converted once, at create(), before the kernel's prepare() packs it;
 *   - an intermediate's shadow lives in a second arena at twice the planner's offset, so it has the float16
 *     tensor's lifetime and reuse (the planner's offsets are 64-byte aligned and never overlap while live);
 *   - a graph input or output gets a buffer of its own.
 * Before a widened step runs, its float16 inputs are decoded into their shadows, except where the shadow is
 * already current (a weight, or the output of another widened step: consecutive widened nodes stay in
 * float32). After it, each float16 output is rounded to float16 (written for the steps and the host that read
 * float16) and its shadow takes the rounded value back. So every node's output is rounded to float16 as the
 * interp (the reference) rounds it, and what the next widened node reads equals what the interp's next node
 * reads: keeping the unrounded float32 between nodes would be faster by nothing (the rounding pass also writes
 * the float16 output) and would differ from the interp.
 * This lives in the plugin rather than in hodu's planner so that the manifest stays the graph as the host sees
 * it (node names, --explain, profiles, partitions) and the plugin alone decides how a kernel stores a dtype.
 */
#ifndef CPU_WIDEN_F16_H
#define CPU_WIDEN_F16_H
#include <stddef.h>
#include <stdint.h>
#include "hodu_manifest.h"

typedef struct Widen Widen;

/*
 * The widened view of a manifest whose steps `wide[i] != 0` are widened; NULL when none is (nothing to do), or
 * on failure with *status set (out of memory). `ptrs` holds the weights' pointers (role WEIGHT) already.
 */
Widen *widen_create(const HoduManifest *m, const HoduManifestTensor *tensors, void *const *ptrs, const uint8_t *wide,
                    int32_t *status, char *err, size_t err_cap);
void widen_destroy(Widen *w);
/* The table and pointers a widened step's kernel is called with (valid after widen_resolve for a run). */
const HoduManifestTensor *widen_tensors(const Widen *w);
void *const *widen_ptrs(const Widen *w);
/* At each run, once `ptrs` is resolved: the widened pointers follow it except where a shadow stands in. */
void widen_resolve(Widen *w, void *const *ptrs);
/* Around a widened step: decode its float16 inputs whose shadows are stale; round its float16 outputs. */
void widen_before(const Widen *w, const HoduManifestStep *s, void *const *ptrs);
void widen_after(const Widen *w, const HoduManifestStep *s, void *const *ptrs);

#endif
