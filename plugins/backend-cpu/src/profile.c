/* Per-step timing (profile.h): the clock around a step, and the table the host reads. */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include "profile.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

uint64_t profile_now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

HoduStepTime *profile_times_new(uint32_t steps) {
  HoduStepTime *t = calloc((size_t)steps + 1, sizeof *t);
  for (uint32_t i = 0; t && i < steps; i++) t[i].fused_into = -1;
  return t;
}

int32_t profile_copy(const HoduStepTime *times, uint32_t steps, HoduStepTime *out, uint32_t cap) {
  if (!times) return -1;
  if (out) memcpy(out, times, (size_t)(cap < steps ? cap : steps) * sizeof *out);
  return (int32_t)steps;
}
