/*
 * standalone.h: what the files of the standalone executable share (docs/build.md, `hodu build --standalone`).
 *
 * The executable is main.c + these helpers + a model behind hodu_model.h. It needs only libc and libm, so
 * it runs wherever its libc does. Every reader here works on bytes already in memory and checks each offset
 * and size against the buffer before touching it: a hostile or truncated file gives a message, never a crash.
 * Functions that can fail return 0 on success and -1 after writing why into `err` (capacity SA_ERR_CAP).
 */
#ifndef HODU_STANDALONE_H
#define HODU_STANDALONE_H

#include <stddef.h>
#include <stdint.h>

#include "hodu_model.h"

#define SA_ERR_CAP 1024

/* Exit codes (the usage text documents them). */
#define SA_EXIT_RUN 1   /* the model failed to load or run, or the outputs could not be written */
#define SA_EXIT_USAGE 2 /* bad options or inputs */

#if defined(__GNUC__)
#define SA_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define SA_PRINTF(f, a)
#endif

/** Formats into err (always NUL-terminated) and returns -1, so `return sa_fail(err, ...)` reads well. */
int sa_fail(char *err, const char *fmt, ...) SA_PRINTF(2, 3);

/* ---- files (util.c) ---- */
/** Reads a whole file (a pipe too); *data is malloc'd (free it). */
int sa_read_file(const char *path, uint8_t **data, size_t *size, char *err);

/* ---- inputs (inputs.c) ---- */
typedef struct sa_inputs {
  const void **buffers; /* per model input, hodu_model_input(i)->bytes bytes */
  void **owned;         /* memory to free: file contents, converted copies */
  size_t owned_count, owned_cap;
} sa_inputs;

/**
 * Resolves the command line's INPUT arguments (FILE.npz, NAME=FILE.npy, FILE.npy) to the model's inputs,
 * reads them and checks each against its descriptor (dtype and shape), naming the input and file on error.
 */
int sa_load_inputs(char *const *specs, int count, sa_inputs *in, char *err);
void sa_free_inputs(sa_inputs *in);

/* ---- CRC-32 (crc32.c): the zip / zlib polynomial ---- */
uint32_t sa_crc32(uint32_t crc, const uint8_t *data, size_t n);

/* ---- inflate (inflate.c): RFC 1951 raw deflate ---- */
/**
 * Inflates `in` into exactly `out_size` bytes at `out`. A stream that would write more, ends early, or is
 * malformed is refused with the reason.
 */
int sa_inflate(const uint8_t *in, size_t in_size, uint8_t *out, size_t out_size, char *err);

/* ---- zip reading (zip-read.c) ---- */
typedef struct sa_zip_entry {
  char *name;             /* NUL-terminated copy of the entry name */
  uint16_t method;        /* 0 stored, 8 deflated */
  uint32_t crc;
  uint64_t compressed;
  uint64_t size;
  uint64_t data_offset;   /* of the compressed bytes in the archive */
} sa_zip_entry;

typedef struct sa_zip {
  sa_zip_entry *entries;
  size_t count;
} sa_zip;

/** Lists the entries from the central directory, checking every offset and size against `size`. */
int sa_zip_open(const uint8_t *bytes, size_t size, sa_zip *zip, char *err);
/**
 * The uncompressed, CRC-checked bytes of one entry: a stored entry's are a view into `bytes` (*owned NULL),
 * a deflated entry's are malloc'd into *owned (free it).
 */
int sa_zip_extract(const uint8_t *bytes, const sa_zip_entry *e, const uint8_t **data, uint8_t **owned, char *err);
void sa_zip_close(sa_zip *zip);

/* ---- npy (npy-read.c, npy-write.c) ---- */
#define SA_MAX_RANK 32

typedef struct sa_npy {
  int32_t dtype;             /* HODU_DTYPE_* */
  uint32_t itemsize;
  int rank;
  int64_t shape[SA_MAX_RANK];
  uint64_t elements;
  const uint8_t *data;       /* into the file bytes; elements × itemsize bytes, file byte order */
  int swap;                  /* the file's byte order differs from this machine's */
} sa_npy;

/** Parses a .npy file (versions 1.0, 2.0, 3.0) and checks that its data is all there. */
int sa_npy_parse(const uint8_t *bytes, size_t size, sa_npy *npy, char *err);
/** The .npy descr of a HODU_DTYPE_* without its byte-order character ("f4", …; "" when unknown). */
const char *sa_npy_code(int32_t dtype);
/** Bytes per element of a HODU_DTYPE_* (0 when unknown). */
size_t sa_dtype_size(int32_t dtype);
/** "float32", … for a HODU_DTYPE_* ("?" when unknown). */
const char *sa_dtype_name(int32_t dtype);
/** "[2,3]" (or "[]" for a scalar) into buf. */
const char *sa_shape_text(const int64_t *shape, int rank, char *buf, size_t cap);
/** This machine stores multi-byte numbers least significant byte first. */
int sa_little_endian(void);

/** One output to write into the .npz. */
typedef struct sa_array {
  const char *name;              /* the graph's value name */
  const hodu_tensor_info *info;
  const void *data;              /* info->bytes bytes */
} sa_array;

/**
 * Writes the arrays as an .npz (stored entries `NAME.npy`, CRC-32, central directory) into a temporary file
 * beside `path`, then renames it over `path`.
 */
int sa_npz_write(const char *path, const sa_array *arrays, size_t count, char *err);

/* ---- outputs (summary.c) ---- */
/** One line per output to stderr: name, dtype, shape, and min/max/mean for float types. */
void sa_print_summary(const sa_array *arrays, size_t count);
/** A float16 / bfloat16 bit pattern as a float. */
float sa_half_to_float(uint16_t h);
float sa_bfloat16_to_float(uint16_t h);

#endif /* HODU_STANDALONE_H */
