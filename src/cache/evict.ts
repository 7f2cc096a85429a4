import { removeEntryDir } from './remove';
import { scanEntries, type ScannedEntry } from './scan';

/**
 * Least-recently-used eviction down to `maxSize` bytes: entries by last use, oldest first, removed until the
 * total fits. `keep` (the entry the current call just wrote or hit) is never removed, even when it alone is
 * over the limit. Entries another process is copying from were used moments ago, so they go last.
 */
export function evictToSize(cacheDir: string, maxSize: number, keep: string): ScannedEntry[] {
  const { entries } = scanEntries(cacheDir);
  let total = entries.reduce((s, e) => s + e.bytes, 0);
  const evicted: ScannedEntry[] = [];
  if (total <= maxSize) return evicted;
  const oldestFirst = entries.filter((e) => e.key !== keep && e.record).sort((a, b) => a.lastUsed - b.lastUsed || a.key.localeCompare(b.key));
  for (const e of oldestFirst) {
    if (total <= maxSize) break;
    if (removeEntryDir(cacheDir, e.dir)) evicted.push(e);
    total -= e.bytes;
  }
  return evicted;
}
