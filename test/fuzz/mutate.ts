/**
 * Byte-level mutators shared by every format: bit flips, interesting values, inserts, deletes, chunk copies and
 * truncation. All randomness comes from the `Rand` passed in, so a case is reproducible from its seed.
 */
import { mulberry32 } from '../../src/util/prng';

export interface Rand {
  /** Uniform [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

export function makeRand(seed: number): Rand {
  const next = mulberry32(seed);
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** One 32-bit seed per (run seed, format, case index), so any single case can be regenerated alone. */
export function caseSeed(seed: number, format: string, index: number): number {
  let h = 2166136261 ^ seed;
  for (const c of `${format}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h ^ Math.imul(index, 0x9e3779b1)) >>> 0;
}

/** Values that sit on boundaries loaders get wrong: zero, sign bits, all ones, 2^31, 10^12. */
export const INTERESTING_U64: readonly bigint[] = [0n, 1n, 0x7fn, 0x80n, 0xffn, 0x7fffn, 0x8000n, 0xffffn, 0x7fffffffn, 0x80000000n, 0xffffffffn, 1_000_000_000_000n, 0x7fffffffffffffffn, 0xffffffffffffffffn];

/**
 * Picks an offset: half the time inside the first and last 512 bytes, where headers, lengths and zip
 * directories live, otherwise anywhere.
 */
function offset(r: Rand, len: number): number {
  if (len === 0) return 0;
  const edge = Math.min(len, 512);
  if (r.next() < 0.25) return r.int(edge);
  if (r.next() < 0.33) return len - 1 - r.int(edge);
  return r.int(len);
}

type Mutator = (b: Uint8Array, r: Rand) => Uint8Array;

/** A real copy: `Buffer#slice` (seeds read with readFileSync are Buffers) returns a view, which would corrupt the seed. */
export const copy = (b: Uint8Array): Uint8Array => new Uint8Array(b);

const flipBit: Mutator = (b, r) => {
  if (!b.length) return b;
  const out = copy(b);
  out[offset(r, b.length)]! ^= 1 << r.int(8);
  return out;
};

const setByte: Mutator = (b, r) => {
  if (!b.length) return b;
  const out = copy(b);
  out[offset(r, b.length)] = r.pick([0, 1, 0x7f, 0x80, 0xff, r.int(256)]);
  return out;
};

/** Overwrites 2, 4 or 8 bytes with an interesting little-endian integer (lengths, counts, offsets). */
const setWord: Mutator = (b, r) => {
  const width = r.pick([2, 4, 8]);
  if (b.length < width) return b;
  const out = copy(b);
  const at = Math.min(offset(r, b.length), b.length - width);
  let v = r.pick(INTERESTING_U64);
  for (let k = 0; k < width; k++) {
    out[at + k] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
};

/** Writes a protobuf varint (a field length or an int64 field) of an interesting value. */
const setVarint: Mutator = (b, r) => {
  if (!b.length) return b;
  const bytes: number[] = [];
  let v = r.pick(INTERESTING_U64);
  do {
    const low = Number(v & 0x7fn);
    v >>= 7n;
    bytes.push(v ? low | 0x80 : low);
  } while (v);
  const out = copy(b);
  const at = offset(r, b.length);
  for (let k = 0; k < bytes.length && at + k < out.length; k++) out[at + k] = bytes[k]!;
  return out;
};

const insertBytes: Mutator = (b, r) => {
  const at = offset(r, b.length);
  const n = 1 + r.int(16);
  const ins = Uint8Array.from({ length: n }, () => r.int(256));
  const out = new Uint8Array(b.length + n);
  out.set(b.subarray(0, at));
  out.set(ins, at);
  out.set(b.subarray(at), at + n);
  return out;
};

const deleteBytes: Mutator = (b, r) => {
  if (!b.length) return b;
  const at = offset(r, b.length);
  const n = Math.min(1 + r.int(32), b.length - at);
  const out = new Uint8Array(b.length - n);
  out.set(b.subarray(0, at));
  out.set(b.subarray(at + n), at);
  return out;
};

/** Copies a chunk over another place (duplicated fields, repeated records). */
const copyChunk: Mutator = (b, r) => {
  if (b.length < 2) return b;
  const n = 1 + r.int(Math.min(64, b.length - 1));
  const from = r.int(b.length - n + 1);
  const to = r.int(b.length - n + 1);
  const out = copy(b);
  out.set(b.subarray(from, from + n), to);
  return out;
};

export const truncate: Mutator = (b, r) => copy(b.subarray(0, r.next() < 0.5 ? r.int(Math.min(b.length, 600) + 1) : r.int(b.length + 1)));

const MUTATORS: readonly Mutator[] = [flipBit, setByte, setWord, setWord, setVarint, insertBytes, deleteBytes, copyChunk];

/** 1 to 4 random byte mutations, or (one case in eight) a plain truncation. */
export function mutateBytes(b: Uint8Array, r: Rand): Uint8Array {
  if (r.next() < 0.125) return truncate(b, r);
  let out = b;
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) out = r.pick(MUTATORS)(out, r);
  return out;
}
