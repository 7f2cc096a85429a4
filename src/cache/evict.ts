import { removeEntryDir } from './remove';
import { scanEntries, type ScannedEntry } from './scan';

/**
 * Least recently used first, until the total fits in `maxSize` bytes. `keep` (the entry the current call just
 * wrote or hit) is never picked, even when it alone is over the limit; entries whose entry.json is unusable
 * have no known size and are left to `hodu cache clean`. Pure, so `clean --dry-run` shows the same choice.
 */
export function pickEvictions(entries: readonly ScannedEntry[], maxSize: number, keep?: string): ScannedEntry[] {
  let total = entries.reduce((s, e) => s + e.bytes, 0);
  const picked: ScannedEntry[] = [];
  if (total <= maxSize) return picked;
  const oldestFirst = entries.filter((e) => e.key !== keep && e.record).sort((a, b) => a.lastUsed - b.lastUsed || a.key.localeCompare(b.key));
  for (const e of oldestFirst) {
    if (total <= maxSize) break;
    picked.push(e);
    total -= e.bytes;
  }
  return picked;
}

/**
 * Evicts down to `maxSize` after a write. Entries another process is copying from were used moments ago,
 * so they are the last candidates.
 */
export function evictToSize(cacheDir: string, maxSize: number, keep: string): ScannedEntry[] {
  return pickEvictions(scanEntries(cacheDir).entries, maxSize, keep).filter((e) => removeEntryDir(cacheDir, e.dir));
}
