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

/* Runs one step's kernel and records its wall time (the pool's work included: it returns when all is done). */
int32_t profile_run_step(HoduStepTime *t, KernelFn run, const KernelCall *call, char *err, size_t err_cap);

/* The export's answer once `times` (NULL: timing off) is as asked: copies min(cap, steps) entries to out. */
int32_t profile_copy(const HoduStepTime *times, uint32_t steps, HoduStepTime *out, uint32_t cap);

#endif
