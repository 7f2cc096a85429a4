/*
 * manifest-check: runs planned manifests through backend-cpu's ABI (hodu_plugin_descriptor → create, run,
 * destroy) and compares each output with the expected one, printing `N passed, N failed` (exit 1 on a
 * failure). The cases come from a bundle file that test/conformance/manifest-bundle.ts writes from the
 * official conformance tests that pass on cpu (its header describes the layout), so the same answers are
 * checked on arm64 under qemu-aarch64, where bun cannot run, and on every x86 micro-kernel (HODU_CPU_ISA).
 *   cc -std=c11 -O2 -Iffi -o manifest-check plugins/backend-cpu/test/manifest-check.c <package.json sources> -lm
 *   ./manifest-check BUNDLE [THREADS]    (create()'s thread count, default 1; HODU_CPU_SPLIT_SMALL=1 splits tiny ops too)
 * Tolerance as in the conformance runner: |got − want| ≤ 1e-7 + 1e-3·|want| for float32, NaN == NaN; other
 * dtypes exactly.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hodu_plugin.h"

const HoduPluginDescriptor *hodu_plugin_descriptor(void);

typedef struct Reader {
  const uint8_t *p, *end;
  int bad;
} Reader;

static const uint8_t *take(Reader *r, uint64_t n) {
  if (r->bad || (uint64_t)(r->end - r->p) < n) return r->bad = 1, NULL;
  const uint8_t *at = r->p;
  r->p += n;
  return at;
}
static uint32_t u32(Reader *r) {
  uint32_t v = 0;
  const uint8_t *p = take(r, 4);
  if (p) memcpy(&v, p, 4);
  return v;
}
static uint64_t u64(Reader *r) {
  uint64_t v = 0;
  const uint8_t *p = take(r, 8);
  if (p) memcpy(&v, p, 8);
  return v;
}

/* A 64-byte aligned copy (the ABI's alignment) of n bytes from src (zeros when src is NULL). */
static uint8_t *aligned_copy(const uint8_t *src, uint64_t n) {
  uint8_t *p = aligned_alloc(64, (n / 64 + 1) * 64);
  if (!p) abort();
  if (src) memcpy(p, src, n);
  else memset(p, 0, n);
  return p;
}

/* "" when the output matches, else what differs (in msg). */
static int mismatch(uint32_t check, const uint8_t *got, const uint8_t *want, uint64_t n, char *msg, size_t cap) {
  if (check == 2) {
    for (uint64_t i = 0; i < n; i++)
      if (got[i] != want[i]) return snprintf(msg, cap, "byte %llu is %u, expected %u", (unsigned long long)i, got[i], want[i]), 1;
    return 0;
  }
  for (uint64_t i = 0; i < n / 4; i++) {
    float g, w;
    memcpy(&g, got + 4 * i, 4);
    memcpy(&w, want + 4 * i, 4);
    if (isnan(w) ? isnan(g) : fabsf(g - w) <= 1e-7f + 1e-3f * fabsf(w)) continue;
    return snprintf(msg, cap, "element %llu is %.9g, expected %.9g", (unsigned long long)i, g, w), 1;
  }
  return 0;
}

