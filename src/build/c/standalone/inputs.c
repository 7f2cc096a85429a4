/*
 * inputs.c: from the command line's INPUT arguments to one buffer per model input.
 *   FILE.npz      entries `NAME.npy` feed the inputs of that name (as numpy.savez names them)
 *   NAME=FILE.npy feeds input NAME
 *   FILE.npy      positional: feeds the first input not fed by name, in the model's input order
 * Files are told apart by their magic bytes, not their extension. Every input must be fed exactly once, with
 * the dtype and shape of its descriptor; the messages name the input, what was expected, what was found,
 * and the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "standalone.h"

typedef struct {
  const char *file;          /* as given on the command line */
  const uint8_t *npz;        /* the archive holding it, or NULL for a .npy file */
  const sa_zip_entry *entry; /* its entry in the archive */
  const uint8_t *bytes;      /* a positional .npy, already read */
  size_t size;
} source;

typedef struct {
  sa_inputs *in;
  int32_t count;
  source *slots;     /* per model input; file NULL when not fed yet */
  sa_zip *zips;      /* every archive read, closed at the end */
  int zip_count;
  source *positional;
  int positional_count;
  char *err;
} resolver;

static int keep(sa_inputs *in, void *p, char *err) {
  if (in->owned_count == in->owned_cap) {
    size_t cap = in->owned_cap ? in->owned_cap * 2 : 16;
    void **bigger = realloc(in->owned, cap * sizeof *bigger);
    if (!bigger) {
      free(p);
      return sa_fail(err, "out of memory");
    }
    in->owned = bigger;
    in->owned_cap = cap;
  }
  in->owned[in->owned_count++] = p;
  return 0;
}

static int input_index(int32_t count, const char *name, size_t len) {
  for (int32_t i = 0; i < count; i++) {
    const char *n = hodu_model_input(i)->name;
    if (strlen(n) == len && memcmp(n, name, len) == 0) return i;
  }
  return -1;
}

/** "a float32 [2,3], b float32 [3]": what the model takes, for messages. */
static const char *inputs_text(char *buf, size_t cap) {
  size_t n = 0;
  buf[0] = '\0';
  for (int32_t i = 0; i < hodu_model_input_count() && n < cap; i++) {
    const hodu_tensor_info *t = hodu_model_input(i);
    char shape[256];
    n += (size_t)snprintf(buf + n, cap - n, "%s%s %s%s", i ? ", " : "", t->name, t->dtype_name, sa_shape_text(t->shape, t->rank, shape, sizeof shape));
  }
  return hodu_model_input_count() ? buf : "none";
}

static int unknown_name(resolver *r, const char *name, size_t len, const char *where) {
  char list[512];
  return sa_fail(r->err, "'%.*s' (%s) is not an input of this model; its inputs: %s", (int)len, name, where, inputs_text(list, sizeof list));
}

static int feed(resolver *r, int i, source s) {
  if (r->slots[i].file) {
    const source *o = &r->slots[i];
    return sa_fail(r->err, "input '%s' is given twice: by %s%s%s and by %s%s%s", hodu_model_input(i)->name, o->file, o->entry ? " entry " : "", o->entry ? o->entry->name : "",
                   s.file, s.entry ? " entry " : "", s.entry ? s.entry->name : "");
  }
  r->slots[i] = s;
  return 0;
}

static int add_npz(resolver *r, const char *file, const uint8_t *bytes, size_t size) {
  char inner[SA_ERR_CAP];
  sa_zip *zip = &r->zips[r->zip_count];
  if (sa_zip_open(bytes, size, zip, inner) != 0) {
    sa_zip_close(zip);
    return sa_fail(r->err, "%s: %s", file, inner);
  }
  r->zip_count++;
  for (size_t k = 0; k < zip->count; k++) {
    const char *name = zip->entries[k].name;
    size_t len = strlen(name);
    if (len < 4 || strcmp(name + len - 4, ".npy") != 0) return sa_fail(r->err, "%s: entry '%s' is not a .npy array (was this archive made by numpy.savez?)", file, name);
    int i = input_index(r->count, name, len - 4);
    char where[SA_ERR_CAP];
    snprintf(where, sizeof where, "entry '%s' of %s", name, file);
    if (i < 0) return unknown_name(r, name, len - 4, where);
    if (feed(r, i, (source){file, bytes, &zip->entries[k], NULL, 0}) != 0) return -1;
  }
  return 0;
}

/** Sorts one INPUT argument: named, an archive (read now, to know its entries), or positional. */
static int add_spec(resolver *r, const char *spec) {
  const char *eq = strchr(spec, '=');
  if (eq && eq > spec) {
    int i = input_index(r->count, spec, (size_t)(eq - spec));
    if (i >= 0) return feed(r, i, (source){eq + 1, NULL, NULL, NULL, 0});
    FILE *probe = fopen(spec, "rb"); /* a file whose name holds '=' */
    if (!probe) return unknown_name(r, spec, (size_t)(eq - spec), spec);
    fclose(probe);
  }
  uint8_t *bytes;
  size_t size;
  if (sa_read_file(spec, &bytes, &size, r->err) != 0 || keep(r->in, bytes, r->err) != 0) return -1;
  if (size >= 2 && bytes[0] == 'P' && bytes[1] == 'K') return add_npz(r, spec, bytes, size);
  r->positional[r->positional_count++] = (source){spec, NULL, NULL, bytes, size};
  return 0;
}

