/*
 * Data movement by element size, shared by Concat, Split, Transpose, Expand and Tile (any dtype they take:
 * float32 is just 4 bytes): the parts-along-an-axis check and copy of Concat/Split, and one strided copy
 * that Transpose (permuted strides), Expand (stride 0 on broadcast axes) and Tile (a stride-0 axis per repeat)
 * all are.
 */
#ifndef CPU_LAYOUT_H
#define CPU_LAYOUT_H

#include "kernels.h"

/* The largest rank copy_strided takes (Tile splits each of up to 64 axes into repeat × extent). */
#define STRIDED_MAX_RANK 128

/*
 * The parts (Concat's inputs or Split's outputs, `parts_are_outputs`) of `whole` along axis metadata[0]: each
 * present, of whole's rank and dtype and dims but the axis, their extents along it summing to whole's.
 */
int32_t check_axis_parts(const KernelCall *c, const HoduManifestTensor *whole, int parts_are_outputs, char *err, size_t err_cap);
/* Concat (parts → whole) or Split (whole → parts): one memcpy per part and outer index. */
void copy_axis_parts(const KernelCall *c, const HoduManifestTensor *whole, int parts_are_outputs);

/*
 * dst (row-major over dims[0..rank)) = src read at Σ idx[d]·stride[d] elements of `es` bytes; a stride of 0
 * repeats. Axes of extent 1 are dropped and axes that walk src contiguously merged, so each innermost row is
 * one memcpy, one fill or one strided loop. dims and stride are scratch (rewritten).
 */
void copy_strided(uint8_t *dst, const uint8_t *src, size_t es, uint32_t rank, int64_t *dims, int64_t *stride);

#endif
