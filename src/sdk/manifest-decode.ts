import { HoduError } from '../errors';
import { bytesPerElement, type DType } from '../ir/dtype';
import { MANIFEST_VERSION } from '../version';
import {
  HEADER_SIZE, MANIFEST_ALIGN, MANIFEST_MAGIC, ONNX_DTYPE_CODES, ROLE_CODES, STEP_RECORD_SIZE, TENSOR_RECORD_SIZE,
  type DispatchManifest, type ManifestStep, type ManifestTensor, type TensorRole,
} from './manifest-layout';

const DTYPE_BY_CODE = new Map<number, DType>(Object.entries(ONNX_DTYPE_CODES).map(([d, c]) => [c, d as DType]));
const ROLE_BY_CODE = new Map<number, TensorRole>(Object.entries(ROLE_CODES).map(([r, c]) => [c, r as TensorRole]));
const MAX_RANK = 64;

function fail(message: string, hint?: string): never {
  throw new HoduError('E_MANIFEST', `malformed dispatch manifest: ${message}`, { hint: hint ?? 'the manifest was not written by a matching hodu encoder' });
}

/** A bounds-checked little-endian reader over the manifest bytes. */
class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u32(at: number): number {
    this.need(at, 4, 'u32');
    return this.view.getUint32(at, true);
  }
  u64(at: number, what: string): number {
    this.need(at, 8, what);
    const v = this.view.getBigUint64(at, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) fail(`${what} ${v} is too large`);
    return Number(v);
  }
  need(at: number, len: number, what: string): void {
    if (at < 0 || len < 0 || at + len > this.bytes.byteLength) fail(`${what} at ${at} (+${len}) is outside the ${this.bytes.byteLength}-byte manifest`);
  }
}

/** Checks that [at, at+len) lies inside the section [start, start+size). */
function within(at: number, len: number, start: number, size: number, what: string): void {
  if (at < start || at + len > start + size) fail(`${what} (${at}, ${len} bytes) is outside its section [${start}, ${start + size})`);
}

