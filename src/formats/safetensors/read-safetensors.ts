import { HoduError } from '../../errors';
import { bytesPerElement, dataFromBytes, type DType } from '../../ir/dtype';
import { Tensor } from '../../ir/tensor';
import type { TensorMap } from '../../sdk/format';
import { SAFETENSORS_DTYPES, UNSUPPORTED_SAFETENSORS_DTYPES } from './dtypes';

/** The reference implementation refuses headers above 100 MB; so does hodu. */
export const MAX_SAFETENSORS_HEADER = 100_000_000;
/** Refuse tensors above this many elements before allocating. */
const MAX_SAFETENSORS_ELEMENTS = 2 ** 31;

const HINT = 'the .safetensors file is truncated or corrupt';

function fail(where: string, detail: string, hint = HINT): never {
  throw new HoduError('E_SAFETENSORS', `${where}: ${detail}`, { hint });
}

interface SafetensorsEntry {
  name: string;
  dtype: Exclude<DType, 'string'>;
  shape: number[];
  /** Byte range inside the data buffer (which starts right after the header). */
  begin: number;
  end: number;
}

interface SafetensorsHeader {
  /** Sorted by data offset, i.e. in file order. */
  entries: SafetensorsEntry[];
  metadata: Record<string, string>;
  /** Offset of the data buffer in the file. */
  dataStart: number;
}

const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Parses and validates the header: lengths, JSON, dtypes, shapes, and that the offsets tile the buffer. */
function readSafetensorsHeader(bytes: Uint8Array, where = 'safetensors'): SafetensorsHeader {
  if (bytes.length < 8) fail(where, `${bytes.length} bytes is too short for a safetensors file`);
  const n = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (n > BigInt(bytes.length - 8)) fail(where, `header length ${n} runs past the end of the ${bytes.length}-byte file`);
  if (n > BigInt(MAX_SAFETENSORS_HEADER)) fail(where, `header length ${n} exceeds the ${MAX_SAFETENSORS_HEADER}-byte limit`);
  const dataStart = 8 + Number(n);
  let json: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, dataStart));
    if (!text.startsWith('{')) fail(where, 'header does not start with "{"');
    json = JSON.parse(text);
  } catch (e) {
    if (e instanceof HoduError) throw e;
    fail(where, `header is not valid UTF-8 JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail(where, 'header is not a JSON object');

  let metadata: Record<string, string> = {};
  const entries: SafetensorsEntry[] = [];
  for (const [name, info] of Object.entries(json as Record<string, unknown>)) {
    if (name === '__metadata__') {
      metadata = checkMetadata(info, where);
      continue;
    }
    entries.push(checkEntry(name, info, where));
  }

  // Like the reference reader: tensors must tile the buffer exactly — no overlap, no gap, no trailing bytes.
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  const bufferLength = bytes.length - dataStart;
  let cursor = 0;
  for (const e of entries) {
    if (e.begin < cursor) fail(where, `tensor '${e.name}' at bytes [${e.begin}, ${e.end}) overlaps the previous tensor (which ends at ${cursor})`);
    if (e.begin > cursor) fail(where, `gap in the data buffer before tensor '${e.name}': bytes [${cursor}, ${e.begin}) belong to no tensor`);
    if (e.end > bufferLength) fail(where, `tensor '${e.name}' ends at byte ${e.end}, past the ${bufferLength}-byte data buffer`);
    cursor = e.end;
  }
  if (cursor !== bufferLength) fail(where, `data buffer has ${bufferLength} bytes but the tensors cover ${cursor}`);
  return { entries, metadata, dataStart };
}

function checkMetadata(info: unknown, where: string): Record<string, string> {
  if (info === null) return {};
  if (typeof info !== 'object' || Array.isArray(info)) fail(where, '__metadata__ must be an object of strings');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(info as Record<string, unknown>)) {
    if (typeof v !== 'string') fail(where, `__metadata__ value for '${k}' is not a string`);
    out[k] = v;
  }
  return out;
}

function checkEntry(name: string, info: unknown, where: string): SafetensorsEntry {
  const at = `tensor '${name}'`;
  if (info === null || typeof info !== 'object' || Array.isArray(info)) fail(where, `${at}: description is not an object`);
  const { dtype, shape, data_offsets: offsets } = info as Record<string, unknown>;
  if (typeof dtype !== 'string') fail(where, `${at}: missing dtype`);
  const hoduDType = SAFETENSORS_DTYPES[dtype];
  if (!hoduDType) {
    if (UNSUPPORTED_SAFETENSORS_DTYPES.has(dtype)) fail(where, `${at}: dtype ${dtype} is not supported by hodu`, 'convert the tensor to F32/F16/BF16 before loading');
    fail(where, `${at}: unknown dtype ${JSON.stringify(dtype)}`);
  }
  if (!Array.isArray(shape) || !shape.every(isIndex)) fail(where, `${at}: shape must be an array of non-negative integers`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isIndex)) fail(where, `${at}: data_offsets must be [begin, end]`);
  const [begin, end] = offsets as [number, number];
  if (end < begin) fail(where, `${at}: data_offsets [${begin}, ${end}] end before they begin`);
  // Zero dims are skipped in the bound so that [0, 2**50, 2**50] cannot overflow the size to NaN.
  if (shape.reduce((a: number, d: number) => a * Math.max(d, 1), 1) > MAX_SAFETENSORS_ELEMENTS) {
    fail(where, `${at}: shape [${shape.join(',')}] has more than ${MAX_SAFETENSORS_ELEMENTS} elements`);
  }
  const count = shape.reduce((a: number, d: number) => a * d, 1);
  const size = count * bytesPerElement(hoduDType);
  if (end - begin !== size) fail(where, `${at}: shape [${shape.join(',')}] of ${dtype} needs ${size} bytes, data_offsets span ${end - begin}`);
  return { name, dtype: hoduDType, shape: shape as number[], begin, end };
}

/** The `__metadata__` string map of a safetensors file ({} when absent). */
export function readSafetensorsMetadata(bytes: Uint8Array, where = 'safetensors'): Record<string, string> {
  return readSafetensorsHeader(bytes, where).metadata;
}

/** All tensors of a safetensors file, in file (data offset) order. */
export function readSafetensors(bytes: Uint8Array, where = 'safetensors'): TensorMap {
  const header = readSafetensorsHeader(bytes, where);
  const map: TensorMap = new Map();
  for (const e of header.entries) {
    const count = e.shape.reduce((a, b) => a * b, 1);
    const data = dataFromBytes(e.dtype, bytes.subarray(header.dataStart + e.begin, header.dataStart + e.end), count);
    if (e.dtype === 'bool') {
      const b = data as Uint8Array;
      for (let i = 0; i < b.length; i++) if (b[i]) b[i] = 1;
    }
    map.set(e.name, new Tensor(e.dtype, e.shape, data));
  }
  return map;
}
