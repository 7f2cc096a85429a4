/*
 * inflate.c: raw deflate decoding (RFC 1951: stored, fixed-Huffman and dynamic-Huffman blocks) for the
 * deflated entries of np.savez_compressed archives. The whole output size is known from the zip directory,
 * so the stream is decoded into one buffer of exactly that size and every write and back-reference is
 * checked against it. Codes up to FAST_BITS long are decoded with one table lookup; longer ones bit by bit
 * over the canonical code (as zlib's puff does), which keeps table building cheap for each dynamic block.
 */
#include <string.h>

#include "standalone.h"

#define MAX_BITS 15
#define FAST_BITS 10
#define MAX_LCODES 286
#define MAX_DCODES 30

typedef struct {
  const uint8_t *in;
  size_t in_size, pos;
  uint64_t bitbuf;
  unsigned bitcnt;
  int truncated; /* a read went past the end of the input */
  uint8_t *out;
  size_t out_size, out_pos;
  const char *why; /* the first error */
} state;

typedef struct {
  uint16_t count[MAX_BITS + 1]; /* number of codes of each length */
  uint16_t symbol[288];         /* symbols ordered by code */
  uint16_t fast[1 << FAST_BITS]; /* (symbol << 4) | length for codes of <= FAST_BITS bits; 0: look further */
} huffman;

static void refill(state *s) {
  while (s->bitcnt <= 56 && s->pos < s->in_size) {
    s->bitbuf |= (uint64_t)s->in[s->pos++] << s->bitcnt;
    s->bitcnt += 8;
  }
}

/** n (<= 16) bits, least significant first; 0 and s->truncated set past the end of the input. */
static uint32_t bits(state *s, unsigned n) {
  if (s->bitcnt < n) refill(s);
  if (s->bitcnt < n) {
    s->truncated = 1;
    return 0;
  }
  uint32_t v = (uint32_t)(s->bitbuf & ((1u << n) - 1));
  s->bitbuf >>= n;
  s->bitcnt -= n;
  return v;
}

/**
 * Builds the decoding tables from code lengths. Returns 0 for a complete code, > 0 for an incomplete one,
 * < 0 for an over-subscribed one (which cannot be decoded).
 */
static int construct(huffman *h, const uint16_t *length, int n) {
  memset(h->count, 0, sizeof h->count);
  for (int sym = 0; sym < n; sym++) h->count[length[sym]]++;
  memset(h->fast, 0, sizeof h->fast);
  if (h->count[0] == n) return 0; /* no codes: complete, but nothing decodes */
  int left = 1;
  for (int len = 1; len <= MAX_BITS; len++) {
    left <<= 1;
    left -= h->count[len];
    if (left < 0) return left;
  }
  uint16_t offs[MAX_BITS + 1];
  offs[1] = 0;
  for (int len = 1; len < MAX_BITS; len++) offs[len + 1] = (uint16_t)(offs[len] + h->count[len]);
  for (int sym = 0; sym < n; sym++)
    if (length[sym] != 0) h->symbol[offs[length[sym]]++] = (uint16_t)sym;
  /* Canonical codes are sent most significant bit first: the table is indexed by the reversed code. */
  unsigned code = 0, index = 0;
  for (unsigned len = 1; len <= FAST_BITS; len++) {
    for (unsigned k = 0; k < h->count[len]; k++) {
      unsigned c = code + k, rev = 0;
      for (unsigned b = 0; b < len; b++) rev |= ((c >> b) & 1u) << (len - 1 - b);
      for (unsigned j = rev; j < (1u << FAST_BITS); j += 1u << len) h->fast[j] = (uint16_t)((h->symbol[index + k] << 4) | len);
    }
    index += h->count[len];
    code = (code + h->count[len]) << 1;
  }
  return left;
}

