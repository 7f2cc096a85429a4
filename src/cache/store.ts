import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { withInterruptCleanup } from '../util/interrupt';
import type { CacheKind } from './layout';
import { readEntryRecord, writeEntryRecord, type EntryRecord } from './entry-file';
import { evictToSize } from './evict';
import { recordProducedFiles } from './files';
import { canonicalJson, checkKey } from './key';
import { entryDir, stagingDir, USED_FILE } from './layout';
import { removeEntryDir, sweepStaging, uniqueName } from './remove';
import { countLookup } from './stats';
import { verifyEntry } from './verify';

export interface CacheSettings {
  dir: string;
  enabled: boolean;
  /** Bytes. */
  maxSize: number;
}

export interface CacheEntry {
  key: string;
  dir: string;
  files: string[];
  /** sha256 hex of each file by name, as recorded when it was stored and verified on the hit. */
  sha256: Record<string, string>;
  meta: Record<string, unknown>;
}

export interface CacheMeta {
  kind: CacheKind;
  label: string;
  modelSha256?: string;
  [k: string]: unknown;
}

type Produce = (stagingDir: string) => Promise<string[]>;

const checksums = (files: EntryRecord['files']) => Object.fromEntries(files.map((f) => [f.name, f.sha256]));
const toEntry = (dir: string, r: EntryRecord): CacheEntry => ({ key: r.key, dir, files: r.files.map((f) => f.name), sha256: checksums(r.files), meta: r.meta });

/** Marks the entry used now (its `.used` mtime is what LRU eviction and `clean --older-than` read). */
function touch(dir: string): void {
  const path = join(dir, USED_FILE);
  const now = new Date();
  try {
    utimesSync(path, now, now);
  } catch {
    try {
      writeFileSync(path, '');
    } catch {
      // A read-only cache still serves hits; the entry just looks older than it is.
    }
  }
}

/**
 * The entry under `key` if it is whole and its files match their checksums; a corrupt one (unreadable
 * entry.json, a missing file, a checksum that differs) is removed with a warning, and the caller rebuilds it.
 */
function lookUp(cacheDir: string, key: string, meta: CacheMeta, warn: (m: string) => void): CacheEntry | undefined {
  const dir = entryDir(cacheDir, key);
  const r = readEntryRecord(dir, key);
  let problem: string;
  if ('record' in r) {
    const verdict = verifyEntry(dir, r.record);
    if (!verdict.problem) {
      if (verdict.restamped.length > 0) restamp(dir, r.record, verdict.restamped);
      return toEntry(dir, r.record);
    }
    problem = verdict.problem;
  } else {
    problem = r.problem;
  }
  // No folder at all is the ordinary miss; one that is gone by now was removed by another process.
  if ('missing' in r && !existsSync(dir)) return undefined;
  if (!removeEntryDir(cacheDir, dir)) return undefined;
  warn(`compile cache entry ${key.slice(0, 12)}… (${meta.kind} ${meta.label}) was corrupt (${problem}); removed it, rebuilding`);
  return undefined;
}

/** Files verified under a new stamp (a copied cache folder): record it, so the next hit skips hashing again. */
function restamp(dir: string, record: EntryRecord, files: EntryRecord['files']): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  try {
    writeEntryRecord(dir, { ...record, files: record.files.map((f) => byName.get(f.name) ?? f) });
  } catch {
    // Read-only cache: hits keep hashing, which is slower but correct.
  }
}

/** Temp folders of `enabled = false` builds: the caller copies the files out; they go when the process exits. */
const uncachedDirs: string[] = [];
let exitHook = false;

async function buildUncached(key: string, meta: CacheMeta, produce: Produce): Promise<{ entry: CacheEntry; hit: boolean }> {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-nocache-'));
  uncachedDirs.push(dir);
  if (!exitHook) {
    exitHook = true;
    process.on('exit', () => uncachedDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  }
  const files = recordProducedFiles(dir, await produce(dir));
  return { entry: { key, dir, files: files.map((f) => f.name), sha256: checksums(files), meta }, hit: false };
}

/**
 * Moves a finished staging folder to its key. A rename onto a non-empty folder fails, so when another
 * process stored the same key first, its entry (same key, same inputs) is used and ours is dropped.
 */
function install(cacheDir: string, key: string, staging: string, meta: CacheMeta, warn: (m: string) => void): CacheEntry | undefined {
  const dir = entryDir(cacheDir, key);
  mkdirSync(dirname(dir), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      renameSync(staging, dir);
      return undefined;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
    }
    const winner = lookUp(cacheDir, key, meta, warn);
    if (winner) {
      rmSync(staging, { recursive: true, force: true });
      return winner;
    }
  }
  throw new Error(`compile cache: could not store ${key} (its folder keeps coming back corrupt)`);
}

/**
 * Looks `key` up; on a verified hit returns it (and counts a hit); on a miss or a corrupt entry (warns
 * through `warn`) calls produce(stagingDir) which writes files there and returns their names, then stores
 * them (checksums in entry.json, staged then renamed; a concurrent writer of the same key wins harmlessly),
 * counts a miss, and evicts least-recently-used entries above maxSize (never the one just written).
 * With settings.enabled false: produce into a temporary folder, nothing recorded.
 */
export async function cachedBuild(
  settings: CacheSettings,
  key: string,
  meta: CacheMeta,
  produce: Produce,
  warn: (message: string) => void,
): Promise<{ entry: CacheEntry; hit: boolean }> {
  checkKey(key);
  canonicalJson(meta, 'meta'); // refused now, not after a long build, if it cannot be stored
  if (!settings.enabled) return buildUncached(key, meta, produce);
  const found = lookUp(settings.dir, key, meta, warn);
  if (found) {
    touch(found.dir);
    countLookup(settings.dir, true);
    return { entry: found, hit: true };
  }
  sweepStaging(settings.dir);
  const staging = join(stagingDir(settings.dir), uniqueName(key.slice(0, 16)));
  try {
    mkdirSync(staging, { recursive: true });
  } catch (e) {
    // A cache folder hodu cannot write (read-only, full, not a folder) costs the speed-up, not the build.
    warn(`compile cache ${settings.dir} is not writable (${(e as NodeJS.ErrnoException).code ?? String(e)}); building without it`);
    return buildUncached(key, meta, produce);
  }
  const entry = await withInterruptCleanup(
    () => rmSync(staging, { recursive: true, force: true }),
    async () => {
      try {
        const files = recordProducedFiles(staging, await produce(staging));
        const record: EntryRecord = { version: 1, key, meta, files, created: new Date().toISOString() };
        writeEntryRecord(staging, record);
        writeFileSync(join(staging, USED_FILE), '');
        return install(settings.dir, key, staging, meta, warn) ?? toEntry(entryDir(settings.dir, key), record);
      } catch (e) {
        rmSync(staging, { recursive: true, force: true });
        throw e;
      }
    },
  );
  countLookup(settings.dir, false);
  try {
    evictToSize(settings.dir, settings.maxSize, key);
  } catch (e) {
    // The entry is stored; failing to shrink the cache must not fail the build that produced it.
    warn(`compile cache: could not evict old entries (${(e as Error).message})`);
  }
  return { entry, hit: false };
}
