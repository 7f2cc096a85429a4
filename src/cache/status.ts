import { existsSync } from 'node:fs';
import { sweepStaging } from './remove';
import { scanEntries } from './scan';
import { readLookups } from './stats';
import type { CacheKind } from './layout';
import type { CacheSettings } from './store';

export interface CacheStatus {
  dir: string;
  exists: boolean;
  enabled: boolean;
  maxSize: number;
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  byKind: Record<CacheKind, { entries: number; bytes: number }>;
  /** Entries whose entry.json cannot be used (the next lookup or `clean` removes them). */
  corrupt: number;
  /** Staging folders older than an hour: left by interrupted builds (`clean` removes them). */
  staleStaging: number;
  /** More entries than status lists: the counts are lower bounds. */
  truncated: boolean;
}

/** What `hodu cache status` shows: read only (nothing is verified, swept or counted). */
export function cacheStatus(settings: CacheSettings): CacheStatus {
  const { entries, truncated } = scanEntries(settings.dir);
  const byKind: CacheStatus['byKind'] = { model: { entries: 0, bytes: 0 }, library: { entries: 0, bytes: 0 }, plugin: { entries: 0, bytes: 0 } };
  for (const e of entries) {
    if (!e.record) continue;
    const k = byKind[e.record.meta.kind];
    k.entries++;
    k.bytes += e.bytes;
  }
  return {
    dir: settings.dir,
    exists: existsSync(settings.dir),
    enabled: settings.enabled,
    maxSize: settings.maxSize,
    entries: entries.filter((e) => e.record).length,
    bytes: entries.reduce((s, e) => s + e.bytes, 0),
    ...readLookups(settings.dir),
    byKind,
    corrupt: entries.filter((e) => !e.record).length,
    staleStaging: sweepStaging(settings.dir, undefined, undefined, true).length,
    truncated,
  };
}
