/* MaxPool, AveragePool (1-3 spatial dims, pads, strides, dilations, ceil_mode through Y's dims) and GlobalAveragePool. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include "isa.h"
#include "simd.h"
#include "window.h"

/* Metadata: [s, kernel(s), strides(s), pads_begin(s), pads_end(s), dilations(s), flag] (flag: MaxPool's
 * storage_order, which only matters for the Indices output this backend does not offer; AveragePool's
 * count_include_pad). */
static int32_t check_pool(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  int32_t st = check_f32_io(c, 1, err, err_cap);
  if (st != HODU_OK) return st;
  REQUIRE_META(c->step->metadata_count >= 1);
  uint32_t s = (uint32_t)meta(c, 0);
  Window w;
  st = read_window(c, s, 1, &w, err, err_cap);
  if (st != HODU_OK) return st;
  REQUIRE_META(c->step->metadata_count == 2 + 5 * s && w.out_channels == w.channels);
  *scratch = (size_t)(3 * (w.out[0] + w.out[1] + w.out[2])) * 2; /* int64 tap tables, as floats */
  return HODU_OK;
}

int32_t check_max_pool(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  return check_pool(c, scratch, err, err_cap);
}
int32_t check_average_pool(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  return check_pool(c, scratch, err, err_cap);
}

/* Along one axis: the taps k in [*lo, *hi) of the window starting at `start` that land inside the input, and
 * (returned) how many land inside input + explicit padding (AveragePool's count_include_pad divisor). */
static int64_t axis_taps(const Window *w, int d, int64_t start, int64_t *lo, int64_t *hi) {
  int64_t dil = w->dilation[d], k = w->kernel[d];
  /* first k with start + k·dil >= bound, for a bound at or after start */
  #define FIRST_AT(bound) ((bound) <= start ? 0 : ((bound) - start + dil - 1) / dil)
  int64_t a = FIRST_AT(0), b = FIRST_AT(w->in[d]);
  int64_t pa = FIRST_AT(-w->pad[d]), pb = FIRST_AT(w->in[d] + w->pad_end[d]);
  #undef FIRST_AT
  *lo = a < k ? a : k;
  *hi = b < k ? b : k;
  if (*hi < *lo) *hi = *lo;
  int64_t plo = pa < k ? pa : k, phi = pb < k ? pb : k;
  return phi > plo ? phi - plo : 0;
}

/* Per axis d and output index o: the in-range taps [lo, hi) and the padded tap count (3 int64 each). */
static int64_t *axis_table(const Window *w, int d, int64_t *t) {
  for (int64_t o = 0; o < w->out[d]; o++, t += 3) t[2] = axis_taps(w, d, o * w->stride[d] - w->pad[d], &t[0], &t[1]);
  return t;
}

/* Every window of a 1-D or 2-D pool inside the input (no pads, unit dilation): no tap ranges to look up. */
static int windows_inside(const Window *w) {
  if (w->kernel[0] != 1 || w->in[0] != 1 || w->out[0] != 1) return 0;
  for (int d = 1; d < 3; d++)
    if (w->pad[d] || w->pad_end[d] || w->dilation[d] != 1 || (w->out[d] - 1) * w->stride[d] + w->kernel[d] > w->in[d])
      return 0;
  return 1;
}

/*
 * pool()'s loop for windows_inside, the same max (the first tap counts, NaN too) and the same double sums in
 * the same tap order, so the results are identical; with kh, kw constant (2×2, inlined) the taps unroll. The
 * general loop's tables, range checks and dilation products cost ~7 ns an output of a 2×2/2 pool:
 * mobilenet.onnx's AveragePool was 25% of its run at 1 thread.
 */
static inline __attribute__((always_inline)) void pool_inside(const Window *w, const float *x, float *y, int is_max,
                                                               int64_t kh, int64_t kw) {
  const int64_t planes = w->batch * w->channels, in_size = window_in_size(w), W = w->in[2];
  const double div = (double)(kh * kw);
  for (int64_t pl = 0; pl < planes; pl++) {
    const float *xp = x + pl * in_size;
    for (int64_t oh = 0; oh < w->out[1]; oh++)
      for (int64_t ow = 0; ow < w->out[2]; ow++) {
        const float *win = xp + oh * w->stride[1] * W + ow * w->stride[2];
        float best = win[0];
        double sum = 0;
        for (int64_t i = 0; i < kh; i++)
          for (int64_t j = 0; j < kw; j++) {
            float v = win[i * W + j];
            best = v > best ? v : best;
            sum += v;
          }
        *y++ = is_max ? best : (float)(sum / div);
      }
  }
}

