import { HoduError } from '../../errors';
import { dataFromBytes, type BigArray, type NumericArray, type TensorData } from '../../ir/dtype';
import { Tensor } from '../../ir/tensor';
import { parseDescr, type NpyType } from './descr';
import { parsePyLiteral, PyLiteralError, PyTuple } from './py-literal';

/** "\x93NUMPY" */
export const NPY_MAGIC = new Uint8Array([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]);
/** Refuse arrays above this many elements before allocating anything (typed arrays top out near 2^31 anyway). */
const MAX_NPY_ELEMENTS = 2 ** 31;
/** numpy itself refuses headers above 10 000 bytes unless told otherwise; allow more, but not unbounded. */
const MAX_HEADER_BYTES = 1 << 20;

const HINT = 'the .npy file is truncated or corrupt; re-save it with numpy.save';

function fail(where: string, detail: string, hint = HINT): never {
  throw new HoduError('E_NPY', `${where}: ${detail}`, { hint });
}

interface NpyHeader {
  type: NpyType;
  fortranOrder: boolean;
  shape: number[];
  /** Offset of the array data in the file. */
  dataOffset: number;
}

export function hasNpyMagic(bytes: Uint8Array): boolean {
  return bytes.length >= NPY_MAGIC.length && NPY_MAGIC.every((b, i) => bytes[i] === b);
}

/** Parses and validates the magic, version and header dict of a .npy file. */
export function readNpyHeader(bytes: Uint8Array, where: string): NpyHeader {
  if (!hasNpyMagic(bytes)) fail(where, 'missing the \\x93NUMPY magic (not a .npy file)');
  if (bytes.length < 10) fail(where, `${bytes.length} bytes is too short for a .npy header`);
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (major < 1 || major > 3) fail(where, `unsupported .npy format version ${major}.${minor}`, 'hodu reads .npy versions 1.0, 2.0 and 3.0');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenSize) fail(where, 'file ends inside the header length');
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lenSize;
  if (headerLen > MAX_HEADER_BYTES) fail(where, `header length ${headerLen} exceeds the ${MAX_HEADER_BYTES}-byte limit`);
  if (start + headerLen > bytes.length) fail(where, `header length ${headerLen} runs past the end of the ${bytes.length}-byte file`);
  // Versions 1 and 2 store the header in latin1, version 3 in UTF-8.
  let text: string;
  try {
    text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1', { fatal: true }).decode(bytes.subarray(start, start + headerLen));
  } catch {
    fail(where, 'header is not valid UTF-8');
  }
  let dict;
  try {
    dict = parsePyLiteral(text!);
  } catch (e) {
    if (e instanceof PyLiteralError) fail(where, `malformed header: ${e.message}`);
    throw e;
  }
  if (!(dict instanceof Map)) fail(where, 'header is not a dict');
  const keys = [...dict.keys()].sort().join(', ');
  if (keys !== 'descr, fortran_order, shape') fail(where, `header keys are {${keys}}, expected {descr, fortran_order, shape}`);

  const descr = dict.get('descr');
  if (typeof descr !== 'string') {
    fail(where, 'structured (record) dtypes are not supported', 'save each field as its own array (np.savez)');
  }
  const type = parseDescr(descr);
  if (typeof type === 'string') fail(where, type, 'convert the array to a numeric, bool or string dtype before saving');

  const fortranOrder = dict.get('fortran_order');
  if (typeof fortranOrder !== 'boolean') fail(where, `fortran_order must be True or False, got ${String(fortranOrder)}`);

  const shapeValue = dict.get('shape');
  if (!(shapeValue instanceof PyTuple)) fail(where, 'shape must be a tuple of integers');
  const shape = shapeValue.items.map((d, k) => {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0) fail(where, `dimension ${k} of the shape is ${String(d)}, not a non-negative integer`);
    return d;
  });
  // Zero dims are skipped so that (0, 2**60, 2**60) is refused too: its size would overflow to NaN.
  const count = shape.reduce((a, d) => a * Math.max(d, 1), 1);
  if (count > MAX_NPY_ELEMENTS) fail(where, `shape (${shape.join(', ')}) has ${count} elements, above the limit of ${MAX_NPY_ELEMENTS}`);
  return { type, fortranOrder, shape, dataOffset: start + headerLen };
}

