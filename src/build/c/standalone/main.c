/*
 * main.c: the command line of a model built with `hodu build --standalone` (docs/build.md). Linked with any
 * object implementing hodu_model.h, it reads numpy .npy/.npz inputs, runs the model and writes the outputs
 * as an .npz; it needs nothing but libc and libm. `MODEL --help` documents the behaviour for its one model.
 */
#if defined(__unix__) || defined(__APPLE__)
#define _POSIX_C_SOURCE 200809L /* clock_gettime(CLOCK_MONOTONIC) for --repeat */
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "standalone.h"

typedef struct {
  const char *output;
  int32_t threads;
  long repeat; /* 0: not asked */
  int quiet, info, help;
  char **specs;
  int spec_count;
} options;

/** The raw value of a top-level key of the info JSON (strings unquoted); "" when absent. */
static const char *info_field(const char *key, char *out, size_t cap) {
  const char *j = hodu_model_info_json();
  size_t klen = strlen(key);
  int depth = 0;
  out[0] = '\0';
  for (const char *p = j; *p; p++) {
    if (*p == '{' || *p == '[') depth++;
    else if (*p == '}' || *p == ']') depth--;
    if (*p != '"') continue;
    const char *s = ++p;
    while (*p && *p != '"') p += p[0] == '\\' && p[1] ? 2 : 1;
    if (!*p) break;
    const char *v = p + 1;
    if (depth != 1 || (size_t)(p - s) != klen || memcmp(s, key, klen) != 0 || *v != ':') continue;
    v++;
    int quoted = *v == '"';
    v += quoted;
    size_t n = 0;
    while (v[n] && n + 1 < cap && (quoted ? v[n] != '"' : v[n] != ',' && v[n] != '}')) {
      out[n] = v[n];
      n++;
    }
    out[n] = '\0';
    break;
  }
  return out;
}

static void print_tensors(const char *title, int32_t count, const hodu_tensor_info *(*at)(int32_t)) {
  printf("%s:\n", title);
  if (count == 0) printf("  (none)\n");
  for (int32_t i = 0; i < count; i++) {
    char shape[512];
    printf("  %-16s %s%s\n", at(i)->name, at(i)->dtype_name, sa_shape_text(at(i)->shape, at(i)->rank, shape, sizeof shape));
  }
}

static void usage(const char *prog) {
  char name[256], version[64], backend[64], backend_version[64], target[64], opt[16], threads[16];
  info_field("model_name", name, sizeof name);
  info_field("hodu_version", version, sizeof version);
  info_field("backend", backend, sizeof backend);
  info_field("backend_version", backend_version, sizeof backend_version);
  info_field("target", target, sizeof target);
  info_field("opt_level", opt, sizeof opt);
  info_field("threads", threads, sizeof threads);
  printf("usage: %s [options] [INPUT...]\n\n", prog);
  /* 0 threads at build time: the backend's default, the machine's physical cores. */
  char threads_text[48];
  if (strcmp(threads, "0") == 0 || threads[0] == '\0') snprintf(threads_text, sizeof threads_text, "the machine's cores");
  else snprintf(threads_text, sizeof threads_text, "%s thread(s)", threads);
  printf("Runs the model '%s', built by hodu %s for %s (backend %s %s, -O%s, %s by default).\n", name, version, target, backend, backend_version, opt, threads_text);
  printf("Needs no hodu: inputs are numpy .npy / .npz files, outputs are written as an .npz.\n\n");
  printf("INPUT (files are recognised by their content, not their extension):\n"
         "  FILE.npz        its entries NAME.npy feed the inputs NAME, as numpy.savez(FILE, NAME=array) writes them\n"
         "  NAME=FILE.npy   feeds the input NAME\n"
         "  FILE.npy        feeds the first input not given by name, in the order listed below\n"
         "Each input must be given once, with exactly the dtype and shape listed (.npy versions 1.0-3.0, either\n"
         "byte order, C order; Fortran-order arrays are refused).\n\n");
  print_tensors("Inputs", hodu_model_input_count(), hodu_model_input);
  print_tensors("Outputs", hodu_model_output_count(), hodu_model_output);
  printf("\nOptions:\n"
         "  -o, --output FILE  write the outputs to FILE as an .npz, one entry NAME.npy per output (default: outputs.npz)\n"
         "      --threads N    threads to run on (default: the count given with hodu build --threads, else the machine's cores)\n"
         "      --repeat N     run N times and print the min and median time of a run in ms to stdout\n"
         "      --info         print what was built as JSON (the API's hodu_model_info_json) and exit\n"
         "  -q, --quiet        do not print the per-output lines and the 'wrote' line\n"
         "  -h, --help         print this help and exit\n\n"
         "After a run, one line per output goes to stderr: name, dtype, shape, and min/max/mean for float types.\n"
         "Output names that are not safe inside a zip (empty, absolute, '..') become NAME with characters other\n"
         "than A-Z a-z 0-9 . _ - replaced by '_'.\n\n"
         "Exit status: 0 success; 1 the model failed to load or run, or the outputs could not be written;\n"
         "2 bad options or inputs (a missing or unknown input, a wrong dtype or shape, an unreadable file).\n\n"
         "Example:\n"
         "  %s", prog);
  for (int32_t i = 0; i < hodu_model_input_count(); i++) printf(" %s=%s.npy", hodu_model_input(i)->name, hodu_model_input(i)->name);
  printf(" -o out.npz\n  python3 -c \"import numpy; print(dict(numpy.load('out.npz')))\"\n");
}

