/*
 * prebound-check: runs one manifest through backend-cpu's descriptor (create, run, destroy) as a built artifact
 * does, and reports whether create() took the kernels from a linked hodu_cpu_steps.c (build-emit.c).
 *   cc -std=c11 -O2 -Iffi prebound-check.c [hodu_cpu_steps.c] <package.json sources> -lm -pthread
 *   ./prebound-check MANIFEST INPUTS OUTPUTS THREADS
 * INPUTS holds the graph inputs' bytes one after another (in input order), OUTPUTS receives the outputs' the
 * same way. Prints `prebound N` (hodu_cpu_prebound_steps after create: steps bound from the table).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hodu_manifest.h"
#include "hodu_plugin.h"

const HoduPluginDescriptor *hodu_plugin_descriptor(void);
extern uint32_t hodu_cpu_prebound_steps;

static uint8_t *read_all(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *p = aligned_alloc(64, ((size_t)size / 64 + 1) * 64);
  if (p && fread(p, 1, (size_t)size, f) != (size_t)size) free(p), p = NULL;
  fclose(f);
  *n = (size_t)size;
  return p;
}

static void *zeroed(uint64_t n) {
  void *p = aligned_alloc(64, (n / 64 + 1) * 64);
  if (p) memset(p, 0, (n / 64 + 1) * 64);
  return p;
}

int main(int argc, char **argv) {
  if (argc != 5) return fprintf(stderr, "usage: prebound-check MANIFEST INPUTS OUTPUTS THREADS\n"), 2;
  size_t len = 0, in_len = 0;
  uint8_t *bytes = read_all(argv[1], &len), *in = read_all(argv[2], &in_len);
  char err[1024] = "";
  HoduManifest m;
  if (!bytes || !in || hodu_manifest_open(&m, bytes, len, err, sizeof err) != HODU_OK) return fprintf(stderr, "bad input: %s\n", err), 1;
  void **inputs = calloc(m.input_count + 1, sizeof *inputs), **outputs = calloc(m.output_count + 1, sizeof *outputs);
  size_t at = 0;
  for (uint32_t i = 0; i < m.input_count; i++) {
    HoduManifestTensor t = hodu_manifest_tensor(&m, (uint32_t)hodu_manifest_input_id(&m, i));
    if (at + t.byte_size > in_len) return fprintf(stderr, "INPUTS is too short\n"), 1;
    inputs[i] = zeroed(t.byte_size);
    memcpy(inputs[i], in + at, t.byte_size);
    at += t.byte_size;
  }
  for (uint32_t i = 0; i < m.output_count; i++) outputs[i] = zeroed(hodu_manifest_tensor(&m, (uint32_t)hodu_manifest_output_id(&m, i)).byte_size);
  const HoduBackendApi *api = hodu_plugin_descriptor()->backend;
  HoduCreateOptions opts = {sizeof opts, (uint32_t)atoi(argv[4])};
  HoduBackendPluginHandle h = api->create(bytes, len, &opts, err, sizeof err);
  if (!h) return fprintf(stderr, "create: %s\n", err), 1;
  printf("prebound %u\n", (unsigned)hodu_cpu_prebound_steps);
  if (api->run(h, (const void *const *)inputs, outputs, NULL, NULL, err, sizeof err) != HODU_OK) return fprintf(stderr, "run: %s\n", err), 1;
  FILE *out = fopen(argv[3], "wb");
  for (uint32_t i = 0; out && i < m.output_count; i++)
    fwrite(outputs[i], 1, hodu_manifest_tensor(&m, (uint32_t)hodu_manifest_output_id(&m, i)).byte_size, out);
  if (!out || fclose(out) != 0) return fprintf(stderr, "cannot write %s\n", argv[3]), 1;
  api->destroy(h);
  return 0;
}
