/* summary.c: the line printed per output after a run (name, dtype, shape; min/max/mean for float types). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "standalone.h"

float sa_half_to_float(uint16_t h) {
  int exponent = (h >> 10) & 0x1f;
  int mantissa = h & 0x3ff;
  float v;
  if (exponent == 0) v = ldexpf((float)mantissa, -24); /* zero and subnormals */
  else if (exponent == 31) v = mantissa ? NAN : INFINITY;
  else v = ldexpf((float)(mantissa | 0x400), exponent - 25);
  return h & 0x8000 ? -v : v;
}

float sa_bfloat16_to_float(uint16_t h) {
  uint32_t bits = (uint32_t)h << 16;
  float v;
  memcpy(&v, &bits, sizeof v);
  return v;
}

/** Element i of a float tensor as a double (buffers may be unaligned: read through memcpy). */
static double float_at(const uint8_t *data, int32_t dtype, uint64_t i) {
  if (dtype == HODU_DTYPE_FLOAT32) {
    float v;
    memcpy(&v, data + i * 4, 4);
    return v;
  }
  if (dtype == HODU_DTYPE_FLOAT64) {
    double v;
    memcpy(&v, data + i * 8, 8);
    return v;
  }
  uint16_t h;
  memcpy(&h, data + i * 2, 2);
  return dtype == HODU_DTYPE_FLOAT16 ? sa_half_to_float(h) : sa_bfloat16_to_float(h);
}

static int is_float(int32_t dtype) {
  return dtype == HODU_DTYPE_FLOAT32 || dtype == HODU_DTYPE_FLOAT64 || dtype == HODU_DTYPE_FLOAT16 || dtype == HODU_DTYPE_BFLOAT16;
}

void sa_print_summary(const sa_array *arrays, size_t count) {
  for (size_t k = 0; k < count; k++) {
    const hodu_tensor_info *info = arrays[k].info;
    char shape[512];
    sa_shape_text(info->shape, info->rank, shape, sizeof shape);
    fprintf(stderr, "%s  %s%s", info->name, info->dtype_name, shape);
    if (is_float(info->dtype) && info->elements > 0) {
      /* NaNs are counted apart so that min/max/mean still describe the numbers. */
      double lo = INFINITY, hi = -INFINITY, sum = 0;
      uint64_t nans = 0;
      for (uint64_t i = 0; i < info->elements; i++) {
        double v = float_at(arrays[k].data, info->dtype, i);
        if (isnan(v)) {
          nans++;
          continue;
        }
        if (v < lo) lo = v;
        if (v > hi) hi = v;
        sum += v;
      }
      if (nans < info->elements) fprintf(stderr, "  min %.6g  max %.6g  mean %.6g", lo, hi, sum / (double)(info->elements - nans));
      if (nans) fprintf(stderr, "  nan %llu", (unsigned long long)nans);
    }
    fputc('\n', stderr);
  }
}
