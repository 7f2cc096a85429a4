import { HoduError } from '../errors';

/**
 * JSON with every object's keys sorted, at every depth, so the same parts give the same text whatever order
 * the caller built them in. Arrays keep their order (it means something: shapes, flags). `undefined` members
 * are dropped as JSON.stringify drops them; values JSON cannot hold exactly (bigint, NaN, functions) are
 * refused, since a key that silently loses a part would hit an entry built from something else.
 */
export function canonicalJson(value: unknown, path = 'parts'): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw badPart(path, String(value));
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v, i) => (v === undefined ? 'null' : canonicalJson(v, `${path}[${i}]`))).join(',')}]`;
  if (typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const obj = value as Record<string, unknown>;
    const members = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k], `${path}.${k}`)}`);
    return `{${members.join(',')}}`;
  }
  throw badPart(path, typeof value);
}

function badPart(path: string, what: string): HoduError {
  return new HoduError('E_INTERNAL', `compile cache key: ${path} is ${what}, which has no stable JSON form`, {
    hint: 'this is a bug in hodu; pass strings, finite numbers, booleans, arrays and plain objects',
  });
}

/** sha256 hex of the canonical JSON of the parts (sorted keys). */
export function cacheKey(parts: Record<string, unknown>): string {
  return new Bun.CryptoHasher('sha256').update(canonicalJson(parts)).digest('hex');
}

/** A key names a folder: lower-case hex only (what cacheKey gives), so it can never climb out of the cache. */
export const KEY_RE = /^[0-9a-f]{16,128}$/;

export function checkKey(key: string): void {
  if (!KEY_RE.test(key)) {
    throw new HoduError('E_INTERNAL', `compile cache key '${key.slice(0, 80)}' is not lower-case hex (16 to 128 digits)`, {
      hint: 'this is a bug in hodu: make keys with cacheKey()',
    });
  }
}
