/**
 * What a built model declares: its info JSON (info.ts) and the hodu_tensor_info of every input and output,
 * read through bun:ffi with every count, length and size bounded (a library is untrusted input) and checked
 * against each other, so a run never hands C a buffer of another size than it will read or write.
 */
import { read, toArrayBuffer, type Pointer } from 'bun:ffi';
import { HoduError } from '../../errors';
import { bytesPerElement, type DType } from '../../ir/dtype';
import { CODE_TO_DTYPE } from '../../ir/dtype-codes';
import { parseBuiltModelInfo, type BuiltModelInfo } from './info';
import type { ModelLibrary } from './open-library';

/** Bounds on what a library may declare: far above any real model, low enough that a bad one fails fast. */
const MAX_INFO_BYTES = 1 << 20;
const MAX_NAME_BYTES = 1 << 12;
const MAX_TENSORS = 1 << 12;
const MAX_RANK = 64;
/** Largest buffer one tensor may have (hodu's own file limit, 4 GiB). */
const MAX_TENSOR_BYTES = 2 ** 32;

/** One input or output of a built model. */
export interface BuiltTensor {
  name: string;
  dtype: Exclude<DType, 'string'>;
  dims: number[];
  elements: number;
  bytes: number;
}

export interface BuiltModelDescription {
  path: string;
  info: BuiltModelInfo;
  inputs: BuiltTensor[];
  outputs: BuiltTensor[];
}

const bad = (path: string, what: string) =>
  new HoduError('E_ARTIFACT', `${path}: ${what}`, { hint: 'the library was not written by a matching `hodu build`, or is damaged; rebuild it' });

/** A NUL-terminated string of at most `cap` bytes at `p` (never reads past its NUL). */
function boundedString(p: number | null, cap: number, path: string, what: string): string {
  if (!p) throw bad(path, `${what} is NULL`);
  let n = 0;
  while (n <= cap && read.u8(p as Pointer, n) !== 0) n++;
  if (n > cap) throw bad(path, `${what} is longer than ${cap} bytes (or not NUL-terminated)`);
  return new TextDecoder().decode(new Uint8Array(toArrayBuffer(p as Pointer, 0, n)));
}

/** hodu_tensor_info (64-bit layout): name@0, dtype@8 (i32), dtype_name@16, rank@24 (i32), shape@32, elements@40, bytes@48. */
function readTensor(p: number | null, path: string, what: string): BuiltTensor {
  if (!p) throw bad(path, `${what}: the library returned NULL`);
  const at = p as Pointer;
  const name = boundedString(read.ptr(at, 0), MAX_NAME_BYTES, path, `${what}'s name`);
  const code = read.i32(at, 8);
  const dtype = CODE_TO_DTYPE[code];
  if (!dtype || dtype === 'string') throw bad(path, `${what} '${name}' has element type code ${code}, which a built model cannot have`);
  const rank = read.i32(at, 24);
  if (rank < 0 || rank > MAX_RANK) throw bad(path, `${what} '${name}' has rank ${rank}`);
  const shape = read.ptr(at, 32);
  if (rank > 0 && !shape) throw bad(path, `${what} '${name}' has rank ${rank} and no shape`);
  const dims = Array.from({ length: rank }, (_, i) => Number(read.i64(shape as Pointer, i * 8)));
  if (dims.some((d) => !Number.isSafeInteger(d) || d < 0)) throw bad(path, `${what} '${name}' has shape [${dims.join(',')}]`);
  const elements = Number(read.u64(at, 40));
  const bytes = Number(read.u64(at, 48));
  const product = dims.reduce((a, b) => a * b, 1);
  if (elements !== product || bytes !== product * bytesPerElement(dtype) || bytes > MAX_TENSOR_BYTES) {
    throw bad(path, `${what} '${name}' (${dtype}[${dims.join(',')}]) declares ${elements} elements and ${bytes} bytes`);
  }
  return { name, dtype, dims, elements, bytes };
}

function readList(count: number, get: (i: number) => number | null, path: string, kind: 'input' | 'output'): BuiltTensor[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_TENSORS) throw bad(path, `hodu_model_${kind}_count() is ${count}`);
  return Array.from({ length: count }, (_, i) => readTensor(get(i), path, `${kind} ${i}`));
}

/** The JSON and the descriptors must tell the same story: names, dtypes and shapes in the same order. */
function checkAgree(path: string, kind: 'input' | 'output', fromC: BuiltTensor[], fromJson: BuiltModelInfo['inputs']): void {
  const text = (list: { name: string; dtype: string; shape: readonly number[] }[]) => list.map((t) => `${t.name}:${t.dtype}[${t.shape.join(',')}]`).join(' ');
  const c = text(fromC.map((t) => ({ name: t.name, dtype: t.dtype, shape: t.dims })));
  const json = text(fromJson);
  if (c !== json) throw bad(path, `its ${kind}s disagree: hodu_model_${kind}() says ${c || '(none)'}, the info JSON says ${json || '(none)'}`);
}

/** Reads and checks everything a built model declares (nothing is created or run). */
export function describeBuiltModel(lib: ModelLibrary, path: string): BuiltModelDescription {
  const s = lib.symbols;
  const info = parseBuiltModelInfo(boundedString(s.hodu_model_info_json() as number | null, MAX_INFO_BYTES, path, 'hodu_model_info_json()'), path);
  const inputs = readList(s.hodu_model_input_count() as number, (i) => s.hodu_model_input(i) as number | null, path, 'input');
  const outputs = readList(s.hodu_model_output_count() as number, (i) => s.hodu_model_output(i) as number | null, path, 'output');
  checkAgree(path, 'input', inputs, info.inputs);
  checkAgree(path, 'output', outputs, info.outputs);
  return { path, info, inputs, outputs };
}
