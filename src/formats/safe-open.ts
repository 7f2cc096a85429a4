/**
 * Opens the files hodu reads data from (models, tensor files, ONNX external data) without letting a hostile path
 * hang or exhaust the process: a FIFO with no writer blocks `open()` forever and `/dev/zero` never ends, so
 * anything but a regular file is refused. The type is checked with stat before opening (opening some devices has
 * side effects), then again with fstat on the descriptor, which was opened non-blocking, so a swap between the
 * two checks cannot make us block or read a device either.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Larger files cannot be held in one buffer; refusing early beats an allocation failure halfway. */
export const MAX_FILE_BYTES = 2 ** 32 - 1;

type OpenFailure =
  | { why: 'missing' | 'directory' | 'symlink' | 'not-regular' | 'io'; detail: string }
  | { why: 'too-large'; detail: string; size: number };

type OpenResult = { ok: true; fd: number; size: number } | ({ ok: false } & OpenFailure);

/** 'a FIFO (named pipe)', 'a character device', …: what a non-regular file is, for messages. */
function describeFileType(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function classify(st: Stats, noFollow: boolean): OpenFailure | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return { why: 'directory', detail: 'a directory' };
  if (noFollow && st.isSymbolicLink()) return { why: 'symlink', detail: 'a symbolic link' };
  return { why: 'not-regular', detail: describeFileType(st) };
}

function errnoFailure(e: unknown): OpenFailure {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { why: 'missing', detail: 'no such file' };
  if (code === 'ELOOP') return { why: 'symlink', detail: 'a symbolic link' };
  if (code === 'EISDIR') return { why: 'directory', detail: 'a directory' };
  return { why: 'io', detail: code ?? (e as Error)?.message ?? String(e) };
}

/**
 * Opens `path` for reading if it is a regular file of at most `maxBytes`. With `noFollow`, a symlink as the last
 * component is refused too (O_NOFOLLOW). The caller closes the descriptor.
 */
export function openRegularFile(path: string, opts: { noFollow?: boolean; maxBytes?: number } = {}): OpenResult {
  const noFollow = opts.noFollow ?? false;
  if (path.includes('\0')) return { ok: false, why: 'io', detail: 'the path contains a NUL byte' };
  let before: Stats;
  try {
    before = noFollow ? lstatSync(path) : statSync(path);
  } catch (e) {
    return { ok: false, ...errnoFailure(e) };
  }
  const bad = classify(before, noFollow);
  if (bad) return { ok: false, ...bad };
  // O_NONBLOCK makes open() return at once even if the path became a FIFO; it does not affect regular files.
  // Windows has neither flag (and no FIFOs in the file system), hence the `?? 0`.
  const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | (noFollow ? constants.O_NOFOLLOW ?? 0 : 0);
  let fd: number;
  try {
    fd = openSync(path, flags);
  } catch (e) {
    return { ok: false, ...errnoFailure(e) };
  }
  const st = fstatSync(fd);
  const after = classify(st, noFollow);
  const max = opts.maxBytes ?? MAX_FILE_BYTES;
  if (after || st.size > max) {
    closeSync(fd);
    return { ok: false, ...(after ?? { why: 'too-large', detail: `${st.size} bytes, more than the limit of ${max}`, size: st.size }) };
  }
  return { ok: true, fd, size: st.size };
}

/** Fills `out` from `position` of an open descriptor; false when the file ended first (it shrank). */
export function readExactly(fd: number, out: Uint8Array, position: number): boolean {
  let done = 0;
  while (done < out.length) {
    const n = readSync(fd, out, done, out.length - done, position + done);
    if (n <= 0) return false;
    done += n;
  }
  return true;
}

/** Reads a whole regular file (its size as of opening: a file that grows meanwhile is not read past that). */
export function readRegularFile(path: string, opts: { noFollow?: boolean; maxBytes?: number } = {}): { ok: true; bytes: Uint8Array } | ({ ok: false } & OpenFailure) {
  const opened = openRegularFile(path, opts);
  if (!opened.ok) return opened;
  try {
    const bytes = new Uint8Array(opened.size);
    if (!readExactly(opened.fd, bytes, 0)) return { ok: false, why: 'io', detail: 'the file shrank while it was read' };
    return { ok: true, bytes };
  } catch (e) {
    return { ok: false, ...errnoFailure(e) };
  } finally {
    closeSync(opened.fd);
  }
}
