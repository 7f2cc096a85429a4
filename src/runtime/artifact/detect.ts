/**
 * Whether a file given to `hodu run` / `hodu inspect` is a model built by `hodu build` (a shared library
 * behind src/build/c/hodu_model.h) rather than a model or tensor file: judged by its leading bytes (ELF or
 * Mach-O) or, for a file too short or damaged to show them, its .so/.dylib name. Only a look at the header:
 * whether it really is a hodu model is found out when it is opened (open-library.ts), with an error that says so.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';

const LIBRARY_EXTENSIONS = new Set(['.so', '.dylib']);

/** ELF, or a 32/64-bit Mach-O (either byte order), or a fat Mach-O. */
export function hasExecutableMagic(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46) return true;
  const magic = new DataView(head.buffer, head.byteOffset, 4).getUint32(0, false);
  return [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic);
}

/** The first `n` bytes of a file (fewer when it is shorter; none when it cannot be read). */
export function readHead(path: string, n: number): Uint8Array {
  const head = new Uint8Array(n);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return head.subarray(0, readSync(fd, head, 0, n, 0));
  } catch {
    return head.subarray(0, 0);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A built model to open through bun:ffi (open-library.ts), not a file for a format plugin. */
export function isBuiltModelPath(path: string): boolean {
  const ext = extname(path).toLowerCase();
  // libfoo.so.1 counts too: versioned names are how shared libraries are installed.
  if (LIBRARY_EXTENSIONS.has(ext) || /\.so(\.\d+)+$/.test(path)) return true;
  // Only a regular file is opened: opening a FIFO waits for a writer (safe-open.ts refuses those with a message).
  return isRegularFile(path) && hasExecutableMagic(readHead(path, 4));
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
