/**
 * What `--dry-run` says about caches, read-only (no entry is touched, counted, verified-and-removed or written):
 *  - `hodu build`: the compile cache entry under the key `hodu build` computes (build-model.ts buildCacheKey),
 *    checked as a hit is checked (entry.json, each file's size and checksum stamp) but never removed;
 *  - `hodu run`: the compile cache is not used; what applies is the embedded cpu backend's library, written
 *    once under $HODU_HOME/embedded/ (present with its checksum: reused; else written at first use), or a
 *    model built by `hodu build`, compiled already. The interp and installed plugins cache nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readEntryRecord } from '../../cache/entry-file';
import { entryDir } from '../../cache/layout';
import { verifyEntry } from '../../cache/verify';
import type { CacheSettings } from '../../cache';

export interface CacheReport {
  /** What the lookup is about: 'compile cache', 'embedded cpu library', 'built model' or 'none'. */
  applies: string;
  /** hit/miss for a lookup; 'off' when the cache is disabled; 'n/a' when nothing is looked up. */
  state: 'hit' | 'miss' | 'off' | 'n/a';
  /** The cache key (build) or the file (embedded library). */
  key?: string;
  path?: string;
  detail: string;
}

/** The compile cache entry of `key`, judged as a hit would be, without side effects. */
export function peekCompileCache(settings: CacheSettings, key: string): CacheReport {
  if (!settings.enabled) return { applies: 'compile cache', state: 'off', key, detail: 'the compile cache is off (--no-cache or cache.enabled = false): a build compiles from scratch and stores nothing' };
  const dir = entryDir(settings.dir, key);
  const r = readEntryRecord(dir, key);
  if (!('record' in r)) {
    const detail = 'missing' in r && !existsSync(dir) ? 'no entry under this key: a build would compile' : `the entry is unusable (${r.problem}): a build would remove it and compile`;
    return { applies: 'compile cache', state: 'miss', key, path: dir, detail };
  }
  const verdict = verifyEntry(dir, r.record);
  if (verdict.problem) return { applies: 'compile cache', state: 'miss', key, path: dir, detail: `the entry is corrupt (${verdict.problem}): a build would remove it and compile` };
  return { applies: 'compile cache', state: 'hit', key, path: dir, detail: 'a build would copy the cached artifact (no compiler run)' };
}

/** Whether the embedded cpu library is on disk with its checksum (checked before selection loads it, which writes it). */
export async function peekEmbeddedCpu(): Promise<CacheReport | undefined> {
  const { EMBEDDED_CPU_BUILD } = await import('../../embedded-plugins');
  if (!EMBEDDED_CPU_BUILD) return undefined;
  const { embeddedLibraryPath, sha256Hex } = await import('../../backends/cpu/materialize');
  const { hoduHome } = await import('../../home');
  const path = embeddedLibraryPath(hoduHome(), EMBEDDED_CPU_BUILD);
  let sha: string | undefined;
  try {
    sha = sha256Hex(readFileSync(path));
  } catch {
    sha = undefined;
  }
  if (sha === EMBEDDED_CPU_BUILD.sha256) return { applies: 'embedded cpu library', state: 'hit', path, detail: 'the cpu backend library is on disk with its checksum: loaded as it is' };
  return { applies: 'embedded cpu library', state: 'miss', path, detail: sha ? 'the file on disk differs from the checksum: the first run rewrites it' : 'not written yet: the first run writes it (a copy, nothing is compiled)' };
}

const COMPILE_CACHE_NOTE = 'hodu run compiles nothing, so the compile cache ($HODU_HOME/cache) does not apply (hodu build uses it)';

/** What applies to a run on `backend`. `embedded`: peekEmbeddedCpu's answer, taken before selection. */
export function runCacheReport(backend: string | undefined, embedded: CacheReport | undefined, built: string | undefined): CacheReport {
  if (built) return { applies: 'built model', state: 'n/a', path: built, detail: `${built} was compiled by hodu build; the run loads it and compiles nothing` };
  if (backend === 'cpu' && embedded) return { ...embedded, detail: `${embedded.detail}; ${COMPILE_CACHE_NOTE}` };
  return { applies: 'none', state: 'n/a', detail: `${backend ? `backend '${backend}' keeps no cache hodu manages` : 'no backend can run the model'}; ${COMPILE_CACHE_NOTE}` };
}
