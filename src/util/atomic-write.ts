import { closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { HoduError } from '../errors';
import { ioError, statQuietly } from './fs-error';

/**
 * Writes a file atomically: a temp file in the same directory, fsync, then rename over the target,
 * so an interrupted write never leaves a half-written file. Failures are E_IO naming `path` (never the
 * temp file) with the reason: a parent that is a file, a target that is a folder, no permission, disk full.
 *
 * A target that exists and is neither a file nor a folder (a device such as /dev/null, a FIFO), or anything
 * under /dev or /proc (/dev/stdout redirected to a file), is written into as is: renaming over it would replace
 * the device node or link itself (as root, /dev/null became a regular file) and send nothing to the reader.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  writeFilesAtomic([[path, data]]);
}

/**
 * Files that belong together (a model and its external data) written as one: every regular target is staged
 * first (a temp file beside it, fsynced), and only when all are staged are they renamed into place, in the
 * order given. A failure while staging (disk full, no permission, a parent that is a file) leaves every target
 * as it was; only a crash between the renames can mix old and new. Devices and FIFOs are written into last.
 */
export function writeFilesAtomic(files: readonly (readonly [path: string, data: Uint8Array | string])[]): void {
  const staged: { tmp: string; path: string }[] = [];
  const special: { path: string; data: Uint8Array | string; kind: 'fifo' | 'device' }[] = [];
  try {
    for (const [path, data] of files) {
      const kind = specialFile(path);
      if (kind) special.push({ path, data, kind });
      else staged.push({ tmp: stage(path, data), path });
    }
  } catch (e) {
    for (const s of staged) removeQuietly(s.tmp);
    throw e;
  }
  for (let i = 0; i < staged.length; i++) {
    const { tmp, path } = staged[i]!;
    try {
      renameSync(tmp, path);
    } catch (e) {
      for (const s of staged.slice(i)) removeQuietly(s.tmp);
      throw ioError(e, path, 'write');
    }
  }
  for (const { path, data, kind } of special) {
    if (kind === 'fifo') writeFifo(path, typeof data === 'string' ? Buffer.from(data) : data);
    else {
      try {
        writeFileSync(path, data);
      } catch (e) {
        throw ioError(e, path, 'write');
      }
    }
  }
}

/** Writes `data` to a fsynced temp file beside `path` and returns its name (failures are E_IO naming `path`). */
function stage(path: string, data: Uint8Array | string): string {
  // A folder in the way would fail only at the rename, after the files before it were renamed: fail here.
  if (statQuietly(path)?.isDirectory()) throw ioError(Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' }), path, 'write');
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
  } catch (e) {
    removeQuietly(tmp);
    throw ioError(e, path, 'write');
  }
  return tmp;
}

function specialFile(path: string): 'fifo' | 'device' | undefined {
  try {
    const st = statQuietly(path);
    if (st?.isFIFO()) return 'fifo';
    // /dev/stdout, /dev/fd/N and /proc/self/fd/N name an open file by a link: renaming over the link would
    // replace /dev's entry and leave the file the shell opened empty. Nothing under /dev or /proc is renamed over.
    if (st && !st.isDirectory() && /^\/(dev|proc)\//.test(resolve(path))) return 'device';
    if (!st || st.isFile() || st.isDirectory()) return undefined;
    return 'device';
  } catch {
    // Cannot look (no permission on a parent): the write below reports it.
    return undefined;
  }
}

/**
 * A FIFO is opened without blocking: with no reader a blocking open would wait forever in a synchronous call,
 * where even Ctrl+C cannot reach hodu's signal handler. A full pipe is waited out 1 ms at a time.
 */
function writeFifo(path: string, buf: Uint8Array): void {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENXIO') throw new HoduError('E_IO', `${path}: cannot write: it is a FIFO that no process is reading`, { hint: 'start the reader first (e.g. cat FIFO &), or write to a file' });
    throw ioError(e, path, 'write');
  }
  const pause = new Int32Array(new SharedArrayBuffer(4));
  try {
    for (let off = 0; off < buf.byteLength; ) {
      try {
        off += writeSync(fd, buf, off, buf.byteLength - off);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw ioError(e, path, 'write');
        Atomics.wait(pause, 0, 0, 1);
      }
    }
  } finally {
    closeSync(fd);
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
