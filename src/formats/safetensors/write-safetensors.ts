import { HoduError } from '../../errors';
import { bytesOf, type BigArray, type NumericArray } from '../../ir/dtype';
import type { SaveOptions, TensorMap } from '../../sdk/format';
import { safetensorsNameOf } from './dtypes';

export interface SafetensorsSaveOptions extends SaveOptions {
  /** Written as `__metadata__` (string → string, as the format requires). */
  metadata?: Record<string, string>;
}

/**
 * Encodes tensors as safetensors: 8-byte little-endian header length, JSON header padded with spaces to a
 * multiple of 8 (as the reference writer does), then the tensors back to back. Tensors keep map order —
 * the reference writer instead sorts by alignment, but any contiguous order is a valid file and map order
 * is what the user asked for. hodu runs on little-endian hosts, so storage bytes are already file bytes.
 */
export function writeSafetensors(tensors: TensorMap, opts: SafetensorsSaveOptions = {}): Uint8Array {
  const where = opts.path ?? 'safetensors';
  const parts: string[] = [];
  if (opts.metadata && Object.keys(opts.metadata).length > 0) {
    const meta = Object.entries(opts.metadata).map(([k, v]) => {
      if (typeof v !== 'string') throw new HoduError('E_SAFETENSORS', `${where}: metadata value for '${k}' must be a string`);
      return `${JSON.stringify(k)}:${JSON.stringify(v)}`;
    });
    parts.push(`"__metadata__":{${meta.join(',')}}`);
  }
  const bodies: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of tensors) {
    if (name === '__metadata__') throw new HoduError('E_SAFETENSORS', `${where}: '__metadata__' is reserved and cannot name a tensor`);
    const dtype = safetensorsNameOf(t.dtype);
    if (!dtype) {
      throw new HoduError('E_SAFETENSORS', `${where}: tensor '${name}' has dtype ${t.dtype}, which safetensors cannot store`, {
        hint: 'save string tensors as .npy/.npz',
      });
    }
    const body = t.dtype === 'bool' ? Uint8Array.from(t.data as Uint8Array, (v) => (v ? 1 : 0)) : bytesOf(t.data as NumericArray | BigArray);
    // Built by hand rather than JSON.stringify(object) so that integer-like names keep their place.
    parts.push(`${JSON.stringify(name)}:{"dtype":"${dtype}","shape":[${t.dims.join(',')}],"data_offsets":[${offset},${offset + body.length}]}`);
    bodies.push(body);
    offset += body.length;
  }
  const json = new TextEncoder().encode(`{${parts.join(',')}}`);
  const headerLength = Math.ceil(json.length / 8) * 8;
  const out = new Uint8Array(8 + headerLength + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerLength), true);
  out.set(json, 8);
  out.fill(0x20, 8 + json.length, 8 + headerLength);
  let p = 8 + headerLength;
  for (const b of bodies) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}
