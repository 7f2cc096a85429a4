import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import { statsFile } from './layout';

// Hits and misses: one byte and a newline appended per lookup. appendFileSync opens with O_APPEND, so lines
// from concurrent processes never overwrite each other (no lock, no read-modify-write of a counter).

/** Beyond this the log is not read (status reports what it counted, as a lower bound); clean resets it. */
const MAX_STATS_BYTES = 64 << 20;

export function countLookup(cacheDir: string, hit: boolean): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    appendFileSync(statsFile(cacheDir), hit ? 'h\n' : 'm\n');
  } catch {
    // Counting is informational: a read-only or full disk must not fail the build that the cache served.
  }
}

export function readLookups(cacheDir: string): { hits: number; misses: number } {
  let bytes: Buffer;
  try {
    const fd = openSync(statsFile(cacheDir), 'r');
    try {
      const buf = Buffer.allocUnsafe(Math.min(fstatSync(fd).size, MAX_STATS_BYTES));
      let n = 0;
      for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
      bytes = buf.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return { hits: 0, misses: 0 };
  }
  let hits = 0;
  let misses = 0;
  for (const c of bytes) {
    if (c === 0x68) hits++;
    else if (c === 0x6d) misses++;
  }
  return { hits, misses };
}

export function resetLookups(cacheDir: string): void {
  rmSync(statsFile(cacheDir), { force: true });
}
