import { statSync } from 'node:fs';

/**
 * Whether two paths name the same existing file: after symbolic links, and through hard links (same device
 * and inode), so `-o ./m.onnx`, a link to m.onnx and m.onnx itself all count. A path that does not exist
 * names no file yet, so it is never the same.
 */
export function isSameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a, { bigint: true });
    const sb = statSync(b, { bigint: true });
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
