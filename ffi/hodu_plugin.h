/*
 * hodu_plugin.h: the C ABI of hodu native plugins (a shared library loaded with dlopen).
 * Spec: docs/abi.md. The DispatchManifest reader is in hodu_manifest.h.
 *
 * A plugin exports one symbol, `hodu_plugin_descriptor`, a function returning a pointer to a static
 * HoduPluginDescriptor. Use HODU_EXPORT_BACKEND_PLUGIN / HODU_EXPORT_FORMAT_PLUGIN to define it.
 * The host reads `abi_version` first and refuses the plugin (without calling anything else) when it is
 * neither its own nor an older one it still loads (HODU_ABI_VERSION_MIN); then it checks `sdk_range`
 * against its SDK version (semver). ABI 1 differs only in create() (no options): HoduBackendApiV1 below.
 * ABI 2 lacks the `build` member (ABI 3) of HoduBackendApi: HoduBackendApiV2; the host reads `build` only
 * from descriptors of ABI 3 and later.
 *
 * Memory ownership:
 *  - The descriptor, its strings and kernel list are static: they must stay valid while the library is
 *    loaded. The host never frees or writes them.
 *  - create(): the options struct is owned by the host and valid only during the call.
 *    The manifest bytes are owned by the host and stay valid and unchanged until destroy()
 *    returns for that handle, so a plugin may point into them (weights included) instead of copying.
 *    The buffer is 64-byte aligned. The handle is owned by the plugin; the host calls destroy() exactly
 *    once per successful create(), and never after a failed one (NULL return).
 *  - run(): input and output pointers are owned by the host, valid only during the call, aligned to at
 *    least 64 bytes, sized exactly as the manifest's tensor table says. Outputs are written by the
 *    plugin; inputs are read-only. The plugin allocates (and frees) its arena and scratch itself.
 *  - Errors: every entry point that can fail takes `char *err, size_t err_cap`, a host-owned buffer. On
 *    failure the plugin writes a NUL-terminated UTF-8 message of at most err_cap bytes (truncating) and
 *    returns a non-zero HoduStatus (or NULL from create). err may be NULL when err_cap is 0.
 *  - build(): the manifest bytes, the options struct and its strings are owned by the host and valid only
 *    during the call. The files the plugin writes into options->out_dir belong to the host afterwards.
 *  - A handle is used by one thread at a time; different handles may run concurrently.
 */
#ifndef HODU_PLUGIN_H
#define HODU_PLUGIN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdarg.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Must equal ABI_VERSION in hodu's src/version.ts (a test checks). Bumped on any incompatible change. */
#define HODU_ABI_VERSION 3
/* The oldest ABI this host still loads (ABI 1 plugins get no create options). */
#define HODU_ABI_VERSION_MIN 1
/* The SDK version these headers belong to (SDK_VERSION in src/version.ts). */
#define HODU_SDK_VERSION "0.1.1"
/* The SDK range a plugin declares; define HODU_PLUGIN_SDK_RANGE before including to override. */
#ifndef HODU_PLUGIN_SDK_RANGE
#define HODU_PLUGIN_SDK_RANGE "^" HODU_SDK_VERSION
#endif

#if defined(_WIN32)
#define HODU_API __declspec(dllexport)
#else
#define HODU_API __attribute__((visibility("default")))
#endif

typedef enum HoduStatus {
  HODU_OK = 0,
  HODU_ERR_INVALID_ARGUMENT = 1, /* bad manifest contents, wrong sizes */
  HODU_ERR_UNSUPPORTED = 2,      /* a kernel or dtype the plugin does not implement */
  HODU_ERR_OUT_OF_MEMORY = 3,
  HODU_ERR_INTERNAL = 4,
  HODU_ERR_MANIFEST = 5          /* the manifest bytes are malformed */
} HoduStatus;

typedef enum HoduPluginType { HODU_PLUGIN_BACKEND = 1, HODU_PLUGIN_FORMAT = 2 } HoduPluginType;

