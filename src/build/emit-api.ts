/**
 * The generated C of a built model around the backend: hodu_model.h (the API header with this model's
 * constants), hodu_model.c (descriptors, info JSON, create/run/destroy over the linked backend's
 * `hodu_plugin_descriptor()->backend` with the embedded manifest) and blob.S (the manifest, 64-byte aligned).
 */
import apiHeader from './c/hodu_model.h' with { type: 'text' };
import { ONNX_DTYPE_CODES, type DispatchManifest, type ManifestTensor } from '../sdk/manifest';
import { BUILT_MODEL_API_VERSION } from '../version';

/** What the info JSON and the header say about the build. */
export interface ApiInfo {
  hoduVersion: string;
  modelSha256: string;
  modelName: string;
  backend: string;
  backendVersion: string;
  target: string;
  optLevel: number;
  /** The artifact's default thread count (0: the backend's default, the machine's cores). */
  threads: number;
}

/** A C string literal of `s` (UTF-8 bytes; quotes, backslashes, `?` (trigraphs) and non-printables escaped). */
export function cString(s: string): string {
  let out = '"';
  for (const b of new TextEncoder().encode(s)) {
    if (b === 0x22 || b === 0x5c || b === 0x3f) out += `\\${String.fromCharCode(b)}`;
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${out}"`;
}

const MARKER = 'HODU_MODEL_SPECIFIC';

/** The API header with this model's constants after the HODU_MODEL_SPECIFIC line. */
export function modelHeader(m: DispatchManifest, info: ApiInfo): string {
  const lines = [
    `/* ${info.modelName.replace(/\*\//g, '* /')}: built by hodu ${info.hoduVersion} for ${info.target}, backend ${info.backend} ${info.backendVersion}, -O${info.optLevel}. */`,
    `#define HODU_MODEL_INPUT_COUNT ${m.inputs.length}`,
    `#define HODU_MODEL_OUTPUT_COUNT ${m.outputs.length}`,
    `#define HODU_MODEL_DEFAULT_THREADS ${info.threads}`,
  ];
  const describe = (kind: 'INPUT' | 'OUTPUT', ids: number[]) => ids.forEach((id, i) => {
    const t = m.tensors[id]!;
    lines.push(`/* ${kind.toLowerCase()} ${i}: ${t.name.replace(/\*\//g, '* /').replace(/[\r\n]/g, ' ')} ${t.dtype}[${t.dims.join(', ')}] */`);
    lines.push(`#define HODU_MODEL_${kind}_${i}_BYTES ${t.byteSize}`, `#define HODU_MODEL_${kind}_${i}_DTYPE ${ONNX_DTYPE_CODES[t.dtype]}`);
  });
  describe('INPUT', m.inputs);
  describe('OUTPUT', m.outputs);
  const text = apiHeader as string;
  const at = text.lastIndexOf(`/* ${MARKER}`);
  if (at < 0) throw new Error(`src/build/c/hodu_model.h has no ${MARKER} marker`);
  const eol = text.indexOf('\n', at) + 1;
  return `${text.slice(0, eol)}${lines.join('\n')}\n${text.slice(eol)}`;
}

/** The info JSON hodu_model_info_json returns. */
function infoJson(m: DispatchManifest, info: ApiInfo): string {
  const io = (ids: number[]) => ids.map((id) => {
    const t = m.tensors[id]!;
    return { name: t.name, dtype: t.dtype, shape: t.dims };
  });
  return JSON.stringify({
    api: BUILT_MODEL_API_VERSION, hodu_version: info.hoduVersion, model_sha256: info.modelSha256, model_name: info.modelName, backend: info.backend,
    backend_version: info.backendVersion, target: info.target, opt_level: info.optLevel, threads: info.threads,
    inputs: io(m.inputs), outputs: io(m.outputs),
  });
}

/** Offset of the weights blob in the encoded manifest (header field at byte 88, docs/dispatch-manifest.md). */
function weightsOffset(encoded: Uint8Array): number {
  return Number(new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength).getBigUint64(88, true));
}

/** Where output slot `slot` comes from: the backend writes it, or the model copies it (a weight, an input, another output). */
function outputSource(t: ManifestTensor, slot: number, weightsAt: number): string {
  if (t.role === 'weight') return `{SRC_WEIGHT, ${weightsAt + t.offset}u}`;
  if (t.role === 'input') return `{SRC_INPUT, ${t.offset}u}`;
  if (t.role === 'output' && t.offset !== slot) return `{SRC_OUTPUT, ${t.offset}u}`;
  return '{SRC_BACKEND, 0u}';
}

