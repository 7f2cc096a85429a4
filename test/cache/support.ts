import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CacheSettings } from '../../src/cache';

/** A fresh cache folder per test file, removed at exit. */
export function tempCache(maxSize = 1 << 30): CacheSettings {
  const dir = mkdtempSync(join(tmpdir(), 'hodu-cache-test-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return { dir, enabled: true, maxSize };
}

/** A producer that writes the given files and counts its calls. */
export function producer(files: Record<string, string | Uint8Array>) {
  const p = {
    calls: 0,
    run: async (staging: string): Promise<string[]> => {
      p.calls++;
      for (const [name, data] of Object.entries(files)) writeFileSync(join(staging, name), data);
      return Object.keys(files);
    },
  };
  return p;
}

/** Collects warnings instead of printing them. */
export function warnings() {
  const list: string[] = [];
  return { list, warn: (m: string) => void list.push(m) };
}
