import { statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { HoduError } from '../errors';

/**
 * One mapping from Node's fs error codes to `E_IO` naming the user's path, a plain reason and a hint.
 * Every write site (atomic writes, output folders, plugin folders, $HODU_HOME) and the top-level
 * renderer use it, so a stray fs error is never shown as an internal bug.
 */
const REASONS: Record<string, { reason: string; hint: string }> = {
  ENOENT: { reason: 'no such file or folder', hint: 'check the path' },
  ENOTDIR: { reason: 'a part of the path is a file, not a folder', hint: 'pick a path whose parent folders are folders' },
  EISDIR: { reason: 'it is a folder, not a file', hint: 'give a file path, not a folder' },
  EEXIST: { reason: 'it already exists', hint: 'pick another path, or remove the existing one' },
  ENOTEMPTY: { reason: 'the folder is not empty', hint: 'pick another path, or empty the folder' },
  EACCES: { reason: 'permission denied', hint: 'check the permissions of the path and its parent folders' },
  EPERM: { reason: 'operation not permitted', hint: 'check the permissions of the path and its parent folders' },
  ENOSPC: { reason: 'no space left on the device', hint: 'free some disk space, or write somewhere else' },
  EDQUOT: { reason: 'disk quota exceeded', hint: 'free some space, or write somewhere else' },
  EROFS: { reason: 'the file system is read-only', hint: 'write somewhere else' },
  ENAMETOOLONG: { reason: 'the name is too long', hint: 'use a shorter path' },
  ELOOP: { reason: 'too many symbolic links', hint: 'check the symbolic links in the path' },
  EMFILE: { reason: 'too many open files', hint: 'raise the open-file limit (ulimit -n)' },
  EBUSY: { reason: 'the file or folder is busy', hint: 'close the program that uses it and try again' },
  EXDEV: { reason: 'cannot move across file systems', hint: 'keep the path on one file system' },
  EIO: { reason: 'an I/O error from the device', hint: 'check the disk' },
  // fs.cpSync's own checks (installing a plugin folder that holds $HODU_HOME, …).
  ERR_FS_CP_EINVAL: { reason: 'cannot copy a folder into itself', hint: 'keep the destination outside the source folder (is $HODU_HOME inside it?)' },
  ERR_FS_CP_DIR_TO_NON_DIR: { reason: 'cannot copy a folder onto a file', hint: 'remove the file, or pick another destination' },
  ERR_FS_CP_NON_DIR_TO_DIR: { reason: 'cannot copy a file onto a folder', hint: 'remove the folder, or pick another destination' },
  ERR_FS_CP_EEXIST: { reason: 'the destination already exists', hint: 'remove it, or pick another destination' },
  EINVAL: { reason: 'an invalid argument for this file system', hint: 'check the path (some file systems refuse some names)' },
};

/** An error thrown by node:fs (or Bun's fs), recognised by its errno code. */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).code! in REASONS;
}

/**
 * `path: cannot ACTION: reason` as E_IO. `path` is the path the user gave (not a temp file), `action`
 * says what hodu was doing ("write", "create the folder", "read").
 */
export function ioError(e: unknown, path: string, action: string): HoduError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? REASONS[code] : undefined;
  if (!known) {
    const detail = e instanceof Error ? e.message : String(e);
    return new HoduError('E_IO', `${path}: cannot ${action} (${detail})`, { cause: e });
  }
  if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'ENOENT') {
    // Name the file that stands where a folder is needed: `out/x.npz` under a file `out`.
    const blocker = fileInPath(path);
    if (blocker) return new HoduError('E_IO', `${path}: cannot ${action}: ${blocker} is a file, not a folder`, { hint: REASONS.ENOTDIR!.hint, cause: e });
  }
  // cpSync says which folders are involved in `info.message`; that beats the staging path.
  const info = (e as { info?: { message?: string } }).info?.message;
  if (code!.startsWith('ERR_FS_CP_') && info) return new HoduError('E_IO', `${known.reason}: ${info}`, { hint: known.hint, cause: e });
  return new HoduError('E_IO', `${path}: cannot ${action}: ${known.reason}`, { hint: known.hint, cause: e });
}

/** The nearest existing ancestor of `path` (or `path` itself) when it is a file rather than a folder. */
export function fileInPath(path: string, includeSelf = false): string | undefined {
  // Walk the path as the user wrote it, so the message names what they typed (relative stays relative).
  let p = includeSelf ? path : dirname(path);
  for (;;) {
    const st = statQuietly(p);
    if (st) return st.isDirectory() ? undefined : p;
    const up = dirname(p);
    if (up === p) return undefined;
    p = up;
  }
}

/** stat, or undefined when nothing is there (ENOENT) or a parent is a file (ENOTDIR). */
export function statQuietly(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw e;
  }
}

/** What a syscall name says hodu was doing, for fs errors caught only at the top level. */
export function actionOf(syscall: string | undefined): string {
  switch (syscall) {
    case 'open':
    case 'read':
    case 'stat':
    case 'lstat':
    case 'scandir':
      return 'read';
    case 'mkdir':
      return 'create the folder';
    case 'rename':
      return 'move into place';
    case 'cp':
    case 'copyfile':
      return 'copy';
    case 'unlink':
    case 'rmdir':
    case 'rm':
      return 'remove';
    default:
      return 'write';
  }
}
