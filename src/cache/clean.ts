import { pickEvictions } from './evict';
import { removeEntryDir, sweepStaging } from './remove';
import { scanEntries, type ScannedEntry } from './scan';
import { resetLookups } from './stats';
import type { CacheSettings } from './store';
import { verifyEntry } from './verify';

/**
 * What to remove. No filter is the tidy-up: corrupt entries (every file re-hashed in full, which a hit does
 * not do), stale staging folders, and least recently used entries over max_size; every valid entry under the
 * limit stays. `all` removes every entry; `olderThanMs` and `modelSha256` pick entries, both when both are given.
 */
export interface CleanFilter {
  all?: boolean;
  /** Entries last used more than this long ago. */
  olderThanMs?: number;
  /** Entries whose meta.modelSha256 is this. */
  modelSha256?: string;
}

interface RemovedEntry {
  key: string;
  kind?: string;
  label?: string;
  bytes: number;
  lastUsed: string;
  reason: string;
}

export interface CleanResult {
  dryRun: boolean;
  removed: RemovedEntry[];
  freedBytes: number;
  /** Staging folders left by interrupted builds (older than an hour). */
  staging: string[];
  kept: { entries: number; bytes: number };
}

function why(e: ScannedEntry, f: CleanFilter, now: number, tidy: boolean): string | undefined {
  // A filter by age or model removes what it names; corrupt entries go with a tidy-up or --all.
  if (!e.record) return tidy || f.all ? `corrupt: ${e.problem}` : undefined;
  if (f.all) return 'all';
  if (f.olderThanMs !== undefined || f.modelSha256 !== undefined) {
    const old = f.olderThanMs === undefined || now - e.lastUsed > f.olderThanMs;
    const model = f.modelSha256 === undefined || e.record.meta.modelSha256 === f.modelSha256;
    if (!old || !model) return undefined;
    return [f.olderThanMs !== undefined ? 'not used within the given time' : '', f.modelSha256 !== undefined ? 'built from the given model' : ''].filter(Boolean).join(', ');
  }
  const problem = tidy ? verifyEntry(e.dir, e.record, true).problem : undefined;
  return problem ? `corrupt: ${problem}` : undefined;
}

/** Removes (or with `dryRun` only lists) what the filter picks; any real clean resets the hit/miss counts. */
export function cleanCache(settings: CacheSettings, filter: CleanFilter, dryRun: boolean, now = Date.now()): CleanResult {
  const { entries } = scanEntries(settings.dir);
  const tidy = !filter.all && filter.olderThanMs === undefined && filter.modelSha256 === undefined;
  const picked = new Map<ScannedEntry, string>();
  for (const e of entries) {
    const reason = why(e, filter, now, tidy);
    if (reason) picked.set(e, reason);
  }
  if (tidy) {
    for (const e of pickEvictions(entries.filter((e) => !picked.has(e)), settings.maxSize)) picked.set(e, 'least recently used, over max_size');
  }
  const removed: RemovedEntry[] = [];
  for (const [e, reason] of picked) {
    if (!dryRun && !removeEntryDir(settings.dir, e.dir)) continue;
    removed.push({ key: e.key, kind: e.record?.meta.kind, label: e.record?.meta.label, bytes: e.bytes, lastUsed: new Date(e.lastUsed).toISOString(), reason });
  }
  const staging = sweepStaging(settings.dir, undefined, now, dryRun);
  if (!dryRun) resetLookups(settings.dir);
  const kept = entries.filter((e) => !picked.has(e));
  return { dryRun, removed, freedBytes: removed.reduce((s, r) => s + r.bytes, 0), staging, kept: { entries: kept.length, bytes: kept.reduce((s, e) => s + e.bytes, 0) } };
}