static int number(const char *flag, const char *text, long lo, long hi, long *out) {
  char *end;
  long v = text ? strtol(text, &end, 10) : 0;
  if (!text || !*text || *end || v < lo || v > hi) {
    fprintf(stderr, "error: %s needs a whole number from %ld to %ld, got '%s'\n", flag, lo, hi, text ? text : "");
    return -1;
  }
  *out = v;
  return 0;
}

/** The value of `--flag VALUE` or `--flag=VALUE` (NULL when arg is not this flag); *i moves past a VALUE. */
static const char *flag_value(const char *arg, const char *flag, int argc, char **argv, int *i, int *missing) {
  size_t n = strlen(flag);
  if (strncmp(arg, flag, n) != 0) return NULL;
  if (arg[n] == '=') return arg + n + 1;
  if (arg[n] != '\0') return NULL;
  if (*i + 1 >= argc) {
    *missing = 1;
    return NULL;
  }
  return argv[++*i];
}

static int parse_args(int argc, char **argv, options *o) {
  memset(o, 0, sizeof *o);
  o->output = "outputs.npz";
  o->specs = calloc((size_t)argc, sizeof *o->specs);
  if (!o->specs) return -1;
  int only_inputs = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v;
    int missing = 0;
    long n;
    if (only_inputs || a[0] != '-' || a[1] == '\0') {
      o->specs[o->spec_count++] = argv[i];
    } else if (strcmp(a, "--") == 0) {
      only_inputs = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      o->help = 1;
    } else if (strcmp(a, "--info") == 0) {
      o->info = 1;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      o->quiet = 1;
    } else if ((v = flag_value(a, "-o", argc, argv, &i, &missing)) || (v = flag_value(a, "--output", argc, argv, &i, &missing))) {
      if (!*v) return fprintf(stderr, "error: %s needs a file name\n", a), -1;
      o->output = v;
    } else if ((v = flag_value(a, "--threads", argc, argv, &i, &missing))) {
      if (number("--threads", v, 0, 65536, &n) != 0) return -1;
      o->threads = (int32_t)n;
    } else if ((v = flag_value(a, "--repeat", argc, argv, &i, &missing))) {
      if (number("--repeat", v, 1, 10000000, &n) != 0) return -1;
      o->repeat = n;
    } else if (missing) {
      return fprintf(stderr, "error: %s needs a value (see --help)\n", a), -1;
    } else {
      return fprintf(stderr, "error: unknown option '%s' (see --help)\n", a), -1;
    }
  }
  return 0;
}