/* Capability flags (HoduPluginDescriptor.capabilities). */
#define HODU_CAP_RUNNER 0x1u       /* backend: executes manifests (create/run/destroy) */
#define HODU_CAP_BUILDER 0x2u      /* backend: compiles manifests ahead of time (HoduBackendApi.build, ABI 3) */
#define HODU_CAP_DEVICE_CPU 0x100u /* backend: runs on the host CPU */
#define HODU_CAP_LOAD_MODEL 0x10000u
#define HODU_CAP_SAVE_MODEL 0x20000u
#define HODU_CAP_LOAD_TENSORS 0x40000u
#define HODU_CAP_SAVE_TENSORS 0x80000u

/* Opaque handles: each plugin defines the struct behind them. */
typedef struct HoduBackendPlugin *HoduBackendPluginHandle;
typedef struct HoduFormatPlugin *HoduFormatPluginHandle;

/* Called by run() before each step (may be NULL): lets the host name the kernel if the plugin crashes. */
typedef void (*HoduStepCallback)(void *user, uint32_t step_index);

/*
 * What the host asks of a session, passed to create(). `struct_size` is sizeof the struct the host filled:
 * fields are only ever appended, and a plugin reads a field only when struct_size covers it (HODU_OPTION),
 * so a newer host with a longer struct and an older plugin (or the reverse) agree without another ABI bump.
 */
typedef struct HoduCreateOptions {
  uint32_t struct_size; /* sizeof(HoduCreateOptions) as the host knows it */
  uint32_t threads;     /* threads the session may use, the calling one included; 0 = the plugin's default */
} HoduCreateOptions;

/* A field of `opts` when the host's struct holds it, else `fallback` (also when opts is NULL). */
#define HODU_OPTION(opts, field, fallback)                                                                   \
  ((opts) != NULL && (opts)->struct_size >= offsetof(HoduCreateOptions, field) + sizeof((opts)->field)       \
       ? (opts)->field                                                                                       \
       : (fallback))

/*
 * What the host asks of a build (`hodu build`), passed to build(). Same rule as HoduCreateOptions: fields are
 * only ever appended, read them with HODU_BUILD_OPTION.
 */
typedef struct HoduBuildOptions {
  uint32_t struct_size; /* sizeof(HoduBuildOptions) as the host knows it */
  uint32_t threads;     /* the artifact's default thread count (0: the plugin's default) */
  const char *out_dir;  /* an existing folder: write the generated C sources there (every *.c is compiled with the model) */
  const char *target;   /* the normalized target triple, e.g. "x86_64-linux-gnu", "aarch64-linux-gnu" */
} HoduBuildOptions;

/* A field of a HoduBuildOptions `opts` when the host's struct holds it, else `fallback` (also when opts is NULL). */
#define HODU_BUILD_OPTION(opts, field, fallback)                                                             \
  ((opts) != NULL && (opts)->struct_size >= offsetof(HoduBuildOptions, field) + sizeof((opts)->field)        \
       ? (opts)->field                                                                                       \
       : (fallback))

typedef struct HoduBackendApi {
  /* Prepares a manifest for running. Returns NULL and fills err on failure. options may be NULL. */
  HoduBackendPluginHandle (*create)(const uint8_t *manifest, size_t manifest_len, const HoduCreateOptions *options,
                                    char *err, size_t err_cap);
  /* Runs all steps. inputs[i] / outputs[i] follow the manifest's graph input / output lists. An output
   * whose tensor is not role OUTPUT (a weight or an input passed through) is filled by the host. */
  int32_t (*run)(HoduBackendPluginHandle handle, const void *const *inputs, void *const *outputs,
                 HoduStepCallback on_step, void *user, char *err, size_t err_cap);
  void (*destroy)(HoduBackendPluginHandle handle);
  /* Non-zero when the plugin implements the kernel named (see opToKernelName). */
  int32_t (*supports_kernel)(const char *kernel_name);
  /* ABI 3, NULL when the plugin has no builder: checks that every step of the manifest binds (a status and a
   * message naming the step's node otherwise, before anything is written), then writes its generated C
   * source(s) into options->out_dir, one line per step carrying the comment `step N: KERNEL, node 'NAME' (OP)`
   * (docs/abi.md: the host maps a compiler error to its node by it). The host compiles them with the model
   * and the plugin's own sources. */
  int32_t (*build)(const uint8_t *manifest, size_t manifest_len, const HoduBuildOptions *options, char *err,
                   size_t err_cap);
} HoduBackendApi;

