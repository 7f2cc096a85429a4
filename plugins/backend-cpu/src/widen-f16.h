/*
 * float16 storage, float32 compute for the kernels that have no float16 form (Conv, MatMul, Gemm, LayerNorm,
 * Softmax, pooling, …): a "widened" step (WIDE_KERNELS in plugin.c: `conv_f16` runs conv_f32's check and run)
 * sees a second tensor table in which every float16 tensor is float32, each with a float32 shadow buffer (so does
 * float16 data movement next to a widened step, FLEXIBLE_F16 in plugin.c, as its float32 twin):
 *   - a float16 weight is converted once, at create(), before the kernel's prepare() packs it;
 *   - an intermediate's shadow lives in a second arena at twice the planner's offset, so it has the float16
 *     tensor's lifetime and reuse (the planner's offsets are 64-byte aligned and never overlap while live);
 *   - a graph input or output gets a buffer of its own.
 * The float16 and float32 forms of a tensor are kept in step per run, lazily: a widened step reads the shadow
 * (decoded from float16 first only when a float16 step or the host wrote the value) and writes only the shadow;
 * the float16 buffer is rounded from it when a float16 step reads it, and at the end of the run for a graph output
 * of the manifest (so at a partition's outputs). Consecutive widened nodes thus stay in float32, unrounded, as
 * onnxruntime runs a float16 model on cpu (the casts it inserts around float32-only kernels cancel between them):
 * a float16 model's partition runs the float32 kernels end to end, fused (fuse.c sees the widened view), and
 * pays for conversions only where the graph has float16 data movement (Cast, Concat, Reshape, …) or an output.
 * The interp (the reference) rounds every node's output to float16 instead: the two differ by the float16
 * roundings the interp does and this does not (test/backend-cpu/float16.test.ts states the tolerance).
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
/* Before any step (wide: a widened one, else one that reads float16): its inputs' form it reads, made current. */
void widen_before(const Widen *w, const HoduManifestStep *s, void *const *ptrs, int wide);
/* Before a fused conv: tensor `id` that a step it absorbed reads (a residual Add's skip), its float32 form current. */
void widen_read(const Widen *w, int32_t id, void *const *ptrs);
/* After a step: its outputs (widen_wrote: one tensor, a fused conv's last) hold their value in that form only. */
void widen_after(const Widen *w, const HoduManifestStep *s, int wide);
void widen_wrote(const Widen *w, int32_t id, int wide);
/* At the end of a run: the graph outputs' float16 buffers, rounded from their shadows where these are newer. */
void widen_finish(const Widen *w, void *const *ptrs);

#endif