static double now_ms(void) {
  struct timespec ts;
#ifdef CLOCK_MONOTONIC
  clock_gettime(CLOCK_MONOTONIC, &ts);
#else
  timespec_get(&ts, TIME_UTC);
#endif
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/** The entry stem of output i, like `hodu run --output x.npz` (the name as is), unless unsafe in a zip. */
static char *entry_name(const char *name) {
  int drive = ((name[0] | 32) >= 'a' && (name[0] | 32) <= 'z') && name[1] == ':' && (name[2] == '/' || name[2] == '\\');
  int unsafe = !*name || name[0] == '/' || name[0] == '\\' || drive;
  for (const char *seg = name, *p = name; !unsafe; p++) {
    if (*p != '/' && *p != '\\' && *p) continue;
    unsafe = p - seg == 2 && seg[0] == '.' && seg[1] == '.';
    if (!*p) break;
    seg = p + 1;
  }
  size_t len = strlen(name);
  char *out = malloc(len + 8);
  if (!out) return NULL;
  if (!unsafe) return memcpy(out, name, len + 1);
  /* hodu's --output-dir rule: [^A-Za-z0-9._-] -> '_', a run of leading dots -> '_', empty -> "output". */
  size_t n = 0;
  const char *p = name;
  if (*p == '.') {
    while (*p == '.') p++;
    out[n++] = '_';
  }
  for (; *p; p++) out[n++] = strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-", *p) ? *p : '_';
  out[n] = '\0';
  return n ? out : strcpy(out, "output");
}

static int run(const options *o, sa_array *outputs, int32_t out_count) {
  char err[SA_ERR_CAP];
  sa_inputs in;
  if (sa_load_inputs(o->specs, o->spec_count, &in, err) != 0) {
    sa_free_inputs(&in);
    fprintf(stderr, "error: %s\n", err);
    return SA_EXIT_USAGE;
  }
  hodu_model *m = hodu_model_create(o->threads);
  if (!m) {
    sa_free_inputs(&in);
    fprintf(stderr, "error: cannot create the model: %s\n", hodu_model_error(NULL));
    return SA_EXIT_RUN;
  }
  void **buffers = calloc(out_count ? (size_t)out_count : 1, sizeof *buffers);
  long runs = o->repeat ? o->repeat : 1;
  double *ms = calloc((size_t)runs, sizeof *ms);
  int rc = buffers && ms ? 0 : SA_EXIT_RUN;
  if (rc) fprintf(stderr, "error: out of memory\n");
  for (int32_t i = 0; i < out_count && !rc; i++) {
    buffers[i] = malloc(outputs[i].info->bytes ? (size_t)outputs[i].info->bytes : 1);
    outputs[i].data = buffers[i];
    if (!buffers[i]) rc = SA_EXIT_RUN, fprintf(stderr, "error: out of memory for output '%s'\n", outputs[i].info->name);
  }
  for (long r = 0; r < runs && !rc; r++) {
    double t0 = now_ms();
    int32_t status = hodu_model_run(m, in.buffers, buffers);
    ms[r] = now_ms() - t0;
    if (status != HODU_MODEL_OK) rc = SA_EXIT_RUN, fprintf(stderr, "error: the model failed (status %d): %s\n", (int)status, hodu_model_error(m));
  }
  if (!rc && o->repeat) {
    qsort(ms, (size_t)runs, sizeof *ms, by_value);
    double median = runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
    printf("%ld runs: min %.3f ms, median %.3f ms\n", runs, ms[0], median);
  }
  if (!rc && !o->quiet) sa_print_summary(outputs, (size_t)out_count);
  if (!rc && sa_npz_write(o->output, outputs, (size_t)out_count, err) != 0) rc = SA_EXIT_RUN, fprintf(stderr, "error: %s\n", err);
  if (!rc && !o->quiet) fprintf(stderr, "wrote %d output%s to %s\n", (int)out_count, out_count == 1 ? "" : "s", o->output);
  for (int32_t i = 0; buffers && i < out_count; i++) free(buffers[i]);
  free(buffers);
  free(ms);
  hodu_model_destroy(m);
  sa_free_inputs(&in);
  return rc;
}

int main(int argc, char **argv) {
  const char *prog = argc > 0 && argv[0] ? argv[0] : "model";
  options o;
  if (parse_args(argc, argv, &o) != 0) return free(o.specs), SA_EXIT_USAGE;
  int rc = 0;
  if (o.help) usage(prog);
  else if (o.info) printf("%s\n", hodu_model_info_json());
  if (o.help || o.info) return free(o.specs), 0;

  int32_t out_count = hodu_model_output_count();
  sa_array *outputs = calloc(out_count > 0 ? (size_t)out_count : 1, sizeof *outputs);
  if (!outputs) return free(o.specs), fprintf(stderr, "error: out of memory\n"), SA_EXIT_RUN;
  for (int32_t i = 0; i < out_count && !rc; i++) {
    outputs[i].info = hodu_model_output(i);
    outputs[i].name = entry_name(outputs[i].info->name);
    if (!outputs[i].name) rc = SA_EXIT_RUN, fprintf(stderr, "error: out of memory\n");
    else if (outputs[i].info->rank > SA_MAX_RANK) rc = SA_EXIT_RUN, fprintf(stderr, "error: output '%s' has rank %d, above the %d a .npy header is written with here\n", outputs[i].info->name, (int)outputs[i].info->rank, SA_MAX_RANK);
    for (int32_t k = 0; k < i && !rc; k++) {
      if (strcmp(outputs[k].name, outputs[i].name) == 0) {
        fprintf(stderr, "error: outputs '%s' and '%s' would both be written as entry '%s.npy'\n", outputs[k].info->name, outputs[i].info->name, outputs[i].name);
        rc = SA_EXIT_RUN;
      }
    }
  }
  if (!rc) rc = run(&o, outputs, out_count);
  for (int32_t i = 0; i < out_count; i++) free((char *)outputs[i].name);
  free(outputs);
  free(o.specs);
  return rc;
}