function tensorInfos(m: DispatchManifest, ids: number[], prefix: string): { shapes: string[]; table: string } {
  const shapes: string[] = [];
  const rows = ids.map((id, i) => {
    const t = m.tensors[id]!;
    const shape = t.dims.length ? `${prefix}_SHAPE_${i}` : 'NULL';
    if (t.dims.length) shapes.push(`static const int64_t ${shape}[] = {${t.dims.join(', ')}};`);
    const elements = t.dims.reduce((a, b) => a * b, 1);
    return `    {${cString(t.name)}, ${ONNX_DTYPE_CODES[t.dtype]}, ${cString(t.dtype)}, ${t.dims.length}, ${shape}, ${elements}u, ${t.byteSize}u},`;
  });
  if (!rows.length) rows.push('    {0},');
  return { shapes, table: `static const hodu_tensor_info ${prefix}S[] = {\n${rows.join('\n')}\n};` };
}

/** hodu_model.c for the manifest `encoded` (= encodeManifest(m)). */
export function modelSource(m: DispatchManifest, encoded: Uint8Array, info: ApiInfo): string {
  const ins = tensorInfos(m, m.inputs, 'INPUT');
  const outs = tensorInfos(m, m.outputs, 'OUTPUT');
  const wAt = weightsOffset(encoded);
  const sources = m.outputs.map((id, slot) => `    ${outputSource(m.tensors[id]!, slot, wAt)},`);
  if (!sources.length) sources.push('    {SRC_BACKEND, 0u},');
  return `/* Generated by hodu build: the model's C API (hodu_model.h) over the ${info.backend} backend linked with it. */
#include "hodu_model.h"
#include "hodu_plugin.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IN_COUNT ${m.inputs.length}
#define OUT_COUNT ${m.outputs.length}

/* The DispatchManifest (blob.S), 64-byte aligned, weights inside. */
extern const unsigned char hodu_model_blob[];
extern const unsigned char hodu_model_blob_end[];
/* The backend linked into this artifact (its plugin.c). */
const HoduPluginDescriptor *hodu_plugin_descriptor(void);

${[...ins.shapes, ...outs.shapes].join('\n')}
${ins.table}
${outs.table}

/* Outputs the backend does not write (the plugin ABI leaves them to the host): copied after a run. */
enum { SRC_BACKEND = 0, SRC_WEIGHT = 1, SRC_INPUT = 2, SRC_OUTPUT = 3 };
static const struct { int kind; uint64_t at; } OUTPUT_SOURCE[] = {
${sources.join('\n')}
};

static const char INFO_JSON[] = ${cString(infoJson(m, info))};

struct hodu_model {
  HoduBackendPluginHandle handle;
  const HoduBackendApi *api;
  /* 64-byte aligned copies for caller buffers that are not (allocated on first need). */
  void *stage[IN_COUNT + OUT_COUNT + 1];
  char error[1024];
};

static _Thread_local char create_error[1024];
static _Alignas(64) unsigned char empty_tensor[64];

int32_t hodu_model_input_count(void) { return IN_COUNT; }
const hodu_tensor_info *hodu_model_input(int32_t i) { return i >= 0 && i < IN_COUNT ? &INPUTS[i] : NULL; }
int32_t hodu_model_output_count(void) { return OUT_COUNT; }
const hodu_tensor_info *hodu_model_output(int32_t i) { return i >= 0 && i < OUT_COUNT ? &OUTPUTS[i] : NULL; }
const char *hodu_model_info_json(void) { return INFO_JSON; }

hodu_model *hodu_model_create(int32_t threads) {
  create_error[0] = '\\0';
  if (threads < 0) {
    snprintf(create_error, sizeof create_error, "threads must be >= 0, got %d", (int)threads);
    return NULL;
  }
  const HoduPluginDescriptor *d = hodu_plugin_descriptor();
  if (d == NULL || d->backend == NULL || d->abi_version < 2) {
    snprintf(create_error, sizeof create_error, "the linked backend has no ABI-2 entry points");
    return NULL;
  }
  hodu_model *m = calloc(1, sizeof *m);
  if (m == NULL) {
    snprintf(create_error, sizeof create_error, "out of memory");
    return NULL;
  }
  HoduCreateOptions options = {(uint32_t)sizeof options, (uint32_t)(threads ? threads : HODU_MODEL_DEFAULT_THREADS)};
  m->handle = d->backend->create(hodu_model_blob, (size_t)(hodu_model_blob_end - hodu_model_blob), &options, m->error, sizeof m->error);
  if (m->handle == NULL) {
    snprintf(create_error, sizeof create_error, "%s", m->error[0] ? m->error : "the backend refused the model");
    free(m);
    return NULL;
  }
  m->api = d->backend;
  m->error[0] = '\\0';
  return m;
}

/* A 64-byte aligned buffer for slot i of at least \`bytes\` bytes (kept for the next runs). */
static void *staging(hodu_model *m, int i, uint64_t bytes) {
  if (m->stage[i] == NULL) m->stage[i] = aligned_alloc(64, (size_t)((bytes + 63) / 64 * 64));
  return m->stage[i];
}

static int misaligned(const void *p) { return ((uintptr_t)p & 63u) != 0; }

int32_t hodu_model_run(hodu_model *m, const void *const *inputs, void *const *outputs) {
  if (m == NULL) return HODU_MODEL_INVALID_ARGUMENT;
  m->error[0] = '\\0';
  if ((IN_COUNT && inputs == NULL) || (OUT_COUNT && outputs == NULL)) {
    snprintf(m->error, sizeof m->error, "inputs and outputs must not be NULL");
    return HODU_MODEL_INVALID_ARGUMENT;
  }
  const void *in[IN_COUNT + 1];
  void *out[OUT_COUNT + 1];
  for (int i = 0; i < IN_COUNT; i++) {
    const uint64_t bytes = INPUTS[i].bytes;
    if (bytes == 0) { in[i] = empty_tensor; continue; }
    if (inputs[i] == NULL) {
      snprintf(m->error, sizeof m->error, "input %d ('%s') is NULL", i, INPUTS[i].name);
      return HODU_MODEL_INVALID_ARGUMENT;
    }
    if (!misaligned(inputs[i])) { in[i] = inputs[i]; continue; }
    void *copy = staging(m, i, bytes);
    if (copy == NULL) { snprintf(m->error, sizeof m->error, "out of memory"); return HODU_MODEL_OUT_OF_MEMORY; }
    memcpy(copy, inputs[i], (size_t)bytes);
    in[i] = copy;
  }
  for (int o = 0; o < OUT_COUNT; o++) {
    const uint64_t bytes = OUTPUTS[o].bytes;
    if (bytes == 0) { out[o] = empty_tensor; continue; }
    if (outputs[o] == NULL) {
      snprintf(m->error, sizeof m->error, "output %d ('%s') is NULL", o, OUTPUTS[o].name);
      return HODU_MODEL_INVALID_ARGUMENT;
    }
    if (OUTPUT_SOURCE[o].kind != SRC_BACKEND || !misaligned(outputs[o])) { out[o] = outputs[o]; continue; }
    out[o] = staging(m, IN_COUNT + o, bytes);
    if (out[o] == NULL) { snprintf(m->error, sizeof m->error, "out of memory"); return HODU_MODEL_OUT_OF_MEMORY; }
  }
  const int32_t status = m->api->run(m->handle, in, out, NULL, NULL, m->error, sizeof m->error);
  if (status != 0) return status;
  for (int o = 0; o < OUT_COUNT; o++) {
    if (OUTPUTS[o].bytes != 0 && out[o] != outputs[o] && OUTPUT_SOURCE[o].kind == SRC_BACKEND) memcpy(outputs[o], out[o], (size_t)OUTPUTS[o].bytes);
  }
  for (int o = 0; o < OUT_COUNT; o++) {
    const uint64_t bytes = OUTPUTS[o].bytes, at = OUTPUT_SOURCE[o].at;
    if (bytes == 0) continue;
    switch (OUTPUT_SOURCE[o].kind) {
      case SRC_WEIGHT: memcpy(outputs[o], hodu_model_blob + at, (size_t)bytes); break;
      case SRC_INPUT: memmove(outputs[o], inputs[at], (size_t)bytes); break;
      case SRC_OUTPUT: memmove(outputs[o], outputs[at], (size_t)bytes); break;
      default: break;
    }
  }
  return HODU_MODEL_OK;
}

const char *hodu_model_error(const hodu_model *m) { return m ? m->error : create_error; }

void hodu_model_destroy(hodu_model *m) {
  if (m == NULL) return;
  m->api->destroy(m->handle);
  for (int i = 0; i < IN_COUNT + OUT_COUNT; i++) free(m->stage[i]);
  free(m);
}
`;
}

/** blob.S: manifest.bin (in the folder it is assembled from) as hodu_model_blob..hodu_model_blob_end, 64-byte aligned. */
export function blobAssembly(): string {
  return `/* Generated by hodu build: the model's DispatchManifest, embedded 64-byte aligned. */
#if defined(__APPLE__)
#define SYM(x) _##x
  .const
  .private_extern SYM(hodu_model_blob)
  .private_extern SYM(hodu_model_blob_end)
#else
#define SYM(x) x
  .section .rodata
  .hidden SYM(hodu_model_blob)
  .hidden SYM(hodu_model_blob_end)
  .type SYM(hodu_model_blob), %object
#endif
  .globl SYM(hodu_model_blob)
  .globl SYM(hodu_model_blob_end)
  .balign 64
SYM(hodu_model_blob):
  .incbin "manifest.bin"
SYM(hodu_model_blob_end):
  .byte 0
#if defined(__ELF__)
  .section .note.GNU-stack,"",%progbits
#endif
`;
}