/** Decodes a whole .npy file into a tensor in C (row-major) order. */
export function readNpy(bytes: Uint8Array, where: string): Tensor {
  const h = readNpyHeader(bytes, where);
  const count = h.shape.reduce((a, b) => a * b, 1);
  const need = count * h.type.itemsize;
  const have = bytes.length - h.dataOffset;
  // Trailing bytes are ignored, as numpy.load does.
  if (need > have) fail(where, `shape (${h.shape.join(', ')}) of ${h.type.dtype} needs ${need} data bytes, the file has ${have}`);
  const raw = bytes.subarray(h.dataOffset, h.dataOffset + need);
  let data = h.type.dtype === 'string' ? decodeStrings(raw, count, h.type, where) : decodeNumbers(raw, count, h.type);
  if (h.fortranOrder && h.shape.length > 1) data = fortranToC(data, h.shape);
  return new Tensor(h.type.dtype, h.shape, data);
}

function decodeNumbers(raw: Uint8Array, count: number, type: NpyType): NumericArray | BigArray {
  let src = raw;
  if (type.bigEndian && type.itemsize > 1) {
    src = new Uint8Array(raw.length);
    const w = type.itemsize;
    for (let i = 0; i < raw.length; i += w) for (let k = 0; k < w; k++) src[i + k] = raw[i + w - 1 - k]!;
  }
  const data = dataFromBytes(type.dtype as Exclude<typeof type.dtype, 'string'>, src, count);
  // hodu stores bool as exactly 0/1; numpy treats any non-zero byte as True.
  if (type.dtype === 'bool') {
    const b = data as Uint8Array;
    for (let i = 0; i < b.length; i++) if (b[i]) b[i] = 1;
  }
  return data;
}

function decodeStrings(raw: Uint8Array, count: number, type: NpyType, where: string): string[] {
  const out = new Array<string>(count);
  const w = type.itemsize;
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    const base = i * w;
    // numpy strips trailing NULs (and only those) from fixed-width strings.
    if (type.stringKind === 'S') {
      let end = w;
      while (end > 0 && raw[base + end - 1] === 0) end--;
      out[i] = utf8.decode(raw.subarray(base, base + end));
      continue;
    }
    const points: number[] = [];
    for (let k = 0; k < w; k += 4) points.push(view.getUint32(base + k, !type.bigEndian));
    while (points.length > 0 && points[points.length - 1] === 0) points.pop();
    const bad = points.find((p) => p > 0x10ffff);
    if (bad !== undefined) fail(where, `element ${i} holds ${bad.toString(16)}, not a Unicode code point`);
    let s = '';
    for (const p of points) s += String.fromCodePoint(p);
    out[i] = s;
  }
  return out;
}

/** Reorders column-major data (first axis fastest) into row-major order. */
function fortranToC<T extends TensorData>(src: T, dims: readonly number[]): T {
  const out = src.slice() as T;
  const rank = dims.length;
  const fStride: number[] = [];
  let acc = 1;
  for (let k = 0; k < rank; k++) {
    fStride.push(acc);
    acc *= dims[k]!;
  }
  const idx = new Array<number>(rank).fill(0);
  const dst = out as unknown as unknown[];
  const from = src as unknown as unknown[];
  let f = 0;
  for (let c = 0; c < src.length; c++) {
    dst[c] = from[f];
    // Advance the C-order multi-index (last axis fastest) and keep the Fortran offset in step.
    for (let k = rank - 1; k >= 0; k--) {
      idx[k]!++;
      f += fStride[k]!;
      if (idx[k]! < dims[k]!) break;
      f -= fStride[k]! * dims[k]!;
      idx[k] = 0;
    }
  }
  return out;
}
