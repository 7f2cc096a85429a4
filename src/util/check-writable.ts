import { accessSync, constants } from 'node:fs';
import { dirname } from 'node:path';
import { HoduError } from '../errors';
import { fileInPath, ioError, statQuietly } from './fs-error';

/**
 * Checks, before any work, that `path` can be written as a file: it is not a folder, no parent is a
 * file, and the nearest existing folder is writable. The write itself still maps its own errors
 * (disk full, races), but a typo no longer costs a whole run first.
 */
export function checkWritableFile(path: string): void {
  if (statQuietly(path)?.isDirectory()) {
    throw new HoduError('E_IO', `${path}: cannot write: it is a folder, not a file`, { hint: 'give a file path, not a folder' });
  }
  checkParents(path, dirname(path), 'write');
}

/** The same for a folder that files will be written into (created when missing). */
export function checkWritableDir(dir: string): void {
  const st = statQuietly(dir);
  if (st && !st.isDirectory()) {
    throw new HoduError('E_IO', `${dir}: cannot write into it: it is a file, not a folder`, { hint: 'give a folder path (it is created when missing)' });
  }
  checkParents(dir, dir, 'write into it');
}

function checkParents(path: string, from: string, action: string): void {
  const blocker = fileInPath(from, true);
  if (blocker) throw new HoduError('E_IO', `${path}: cannot ${action}: ${blocker} is a file, not a folder`, { hint: 'pick a path whose parent folders are folders' });
  let p = from;
  while (!statQuietly(p)) {
    const up = dirname(p);
    if (up === p) return;
    p = up;
  }
  try {
    accessSync(p, constants.W_OK | constants.X_OK);
  } catch (e) {
    throw ioError(e, path, action);
  }
}
