/*
 * backend-cpu's build entry point (HoduBackendApi.build, ABI 3; docs/abi.md): binds every step of the
 * manifest as create() does, refusing (with the node named) before anything is written, then writes
 * out_dir/hodu_cpu_steps.c: each step's kernel index in plugin.c's table, one line per step commented
 * `step N: KERNEL, node 'NAME' (OP)`, with the step count and the table's checksum (prebound.h), atomically
 * (a temporary file renamed into place).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "hodu_manifest.h"
#include "prebound.h"

#define STEPS_FILE "hodu_cpu_steps.c"

const HoduPluginDescriptor *hodu_plugin_descriptor(void);

/* A name as the step comment spells it: `\` and `'` escaped, a backslash between `*` and `/` either way,
 * control bytes as \xHH (docs/abi.md; parseStepComment in src/sdk/step-comment.ts reads it back). */
static void put_escaped(FILE *f, const char *name) {
  for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
    if (*p == '\\' || *p == '\'') fprintf(f, "\\%c", *p);
    else if (*p < 0x20 || *p == 0x7f) fprintf(f, "\\x%02x", *p);
    else fputc(*p, f);
    if ((p[0] == '*' && p[1] == '/') || (p[0] == '/' && p[1] == '*')) fputc('\\', f);
  }
}

/* The dtype codes of kernel names (src/sdk/kernel-names.ts DTYPE_CODES). */
static int is_dtype_code(const char *s, size_t n) {
  static const char *const codes[] = {"f32", "f64", "f16", "bf16", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "bool", "str", NULL};
  for (const char *const *c = codes; *c; c++)
    if (strlen(*c) == n && memcmp(*c, s, n) == 0) return 1;
  return 0;
}

/* Ops whose snake_case loses an acronym: kernel-names.ts turns LSTM into lstm, ScatterND into scatter_nd. */
static const char *const ACRONYM_OPS[][2] = {{"lstm", "LSTM"}, {"gru", "GRU"}, {"rnn", "RNN"}, {"scatter_nd", "ScatterND"}, {"gather_nd", "GatherND"}, {NULL, NULL}};

/* The ONNX op of a kernel name: its op part (dtype codes dropped from the end) in CamelCase. */
static void op_of(const char *kernel, char *op, size_t cap) {
  size_t end = strlen(kernel);
  for (;;) {
    const char *us = NULL;
    for (size_t i = end; i > 0; i--)
      if (kernel[i - 1] == '_') { us = kernel + i - 1; break; }
    if (!us || !is_dtype_code(us + 1, (size_t)(kernel + end - us - 1))) break;
    end = (size_t)(us - kernel);
  }
  for (int a = 0; ACRONYM_OPS[a][0]; a++)
    if (strlen(ACRONYM_OPS[a][0]) == end && memcmp(ACRONYM_OPS[a][0], kernel, end) == 0) {
      snprintf(op, cap, "%s", ACRONYM_OPS[a][1]);
      return;
    }
  size_t n = 0;
  for (size_t i = 0, upper = 1; i < end && n + 1 < cap; i++) {
    if (kernel[i] == '_') {
      upper = 1;
      continue;
    }
    op[n++] = upper && kernel[i] >= 'a' && kernel[i] <= 'z' ? (char)(kernel[i] - 'a' + 'A') : kernel[i];
    upper = 0;
  }
  op[n] = 0;
}

static int write_steps(FILE *f, const HoduManifest *m, const int32_t *kernels, const HoduBuildOptions *options) {
  const HoduPluginDescriptor *d = hodu_plugin_descriptor();
  fprintf(f, "/*\n * %s: written by backend-cpu %s's build entry (plugins/backend-cpu/src/build-emit.c) for a manifest of\n"
             " * %u steps, target %s. Each step's kernel, bound at build time: create() takes it from here instead of\n"
             " * searching its kernel table by name when the step count, the table checksum and the kernel's name match.\n"
             " * Generated: do not edit.\n */\n#include <stdint.h>\n\n",
          STEPS_FILE, d->version, (unsigned)m->step_count, HODU_BUILD_OPTION(options, target, "(host)"));
  fprintf(f, "extern const int32_t hodu_cpu_prebound_count;\nextern const uint32_t hodu_cpu_prebound_table;\n"
             "extern const int32_t hodu_cpu_prebound[%u];\n\n",
          (unsigned)(m->step_count ? m->step_count : 1));
  fprintf(f, "const int32_t hodu_cpu_prebound_count = %u;\n", (unsigned)m->step_count);
  fprintf(f, "const uint32_t hodu_cpu_prebound_table = 0x%08xu; /* cpu_kernel_table_id() the indices refer to */\n", (unsigned)cpu_kernel_table_id());
  fprintf(f, "const int32_t hodu_cpu_prebound[%u] = {\n", (unsigned)(m->step_count ? m->step_count : 1));
  if (!m->step_count) fprintf(f, "  -1, /* no steps */\n");
  for (uint32_t i = 0; i < m->step_count; i++) {
    HoduManifestStep s = hodu_manifest_step(m, i);
    char op[96];
    op_of(s.kernel, op, sizeof op);
    fprintf(f, "  %d, /* step %u: ", (int)kernels[i], (unsigned)i);
    put_escaped(f, s.kernel);
    fputs(", node '", f);
    put_escaped(f, s.node);
    fputs("' (", f);
    put_escaped(f, op);
    fputs(") */\n", f);
  }
  fputs("};\n", f);
  return ferror(f) ? -1 : 0;
}

int32_t cpu_build(const uint8_t *bytes, size_t len, const HoduBuildOptions *options, char *err, size_t err_cap) {
  const char *dir = HODU_BUILD_OPTION(options, out_dir, (const char *)NULL);
  if (!dir || !*dir) {
    hodu_set_error(err, err_cap, "build: no output folder (HoduBuildOptions.out_dir)");
    return HODU_ERR_INVALID_ARGUMENT;
  }
  HoduManifest m;
  int32_t status = hodu_manifest_open(&m, bytes, len, err, err_cap);
  if (status != HODU_OK) return status;
  int32_t *kernels = calloc(m.step_count + 1, sizeof *kernels);
  if (!kernels) {
    hodu_set_error(err, err_cap, "out of memory");
    return HODU_ERR_OUT_OF_MEMORY;
  }
  /* Everything create() would refuse is refused here, naming the node, before a file exists. */
  status = cpu_bind_manifest(bytes, len, kernels, m.step_count, err, err_cap);
  if (status != HODU_OK) return free(kernels), status;
  size_t cap = strlen(dir) + sizeof "/" STEPS_FILE ".tmp";
  char *path = malloc(cap), *tmp = malloc(cap);
  if (!path || !tmp) {
    free(kernels), free(path), free(tmp);
    hodu_set_error(err, err_cap, "out of memory");
    return HODU_ERR_OUT_OF_MEMORY;
  }
  snprintf(path, cap, "%s/%s", dir, STEPS_FILE);
  snprintf(tmp, cap, "%s/%s.tmp", dir, STEPS_FILE);
  FILE *f = fopen(tmp, "w");
  int failed = !f || write_steps(f, &m, kernels, options) != 0;
  if (f && fclose(f) != 0) failed = 1;
  if (failed || rename(tmp, path) != 0) {
    hodu_set_error(err, err_cap, "build: cannot write %s", failed ? tmp : path);
    remove(tmp);
    status = HODU_ERR_INTERNAL;
  }
  free(kernels), free(path), free(tmp);
  return status;
}