/* Runs one case; 0 when every checked output matches. */
static int run_case(Reader *r, const HoduBackendApi *api, const HoduCreateOptions *opts, char *name, size_t name_cap) {
  uint32_t name_len = u32(r);
  const uint8_t *name_bytes = take(r, name_len);
  snprintf(name, name_cap, "%.*s", name_bytes ? (int)name_len : 0, name_bytes ? (const char *)name_bytes : "");
  uint64_t mlen = u64(r);
  const uint8_t *mbytes = take(r, mlen);
  uint32_t n_in = u32(r);
  if (r->bad || n_in > 4096) return printf("FAIL %s: malformed bundle\n", name), 1;
  uint8_t **in = calloc(n_in + 1, sizeof *in);
  for (uint32_t i = 0; i < n_in; i++) {
    uint64_t len = u64(r);
    in[i] = aligned_copy(take(r, len), len);
  }
  uint32_t n_out = u32(r);
  if (r->bad || n_out > 4096) return printf("FAIL %s: malformed bundle\n", name), 1;
  uint8_t **out = calloc(n_out + 1, sizeof *out);
  const uint8_t **want = calloc(n_out + 1, sizeof *want);
  uint32_t *check = calloc(n_out + 1, sizeof *check);
  uint64_t *size = calloc(n_out + 1, sizeof *size), *want_len = calloc(n_out + 1, sizeof *want_len);
  for (uint32_t i = 0; i < n_out; i++) {
    check[i] = u32(r);
    size[i] = u64(r);
    want_len[i] = u64(r);
    want[i] = take(r, want_len[i]);
    out[i] = aligned_copy(NULL, size[i]);
  }
  int failed = 0;
  char err[1024] = "", msg[256];
  uint8_t *manifest = aligned_copy(mbytes, mlen);
  HoduBackendPluginHandle h = r->bad ? NULL : api->create(manifest, (size_t)mlen, NULL, err, sizeof err);
  if (r->bad) failed = printf("FAIL %s: malformed bundle\n", name) > 0;
  else if (!h) failed = printf("FAIL %s: create: %s\n", name, err) > 0;
  else {
    int32_t st = api->run(h, (const void *const *)in, (void *const *)out, NULL, NULL, err, sizeof err);
    if (st != HODU_OK) failed = printf("FAIL %s: run (status %d): %s\n", name, st, err) > 0;
    for (uint32_t i = 0; i < n_out && !failed; i++) {
      if (check[i] == 0) continue;
      if (want_len[i] != size[i]) failed = printf("FAIL %s: output %u has %llu bytes, expected %llu\n", name, i, (unsigned long long)size[i], (unsigned long long)want_len[i]) > 0;
      else if (mismatch(check[i], out[i], want[i], size[i], msg, sizeof msg)) failed = printf("FAIL %s: output %u: %s\n", name, i, msg) > 0;
    }
    api->destroy(h);
  }
  for (uint32_t i = 0; i < n_in; i++) free(in[i]);
  for (uint32_t i = 0; i < n_out; i++) free(out[i]);
  free(in), free(out), free(want), free(check), free(size), free(want_len), free(manifest);
  return failed;
}

int main(int argc, char **argv) {
  if (argc != 2 && argc != 3) return fprintf(stderr, "usage: manifest-check BUNDLE [THREADS]\n"), 2;
  HoduCreateOptions opts = {sizeof(HoduCreateOptions), argc == 3 ? (uint32_t)atoi(argv[2]) : 1u};
  FILE *f = fopen(argv[1], "rb");
  if (!f) return fprintf(stderr, "cannot open %s\n", argv[1]), 2;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *data = malloc((size_t)n + 1);
  if (!data || fread(data, 1, (size_t)n, f) != (size_t)n) return fprintf(stderr, "cannot read %s\n", argv[1]), 2;
  fclose(f);
  Reader r = {data, data + n, 0};
  const uint8_t *magic = take(&r, 8);
  if (!magic || memcmp(magic, "HODUCASE", 8) != 0) return fprintf(stderr, "%s is not a case bundle\n", argv[1]), 2;
  const HoduBackendApi *api = hodu_plugin_descriptor()->backend;
  uint32_t count = u32(&r);
  int passed = 0, failed = 0;
  char name[512];
  for (uint32_t i = 0; i < count && !r.bad; i++) {
    if (run_case(&r, api, &opts, name, sizeof name)) failed++;
    else passed++;
  }
  if (r.bad) failed++, printf("FAIL the bundle ends early\n");
  printf("threads: %u\n%d passed, %d failed\n", opts.threads, passed, failed);
  free(data);
  return failed ? 1 : 0;
}
