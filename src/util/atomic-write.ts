import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { ioError, statQuietly } from './fs-error';

/**
 * Writes a file atomically: a temp file in the same directory, fsync, then rename over the target,
 * so an interrupted write never leaves a half-written file. Failures are E_IO naming `path` (never the
 * temp file) with the reason: a parent that is a file, a target that is a folder, no permission, disk full.
 *
 * A target that exists and is neither a file nor a folder (a device such as /dev/null or /dev/stdout, a FIFO)
 * is written into as is: renaming over it would replace the device node itself (as root, /dev/null became a
 * regular file) and send nothing to the reader.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  if (isSpecialFile(path)) {
    try {
      return writeFileSync(path, data);
    } catch (e) {
      throw ioError(e, path, 'write');
    }
  }
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw ioError(e, path, 'write');
  }
  try {
    const fd = openSync(tmp, 'w', 0o644);
    try {
      const buf = typeof data === 'string' ? Buffer.from(data) : data;
      let off = 0;
      while (off < buf.byteLength) off += writeSync(fd, buf, off, buf.byteLength - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    removeQuietly(tmp);
    throw ioError(e, path, 'write');
  }
}

function isSpecialFile(path: string): boolean {
  try {
    const st = statQuietly(path);
    return st !== undefined && !st.isFile() && !st.isDirectory();
  } catch {
    // Cannot look (no permission on a parent): the write below reports it.
    return false;
  }
}

/** Cleanup must not hide the real error (removing a temp file under a non-folder throws, e.g. EFAULT in Bun). */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was created there, or it cannot be removed either way; the caller reports the write error.
  }
}
