import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, normalize, relative } from 'node:path';
import { HoduError } from '../errors';
import type { FileRecord } from './entry-file';
import { fileStamp, hashFile } from './verify';

/**
 * Checks the names a producer returned (relative paths to regular files inside its folder), hashes them, and
 * deletes anything else it left there (object files, logs): an entry holds what it lists and nothing more,
 * so its recorded size is its size on disk.
 */
export function recordProducedFiles(staging: string, names: string[]): FileRecord[] {
  const files: FileRecord[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const name = normalize(raw);
    if (!raw || isAbsolute(raw) || name === '.' || name.split(/[\\/]/).includes('..') || /[\\/]$/.test(raw)) {
      throw new HoduError('E_INTERNAL', `compile cache: the producer returned '${raw}', not a file path inside its staging folder`, { hint: 'this is a bug in hodu: return names relative to the staging folder' });
    }
    if (seen.has(name)) continue;
    seen.add(name);
    let stamp: { size: number; stamp: string };
    try {
      stamp = fileStamp(join(staging, name));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new HoduError('E_INTERNAL', `compile cache: the producer listed '${name}' but ${code === 'ENOTFILE' ? 'it is not a regular file' : 'did not write it'}`, { hint: 'this is a bug in hodu' });
    }
    files.push({ name, size: stamp.size, sha256: hashFile(join(staging, name)), stamp: stamp.stamp });
  }
  pruneUnlisted(staging, staging, seen);
  return files;
}

/** Removes every file and folder under `dir` that is neither listed nor holds a listed file. */
function pruneUnlisted(root: string, dir: string, keep: Set<string>): boolean {
  let kept = false;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const rel = relative(root, path);
    const isDir = lstatSync(path).isDirectory();
    if (isDir ? pruneUnlisted(root, path, keep) : keep.has(rel)) kept = true;
    else rmSync(path, { recursive: true, force: true });
  }
  return kept;
}
