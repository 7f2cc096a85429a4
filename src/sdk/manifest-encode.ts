import { HoduError } from '../errors';
import { bytesPerElement } from '../ir/dtype';
import { MANIFEST_VERSION } from '../version';
import {
  alignUp, HEADER_SIZE, MANIFEST_MAGIC, ONNX_DTYPE_CODES, ROLE_CODES, STEP_RECORD_SIZE, TENSOR_RECORD_SIZE,
  type DispatchManifest,
} from './manifest-layout';

/** Grows a little-endian pool of int32/int64 values; returns absolute offsets once the base is known. */
class Pool {
  private chunks: { at: number; kind: 'i32' | 'i64'; values: readonly (number | bigint)[] }[] = [];
  size = 0;
  add(kind: 'i32' | 'i64', values: readonly (number | bigint)[]): number {
    this.size = alignUp(this.size, 8);
    const at = this.size;
    this.chunks.push({ at, kind, values });
    this.size += values.length * (kind === 'i32' ? 4 : 8);
    return at;
  }
  write(view: DataView, base: number): void {
    for (const c of this.chunks) {
      c.values.forEach((v, i) => {
        if (c.kind === 'i32') view.setInt32(base + c.at + i * 4, Number(v), true);
        else view.setBigInt64(base + c.at + i * 8, BigInt(v), true);
      });
    }
  }
}

class Strings {
  private parts: Uint8Array[] = [];
  size = 0;
  /** Adds a NUL-terminated UTF-8 string; returns [relative offset, byte length without the NUL]. */
  add(s: string): [number, number] {
    const b = new TextEncoder().encode(s);
    const at = this.size;
    this.parts.push(b, new Uint8Array(1));
    this.size += b.length + 1;
    return [at, b.length];
  }
  write(out: Uint8Array, base: number): void {
    let o = base;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
  }
}

function check(cond: boolean, message: string): void {
  if (!cond) throw new HoduError('E_MANIFEST', `cannot encode manifest: ${message}`);
}

/** Encodes a manifest into its byte layout (docs/dispatch-manifest.md). Validates ids and sizes first. */
export function encodeManifest(m: DispatchManifest): Uint8Array {
  const nT = m.tensors.length;
  m.tensors.forEach((t, i) => {
    check(t.id === i, `tensor '${t.name}' has id ${t.id} but sits at index ${i}`);
    check(t.dtype !== 'string', `tensor '${t.name}' is a string tensor (not representable)`);
    check(t.dims.every((d) => Number.isSafeInteger(d) && d >= 0), `tensor '${t.name}' has non-static dims [${t.dims}]`);
    check(t.byteSize === t.dims.reduce((a, b) => a * b, 1) * bytesPerElement(t.dtype), `tensor '${t.name}' byte size ${t.byteSize} does not match ${t.dtype}[${t.dims}]`);
  });
  const validId = (id: number, optional: boolean) => (optional && id === -1) || (Number.isInteger(id) && id >= 0 && id < nT);
  m.inputs.forEach((id) => check(validId(id, false), `graph input id ${id} out of range`));
  m.outputs.forEach((id) => check(validId(id, false), `graph output id ${id} out of range`));
  m.steps.forEach((s) => {
    [...s.inputs, ...s.outputs].forEach((id) => check(validId(id, true), `step '${s.node}' refers to tensor id ${id}`));
  });
  check(m.version === MANIFEST_VERSION, `version ${m.version} is not this hodu's manifest version ${MANIFEST_VERSION}`);
  check(m.arenaSize % 8 === 0, `arena size ${m.arenaSize} is not a multiple of 8`);

  const pool = new Pool();
  const strings = new Strings();
  const ioAt = pool.add('i32', [...m.inputs, ...m.outputs]);
  const tensorRefs = m.tensors.map((t) => ({ dims: pool.add('i64', t.dims), name: strings.add(t.name) }));
  const stepRefs = m.steps.map((s) => ({
    kernel: strings.add(s.kernel),
    node: strings.add(s.node),
    ids: pool.add('i32', [...s.inputs, ...s.outputs]),
    meta: pool.add('i64', s.metadata),
  }));

  const tensorsOffset = HEADER_SIZE;
  const stepsOffset = tensorsOffset + nT * TENSOR_RECORD_SIZE;
  const dataOffset = alignUp(stepsOffset + m.steps.length * STEP_RECORD_SIZE, 8);
  const stringsOffset = dataOffset + pool.size;
  const weightsOffset = alignUp(stringsOffset + strings.size);
  const total = weightsOffset + m.weights.byteLength;
  check(stringsOffset + strings.size < 2 ** 32, 'strings exceed 4 GiB');

  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  const u64 = (at: number, n: number) => v.setBigUint64(at, BigInt(n), true);
  out.set(new TextEncoder().encode(MANIFEST_MAGIC), 0);
  v.setUint32(8, m.version, true);
  v.setUint32(12, HEADER_SIZE, true);
  v.setUint32(16, nT, true);
  v.setUint32(20, m.steps.length, true);
  v.setUint32(24, m.inputs.length, true);
  v.setUint32(28, m.outputs.length, true);
  u64(32, tensorsOffset);
  u64(40, stepsOffset);
  u64(48, dataOffset + ioAt);
  u64(56, dataOffset);
  u64(64, pool.size);
  u64(72, stringsOffset);
  u64(80, strings.size);
  u64(88, weightsOffset);
  u64(96, m.weights.byteLength);
  u64(104, m.arenaSize);
  u64(112, total);

  m.tensors.forEach((t, i) => {
    const at = tensorsOffset + i * TENSOR_RECORD_SIZE;
    const ref = tensorRefs[i]!;
    v.setUint32(at, t.id, true);
    v.setUint32(at + 4, ONNX_DTYPE_CODES[t.dtype], true);
    v.setUint32(at + 8, ROLE_CODES[t.role], true);
    v.setUint32(at + 12, t.dims.length, true);
    u64(at + 16, dataOffset + ref.dims);
    u64(at + 24, t.offset);
    u64(at + 32, t.byteSize);
    v.setUint32(at + 40, stringsOffset + ref.name[0], true);
    v.setUint32(at + 44, ref.name[1], true);
  });
  m.steps.forEach((s, i) => {
    const at = stepsOffset + i * STEP_RECORD_SIZE;
    const ref = stepRefs[i]!;
    v.setUint32(at, stringsOffset + ref.kernel[0], true);
    v.setUint32(at + 4, ref.kernel[1], true);
    v.setUint32(at + 8, stringsOffset + ref.node[0], true);
    v.setUint32(at + 12, ref.node[1], true);
    v.setUint32(at + 16, s.inputs.length, true);
    v.setUint32(at + 20, s.outputs.length, true);
    u64(at + 24, dataOffset + ref.ids);
    u64(at + 32, dataOffset + ref.meta);
    v.setUint32(at + 40, s.metadata.length, true);
  });
  pool.write(v, dataOffset);
  strings.write(out, stringsOffset);
  out.set(m.weights, weightsOffset);
  return out;
}
