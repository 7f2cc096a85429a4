/*
 * 64-byte aligned buffers for the plan's arena, scratch, step state and the float16 widening's copies: one
 * cache line, and the widest vector loads (AVX-512) never straddle one. aligned_alloc wants a size that is a
 * multiple of the alignment; NULL for 0 bytes (nothing to hold).
 */
#ifndef HODU_CPU_ALLOC_H
#define HODU_CPU_ALLOC_H
#include <stdlib.h>

static inline void *alloc64(size_t bytes) { return bytes ? aligned_alloc(64, (bytes + 63) / 64 * 64) : NULL; }

#endif
