import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readEntryRecord, type EntryRecord } from './entry-file';
import { KEY_RE } from './key';
import { ENTRY_FILE, entriesDir, USED_FILE } from './layout';

/** Status, clean and eviction stop listing here: a cache this full is reported as such, not walked forever. */
const MAX_SCANNED_ENTRIES = 100_000;

export interface ScannedEntry {
  key: string;
  dir: string;
  /** Undefined when entry.json cannot be used (then `problem` says why). */
  record?: EntryRecord;
  problem?: string;
  /** Last use (ms since the epoch): the mtime of `.used`, touched on every hit and on creation. */
  lastUsed: number;
  /** The files' bytes as recorded (0 when the record is unusable). */
  bytes: number;
}

function lastUse(dir: string): number {
  for (const name of [USED_FILE, ENTRY_FILE]) {
    try {
      return statSync(join(dir, name)).mtimeMs;
    } catch {
      // `.used` removed by hand: fall back to when the entry was written.
    }
  }
  return 0;
}

function listDir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Every entry folder (entries/xx/KEY), with its record and last use; `truncated` when the bound was hit. */
export function scanEntries(cacheDir: string, limit = MAX_SCANNED_ENTRIES): { entries: ScannedEntry[]; truncated: boolean } {
  const entries: ScannedEntry[] = [];
  const root = entriesDir(cacheDir);
  for (const shard of listDir(root).sort()) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const key of listDir(join(root, shard)).sort()) {
      if (!KEY_RE.test(key) || !key.startsWith(shard)) continue;
      if (entries.length >= limit) return { entries, truncated: true };
      const dir = join(root, shard, key);
      const r = readEntryRecord(dir, key);
      if ('problem' in r && r.missing && !existsDir(dir)) continue; // removed while we listed
      const record = 'record' in r ? r.record : undefined;
      entries.push({ key, dir, record, problem: 'problem' in r ? r.problem : undefined, lastUsed: lastUse(dir), bytes: record ? record.files.reduce((s, f) => s + f.size, 0) : 0 });
    }
  }
  return { entries, truncated: false };
}

function existsDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
