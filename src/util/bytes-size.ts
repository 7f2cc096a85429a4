/**
 * Byte sizes as people write them: "2GiB", "512MB", "1.5 GiB", "1e9", "4096". Decimal units (kB, MB, GB,
 * TB) are powers of 1000; binary units (KiB, MiB, GiB, TiB) and the bare letters K, M, G, T (as in
 * `-Xmx2G` or `ulimit`) are powers of 1024. Units are case-insensitive.
 */
const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
  k: 2 ** 10,
  m: 2 ** 20,
  g: 2 ** 30,
  t: 2 ** 40,
};

/** Bytes for a size string or number; undefined when it is not a non-negative size. */
export function parseByteSize(text: string | number): number | undefined {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.floor(text) : undefined;
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** 1610612736 → "1.5 GiB" (binary units, matching how limits are usually written). */
export function formatByteSize(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${Number(v.toFixed(v < 10 ? 2 : 1))} ${units[u]}`;
}

export const BYTE_SIZE_EXAMPLES = '"2GiB", "512MB", "1e9" or a number of bytes';
