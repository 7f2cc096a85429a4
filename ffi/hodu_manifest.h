/*
 * hodu_manifest.h: a header-only reader for DispatchManifest bytes (spec: docs/dispatch-manifest.md).
 *
 *   HoduManifest m;
 *   if (hodu_manifest_open(&m, bytes, len, err, err_cap) != HODU_OK) return NULL;  // validates everything
 *   for (uint32_t i = 0; i < m.step_count; i++) {
 *     HoduManifestStep s = hodu_manifest_step(&m, i);
 *     ... s.kernel, hodu_manifest_step_input(&s, 0), hodu_manifest_step_meta(&s, 0) ...
 *   }
 *
 * hodu_manifest_open checks every offset, count, string and tensor reference once, so the accessors
 * afterwards are plain reads (they index within what open validated; out-of-range indices return 0/-1).
 * Nothing is copied: the HoduManifest and the structs it returns point into `bytes`.
 * Multi-byte values are read with memcpy, so any alignment of `bytes` works (hodu passes 64-aligned).
 */
#ifndef HODU_MANIFEST_H
#define HODU_MANIFEST_H

#include <stdint.h>
#include <string.h>
#include "hodu_plugin.h"

#ifdef __cplusplus
extern "C" {
#endif

#define HODU_MANIFEST_VERSION 1
#define HODU_MANIFEST_HEADER_SIZE 128u
#define HODU_MANIFEST_TENSOR_SIZE 48u
#define HODU_MANIFEST_STEP_SIZE 48u
#define HODU_MANIFEST_ALIGN 64u

/* Tensor roles. */
#define HODU_ROLE_INPUT 0u
#define HODU_ROLE_OUTPUT 1u
#define HODU_ROLE_WEIGHT 2u
#define HODU_ROLE_INTERMEDIATE 3u

/* ONNX TensorProto.DataType codes used in the tensor table. */
#define HODU_DTYPE_FLOAT32 1u
#define HODU_DTYPE_UINT8 2u
#define HODU_DTYPE_INT8 3u
#define HODU_DTYPE_UINT16 4u
#define HODU_DTYPE_INT16 5u
#define HODU_DTYPE_INT32 6u
#define HODU_DTYPE_INT64 7u
#define HODU_DTYPE_BOOL 9u
#define HODU_DTYPE_FLOAT16 10u
#define HODU_DTYPE_FLOAT64 11u
#define HODU_DTYPE_UINT32 12u
#define HODU_DTYPE_UINT64 13u
#define HODU_DTYPE_BFLOAT16 16u

typedef struct HoduManifest {
  const uint8_t *bytes;
  size_t size;
  uint32_t tensor_count, step_count, input_count, output_count;
  uint64_t tensors_offset, steps_offset, io_offset, data_offset, data_size;
  uint64_t strings_offset, strings_size, weights_offset, weights_size, arena_size;
  const uint8_t *weights; /* bytes + weights_offset */
} HoduManifest;

typedef struct HoduManifestTensor {
  uint32_t id, dtype, role, rank;
  uint64_t offset;    /* arena offset, weights offset, or input/output slot (by role) */
  uint64_t byte_size;
  const char *name;   /* NUL-terminated */
  const uint8_t *dims_raw;
} HoduManifestTensor;

typedef struct HoduManifestStep {
  const char *kernel; /* NUL-terminated */
  const char *node;   /* NUL-terminated */
  uint32_t input_count, output_count, metadata_count;
  const uint8_t *ids_raw;      /* int32 inputs then outputs */
  const uint8_t *metadata_raw; /* int64 */
} HoduManifestStep;

static inline uint32_t hodu_rd_u32_(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static inline uint64_t hodu_rd_u64_(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static inline int32_t hodu_rd_i32_(const uint8_t *p) { int32_t v; memcpy(&v, p, 4); return v; }
static inline int64_t hodu_rd_i64_(const uint8_t *p) { int64_t v; memcpy(&v, p, 8); return v; }

/* [off, off+len) inside [start, start+size), without overflow. */
static inline int hodu_in_(uint64_t off, uint64_t len, uint64_t start, uint64_t size) {
  return off >= start && len <= size && off - start <= size - len;
}

static inline uint32_t hodu_dtype_size(uint32_t dtype) {
  switch (dtype) {
    case HODU_DTYPE_UINT8: case HODU_DTYPE_INT8: case HODU_DTYPE_BOOL: return 1;
    case HODU_DTYPE_UINT16: case HODU_DTYPE_INT16: case HODU_DTYPE_FLOAT16: case HODU_DTYPE_BFLOAT16: return 2;
    case HODU_DTYPE_FLOAT32: case HODU_DTYPE_INT32: case HODU_DTYPE_UINT32: return 4;
    case HODU_DTYPE_INT64: case HODU_DTYPE_UINT64: case HODU_DTYPE_FLOAT64: return 8;
    default: return 0;
  }
}

static inline HoduManifestTensor hodu_manifest_tensor(const HoduManifest *m, uint32_t id) {
  HoduManifestTensor t;
  memset(&t, 0, sizeof t);
  if (id >= m->tensor_count) return t;
  const uint8_t *r = m->bytes + m->tensors_offset + (uint64_t)id * HODU_MANIFEST_TENSOR_SIZE;
  t.id = hodu_rd_u32_(r);
  t.dtype = hodu_rd_u32_(r + 4);
  t.role = hodu_rd_u32_(r + 8);
  t.rank = hodu_rd_u32_(r + 12);
  t.dims_raw = m->bytes + hodu_rd_u64_(r + 16);
  t.offset = hodu_rd_u64_(r + 24);
  t.byte_size = hodu_rd_u64_(r + 32);
  t.name = (const char *)(m->bytes + hodu_rd_u32_(r + 40));
  return t;
}

static inline int64_t hodu_manifest_tensor_dim(const HoduManifestTensor *t, uint32_t i) {
  return i < t->rank ? hodu_rd_i64_(t->dims_raw + 8u * i) : 0;
}

static inline uint64_t hodu_manifest_tensor_elements(const HoduManifestTensor *t) {
  uint64_t n = 1;
  for (uint32_t i = 0; i < t->rank; i++) n *= (uint64_t)hodu_manifest_tensor_dim(t, i);
  return n;
}

static inline HoduManifestStep hodu_manifest_step(const HoduManifest *m, uint32_t index) {
  HoduManifestStep s;
  memset(&s, 0, sizeof s);
  if (index >= m->step_count) return s;
  const uint8_t *r = m->bytes + m->steps_offset + (uint64_t)index * HODU_MANIFEST_STEP_SIZE;
  s.kernel = (const char *)(m->bytes + hodu_rd_u32_(r));
  s.node = (const char *)(m->bytes + hodu_rd_u32_(r + 8));
  s.input_count = hodu_rd_u32_(r + 16);
  s.output_count = hodu_rd_u32_(r + 20);
  s.ids_raw = m->bytes + hodu_rd_u64_(r + 24);
  s.metadata_raw = m->bytes + hodu_rd_u64_(r + 32);
  s.metadata_count = hodu_rd_u32_(r + 40);
  return s;
}

/* Tensor id of input / output i (-1: omitted optional or out of range). */
static inline int32_t hodu_manifest_step_input(const HoduManifestStep *s, uint32_t i) {
  return i < s->input_count ? hodu_rd_i32_(s->ids_raw + 4u * i) : -1;
}
static inline int32_t hodu_manifest_step_output(const HoduManifestStep *s, uint32_t i) {
  return i < s->output_count ? hodu_rd_i32_(s->ids_raw + 4u * (s->input_count + i)) : -1;
}
static inline int64_t hodu_manifest_step_meta(const HoduManifestStep *s, uint32_t i) {
  return i < s->metadata_count ? hodu_rd_i64_(s->metadata_raw + 8u * i) : 0;
}
/* Metadata entry i as the float whose bits it holds (alpha, beta, …). */
static inline float hodu_manifest_step_meta_float(const HoduManifestStep *s, uint32_t i) {
  uint32_t bits = (uint32_t)hodu_manifest_step_meta(s, i);
  float f;
  memcpy(&f, &bits, 4);
  return f;
}

/* Tensor ids of graph input / output slot i (-1 when out of range). */
static inline int32_t hodu_manifest_input_id(const HoduManifest *m, uint32_t i) {
  return i < m->input_count ? hodu_rd_i32_(m->bytes + m->io_offset + 4u * i) : -1;
}
static inline int32_t hodu_manifest_output_id(const HoduManifest *m, uint32_t i) {
  return i < m->output_count ? hodu_rd_i32_(m->bytes + m->io_offset + 4u * (m->input_count + i)) : -1;
}

static inline int hodu_manifest_string_ok_(const HoduManifest *m, uint64_t off, uint64_t len) {
  return hodu_in_(off, len + 1, m->strings_offset, m->strings_size) && m->bytes[off + len] == 0;
}

#define HODU_MF_FAIL_(...) do { hodu_set_error(err, err_cap, "malformed manifest: " __VA_ARGS__); return HODU_ERR_MANIFEST; } while (0)

/* Parses and validates the whole manifest. Returns HODU_OK or HODU_ERR_MANIFEST with a message in err. */
static inline int32_t hodu_manifest_open(HoduManifest *m, const uint8_t *bytes, size_t size, char *err, size_t err_cap) {
  memset(m, 0, sizeof *m);
  if (bytes == NULL || size < HODU_MANIFEST_HEADER_SIZE) HODU_MF_FAIL_("%zu bytes is shorter than the header", size);
  if (memcmp(bytes, "HODUMNFT", 8) != 0) HODU_MF_FAIL_("bad magic");
  if (hodu_rd_u32_(bytes + 8) != HODU_MANIFEST_VERSION)
    HODU_MF_FAIL_("version %u, this plugin reads version %d", (unsigned)hodu_rd_u32_(bytes + 8), HODU_MANIFEST_VERSION);
  if (hodu_rd_u32_(bytes + 12) != HODU_MANIFEST_HEADER_SIZE) HODU_MF_FAIL_("unexpected header size");
  m->bytes = bytes;
  m->size = size;
  m->tensor_count = hodu_rd_u32_(bytes + 16);
  m->step_count = hodu_rd_u32_(bytes + 20);
  m->input_count = hodu_rd_u32_(bytes + 24);
  m->output_count = hodu_rd_u32_(bytes + 28);
  m->tensors_offset = hodu_rd_u64_(bytes + 32);
  m->steps_offset = hodu_rd_u64_(bytes + 40);
  m->io_offset = hodu_rd_u64_(bytes + 48);
  m->data_offset = hodu_rd_u64_(bytes + 56);
  m->data_size = hodu_rd_u64_(bytes + 64);
  m->strings_offset = hodu_rd_u64_(bytes + 72);
  m->strings_size = hodu_rd_u64_(bytes + 80);
  m->weights_offset = hodu_rd_u64_(bytes + 88);
  m->weights_size = hodu_rd_u64_(bytes + 96);
  m->arena_size = hodu_rd_u64_(bytes + 104);
  if (hodu_rd_u64_(bytes + 112) != size) HODU_MF_FAIL_("total size does not match %zu bytes", size);
  if (!hodu_in_(m->tensors_offset, (uint64_t)m->tensor_count * HODU_MANIFEST_TENSOR_SIZE, 0, size) ||
      !hodu_in_(m->steps_offset, (uint64_t)m->step_count * HODU_MANIFEST_STEP_SIZE, 0, size) ||
      !hodu_in_(m->data_offset, m->data_size, 0, size) || !hodu_in_(m->strings_offset, m->strings_size, 0, size) ||
      !hodu_in_(m->weights_offset, m->weights_size, 0, size) || m->weights_offset % HODU_MANIFEST_ALIGN != 0)
    HODU_MF_FAIL_("a section lies outside the buffer");
  if (!hodu_in_(m->io_offset, 4ull * ((uint64_t)m->input_count + m->output_count), m->data_offset, m->data_size))
    HODU_MF_FAIL_("graph input/output ids outside the data section");
  m->weights = bytes + m->weights_offset;
  for (uint32_t i = 0; i < m->input_count + m->output_count; i++) {
    int32_t id = hodu_rd_i32_(bytes + m->io_offset + 4u * i);
    if (id < 0 || (uint32_t)id >= m->tensor_count) HODU_MF_FAIL_("graph input/output %u refers to tensor %d", i, id);
  }
  for (uint32_t i = 0; i < m->tensor_count; i++) {
    const uint8_t *r = bytes + m->tensors_offset + (uint64_t)i * HODU_MANIFEST_TENSOR_SIZE;
    uint32_t rank = hodu_rd_u32_(r + 12), dtype = hodu_rd_u32_(r + 4), role = hodu_rd_u32_(r + 8);
    uint64_t dims = hodu_rd_u64_(r + 16), off = hodu_rd_u64_(r + 24), bytes_n = hodu_rd_u64_(r + 32);
    if (hodu_rd_u32_(r) != i) HODU_MF_FAIL_("tensor %u has the wrong id", i);
    if (hodu_dtype_size(dtype) == 0) HODU_MF_FAIL_("tensor %u has unsupported dtype %u", i, (unsigned)dtype);
    if (role > HODU_ROLE_INTERMEDIATE) HODU_MF_FAIL_("tensor %u has unknown role %u", i, (unsigned)role);
    if (rank > 64 || !hodu_in_(dims, 8ull * rank, m->data_offset, m->data_size)) HODU_MF_FAIL_("tensor %u dims out of bounds", i);
    if (!hodu_manifest_string_ok_(m, hodu_rd_u32_(r + 40), hodu_rd_u32_(r + 44))) HODU_MF_FAIL_("tensor %u name out of bounds", i);
    uint64_t n = hodu_dtype_size(dtype);
    for (uint32_t d = 0; d < rank; d++) {
      int64_t v = hodu_rd_i64_(bytes + dims + 8u * d);
      if (v < 0 || (v > 0 && n > UINT64_MAX / (uint64_t)v)) HODU_MF_FAIL_("tensor %u has a bad dim", i);
      n *= (uint64_t)v;
    }
    if (n != bytes_n) HODU_MF_FAIL_("tensor %u byte size does not match its dims", i);
    if ((role == HODU_ROLE_WEIGHT && !hodu_in_(off, bytes_n, 0, m->weights_size)) ||
        (role == HODU_ROLE_INTERMEDIATE && !hodu_in_(off, bytes_n, 0, m->arena_size)) ||
        (role == HODU_ROLE_INPUT && (off >= m->input_count || hodu_manifest_input_id(m, (uint32_t)off) != (int32_t)i)) ||
        (role == HODU_ROLE_OUTPUT && (off >= m->output_count || hodu_manifest_output_id(m, (uint32_t)off) != (int32_t)i)))
      HODU_MF_FAIL_("tensor %u points outside its storage", i);
  }
  for (uint32_t i = 0; i < m->step_count; i++) {
    const uint8_t *r = bytes + m->steps_offset + (uint64_t)i * HODU_MANIFEST_STEP_SIZE;
    uint64_t ids = hodu_rd_u64_(r + 24), meta = hodu_rd_u64_(r + 32);
    uint64_t nio = (uint64_t)hodu_rd_u32_(r + 16) + hodu_rd_u32_(r + 20);
    if (!hodu_manifest_string_ok_(m, hodu_rd_u32_(r), hodu_rd_u32_(r + 4)) ||
        !hodu_manifest_string_ok_(m, hodu_rd_u32_(r + 8), hodu_rd_u32_(r + 12)))
      HODU_MF_FAIL_("step %u names out of bounds", i);
    if (!hodu_in_(ids, 4 * nio, m->data_offset, m->data_size) ||
        !hodu_in_(meta, 8ull * hodu_rd_u32_(r + 40), m->data_offset, m->data_size))
      HODU_MF_FAIL_("step %u ids or metadata out of bounds", i);
    for (uint64_t k = 0; k < nio; k++) {
      int32_t id = hodu_rd_i32_(bytes + ids + 4 * k);
      if (id < -1 || id >= (int32_t)m->tensor_count) HODU_MF_FAIL_("step %u refers to tensor %d", i, id);
    }
  }
  return HODU_OK;
}

#undef HODU_MF_FAIL_

#ifdef __cplusplus
}
#endif
#endif /* HODU_MANIFEST_H */