/** Reads and checks the .npy of input i, and points the input's buffer at its data. */
static int load_slot(resolver *r, int32_t i) {
  const hodu_tensor_info *t = hodu_model_input(i);
  const source *s = &r->slots[i];
  char where[SA_ERR_CAP], inner[SA_ERR_CAP];
  if (s->entry) snprintf(where, sizeof where, "%s entry '%s'", s->file, s->entry->name);
  else snprintf(where, sizeof where, "%s", s->file);
  const uint8_t *bytes = s->bytes; /* positional files were read while sorting the arguments */
  size_t size = s->size;
  uint8_t *owned = NULL;
  if (s->entry) {
    if (sa_zip_extract(s->npz, s->entry, &bytes, &owned, inner) != 0) return sa_fail(r->err, "input '%s' (%s): %s", t->name, where, inner);
    size = (size_t)s->entry->size;
  } else if (!bytes) {
    if (sa_read_file(s->file, &owned, &size, inner) != 0) return sa_fail(r->err, "input '%s': %s", t->name, inner);
    bytes = owned;
  }
  if (owned && keep(r->in, owned, r->err) != 0) return -1;
  sa_npy npy;
  if (sa_npy_parse(bytes, size, &npy, inner) != 0) return sa_fail(r->err, "input '%s' (%s): %s", t->name, where, inner);
  int same = npy.dtype == t->dtype && npy.rank == t->rank;
  for (int d = 0; same && d < t->rank; d++) same = npy.shape[d] == t->shape[d];
  if (!same) {
    char want[256], got[256];
    return sa_fail(r->err, "input '%s': expected %s%s, got %s%s in %s", t->name, t->dtype_name, sa_shape_text(t->shape, t->rank, want, sizeof want),
                   sa_dtype_name(npy.dtype), sa_shape_text(npy.shape, npy.rank, got, sizeof got), where);
  }
  if (!npy.swap && npy.dtype != HODU_DTYPE_BOOL) {
    r->in->buffers[i] = npy.data; /* unaligned is fine: the API stages such buffers */
    return 0;
  }
  /* Big-endian data is byte-swapped; bool bytes become exactly 0/1 (numpy treats any non-zero as True). */
  uint8_t *copy = malloc(t->bytes ? (size_t)t->bytes : 1);
  if (!copy || keep(r->in, copy, r->err) != 0) return copy ? -1 : sa_fail(r->err, "out of memory");
  size_t w = npy.itemsize;
  for (uint64_t e = 0; e < npy.elements; e++)
    for (size_t k = 0; k < w; k++) copy[e * w + k] = npy.data[e * w + (npy.swap ? w - 1 - k : k)];
  if (npy.dtype == HODU_DTYPE_BOOL)
    for (uint64_t e = 0; e < npy.elements; e++) copy[e] = copy[e] != 0;
  r->in->buffers[i] = copy;
  return 0;
}

static int resolve(resolver *r, char *const *specs, int count) {
  for (int k = 0; k < count; k++)
    if (add_spec(r, specs[k]) != 0) return -1;
  int next = 0;
  for (int p = 0; p < r->positional_count; p++) {
    while (next < r->count && r->slots[next].file) next++;
    if (next == r->count) {
      char list[512];
      return sa_fail(r->err, "%s: no input is left for this file: the others already give every input (%s)", r->positional[p].file, inputs_text(list, sizeof list));
    }
    r->slots[next] = r->positional[p];
  }
  for (int32_t i = 0; i < r->count; i++) {
    if (r->slots[i].file) continue;
    const hodu_tensor_info *t = hodu_model_input(i);
    char shape[256];
    return sa_fail(r->err, "input '%s' (%s%s) is missing: give %s=FILE.npy, an .npz with an entry '%s.npy', or .npy files in input order (see --help)", t->name,
                   t->dtype_name, sa_shape_text(t->shape, t->rank, shape, sizeof shape), t->name, t->name);
  }
  for (int32_t i = 0; i < r->count; i++)
    if (load_slot(r, i) != 0) return -1;
  return 0;
}

int sa_load_inputs(char *const *specs, int count, sa_inputs *in, char *err) {
  memset(in, 0, sizeof *in);
  resolver r = {in, hodu_model_input_count(), NULL, NULL, 0, NULL, 0, err};
  size_t slots = r.count > 0 ? (size_t)r.count : 1, n = count > 0 ? (size_t)count : 1;
  in->buffers = calloc(slots, sizeof *in->buffers);
  r.slots = calloc(slots, sizeof *r.slots);
  r.zips = calloc(n, sizeof *r.zips);
  r.positional = calloc(n, sizeof *r.positional);
  int rc = in->buffers && r.slots && r.zips && r.positional ? resolve(&r, specs, count) : sa_fail(err, "out of memory");
  for (int z = 0; z < r.zip_count; z++) sa_zip_close(&r.zips[z]);
  free(r.slots);
  free(r.zips);
  free(r.positional);
  return rc;
}

void sa_free_inputs(sa_inputs *in) {
  for (size_t k = 0; k < in->owned_count; k++) free(in->owned[k]);
  free(in->owned);
  free(in->buffers);
  memset(in, 0, sizeof *in);
}
