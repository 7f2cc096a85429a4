/*
 * Per-step timing for hodu_backend_profile (ffi/hodu_plugin.h, docs/abi.md): a handle holds a table of
 * HoduStepTime only while timing is on, and run() takes the timed path for a step only when it has one,
 * so timing off costs one branch per step.
 */
#ifndef CPU_PROFILE_H
#define CPU_PROFILE_H

#include <stdint.h>
#include "hodu_plugin.h"
#include "kernels.h"

/* A table for `steps` steps: ns 0, fused_into -1 (the caller marks the fused ones); NULL when out of memory. */
HoduStepTime *profile_times_new(uint32_t steps);

/* The monotonic clock run() reads around a step (its float16 conversions and the pool's work included). */
uint64_t profile_now_ns(void);

/* The export's answer once `times` (NULL: timing off) is as asked: copies min(cap, steps) entries to out. */
int32_t profile_copy(const HoduStepTime *times, uint32_t steps, HoduStepTime *out, uint32_t cap);

#endif
