/**
 * The embedded cpu library as a file hodu can dlopen: written once under $HODU_HOME/embedded/ (temp file +
 * rename, so a crash mid-write never leaves a half library), checked by sha256 against the checksum recorded
 * at build time before every load, and written again when it is missing or differs (damaged, tampered with).
 * Not $TMPDIR, not the cwd: a file another user could replace there would run inside hodu.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HoduError } from '../../errors';
import { writeFileAtomic } from '../../util/atomic-write';

export function sha256Hex(bytes: Uint8Array): string {
  return new Bun.CryptoHasher('sha256').update(bytes).digest('hex');
}

/** `$HODU_HOME/embedded/cpu-<version>-<first 12 hex of sha256>.so`: a new build never reuses an old file. */
export function embeddedLibraryPath(home: string, build: { version: string; sha256: string }): string {
  return join(home, 'embedded', `cpu-${build.version}-${build.sha256.slice(0, 12)}.so`);
}

interface Materialized {
  path: string;
  /** Why the file was (re)written; undefined when the one on disk was already right. */
  wrote?: 'missing' | 'checksum mismatch';
}

function fileSha(path: string): string | undefined {
  try {
    return sha256Hex(readFileSync(path));
  } catch {
    return undefined;
  }
}

/**
 * Makes `path` hold the library whose sha256 is `sha256`. `bytes` reads the embedded copy (only called when
 * the file must be written). Throws E_PLUGIN_LOAD when the embedded copy itself does not match (a damaged
 * binary) and E_IO when the file cannot be written (e.g. a read-only $HODU_HOME).
 */
export function materializeLibrary(path: string, sha256: string, bytes: () => Uint8Array): Materialized {
  const present = existsSync(path);
  if (present && fileSha(path) === sha256) return { path };
  const data = bytes();
  if (sha256Hex(data) !== sha256) {
    throw new HoduError('E_PLUGIN_LOAD', `the cpu backend library inside this hodu does not match the checksum recorded when it was built`, {
      hint: 'the hodu binary is damaged: reinstall it',
    });
  }
  writeFileAtomic(path, data);
  if (fileSha(path) !== sha256) {
    throw new HoduError('E_PLUGIN_LOAD', `the cpu backend library written to ${path} does not read back with its checksum`, { hint: 'check the disk and the folder permissions' });
  }
  if (!present) pruneStaleLibraries(path);
  return { path, wrote: present ? 'checksum mismatch' : 'missing' };
}

/** A library another hodu wrote within this long may be about to be loaded by it (or by its isolated child). */
const STALE_AFTER_MS = 24 * 3600 * 1000;

/**
 * Each hodu build writes its own `cpu-<version>-<sha>.so`; without pruning, every upgrade leaves the previous
 * one behind. When a new one is written, the others not written for a day are removed: a process that has one
 * loaded keeps its mapping (unlinking does not unmap), and a hodu of another version still in use rewrites its
 * own on the next run. Best effort: a file that cannot be removed stays.
 */
function pruneStaleLibraries(current: string, now = Date.now()): void {
  const dir = dirname(current);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === basename(current) || !/^cpu-.+\.so$/.test(name)) continue;
    const file = join(dir, name);
    try {
      if (now - statSync(file).mtimeMs > STALE_AFTER_MS) rmSync(file, { force: true });
    } catch {
      /* raced with another hodu, or not ours to remove */
    }
  }
}
