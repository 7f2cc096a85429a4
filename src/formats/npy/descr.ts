import type { DType } from '../../ir/dtype';

/** What a numpy `descr` string means for hodu. */
export interface NpyType {
  dtype: DType;
  /** Bytes per element in the file (for `<U`/`|S` the fixed width of one string). */
  itemsize: number;
  bigEndian: boolean;
  /** For string dtypes: `U` (UTF-32 code points) or `S` (bytes); undefined for numbers. */
  stringKind?: 'U' | 'S';
}

const NUMERIC: Record<string, DType> = {
  f2: 'float16', f4: 'float32', f8: 'float64',
  i1: 'int8', i2: 'int16', i4: 'int32', i8: 'int64',
  u1: 'uint8', u2: 'uint16', u4: 'uint32', u8: 'uint64',
  b1: 'bool',
};

/**
 * bfloat16 has no numpy type code. `np.save` of an ml_dtypes bfloat16 array writes `'<V2'` (ml_dtypes
 * registers its types with kind 'V'), and numpy reads it back as 2-byte void; the same convention is
 * used by Keras for h5. So hodu reads a 2-byte void (`<V2`, `|V2`) — and the name `bfloat16`, which
 * ml_dtypes users sometimes write by hand — as bfloat16, and writes bfloat16 as `<V2`
 * (load in Python with `np.load(p).view(ml_dtypes.bfloat16)`).
 */
const BFLOAT16_DESCR = '<V2';

/** Why a descr is refused, or its meaning. */
export function parseDescr(descr: string): NpyType | string {
  if (descr === 'bfloat16') return { dtype: 'bfloat16', itemsize: 2, bigEndian: false };
  const m = /^([<>|=]?)([a-zA-Z])(\d{1,9})$/.exec(descr);
  if (!m) {
    if (/^[<>|=]?O/.test(descr)) return 'object arrays (descr |O) hold pickled Python objects, which hodu never loads';
    return `unknown dtype descriptor '${descr}'`;
  }
  const [, order, kind, digits] = m as unknown as [string, string, string, string];
  const size = Number(digits);
  const bigEndian = order === '>';
  if (kind === 'O') return 'object arrays (descr |O) hold pickled Python objects, which hodu never loads';
  if (kind === 'V' && size === 2) return { dtype: 'bfloat16', itemsize: 2, bigEndian };
  if (kind === 'U') {
    if (size < 1) return `string dtype '${descr}' has zero width`;
    return { dtype: 'string', itemsize: size * 4, bigEndian, stringKind: 'U' };
  }
  if (kind === 'S') {
    if (size < 1) return `string dtype '${descr}' has zero width`;
    return { dtype: 'string', itemsize: size, bigEndian: false, stringKind: 'S' };
  }
  const dtype = NUMERIC[`${kind}${size}`];
  if (!dtype) {
    const known: Record<string, string> = { c: 'complex numbers', M: 'datetimes', m: 'timedeltas', V: 'raw void data', f: 'this float width', i: 'this int width', u: 'this uint width' };
    const what = known[kind];
    return what ? `dtype '${descr}' (${what}) is not supported` : `unknown dtype descriptor '${descr}'`;
  }
  return { dtype, itemsize: size, bigEndian };
}

/** The descr hodu writes for a dtype (little-endian; `|` where byte order is meaningless). */
export function descrOf(dtype: Exclude<DType, 'string'>): string {
  if (dtype === 'bfloat16') return BFLOAT16_DESCR;
  const code = Object.entries(NUMERIC).find(([, d]) => d === dtype)![0];
  return code.endsWith('1') ? `|${code}` : `<${code}`;
}
