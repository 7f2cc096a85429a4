import { join } from 'node:path';

// Where everything lives under the cache folder, named once:
//   entries/ab/abcdef…/   one folder per entry (entry.json + its files + `.used`, whose mtime is the last use)
//   staging/              folders being produced, and entries being removed (same file system: renames)
//   stats.log             one line per lookup, "h" or "m", appended with O_APPEND

export const ENTRY_FILE = 'entry.json';
/** Touched on every hit: its mtime is the entry's last use (cheaper than rewriting entry.json). */
export const USED_FILE = '.used';

export function entriesDir(cacheDir: string): string {
  return join(cacheDir, 'entries');
}

/** Two-hex-digit shards keep any one folder small (256 shards × a few entries). */
export function entryDir(cacheDir: string, key: string): string {
  return join(entriesDir(cacheDir), key.slice(0, 2), key);
}

export function stagingDir(cacheDir: string): string {
  return join(cacheDir, 'staging');
}

export function statsFile(cacheDir: string): string {
  return join(cacheDir, 'stats.log');
}

/** What an entry holds: a built model, a backend's kernel library (for builds), or an installed native plugin's library. */
export const CACHE_KINDS = ['model', 'library', 'plugin'] as const;
export type CacheKind = (typeof CACHE_KINDS)[number];