#if defined(__x86_64__)
/*
 * pool_inside for 2×2 windows at stride 2 on AVX-512 (the common downsampling pool: mobilenet.onnx's
 * AveragePool, PP-OCR cls's last MaxPool): 8 outputs at a time, each row's 16 floats split into even and odd
 * columns. The same operations in the same order as pool_inside, so the same bits: the max starts at the
 * window's first tap and takes a later one only when greater (a NaN first tap stays); the mean is
 * (((0 + x00) + x01) + x10) + x11 in double, divided by 4 (as a product by 0.25: the same double, since 4 is a
 * power of 2 and these sums are far from double's subnormals). The scalar loop cost ~2 ns an output.
 */
__attribute__((target("avx512f"))) static void pool2x2_avx512(const Window *w, const float *x, float *y, int is_max) {
  const int64_t planes = w->batch * w->channels, in_size = window_in_size(w), W = w->in[2], OW = w->out[2];
  const __m512i split = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15);
  for (int64_t pl = 0; pl < planes; pl++)
    for (int64_t oh = 0; oh < w->out[1]; oh++, y += OW) {
      const float *r0 = x + pl * in_size + 2 * oh * W, *r1 = r0 + W;
      for (int64_t ow = 0; ow < OW; ow += 8) {
        const int64_t n = OW - ow < 8 ? OW - ow : 8; /* windows_inside: 2·OW ≤ W, so 2n floats are in the row */
        const __mmask16 in = (__mmask16)((1u << (2 * n)) - 1);
        const __m512 a = _mm512_permutexvar_ps(split, _mm512_maskz_loadu_ps(in, r0 + 2 * ow));
        const __m512 b = _mm512_permutexvar_ps(split, _mm512_maskz_loadu_ps(in, r1 + 2 * ow));
        __m256 out;
        if (is_max) {
          __m256 best = _mm512_castps512_ps256(a);
          const __m256 taps[3] = {_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(a), 1)), _mm512_castps512_ps256(b),
                                  _mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(b), 1))};
          for (int t = 0; t < 3; t++) best = _mm256_blendv_ps(best, taps[t], _mm256_cmp_ps(taps[t], best, _CMP_GT_OQ));
          out = best;
        } else {
          __m512d s = _mm512_add_pd(_mm512_setzero_pd(), _mm512_cvtps_pd(_mm512_castps512_ps256(a)));
          s = _mm512_add_pd(s, _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(a), 1))));
          s = _mm512_add_pd(s, _mm512_cvtps_pd(_mm512_castps512_ps256(b)));
          s = _mm512_add_pd(s, _mm512_cvtps_pd(_mm256_castpd_ps(_mm512_extractf64x4_pd(_mm512_castps_pd(b), 1))));
          out = _mm512_cvtpd_ps(_mm512_mul_pd(s, _mm512_set1_pd(0.25))); /* = s / 4 exactly (a power of 2), without the divider */
        }
        if (n == 8) _mm256_storeu_ps(y + ow, out);
        else {
          float t[8];
          _mm256_storeu_ps(t, out);
          memcpy(y + ow, t, (size_t)n * sizeof(float));
        }
      }
    }
}
#endif

