import { expect, test } from 'bun:test';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheKey } from '../../src/cache';
import { readEntryRecord } from '../../src/cache/entry-file';
import { entriesDir, stagingDir } from '../../src/cache/layout';
import { readLookups } from '../../src/cache/stats';
import { verifyEntry } from '../../src/cache/verify';
import { tempCache } from './support';

test('two processes storing the same key at once both succeed and leave one whole entry', async () => {
  const s = tempCache();
  const key = cacheKey({ race: 1 });
  const barrier = mkdtempSync(join(tmpdir(), 'hodu-cache-barrier-'));
  const worker = join(import.meta.dir, 'race-worker.ts');
  const procs = ['a', 'b'].map((side) => Bun.spawn([process.execPath, worker, s.dir, key, barrier, side], { stdout: 'pipe', stderr: 'pipe' }));
  const results = await Promise.all(procs.map(async (p) => ({ code: await p.exited, out: await new Response(p.stdout).text(), err: await new Response(p.stderr).text() })));
  for (const r of results) expect(`${r.code} ${r.err}`).toBe('0 ');
  const [a, b] = results.map((r) => JSON.parse(r.out) as { hit: boolean; dir: string; header: string; warnings: string[] });
  // Both produced (the barrier made sure), neither saw a corrupt entry, both got the same stored entry.
  expect([a!.hit, b!.hit, a!.warnings, b!.warnings]).toEqual([false, false, [], []]);
  expect(a!.dir).toBe(b!.dir);
  expect(a!.header).toBe(b!.header);
  expect(['side a\n', 'side b\n']).toContain(a!.header);
  const shards = readdirSync(entriesDir(s.dir));
  expect(shards.flatMap((sh) => readdirSync(join(entriesDir(s.dir), sh)))).toEqual([key]);
  const rec = readEntryRecord(a!.dir, key);
  if (!('record' in rec)) throw new Error(rec.problem);
  // Every file checks against its checksum, hashed in full; the loser's staging folder is gone.
  expect(verifyEntry(a!.dir, rec.record, true).problem).toBeUndefined();
  expect(readdirSync(stagingDir(s.dir))).toEqual([]);
  // Both lookups were counted: the two appends did not overwrite each other.
  expect(readLookups(s.dir)).toEqual({ hits: 0, misses: 2 });
}, 60_000);
