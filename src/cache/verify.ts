import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryRecord, FileRecord } from './entry-file';

/** sha256 hex of a file, read in 1 MiB chunks (never the whole artifact in memory). */
export function hashFile(path: string): string {
  const hasher = new Bun.CryptoHasher('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) hasher.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hasher.digest('hex');
}

/** What identifies one version of a file's bytes without reading them: any write changes mtime and ctime. */
export function fileStamp(path: string): { size: number; stamp: string } {
  const s = lstatSync(path, { bigint: true });
  if (!s.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
  return { size: Number(s.size), stamp: `${s.ino}:${s.mtimeNs}:${s.ctimeNs}` };
}

interface Verdict {
  /** Why the entry cannot be used; undefined when every file checks. */
  problem?: string;
  /** Files whose bytes matched their checksum under a new stamp (copied or restored cache): record it. */
  restamped: FileRecord[];
}

/**
 * Checks every file of an entry. Size always; the checksum only when the file's stamp (inode, mtime, ctime)
 * differs from the one recorded when it was last hashed — so a hit costs a few stat calls, not a read of the
 * artifact, while any rewrite of a file (which moves its mtime and ctime; ctime cannot be set back) is
 * re-hashed. `full` hashes every file regardless (`hodu cache clean` does, to catch silent disk damage).
 */
export function verifyEntry(dir: string, record: EntryRecord, full = false): Verdict {
  const restamped: FileRecord[] = [];
  for (const f of record.files) {
    const path = join(dir, f.name);
    let now: { size: number; stamp: string };
    try {
      now = fileStamp(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { problem: code === 'ENOENT' ? `${f.name} is missing` : code === 'ENOTFILE' ? `${f.name} is not a regular file` : `${f.name} cannot be read (${code})`, restamped };
    }
    if (now.size !== f.size) return { problem: `${f.name} is ${now.size} bytes, ${f.size} expected`, restamped };
    if (!full && now.stamp === f.stamp) continue;
    let sum: string;
    try {
      sum = hashFile(path);
    } catch (e) {
      return { problem: `${f.name} cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, restamped };
    }
    if (sum !== f.sha256) return { problem: `${f.name} does not match its checksum`, restamped };
    if (now.stamp !== f.stamp) restamped.push({ ...f, stamp: now.stamp });
  }
  return { restamped };
}
