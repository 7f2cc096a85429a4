/*
 * zip-read.c: the entries of an .npz (a zip archive) from its central directory, with zip64 sizes; stored
 * and deflated entries, CRC-32 checked. Every offset and size is checked against the archive before it is
 * read; encrypted entries and other compression methods are refused.
 */
#include <stdlib.h>
#include <string.h>

#include "standalone.h"

#define SIG_EOCD 0x06054b50u
#define SIG_ZIP64_LOCATOR 0x07064b50u
#define SIG_ZIP64_EOCD 0x06064b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_LOCAL 0x04034b50u
#define EOCD_SIZE 22u
#define CENTRAL_SIZE 46u
#define LOCAL_SIZE 30u
/* Deflate cannot expand beyond ~1032:1: a larger declared size is a lie (or a bomb). */
#define MAX_DEFLATE_RATIO 1032u
/* An input archive holds one entry per model input: far more is not an .npz of inputs (and would make the
 * duplicate-name check slow). */
#define MAX_ENTRIES 10000u

static uint16_t u16(const uint8_t *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t u32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }
static uint64_t u64(const uint8_t *p) { return (uint64_t)u32(p) | (uint64_t)u32(p + 4) << 32; }

/** [off, off + len) lies inside an archive of `size` bytes (no overflow). */
static int inside(uint64_t off, uint64_t len, size_t size) { return off <= size && len <= size - off; }

/** Reads the zip64 extra field (id 1): only the fields saturated in the central record are present. */
static int apply_zip64(const uint8_t *extra, size_t len, uint64_t *size, uint64_t *csize, uint64_t *offset, char *err) {
  int want_size = *size == 0xffffffffu, want_csize = *csize == 0xffffffffu, want_offset = *offset == 0xffffffffu;
  if (!want_size && !want_csize && !want_offset) return 0;
  for (size_t p = 0; p + 4 <= len;) {
    uint16_t id = u16(extra + p), n = u16(extra + p + 2);
    if (n > len - p - 4) break;
    if (id == 1) {
      size_t q = p + 4, end = p + 4 + n;
      uint64_t *fields[3] = {want_size ? size : NULL, want_csize ? csize : NULL, want_offset ? offset : NULL};
      for (int k = 0; k < 3; k++) {
        if (!fields[k]) continue;
        if (q + 8 > end) return sa_fail(err, "zip64 extra field is too short");
        *fields[k] = u64(extra + q);
        q += 8;
      }
      return 0;
    }
    p += 4 + (size_t)n;
  }
  return sa_fail(err, "zip64 sizes announced but the zip64 extra field is missing");
}

static int find_directory(const uint8_t *b, size_t size, uint64_t *count, uint64_t *offset, uint64_t *dir_size, char *err) {
  if (size < EOCD_SIZE) return sa_fail(err, "%zu bytes is too short for a zip archive", size);
  /* The end record sits before a comment of at most 65535 bytes: scan backwards for its signature. */
  size_t eocd = SIZE_MAX;
  size_t lowest = size - EOCD_SIZE > 0xffff ? size - EOCD_SIZE - 0xffff : 0;
  for (size_t off = size - EOCD_SIZE + 1; off-- > lowest;) {
    if (u32(b + off) == SIG_EOCD && off + EOCD_SIZE + u16(b + off + 20) <= size) {
      eocd = off;
      break;
    }
  }
  if (eocd == SIZE_MAX) return sa_fail(err, "no end-of-central-directory record (not a zip archive, or truncated)");
  if (u16(b + eocd + 4) != 0 || u16(b + eocd + 6) != 0) return sa_fail(err, "multi-disk archives are not supported");
  *count = u16(b + eocd + 10);
  *dir_size = u32(b + eocd + 12);
  *offset = u32(b + eocd + 16);
  if (*count == 0xffff || *dir_size == 0xffffffffu || *offset == 0xffffffffu) {
    if (eocd < 20 || u32(b + eocd - 20) != SIG_ZIP64_LOCATOR) return sa_fail(err, "zip64 sizes announced but no zip64 locator found");
    uint64_t rec = u64(b + eocd - 20 + 8);
    if (!inside(rec, 56, size) || u32(b + rec) != SIG_ZIP64_EOCD) return sa_fail(err, "bad zip64 end record");
    *count = u64(b + rec + 32);
    *dir_size = u64(b + rec + 40);
    *offset = u64(b + rec + 48);
  }
  if (!inside(*offset, *dir_size, size)) return sa_fail(err, "the central directory lies outside the %zu-byte archive", size);
  if (*count > *dir_size / CENTRAL_SIZE) return sa_fail(err, "%llu entries cannot fit in a %llu-byte central directory", (unsigned long long)*count, (unsigned long long)*dir_size);
  return 0;
}