/** Decodes and validates manifest bytes; every failure is HoduError('E_MANIFEST') saying what is wrong. */
export function decodeManifest(bytes: Uint8Array): DispatchManifest {
  const r = new Reader(bytes);
  if (bytes.byteLength < HEADER_SIZE) fail(`${bytes.byteLength} bytes is shorter than the ${HEADER_SIZE}-byte header`);
  const magic = new TextDecoder().decode(bytes.subarray(0, 8));
  if (magic !== MANIFEST_MAGIC) fail(`bad magic ${JSON.stringify(magic)} (expected ${MANIFEST_MAGIC})`);
  const version = r.u32(8);
  if (version !== MANIFEST_VERSION) {
    fail(`version ${version}, this hodu reads version ${MANIFEST_VERSION}`, 'host and plugin disagree on the manifest version: upgrade hodu or rebuild the plugin');
  }
  if (r.u32(12) !== HEADER_SIZE) fail(`header size ${r.u32(12)} (expected ${HEADER_SIZE})`);
  const [nT, nS, nIn, nOut] = [r.u32(16), r.u32(20), r.u32(24), r.u32(28)];
  const tensorsOff = r.u64(32, 'tensors offset');
  const stepsOff = r.u64(40, 'steps offset');
  const ioOff = r.u64(48, 'io offset');
  const dataOff = r.u64(56, 'data offset');
  const dataSize = r.u64(64, 'data size');
  const strOff = r.u64(72, 'strings offset');
  const strSize = r.u64(80, 'strings size');
  const wOff = r.u64(88, 'weights offset');
  const wSize = r.u64(96, 'weights size');
  const arenaSize = r.u64(104, 'arena size');
  const total = r.u64(112, 'total size');
  if (total !== bytes.byteLength) fail(`header says ${total} bytes, got ${bytes.byteLength}`);
  r.need(tensorsOff, nT * TENSOR_RECORD_SIZE, 'tensor table');
  r.need(stepsOff, nS * STEP_RECORD_SIZE, 'step table');
  r.need(dataOff, dataSize, 'data section');
  r.need(strOff, strSize, 'strings section');
  r.need(wOff, wSize, 'weights blob');
  if (wOff % MANIFEST_ALIGN !== 0) fail(`weights offset ${wOff} is not ${MANIFEST_ALIGN}-byte aligned`);
  if (dataOff % 8 !== 0) fail(`data offset ${dataOff} is not 8-byte aligned`);

  const str = (at: number, len: number, what: string): string => {
    within(at, len + 1, strOff, strSize, what);
    if (bytes[at + len] !== 0) fail(`${what} is not NUL-terminated`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + len));
    } catch {
      return fail(`${what} is not valid UTF-8`);
    }
  };
  const ints = (at: number, count: number, size: 4 | 8, what: string): number[] => {
    if (at % size !== 0) fail(`${what} at ${at} is not ${size}-byte aligned`);
    within(at, count * size, dataOff, dataSize, what);
    return Array.from({ length: count }, (_, i) => (size === 4 ? r.view.getInt32(at + i * 4, true) : Number(r.view.getBigInt64(at + i * 8, true))));
  };

  within(ioOff, (nIn + nOut) * 4, dataOff, dataSize, 'graph input/output ids');
  const io = ints(ioOff, nIn + nOut, 4, 'graph input/output ids');
  const inputs = io.slice(0, nIn);
  const outputs = io.slice(nIn);
  for (const id of io) if (id < 0 || id >= nT) fail(`graph input/output id ${id} is not a tensor (have ${nT})`);

  const tensors: ManifestTensor[] = [];
  for (let i = 0; i < nT; i++) {
    const at = tensorsOff + i * TENSOR_RECORD_SIZE;
    const what = `tensor ${i}`;
    if (r.u32(at) !== i) fail(`${what} has id ${r.u32(at)}`);
    const dtype = DTYPE_BY_CODE.get(r.u32(at + 4));
    if (!dtype || dtype === 'string') fail(`${what} has unsupported dtype code ${r.u32(at + 4)}`);
    const role = ROLE_BY_CODE.get(r.u32(at + 8));
    if (!role) fail(`${what} has unknown role code ${r.u32(at + 8)}`);
    const rank = r.u32(at + 12);
    if (rank > MAX_RANK) fail(`${what} has rank ${rank} (max ${MAX_RANK})`);
    const dims = ints(r.u64(at + 16, `${what} dims offset`), rank, 8, `${what} dims`);
    if (dims.some((d) => d < 0 || !Number.isSafeInteger(d))) fail(`${what} has invalid dims [${dims}]`);
    const offset = r.u64(at + 24, `${what} offset`);
    const byteSize = r.u64(at + 32, `${what} byte size`);
    const name = str(r.u32(at + 40), r.u32(at + 44), `${what} name`);
    const expected = dims.reduce((a, b) => a * b, 1) * bytesPerElement(dtype);
    if (byteSize !== expected) fail(`tensor '${name}' is ${byteSize} bytes, ${dtype}[${dims}] needs ${expected}`);
    if (role === 'weight' && (offset % MANIFEST_ALIGN !== 0 || offset + byteSize > wSize)) fail(`weight '${name}' at ${offset} (+${byteSize}) is outside the ${wSize}-byte weights blob or unaligned`);
    if (role === 'intermediate' && (offset % MANIFEST_ALIGN !== 0 || offset + byteSize > arenaSize)) fail(`intermediate '${name}' at ${offset} (+${byteSize}) is outside the ${arenaSize}-byte arena or unaligned`);
    if (role === 'input' && inputs[offset] !== i) fail(`input '${name}' claims input slot ${offset}, which is tensor ${inputs[offset]}`);
    if (role === 'output' && outputs[offset] !== i) fail(`output '${name}' claims output slot ${offset}, which is tensor ${outputs[offset]}`);
    tensors.push({ id: i, name, dtype, role, dims, offset, byteSize });
  }

  const steps: ManifestStep[] = [];
  for (let i = 0; i < nS; i++) {
    const at = stepsOff + i * STEP_RECORD_SIZE;
    const kernel = str(r.u32(at), r.u32(at + 4), `step ${i} kernel name`);
    const node = str(r.u32(at + 8), r.u32(at + 12), `step ${i} node name`);
    const [ni, no] = [r.u32(at + 16), r.u32(at + 20)];
    const ids = ints(r.u64(at + 24, `step ${i} ids offset`), ni + no, 4, `step ${i} tensor ids`);
    for (const id of ids) if (id < -1 || id >= nT) fail(`step ${i} ('${node}') refers to tensor ${id} (have ${nT})`);
    const metaAt = r.u64(at + 32, `step ${i} metadata offset`);
    const count = r.u32(at + 40);
    if (metaAt % 8 !== 0) fail(`step ${i} metadata is not 8-byte aligned`);
    within(metaAt, count * 8, dataOff, dataSize, `step ${i} metadata`);
    const metadata = Array.from({ length: count }, (_, k) => r.view.getBigInt64(metaAt + k * 8, true));
    steps.push({ kernel, node, inputs: ids.slice(0, ni), outputs: ids.slice(ni), metadata });
  }
  return { version, tensors, steps, inputs, outputs, arenaSize, weights: bytes.slice(wOff, wOff + wSize) };
}
