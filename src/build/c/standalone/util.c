/* util.c: error formatting and whole-file reading for the standalone executable. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "standalone.h"

int sa_fail(char *err, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, SA_ERR_CAP, fmt, ap);
  va_end(ap);
  return -1;
}

int sa_read_file(const char *path, uint8_t **data, size_t *size, char *err) {
  *data = NULL;
  *size = 0;
  FILE *f = fopen(path, "rb");
  if (!f) return sa_fail(err, "cannot open %s: %s", path, strerror(errno));
  /* Grow as needed rather than trusting a seek to the end: pipes and special files have no size. */
  size_t cap = 1 << 16, n = 0;
  uint8_t *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    uint8_t *bigger = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
    if (!bigger) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = bigger;
    cap *= 2;
  }
  int failed = !buf || ferror(f);
  int saved = errno;
  fclose(f);
  if (!buf) return sa_fail(err, "out of memory reading %s", path);
  if (failed) {
    free(buf);
    return sa_fail(err, "cannot read %s: %s", path, strerror(saved));
  }
  *data = buf;
  *size = n;
  return 0;
}