int sa_zip_open(const uint8_t *b, size_t size, sa_zip *zip, char *err) {
  memset(zip, 0, sizeof *zip);
  uint64_t count = 0, offset = 0, dir_size = 0;
  if (find_directory(b, size, &count, &offset, &dir_size, err) != 0) return -1;
  if (count > MAX_ENTRIES) return sa_fail(err, "%llu entries is more than the %u an input archive may hold", (unsigned long long)count, MAX_ENTRIES);
  zip->entries = calloc(count ? (size_t)count : 1, sizeof *zip->entries);
  if (!zip->entries) return sa_fail(err, "out of memory listing %llu zip entries", (unsigned long long)count);
  size_t p = (size_t)offset, end = (size_t)(offset + dir_size);
  for (uint64_t i = 0; i < count; i++) {
    if (end - p < CENTRAL_SIZE || u32(b + p) != SIG_CENTRAL) return sa_fail(err, "bad central directory record for entry %llu", (unsigned long long)i);
    uint16_t flags = u16(b + p + 8), method = u16(b + p + 10);
    size_t name_len = u16(b + p + 28), extra_len = u16(b + p + 30), comment_len = u16(b + p + 32);
    if (end - p - CENTRAL_SIZE < name_len + extra_len + comment_len) return sa_fail(err, "the central directory ends inside entry %llu", (unsigned long long)i);
    sa_zip_entry *e = &zip->entries[zip->count];
    e->name = malloc(name_len + 1);
    if (!e->name) return sa_fail(err, "out of memory");
    memcpy(e->name, b + p + CENTRAL_SIZE, name_len);
    e->name[name_len] = '\0';
    zip->count++;
    if (strlen(e->name) != name_len) return sa_fail(err, "entry %llu has a NUL in its name", (unsigned long long)i);
    e->method = method;
    e->crc = u32(b + p + 16);
    e->compressed = u32(b + p + 20);
    e->size = u32(b + p + 24);
    uint64_t local = u32(b + p + 42);
    if (apply_zip64(b + p + CENTRAL_SIZE + name_len, extra_len, &e->size, &e->compressed, &local, err) != 0) return -1;
    p += CENTRAL_SIZE + name_len + extra_len + comment_len;
    for (size_t k = 0; k + 1 < zip->count; k++)
      if (strcmp(zip->entries[k].name, e->name) == 0) return sa_fail(err, "duplicate entry '%s'", e->name);
    if (flags & 1u) return sa_fail(err, "entry '%s' is encrypted (decrypt the archive first)", e->name);
    if (method != 0 && method != 8) return sa_fail(err, "entry '%s' uses compression method %u (only stored and deflated entries are read)", e->name, method);
    if (method == 0 && e->size != e->compressed) return sa_fail(err, "stored entry '%s' has size %llu but compressed size %llu", e->name, (unsigned long long)e->size, (unsigned long long)e->compressed);
    if (method == 8 && e->size / MAX_DEFLATE_RATIO > e->compressed + 1) {
      return sa_fail(err, "entry '%s' claims %llu bytes from %llu deflated bytes, beyond what deflate can produce", e->name, (unsigned long long)e->size, (unsigned long long)e->compressed);
    }
    if (!inside(local, LOCAL_SIZE, size) || u32(b + local) != SIG_LOCAL) return sa_fail(err, "bad local header for entry '%s'", e->name);
    e->data_offset = local + LOCAL_SIZE + u16(b + local + 26) + u16(b + local + 28);
    if (!inside(e->data_offset, e->compressed, size)) return sa_fail(err, "the data of entry '%s' lies outside the %zu-byte archive", e->name, size);
  }
  return 0;
}

int sa_zip_extract(const uint8_t *b, const sa_zip_entry *e, const uint8_t **data, uint8_t **owned, char *err) {
  *data = NULL;
  *owned = NULL;
  const uint8_t *raw = b + e->data_offset;
  uint8_t *inflated = NULL;
  if (e->method == 8) {
    if (e->size > SIZE_MAX - 1) return sa_fail(err, "entry of %llu bytes is too large for this machine", (unsigned long long)e->size);
    inflated = malloc(e->size ? (size_t)e->size : 1);
    if (!inflated) return sa_fail(err, "out of memory for %llu bytes", (unsigned long long)e->size);
    if (sa_inflate(raw, (size_t)e->compressed, inflated, (size_t)e->size, err) != 0) {
      free(inflated);
      return -1;
    }
  }
  const uint8_t *bytes = inflated ? inflated : raw; /* stored: used in place, no copy */
  uint32_t crc = sa_crc32(0, bytes, (size_t)e->size);
  if (crc != e->crc) {
    free(inflated);
    return sa_fail(err, "CRC-32 mismatch: computed %08lx, the archive says %08lx (the archive is corrupt)", (unsigned long)crc, (unsigned long)e->crc);
  }
  *data = bytes;
  *owned = inflated;
  return 0;
}

void sa_zip_close(sa_zip *zip) {
  for (size_t i = 0; i < zip->count; i++) free(zip->entries[i].name);
  free(zip->entries);
  memset(zip, 0, sizeof *zip);
}