/** The next symbol, or -1 (s->why says why). */
static int decode(state *s, const huffman *h) {
  if (s->bitcnt < MAX_BITS) refill(s);
  uint16_t e = h->fast[s->bitbuf & ((1u << FAST_BITS) - 1)];
  if (e) {
    unsigned len = e & 15u;
    if (len > s->bitcnt) {
      s->why = "the stream ends inside a code";
      return -1;
    }
    s->bitbuf >>= len;
    s->bitcnt -= len;
    return e >> 4;
  }
  int code = 0, first = 0, index = 0;
  for (int len = 1; len <= MAX_BITS; len++) {
    if (s->bitcnt == 0) {
      s->why = "the stream ends inside a code";
      return -1;
    }
    code |= (int)(s->bitbuf & 1u);
    s->bitbuf >>= 1;
    s->bitcnt--;
    int count = h->count[len];
    if (code - count < first) return h->symbol[index + (code - first)];
    index += count;
    first = (first + count) << 1;
    code <<= 1;
  }
  s->why = "an invalid Huffman code";
  return -1;
}

static const uint16_t LEN_BASE[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                      35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
static const uint8_t LEN_EXTRA[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
static const uint16_t DIST_BASE[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193,
                                       257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
static const uint8_t DIST_EXTRA[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

/** Decodes literals and length/distance pairs until the end-of-block code. */
static int codes(state *s, const huffman *lencode, const huffman *distcode) {
  for (;;) {
    int sym = decode(s, lencode);
    if (sym < 0) return -1;
    if (sym < 256) {
      if (s->out_pos >= s->out_size) return s->why = "it holds more data than the archive declares", -1;
      s->out[s->out_pos++] = (uint8_t)sym;
      continue;
    }
    if (sym == 256) return 0;
    sym -= 257;
    if (sym >= 29) return s->why = "an invalid length code", -1;
    size_t len = LEN_BASE[sym] + bits(s, LEN_EXTRA[sym]);
    int dsym = decode(s, distcode);
    if (dsym < 0) return -1;
    if (dsym >= MAX_DCODES) return s->why = "an invalid distance code", -1;
    size_t dist = DIST_BASE[dsym] + bits(s, DIST_EXTRA[dsym]);
    if (s->truncated) return s->why = "the stream ends inside a block", -1;
    if (dist > s->out_pos) return s->why = "a distance too far back", -1;
    if (len > s->out_size - s->out_pos) return s->why = "it holds more data than the archive declares", -1;
    uint8_t *o = s->out + s->out_pos;
    for (size_t i = 0; i < len; i++) o[i] = o[(ptrdiff_t)i - (ptrdiff_t)dist]; /* overlapping copies repeat */
    s->out_pos += len;
  }
}

static int stored(state *s) {
  /* Skip to a byte boundary, then give the whole bytes still in the bit buffer back to the input. */
  s->bitbuf >>= s->bitcnt & 7u;
  s->bitcnt -= s->bitcnt & 7u;
  s->pos -= s->bitcnt / 8;
  s->bitbuf = 0;
  s->bitcnt = 0;
  if (s->in_size - s->pos < 4) return s->why = "the stream ends inside a stored block header", -1;
  unsigned len = s->in[s->pos] | (unsigned)s->in[s->pos + 1] << 8;
  unsigned nlen = s->in[s->pos + 2] | (unsigned)s->in[s->pos + 3] << 8;
  s->pos += 4;
  if (len != (~nlen & 0xffffu)) return s->why = "a stored block length does not match its complement", -1;
  if (len > s->in_size - s->pos) return s->why = "the stream ends inside a stored block", -1;
  if (len > s->out_size - s->out_pos) return s->why = "it holds more data than the archive declares", -1;
  memcpy(s->out + s->out_pos, s->in + s->pos, len);
  s->pos += len;
  s->out_pos += len;
  return 0;
}

static int fixed(state *s) {
  static huffman lencode, distcode;
  static int ready;
  if (!ready) {
    uint16_t lengths[288];
    int sym = 0;
    for (; sym < 144; sym++) lengths[sym] = 8;
    for (; sym < 256; sym++) lengths[sym] = 9;
    for (; sym < 280; sym++) lengths[sym] = 7;
    for (; sym < 288; sym++) lengths[sym] = 8;
    construct(&lencode, lengths, 288);
    for (sym = 0; sym < MAX_DCODES; sym++) lengths[sym] = 5;
    construct(&distcode, lengths, MAX_DCODES);
    ready = 1;
  }
  return codes(s, &lencode, &distcode);
}

static int dynamic(state *s) {
  static const uint8_t ORDER[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  uint16_t lengths[MAX_LCODES + MAX_DCODES];
  huffman lencode, distcode;
  int nlen = (int)bits(s, 5) + 257, ndist = (int)bits(s, 5) + 1, ncode = (int)bits(s, 4) + 4;
  if (s->truncated) return s->why = "the stream ends inside a block header", -1;
  if (nlen > MAX_LCODES || ndist > MAX_DCODES) return s->why = "a block header with too many codes", -1;
  memset(lengths, 0, sizeof lengths);
  for (int i = 0; i < ncode; i++) lengths[ORDER[i]] = (uint16_t)bits(s, 3);
  if (s->truncated) return s->why = "the stream ends inside a block header", -1;
  if (construct(&lencode, lengths, 19) != 0) return s->why = "an incomplete code-length code", -1;
  int index = 0;
  while (index < nlen + ndist) {
    int sym = decode(s, &lencode);
    if (sym < 0) return -1;
    if (sym < 16) {
      lengths[index++] = (uint16_t)sym;
      continue;
    }
    uint16_t len = 0;
    int repeat;
    if (sym == 16) {
      if (index == 0) return s->why = "a repeated length with no previous length", -1;
      len = lengths[index - 1];
      repeat = 3 + (int)bits(s, 2);
    } else if (sym == 17) {
      repeat = 3 + (int)bits(s, 3);
    } else {
      repeat = 11 + (int)bits(s, 7);
    }
    if (s->truncated) return s->why = "the stream ends inside a block header", -1;
    if (index + repeat > nlen + ndist) return s->why = "code lengths that run past the header's count", -1;
    while (repeat--) lengths[index++] = len;
  }
  if (lengths[256] == 0) return s->why = "a block without an end-of-block code", -1;
  /* An incomplete code is allowed only when it is a single code of one bit (RFC 1951 3.2.7, as zlib). */
  int err = construct(&lencode, lengths, nlen);
  if (err < 0 || (err > 0 && nlen - lencode.count[0] != 1)) return s->why = "an invalid literal/length code", -1;
  err = construct(&distcode, lengths + nlen, ndist);
  if (err < 0 || (err > 0 && ndist - distcode.count[0] != 1)) return s->why = "an invalid distance code set", -1;
  return codes(s, &lencode, &distcode);
}

int sa_inflate(const uint8_t *in, size_t in_size, uint8_t *out, size_t out_size, char *err) {
  state s;
  memset(&s, 0, sizeof s);
  s.in = in;
  s.in_size = in_size;
  s.out = out;
  s.out_size = out_size;
  unsigned last;
  do {
    last = bits(&s, 1);
    unsigned type = bits(&s, 2);
    int rc;
    if (s.truncated) {
      s.why = "the stream ends before its last block";
      rc = -1;
    } else if (type == 0) {
      rc = stored(&s);
    } else if (type == 1) {
      rc = fixed(&s);
    } else if (type == 2) {
      rc = dynamic(&s);
    } else {
      s.why = "an invalid block type (3)";
      rc = -1;
    }
    if (rc != 0) return sa_fail(err, "deflate stream is corrupt: %s (after %zu of %zu bytes)", s.why ? s.why : "truncated", s.out_pos, out_size);
  } while (!last);
  if (s.out_pos != out_size) return sa_fail(err, "deflate stream ends after %zu bytes, the archive declares %zu", s.out_pos, out_size);
  return 0;
}