/*
 * Optional export (any ABI-2 plugin may add it; the host looks it up by name, so a plugin without it still
 * loads and its runs are timed as a whole): per-step timing, what `hodu run --profile` shows per node.
 *   enable > 0: time every step of this handle's next runs (allocates at the first call); 0: stop (frees);
 *   < 0: leave as it is. Timing must cost nothing while off (one branch per step at most).
 *   times != NULL: copies min(cap, step count) entries of the last run made with timing on.
 * Returns the manifest's step count, or -1 when timing is off (after `enable`) or could not be allocated.
 * A step computed by another (a fusion: e.g. a Relu a Conv applied to its own output) has ns 0 and
 * fused_into the index of that step, whose ns include it. Same threading rule as run().
 */
#define HODU_PROFILE_SYMBOL "hodu_backend_profile"
typedef struct HoduStepTime {
  uint64_t ns;        /* wall time of the step in the last timed run (0: fused into another, or not run) */
  int32_t fused_into; /* -1, or the index of the step that computed this one */
  uint32_t reserved;  /* 0 */
} HoduStepTime;
typedef int32_t (*HoduProfileFn)(HoduBackendPluginHandle handle, int32_t enable, HoduStepTime *times, uint32_t cap);

/* ABI 1's entry points (abi_version 1): the same but for create(), which takes no options. The host still
 * loads such plugins; HODU_EXPORT_BACKEND_PLUGIN_V1 builds one (hodu's tests do, to keep that path honest). */
typedef struct HoduBackendApiV1 {
  HoduBackendPluginHandle (*create)(const uint8_t *manifest, size_t manifest_len, char *err, size_t err_cap);
  int32_t (*run)(HoduBackendPluginHandle handle, const void *const *inputs, void *const *outputs,
                 HoduStepCallback on_step, void *user, char *err, size_t err_cap);
  void (*destroy)(HoduBackendPluginHandle handle);
  int32_t (*supports_kernel)(const char *kernel_name);
} HoduBackendApiV1;

/* ABI 2's entry points (abi_version 2): HoduBackendApi without `build`. The host still loads such plugins;
 * HODU_EXPORT_BACKEND_PLUGIN_V2 builds one (hodu's tests do). */
typedef struct HoduBackendApiV2 {
  HoduBackendPluginHandle (*create)(const uint8_t *manifest, size_t manifest_len, const HoduCreateOptions *options,
                                    char *err, size_t err_cap);
  int32_t (*run)(HoduBackendPluginHandle handle, const void *const *inputs, void *const *outputs,
                 HoduStepCallback on_step, void *user, char *err, size_t err_cap);
  void (*destroy)(HoduBackendPluginHandle handle);
  int32_t (*supports_kernel)(const char *kernel_name);
} HoduBackendApiV2;

/* Format plugins: declared for ABI stability; the host does not load native format plugins yet. */
typedef struct HoduFormatApi {
  /* Non-zero when the bytes look like this format. */
  int32_t (*sniff)(const uint8_t *bytes, size_t len);
  HoduFormatPluginHandle (*open)(const uint8_t *bytes, size_t len, char *err, size_t err_cap);
  void (*close)(HoduFormatPluginHandle handle);
} HoduFormatApi;

/* Field order and types are part of the ABI: abi_version stays first forever. */
typedef struct HoduPluginDescriptor {
  uint32_t abi_version;          /* HODU_ABI_VERSION */
  uint32_t type;                 /* HoduPluginType */
  const char *sdk_range;         /* semver range of the SDK it was written for, e.g. "^0.1.0" */
  const char *name;
  const char *version;
  uint64_t capabilities;         /* HODU_CAP_* */
  const char *const *kernels;    /* NULL-terminated kernel names (backends), or NULL */
  const HoduBackendApi *backend; /* non-NULL for backends (a HoduBackendApiV1 / V2 when abi_version is 1 / 2) */
  const HoduFormatApi *format;   /* non-NULL for format plugins */
} HoduPluginDescriptor;

/* The one exported symbol. */
typedef const HoduPluginDescriptor *(*HoduDescriptorFn)(void);