/* Max or mean over the in-range taps of each output position (padding never wins a max). */
static void pool(const KernelCall *c, int is_max, char *err, size_t err_cap) {
  uint32_t s = (uint32_t)meta(c, 0);
  int include_pad = (int)meta(c, 1 + 5 * s);
  Window w;
  read_window(c, s, 1, &w, err, err_cap);
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  if (windows_inside(&w)) {
#if defined(__x86_64__)
    if (w.kernel[1] == 2 && w.kernel[2] == 2 && w.stride[1] == 2 && w.stride[2] == 2 && cpu_isa() == ISA_AVX512) {
      pool2x2_avx512(&w, x, y, is_max);
      return;
    }
#endif
    if (w.kernel[1] == 2 && w.kernel[2] == 2) pool_inside(&w, x, y, is_max, 2, 2);
    else pool_inside(&w, x, y, is_max, w.kernel[1], w.kernel[2]);
    return;
  }
  const int64_t planes = w.batch * w.channels, in_size = window_in_size(&w);
  /* The tap ranges depend on the output index of each axis only: tabulate them once in the scratch. */
  int64_t *td = (int64_t *)c->scratch, *th = axis_table(&w, 0, td), *tw = axis_table(&w, 1, th);
  axis_table(&w, 2, tw);
  for (int64_t pl = 0; pl < planes; pl++) {
    const float *xp = x + pl * in_size;
    for (int64_t od = 0; od < w.out[0]; od++) {
      const int64_t sd = od * w.stride[0] - w.pad[0], d0 = td[3 * od], d1 = td[3 * od + 1], pd = td[3 * od + 2];
      for (int64_t oh = 0; oh < w.out[1]; oh++) {
        const int64_t sh = oh * w.stride[1] - w.pad[1], h0 = th[3 * oh], h1 = th[3 * oh + 1], ph = th[3 * oh + 2];
        for (int64_t ow = 0; ow < w.out[2]; ow++) {
          const int64_t sw = ow * w.stride[2] - w.pad[2], w0 = tw[3 * ow], w1 = tw[3 * ow + 1], pw = tw[3 * ow + 2];
          float best = -INFINITY; /* no tap in range: -inf, as the interp */
          int any = 0;
          double sum = 0;
          for (int64_t kd = d0; kd < d1; kd++)
            for (int64_t kh = h0; kh < h1; kh++) {
              const float *row = xp + ((sd + kd * w.dilation[0]) * w.in[1] + sh + kh * w.dilation[1]) * w.in[2] + sw;
              for (int64_t kw = w0; kw < w1; kw++) {
                float v = row[kw * w.dilation[2]];
                best = !any || v > best ? v : best; /* the first tap always counts (NaN too), as the interp */
                any = 1;
                sum += v;
              }
            }
          int64_t count = (d1 - d0) * (h1 - h0) * (w1 - w0), div = include_pad ? pd * ph * pw : count;
          *y++ = is_max ? best : div > 0 ? (float)(sum / (double)div) : 0.0f;
        }
      }
    }
  }
}

int32_t run_max_pool(const KernelCall *c, char *err, size_t err_cap) {
  pool(c, 1, err, err_cap);
  return HODU_OK;
}
int32_t run_average_pool(const KernelCall *c, char *err, size_t err_cap) {
  pool(c, 0, err, err_cap);
  return HODU_OK;
}

/* No metadata: Y[n, c] = mean of X[n, c, ...]. */
int32_t check_global_average_pool(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  (void)scratch;
  int32_t st = check_f32_io(c, 1, err, err_cap);
  if (st != HODU_OK) return st;
  const HoduManifestTensor *x = in_tensor(c, 0), *y = out_tensor(c, 0);
  REQUIRE_META(x->rank >= 2 && y->rank == x->rank && dim(y, 0) == dim(x, 0) && dim(y, 1) == dim(x, 1) &&
               numel(y) == (uint64_t)(dim(x, 0) * dim(x, 1)));
  return HODU_OK;
}

int32_t run_global_average_pool(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  const HoduManifestTensor *xt = in_tensor(c, 0);
  size_t planes = numel(out_tensor(c, 0)), size = planes ? numel(xt) / planes : 0;
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  /* Vector float lanes per block of 256, lanes and blocks in double (simd.h): the plain double loop was one
   * dependent add per element, 11% of PP-OCR's cls at 1 thread. 0/0 = NaN for an empty plane, as the interp. */
  for (size_t p = 0; p < planes; p++) y[p] = (float)(simd()->sum(x + p * size, size) / (double)size);
  return HODU_OK;
}

/* GlobalMaxPool: the max of each (N, C) plane, NaN if any element is (as the interp), −inf for an empty plane. */
int32_t check_global_max_pool(const KernelCall *c, size_t *scratch, char *err, size_t err_cap) {
  return check_global_average_pool(c, scratch, err, err_cap);
}

int32_t run_global_max_pool(const KernelCall *c, char *err, size_t err_cap) {
  (void)err, (void)err_cap;
  size_t planes = numel(out_tensor(c, 0)), size = planes ? numel(in_tensor(c, 0)) / planes : 0;
  const float *x = in_f32(c, 0);
  float *y = out_f32(c, 0);
  for (size_t p = 0; p < planes; p++) y[p] = simd()->max_of(x + p * size, size);
  return HODU_OK;
}
