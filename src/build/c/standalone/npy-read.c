/*
 * npy-read.c: the .npy format (numpy's NEP 1): magic, version 1.0/2.0/3.0, a Python dict literal header
 * {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), } then the raw data. The header is parsed by a
 * small bounded reader of exactly that dict (no evaluation), and the data size is checked against the file.
 */
#include <stdio.h>
#include <string.h>

#include "standalone.h"

/* numpy refuses headers above 10 000 bytes unless told otherwise; allow more, but not unbounded. */
#define MAX_HEADER_BYTES (1u << 20)

static const struct {
  const char *code; /* descr without its byte-order character */
  int32_t dtype;
} CODES[] = {
    {"f2", HODU_DTYPE_FLOAT16}, {"f4", HODU_DTYPE_FLOAT32}, {"f8", HODU_DTYPE_FLOAT64}, {"i1", HODU_DTYPE_INT8},
    {"i2", HODU_DTYPE_INT16},   {"i4", HODU_DTYPE_INT32},   {"i8", HODU_DTYPE_INT64},   {"u1", HODU_DTYPE_UINT8},
    {"u2", HODU_DTYPE_UINT16},  {"u4", HODU_DTYPE_UINT32},  {"u8", HODU_DTYPE_UINT64},  {"b1", HODU_DTYPE_BOOL},
    /* bfloat16 has no numpy code: ml_dtypes arrays are saved as 2-byte void, and hodu writes them so. */
    {"V2", HODU_DTYPE_BFLOAT16},
};

const char *sa_npy_code(int32_t dtype) {
  for (size_t i = 0; i < sizeof CODES / sizeof CODES[0]; i++) {
    if (CODES[i].dtype == dtype) return CODES[i].code;
  }
  return "";
}

size_t sa_dtype_size(int32_t dtype) {
  switch (dtype) {
    case HODU_DTYPE_UINT8: case HODU_DTYPE_INT8: case HODU_DTYPE_BOOL: return 1;
    case HODU_DTYPE_UINT16: case HODU_DTYPE_INT16: case HODU_DTYPE_FLOAT16: case HODU_DTYPE_BFLOAT16: return 2;
    case HODU_DTYPE_FLOAT32: case HODU_DTYPE_INT32: case HODU_DTYPE_UINT32: return 4;
    case HODU_DTYPE_INT64: case HODU_DTYPE_FLOAT64: case HODU_DTYPE_UINT64: return 8;
    default: return 0;
  }
}

const char *sa_dtype_name(int32_t dtype) {
  switch (dtype) {
    case HODU_DTYPE_FLOAT32: return "float32";
    case HODU_DTYPE_UINT8: return "uint8";
    case HODU_DTYPE_INT8: return "int8";
    case HODU_DTYPE_UINT16: return "uint16";
    case HODU_DTYPE_INT16: return "int16";
    case HODU_DTYPE_INT32: return "int32";
    case HODU_DTYPE_INT64: return "int64";
    case HODU_DTYPE_BOOL: return "bool";
    case HODU_DTYPE_FLOAT16: return "float16";
    case HODU_DTYPE_FLOAT64: return "float64";
    case HODU_DTYPE_UINT32: return "uint32";
    case HODU_DTYPE_UINT64: return "uint64";
    case HODU_DTYPE_BFLOAT16: return "bfloat16";
    default: return "?";
  }
}

const char *sa_shape_text(const int64_t *shape, int rank, char *buf, size_t cap) {
  size_t n = (size_t)snprintf(buf, cap, "[");
  for (int i = 0; i < rank && n < cap; i++) n += (size_t)snprintf(buf + n, cap - n, i ? ",%lld" : "%lld", (long long)shape[i]);
  if (n < cap) snprintf(buf + n, cap - n, "]");
  return buf;
}

int sa_little_endian(void) {
  const uint16_t one = 1;
  return *(const uint8_t *)&one == 1;
}