/* The descriptor and the one exported symbol returning it; every HODU_EXPORT_* macro below ends with it. */
#define HODU_EXPORT_DESCRIPTOR_(ABI, TYPE, NAME, VERSION, CAPS, KERNELS, BACKEND, FORMAT)                     \
  static const HoduPluginDescriptor hodu_descriptor_ = {ABI, TYPE, HODU_PLUGIN_SDK_RANGE, NAME, VERSION,     \
                                                         CAPS, KERNELS, BACKEND, FORMAT};                    \
  HODU_API const HoduPluginDescriptor *hodu_plugin_descriptor(void);                                         \
  HODU_API const HoduPluginDescriptor *hodu_plugin_descriptor(void) { return &hodu_descriptor_; }

/* A backend without a builder (build = NULL). */
#define HODU_EXPORT_BACKEND_PLUGIN(NAME, VERSION, CAPS, KERNELS, CREATE, RUN, DESTROY, SUPPORTS)              \
  static const HoduBackendApi hodu_backend_api_ = {CREATE, RUN, DESTROY, SUPPORTS, NULL};                    \
  HODU_EXPORT_DESCRIPTOR_(HODU_ABI_VERSION, HODU_PLUGIN_BACKEND, NAME, VERSION, CAPS, KERNELS,                \
                          &hodu_backend_api_, NULL)

/* A backend with a builder: BUILD is its build entry point, and HODU_CAP_BUILDER is added to CAPS. */
#define HODU_EXPORT_BACKEND_PLUGIN_WITH_BUILD(NAME, VERSION, CAPS, KERNELS, CREATE, RUN, DESTROY, SUPPORTS, BUILD) \
  static const HoduBackendApi hodu_backend_api_ = {CREATE, RUN, DESTROY, SUPPORTS, BUILD};                   \
  HODU_EXPORT_DESCRIPTOR_(HODU_ABI_VERSION, HODU_PLUGIN_BACKEND, NAME, VERSION, (CAPS) | HODU_CAP_BUILDER,    \
                          KERNELS, &hodu_backend_api_, NULL)

#define HODU_EXPORT_BACKEND_PLUGIN_V2(NAME, VERSION, CAPS, KERNELS, CREATE, RUN, DESTROY, SUPPORTS)           \
  static const HoduBackendApiV2 hodu_backend_api_v2_ = {CREATE, RUN, DESTROY, SUPPORTS};                     \
  HODU_EXPORT_DESCRIPTOR_(2, HODU_PLUGIN_BACKEND, NAME, VERSION, CAPS, KERNELS,                               \
                          (const HoduBackendApi *)(const void *)&hodu_backend_api_v2_, NULL)

#define HODU_EXPORT_BACKEND_PLUGIN_V1(NAME, VERSION, CAPS, KERNELS, CREATE, RUN, DESTROY, SUPPORTS)           \
  static const HoduBackendApiV1 hodu_backend_api_v1_ = {CREATE, RUN, DESTROY, SUPPORTS};                     \
  HODU_EXPORT_DESCRIPTOR_(1, HODU_PLUGIN_BACKEND, NAME, VERSION, CAPS, KERNELS,                               \
                          (const HoduBackendApi *)(const void *)&hodu_backend_api_v1_, NULL)

#define HODU_EXPORT_FORMAT_PLUGIN(NAME, VERSION, CAPS, SNIFF, OPEN, CLOSE)                                    \
  static const HoduFormatApi hodu_format_api_ = {SNIFF, OPEN, CLOSE};                                        \
  HODU_EXPORT_DESCRIPTOR_(HODU_ABI_VERSION, HODU_PLUGIN_FORMAT, NAME, VERSION, CAPS, NULL, NULL,              \
                          &hodu_format_api_)

/* Writes a printf-style message into a host error buffer (truncating, always NUL-terminated). */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 3, 4)))
#endif
static inline void hodu_set_error(char *err, size_t err_cap, const char *fmt, ...) {
  if (err == NULL || err_cap == 0) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, err_cap, fmt, ap);
  va_end(ap);
}

#ifdef __cplusplus
}
#endif
#endif /* HODU_PLUGIN_H */
