/*
 * npz-write.c: outputs as an .npz the way numpy.savez writes one: a zip of stored `NAME.npy` entries (CRC-32,
 * central directory), each a version 1.0 .npy whose data starts 64-byte aligned in the .npy. The archive is
 * written to a temporary file beside the target and renamed over it, so a failed write leaves no half file.
 * Archives past 4 GiB would need zip64 records, which this writer does not emit: it refuses them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "standalone.h"

#define NPY_ALIGN 64
#define U32_LIMIT 0xffffffffull
#define DOS_DATE ((0 << 9) | (1 << 5) | 1) /* 1980-01-01, a fixed time keeps archives reproducible */
#define FLAG_UTF8 0x0800

/** The .npy header (magic to newline) for one array into buf; its length. */
static size_t npy_header(const hodu_tensor_info *info, char *buf, size_t cap) {
  const char *order = sa_dtype_size(info->dtype) == 1 ? "|" : sa_little_endian() ? "<" : ">";
  const char *code = sa_npy_code(info->dtype);
  char shape[SA_MAX_RANK * 22 + 8];
  size_t n = (size_t)snprintf(shape, sizeof shape, "(");
  for (int i = 0; i < info->rank && n < sizeof shape; i++) n += (size_t)snprintf(shape + n, sizeof shape - n, i ? ", %lld" : "%lld", (long long)info->shape[i]);
  if (n < sizeof shape) snprintf(shape + n, sizeof shape - n, info->rank == 1 ? ",)" : ")");
  size_t dict = (size_t)snprintf(buf + 10, cap - 10, "{'descr': '%s%s', 'fortran_order': False, 'shape': %s, }", order, code, shape);
  size_t total = 10 + dict + 1;
  size_t padded = (total + NPY_ALIGN - 1) / NPY_ALIGN * NPY_ALIGN;
  memcpy(buf, "\x93NUMPY\x01\x00", 8);
  size_t header_len = padded - 10;
  buf[8] = (char)(header_len & 0xff);
  buf[9] = (char)(header_len >> 8);
  memset(buf + 10 + dict, ' ', padded - total);
  buf[padded - 1] = '\n';
  return padded;
}

static void put16(uint8_t *p, unsigned v) {
  p[0] = (uint8_t)v;
  p[1] = (uint8_t)(v >> 8);
}
static void put32(uint8_t *p, uint32_t v) {
  put16(p, v & 0xffff);
  put16(p + 2, v >> 16);
}

typedef struct {
  uint32_t crc, size, offset;
} placed;

static int write_all(FILE *f, const void *data, size_t n) { return n == 0 || fwrite(data, 1, n, f) == n; }

static int write_archive(FILE *f, const char *path, const sa_array *arrays, size_t count, placed *at, char *err) {
  uint64_t offset = 0;
  for (size_t i = 0; i < count; i++) {
    char header[1024];
    size_t hlen = npy_header(arrays[i].info, header, sizeof header);
    size_t name_len = strlen(arrays[i].name) + 4;
    uint64_t size = hlen + arrays[i].info->bytes;
    if (offset + 30 + name_len + size >= U32_LIMIT) return sa_fail(err, "%s: the outputs pass 4 GiB, which needs zip64 records this executable does not write", path);
    uint32_t crc = sa_crc32(sa_crc32(0, (const uint8_t *)header, hlen), arrays[i].data, (size_t)arrays[i].info->bytes);
    at[i] = (placed){crc, (uint32_t)size, (uint32_t)offset};
    uint8_t local[30] = {0};
    put32(local, 0x04034b50u);
    put16(local + 4, 20);
    put16(local + 6, FLAG_UTF8);
    put16(local + 12, DOS_DATE);
    put32(local + 14, crc);
    put32(local + 18, (uint32_t)size);
    put32(local + 22, (uint32_t)size);
    put16(local + 26, (unsigned)name_len);
    if (!write_all(f, local, 30) || !write_all(f, arrays[i].name, name_len - 4) || !write_all(f, ".npy", 4) || !write_all(f, header, hlen) ||
        !write_all(f, arrays[i].data, (size_t)arrays[i].info->bytes)) {
      return sa_fail(err, "%s: write failed: %s", path, strerror(errno));
    }
    offset += 30 + name_len + size;
  }
  uint64_t dir_start = offset;
  for (size_t i = 0; i < count; i++) {
    size_t name_len = strlen(arrays[i].name) + 4;
    uint8_t central[46] = {0};
    put32(central, 0x02014b50u);
    put16(central + 4, 20);
    put16(central + 6, 20);
    put16(central + 8, FLAG_UTF8);
    put16(central + 14, DOS_DATE);
    put32(central + 16, at[i].crc);
    put32(central + 20, at[i].size);
    put32(central + 24, at[i].size);
    put16(central + 28, (unsigned)name_len);
    put32(central + 42, at[i].offset);
    if (!write_all(f, central, 46) || !write_all(f, arrays[i].name, name_len - 4) || !write_all(f, ".npy", 4)) {
      return sa_fail(err, "%s: write failed: %s", path, strerror(errno));
    }
    offset += 46 + name_len;
  }
  if (offset >= U32_LIMIT) return sa_fail(err, "%s: the outputs pass 4 GiB, which needs zip64 records this executable does not write", path);
  uint8_t end[22] = {0};
  put32(end, 0x06054b50u);
  put16(end + 8, (unsigned)count);
  put16(end + 10, (unsigned)count);
  put32(end + 12, (uint32_t)(offset - dir_start));
  put32(end + 16, (uint32_t)dir_start);
  if (!write_all(f, end, 22)) return sa_fail(err, "%s: write failed: %s", path, strerror(errno));
  return 0;
}

int sa_npz_write(const char *path, const sa_array *arrays, size_t count, char *err) {
  if (count >= 0xffff) return sa_fail(err, "%s: %zu outputs need zip64 records, which this executable does not write", path, count);
  for (size_t i = 0; i < count; i++)
    if (strlen(arrays[i].name) > 0xffff - 4) return sa_fail(err, "%s: output name '%.40s...' is too long for a zip entry", path, arrays[i].name);
  size_t tmp_cap = strlen(path) + 32;
  char *tmp = malloc(tmp_cap);
  placed *at = malloc((count ? count : 1) * sizeof *at);
  if (!tmp || !at) {
    free(tmp);
    free(at);
    return sa_fail(err, "out of memory");
  }
  /* "x" (C11): fail rather than reuse an existing file, and try another name. */
  FILE *f = NULL;
  unsigned long seed = (unsigned long)time(NULL) ^ ((unsigned long)clock() << 16) ^ (unsigned long)(uintptr_t)tmp;
  for (int attempt = 0; attempt < 100 && !f; attempt++) {
    snprintf(tmp, tmp_cap, "%s.tmp-%08lx", path, (seed + (unsigned long)attempt * 2654435761ul) & 0xfffffffful);
    f = fopen(tmp, "wbx");
  }
  int rc;
  if (!f) {
    rc = sa_fail(err, "%s: cannot create a temporary file beside it: %s", path, strerror(errno));
  } else {
    rc = write_archive(f, path, arrays, count, at, err);
    if (fclose(f) != 0 && rc == 0) rc = sa_fail(err, "%s: write failed: %s", path, strerror(errno));
    if (rc == 0 && rename(tmp, path) != 0) rc = sa_fail(err, "%s: cannot rename the temporary file over it: %s", path, strerror(errno));
    if (rc != 0) remove(tmp);
  }
  free(tmp);
  free(at);
  return rc;
}
