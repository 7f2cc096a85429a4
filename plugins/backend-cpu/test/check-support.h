/* kernel-check.c's shared helpers: its random numbers, verdicts, and a hand-built step to call one kernel with. */
#ifndef CHECK_SUPPORT_H
#define CHECK_SUPPORT_H

static int passed, failed;
static uint64_t rng = 0x9E3779B97F4A7C15ull;

/* xorshift64*: uniform in [-1, 1), the same sequence on every architecture. */
static float frand(void) {
  rng ^= rng >> 12, rng ^= rng << 25, rng ^= rng >> 27;
  return (float)((double)((rng * 0x2545F4914F6CDD1Dull) >> 11) / 9007199254740992.0 * 2.0 - 1.0);
}

/* 64-byte aligned floats (the ABI's alignment), filled with frand() · scale, or NaN when scale is NAN. */
static float *floats(size_t n, float scale) {
  float *p = aligned_alloc(64, ((n * sizeof(float) + 63) / 64 + 1) * 64);
  if (!p) abort();
  for (size_t i = 0; i < n; i++) p[i] = isnan(scale) ? NAN : frand() * scale;
  return p;
}

/* One verdict: got[i] within tol[i] (or, with tol NULL, 1e-6 + 1e-5·|want|) of want[i] for every i. */
static void verdict(const char *what, const float *got, const double *want, const double *tol, size_t n) {
  for (size_t i = 0; i < n; i++) {
    double g = got[i], t = tol ? tol[i] : 1e-6 + 1e-5 * fabs(want[i]);
    if (!(fabs(g - want[i]) <= t)) {
      failed++;
      printf("FAIL %s: element %zu is %.9g, expected %.9g (tolerance %.3g)\n", what, i, g, want[i], t);
      return;
    }
  }
  passed++;
}

static void fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  printf("FAIL ");
  vprintf(fmt, ap);
  printf("\n");
  va_end(ap);
  failed++;
}

/* Kernels through a hand-built step. */
typedef struct Step {
  HoduManifestTensor t[4];
  int64_t dims[4][8];
  void *ptrs[4];
  int32_t ids[4];
  int64_t meta[64];
  HoduManifestStep step;
} Step;

/* Tensor `id` of the step (inputs first, then output 0): float32, `rank` dims, data `p`. */
static void tensor(Step *s, int id, int rank, const int64_t *dims, float *p) {
  size_t n = 1;
  for (int d = 0; d < rank; d++) s->dims[id][d] = dims[d], n *= (size_t)dims[d];
  s->t[id] = (HoduManifestTensor){.id = (uint32_t)id, .dtype = HODU_DTYPE_FLOAT32, .role = HODU_ROLE_INTERMEDIATE, .rank = (uint32_t)rank,
                                  .byte_size = n * sizeof(float), .name = "t", .dims_raw = (const uint8_t *)s->dims[id]};
  s->ptrs[id] = p;
  s->ids[id] = id;
}

/* check (which must accept the step), then run with the scratch it asked for; 0 when both succeeded. */
static int call(Step *s, const char *kernel, int inputs, int n_meta, CheckFn check, KernelFn run, int variant) {
  s->step = (HoduManifestStep){.kernel = kernel, .node = "n", .input_count = (uint32_t)inputs, .output_count = 1,
                               .metadata_count = (uint32_t)n_meta, .ids_raw = (const uint8_t *)s->ids, .metadata_raw = (const uint8_t *)s->meta};
  KernelCall c = {.step = &s->step, .ptrs = s->ptrs, .tensors = s->t, .variant = variant};
  char err[512] = "";
  size_t need = 0;
  int32_t st = check(&c, &need, err, sizeof err);
  if (st != HODU_OK) return fail("%s refused a valid step (status %d): %s", kernel, st, err), 1;
  float *scratch = floats(need + 1, 0);
  c.scratch = scratch;
  st = run(&c, err, sizeof err);
  free(scratch);
  if (st != HODU_OK) return fail("%s failed (status %d): %s", kernel, st, err), 1;
  return 0;
}

#endif
