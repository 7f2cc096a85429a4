import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stagingDir } from './layout';

/** A staging folder older than this was left by a process that died (no build takes an hour). */
const STALE_STAGING_MS = 60 * 60 * 1000;

/** A unique folder name under staging/ (pid + random: two processes, or two calls, never share one). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Removes an entry so no reader ever sees half of it: first renamed into staging/ (atomic: the key is then
 * simply absent), then deleted. false when it was already gone (another process removed it first).
 */
export function removeEntryDir(cacheDir: string, dir: string): boolean {
  const trash = join(stagingDir(cacheDir), uniqueName('removed'));
  try {
    mkdirSync(stagingDir(cacheDir), { recursive: true });
    renameSync(dir, trash);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  rmSync(trash, { recursive: true, force: true });
  return true;
}

/** Deletes what interrupted writers and removers left in staging/ longer ago than `maxAgeMs`; returns how many. */
export function sweepStaging(cacheDir: string, maxAgeMs = STALE_STAGING_MS, now = Date.now(), dryRun = false): string[] {
  const staging = stagingDir(cacheDir);
  let names: string[];
  try {
    names = readdirSync(staging);
  } catch {
    return [];
  }
  const swept: string[] = [];
  for (const name of names.slice(0, 10_000)) {
    const path = join(staging, name);
    try {
      if (now - statSync(path).mtimeMs < maxAgeMs) continue;
      if (!dryRun) rmSync(path, { recursive: true, force: true });
      swept.push(name);
    } catch {
      // Removed by another process meanwhile, or not removable now: the next sweep tries again.
    }
  }
  return swept;
}
