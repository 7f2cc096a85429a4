import { HoduError } from '../../errors';
import { bytesOf, type BigArray, type NumericArray } from '../../ir/dtype';
import type { Tensor } from '../../ir/tensor';
import { descrOf } from './descr';
import { NPY_MAGIC } from './read-npy';

/** numpy aligns the start of the data to 64 bytes (format.ARRAY_ALIGN) so it can be memory-mapped. */
const ALIGN = 64;

/**
 * Encodes a tensor as a .npy file the way `numpy.save` does: version 1.0 (2.0 only when the header
 * outgrows 65535 bytes), C order, little-endian. Strings are written as fixed-width UTF-32 (`<U{n}`).
 * hodu only runs on little-endian hosts, so typed-array bytes are already in file order.
 */
export function writeNpy(t: Tensor, where = 'npy'): Uint8Array {
  let descr: string;
  let body: Uint8Array;
  if (t.dtype === 'string') {
    ({ descr, body } = encodeStrings(t.data as string[]));
  } else {
    descr = descrOf(t.dtype);
    body = t.dtype === 'bool' ? Uint8Array.from(t.data as Uint8Array, (v) => (v ? 1 : 0)) : bytesOf(t.data as NumericArray | BigArray);
  }
  if (t.dims.some((d) => !Number.isInteger(d) || d < 0)) throw new HoduError('E_NPY', `${where}: cannot save shape [${t.dims.join(',')}]`);
  const shape = t.dims.length === 1 ? `(${t.dims[0]},)` : `(${t.dims.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  let lenSize = 2;
  let major = 1;
  let padded = padHeader(dict, 8 + lenSize);
  if (padded.length > 0xffff) {
    lenSize = 4;
    major = 2;
    padded = padHeader(dict, 8 + lenSize);
  }
  const start = 8 + lenSize;
  const out = new Uint8Array(start + padded.length + body.length);
  out.set(NPY_MAGIC, 0);
  out[6] = major;
  out[7] = 0;
  const view = new DataView(out.buffer);
  if (lenSize === 2) view.setUint16(8, padded.length, true);
  else view.setUint32(8, padded.length, true);
  for (let i = 0; i < padded.length; i++) out[start + i] = padded.charCodeAt(i);
  out.set(body, start + padded.length);
  return out;
}

/** Spaces then a newline, so that magic + length + header is a multiple of ALIGN. */
function padHeader(dict: string, prefix: number): string {
  const unpadded = prefix + dict.length + 1;
  const spaces = (ALIGN - (unpadded % ALIGN)) % ALIGN;
  return `${dict}${' '.repeat(spaces)}\n`;
}

function encodeStrings(values: string[]): { descr: string; body: Uint8Array } {
  const points = values.map((s) => Array.from(s, (c) => c.codePointAt(0)!));
  // numpy's minimum width is 1 even when every string is empty.
  const width = points.reduce((w, p) => Math.max(w, p.length), 1);
  const body = new Uint8Array(values.length * width * 4);
  const view = new DataView(body.buffer);
  points.forEach((p, i) => p.forEach((cp, k) => view.setUint32((i * width + k) * 4, cp, true)));
  return { descr: `<U${width}`, body };
}