typedef struct {
  const uint8_t *p, *start, *end;
  char *err;
} cursor;

static int syntax(cursor *c, const char *what) {
  return sa_fail(c->err, "malformed header: %s at character %zu", what, (size_t)(c->p - c->start));
}

static void skip_space(cursor *c) {
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) c->p++;
}

/** Skips spaces; 1 (consuming it) when the next character is ch. */
static int accept(cursor *c, char ch) {
  skip_space(c);
  if (c->p < c->end && *c->p == (uint8_t)ch) {
    c->p++;
    return 1;
  }
  return 0;
}

/** A quoted string without escapes (no header key or descr needs one) into buf. */
static int parse_string(cursor *c, char *buf, size_t cap) {
  skip_space(c);
  if (c->p >= c->end || (*c->p != '\'' && *c->p != '"')) return syntax(c, "expected a string");
  uint8_t quote = *c->p++;
  size_t n = 0;
  while (c->p < c->end && *c->p != quote) {
    if (*c->p == '\\' || *c->p == '\n') return syntax(c, "unexpected character in a string");
    if (n + 1 >= cap) return syntax(c, "string too long");
    buf[n++] = (char)*c->p++;
  }
  if (c->p >= c->end) return syntax(c, "unterminated string");
  c->p++;
  buf[n] = '\0';
  return 0;
}

/** (d0, d1, ...) of non-negative integers (a Python 2 `L` suffix is accepted). */
static int parse_shape(cursor *c, sa_npy *npy) {
  if (!accept(c, '(')) return syntax(c, "shape must be a tuple");
  npy->rank = 0;
  while (!accept(c, ')')) {
    skip_space(c);
    if (c->p >= c->end || *c->p < '0' || *c->p > '9') return syntax(c, "expected a non-negative integer in the shape");
    uint64_t v = 0;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
      v = v * 10 + (uint64_t)(*c->p++ - '0');
      if (v > (uint64_t)1 << 62) return syntax(c, "dimension too large");
    }
    if (c->p < c->end && *c->p == 'L') c->p++;
    if (npy->rank == SA_MAX_RANK) return syntax(c, "more dimensions than supported");
    npy->shape[npy->rank++] = (int64_t)v;
    if (!accept(c, ',')) {
      if (!accept(c, ')')) return syntax(c, "expected ',' or ')' in the shape");
      break;
    }
  }
  return 0;
}

static int parse_descr(const char *descr, sa_npy *npy, char *err) {
  if (strcmp(descr, "bfloat16") == 0) descr = "<V2";
  char order = '=';
  const char *code = descr;
  if (*code == '<' || *code == '>' || *code == '|' || *code == '=') order = *code++;
  for (size_t i = 0; i < sizeof CODES / sizeof CODES[0]; i++) {
    if (strcmp(code, CODES[i].code) != 0) continue;
    npy->dtype = CODES[i].dtype;
    npy->itemsize = (uint32_t)sa_dtype_size(npy->dtype);
    int file_little = order == '<' || (order != '>' && sa_little_endian());
    npy->swap = npy->itemsize > 1 && file_little != sa_little_endian();
    return 0;
  }
  if (*code == 'O') return sa_fail(err, "object arrays (descr '%s') hold pickled Python objects, which are never loaded", descr);
  if (*code == 'U' || *code == 'S') return sa_fail(err, "string arrays (descr '%s') are not an input type of a built model", descr);
  return sa_fail(err, "dtype descr '%s' is not supported (numbers and bool are)", descr);
}

