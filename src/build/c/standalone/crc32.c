/* crc32.c: CRC-32 (polynomial 0xEDB88320, as zip and zlib use), a byte table built on first use. */
#include "standalone.h"

static uint32_t table[256];
static int table_ready;

static void build_table(void) {
  for (uint32_t n = 0; n < 256; n++) {
    uint32_t c = n;
    for (int k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  table_ready = 1;
}

uint32_t sa_crc32(uint32_t crc, const uint8_t *data, size_t n) {
  if (!table_ready) build_table(); /* the executable is single-threaded where it checksums */
  crc = ~crc;
  for (size_t i = 0; i < n; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}