int sa_npy_parse(const uint8_t *b, size_t size, sa_npy *npy, char *err) {
  memset(npy, 0, sizeof *npy);
  if (size < 6 || memcmp(b, "\x93NUMPY", 6) != 0) return sa_fail(err, "missing the \\x93NUMPY magic (not a .npy file)");
  if (size < 10) return sa_fail(err, "%zu bytes is too short for a .npy header", size);
  unsigned major = b[6], minor = b[7];
  if (major < 1 || major > 3) return sa_fail(err, "unsupported .npy format version %u.%u (1.0, 2.0 and 3.0 are read)", major, minor);
  size_t len_size = major == 1 ? 2 : 4;
  if (size < 8 + len_size) return sa_fail(err, "the file ends inside the header length");
  uint32_t header_len = major == 1 ? (uint32_t)(b[8] | b[9] << 8) : (uint32_t)b[8] | (uint32_t)b[9] << 8 | (uint32_t)b[10] << 16 | (uint32_t)b[11] << 24;
  size_t start = 8 + len_size;
  if (header_len > MAX_HEADER_BYTES) return sa_fail(err, "header length %lu exceeds the %u-byte limit", (unsigned long)header_len, MAX_HEADER_BYTES);
  if (header_len > size - start) return sa_fail(err, "header length %lu runs past the end of the %zu-byte file (truncated?)", (unsigned long)header_len, size);

  cursor c = {b + start, b + start, b + start + header_len, err};
  int seen_descr = 0, seen_order = 0, seen_shape = 0, fortran = 0;
  if (!accept(&c, '{')) return syntax(&c, "the header is not a dict");
  while (!accept(&c, '}')) {
    char key[32], value[64];
    if (parse_string(&c, key, sizeof key) != 0) return -1;
    if (!accept(&c, ':')) return syntax(&c, "expected ':'");
    if (strcmp(key, "descr") == 0 && !seen_descr) {
      skip_space(&c);
      if (c.p < c.end && *c.p == '[') return sa_fail(err, "structured (record) dtypes are not supported; save each field as its own array");
      if (parse_string(&c, value, sizeof value) != 0 || parse_descr(value, npy, err) != 0) return -1;
      seen_descr = 1;
    } else if (strcmp(key, "fortran_order") == 0 && !seen_order) {
      skip_space(&c);
      size_t left = (size_t)(c.end - c.p);
      if (left >= 4 && memcmp(c.p, "True", 4) == 0) fortran = 1, c.p += 4;
      else if (left >= 5 && memcmp(c.p, "False", 5) == 0) c.p += 5;
      else return syntax(&c, "fortran_order must be True or False");
      seen_order = 1;
    } else if (strcmp(key, "shape") == 0 && !seen_shape) {
      if (parse_shape(&c, npy) != 0) return -1;
      seen_shape = 1;
    } else {
      return sa_fail(err, "malformed header: unexpected or repeated key '%s'", key);
    }
    if (!accept(&c, ',')) {
      if (!accept(&c, '}')) return syntax(&c, "expected ',' or '}'");
      break;
    }
  }
  if (!seen_descr || !seen_order || !seen_shape) return sa_fail(err, "malformed header: it needs the keys descr, fortran_order and shape");
  if (fortran && npy->rank > 1) {
    return sa_fail(err, "the array is in Fortran (column-major) order; save it with numpy.save(path, numpy.ascontiguousarray(a))");
  }

  /* Zero dimensions are skipped in the overflow check so that (0, 2**60, 2**60) is refused too. */
  uint64_t elements = 1, bound = 1;
  for (int i = 0; i < npy->rank; i++) {
    uint64_t d = (uint64_t)npy->shape[i];
    if (d > 1 && bound > UINT64_MAX / d / npy->itemsize) return sa_fail(err, "the shape is too large");
    if (d > 1) bound *= d;
    elements *= d;
  }
  npy->elements = elements;
  uint64_t need = elements * npy->itemsize, have = size - start - header_len;
  if (need > have) {
    char shape[256];
    return sa_fail(err, "shape %s of %s needs %llu data bytes, the file has %llu (truncated?)", sa_shape_text(npy->shape, npy->rank, shape, sizeof shape),
                   sa_dtype_name(npy->dtype), (unsigned long long)need, (unsigned long long)have);
  }
  npy->data = b + start + header_len;
  return 0;
}
