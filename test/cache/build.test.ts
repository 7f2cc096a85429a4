import { expect, test } from 'bun:test';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKey, cachedBuild, type CacheEntry, type CacheMeta } from '../../src/cache';
import { entryDir, stagingDir } from '../../src/cache/layout';
import { readLookups } from '../../src/cache/stats';
import { producer, tempCache, warnings } from './support';

const meta: CacheMeta = { kind: 'model', label: 'add.onnx' };

test('a miss produces and stores; the next lookup is a hit that does not produce, counted both ways', async () => {
  const s = tempCache();
  const key = cacheKey({ model: 'add', n: 1 });
  const p = producer({ 'model.so': 'ELF…', 'hodu_model.h': '#define X 1\n' });
  const w = warnings();
  const first = await cachedBuild(s, key, meta, p.run, w.warn);
  expect(first.hit).toBe(false);
  expect(first.entry.dir).toBe(entryDir(s.dir, key));
  expect(first.entry.files.sort()).toEqual(['hodu_model.h', 'model.so']);
  // The checksums a hit hands back are those of the stored bytes (hodu build reports the artifact's from here).
  expect(first.entry.sha256['model.so']).toBe(new Bun.CryptoHasher('sha256').update('ELF…').digest('hex'));
  const second = await cachedBuild(s, key, meta, p.run, w.warn);
  expect(second.hit).toBe(true);
  const expected: CacheEntry = { ...first.entry, files: ['hodu_model.h', 'model.so'] };
  expect({ ...second.entry, files: second.entry.files.sort() }).toEqual(expected);
  expect(p.calls).toBe(1);
  expect(readFileSync(join(second.entry.dir, 'model.so'), 'utf8')).toBe('ELF…');
  expect(second.entry.meta).toEqual(meta);
  expect(readLookups(s.dir)).toEqual({ hits: 1, misses: 1 });
  expect(w.list).toEqual([]);
  // Nothing is left in staging after a normal store.
  expect(readdirSync(stagingDir(s.dir))).toEqual([]);
});

test('files the producer did not list are not kept, and a listed file it did not write is a bug reported as such', async () => {
  const s = tempCache();
  const r = await cachedBuild(s, cacheKey({ k: 1 }), meta, async (dir) => {
    writeFileSync(join(dir, 'out.so'), 'x');
    mkdirSync(join(dir, 'obj'));
    writeFileSync(join(dir, 'obj', 'a.o'), 'object');
    return ['out.so'];
  }, () => {});
  expect(readdirSync(r.entry.dir).sort()).toEqual(['.used', 'entry.json', 'out.so']);
  const bad = cachedBuild(s, cacheKey({ k: 2 }), meta, async () => ['nothing.so'], () => {});
  await expect(bad).rejects.toThrow("listed 'nothing.so' but did not write it");
  const escape = cachedBuild(s, cacheKey({ k: 3 }), meta, async () => ['../x'], () => {});
  await expect(escape).rejects.toThrow('not a file path inside its staging folder');
});

test('a producer that fails leaves no entry and no staging folder', async () => {
  const s = tempCache();
  const key = cacheKey({ k: 'fails' });
  const r = cachedBuild(s, key, meta, async (dir) => {
    writeFileSync(join(dir, 'half.so'), 'x');
    throw new Error('cc exited 1');
  }, () => {});
  await expect(r).rejects.toThrow('cc exited 1');
  await r.catch(() => {});
  expect(existsSync(entryDir(s.dir, key))).toBe(false);
  expect(readdirSync(stagingDir(s.dir))).toEqual([]);
});

for (const [what, damage, reason] of [
  ['a file whose bytes changed', (d: string) => writeFileSync(join(d, 'model.so'), 'EVIL'), 'model.so does not match its checksum'],
  ['a file whose size changed', (d: string) => writeFileSync(join(d, 'model.so'), 'longer bytes'), 'model.so is 12 bytes, 4 expected'],
  ['a missing file', (d: string) => rmSync(join(d, 'model.so')), 'model.so is missing'],
  ['an unreadable entry.json', (d: string) => writeFileSync(join(d, 'entry.json'), '{"version":'), 'entry.json is not readable JSON'],
  ['a missing entry.json', (d: string) => rmSync(join(d, 'entry.json')), 'entry.json is missing'],
] as const) {
  test(`${what} is a corrupt entry: removed with a warning and rebuilt`, async () => {
    const s = tempCache();
    const key = cacheKey({ what });
    const p = producer({ 'model.so': 'GOOD' });
    await cachedBuild(s, key, meta, p.run, () => {});
    damage(entryDir(s.dir, key));
    const w = warnings();
    const r = await cachedBuild(s, key, meta, p.run, w.warn);
    expect(r.hit).toBe(false);
    expect(p.calls).toBe(2);
    expect(w.list).toHaveLength(1);
    expect(w.list[0]).toContain(reason);
    expect(w.list[0]).toContain('model add.onnx');
    expect(readFileSync(join(r.entry.dir, 'model.so'), 'utf8')).toBe('GOOD');
    // Rebuilt whole: the next lookup is a clean hit.
    const again = await cachedBuild(s, key, meta, p.run, w.warn);
    expect([again.hit, w.list.length]).toEqual([true, 1]);
  });
}

test('same size, same bytes rewritten: re-hashed (the stamp moved), still a hit', async () => {
  const s = tempCache();
  const key = cacheKey({ rewrite: 1 });
  const p = producer({ 'model.so': 'SAME' });
  await cachedBuild(s, key, meta, p.run, () => {});
  writeFileSync(join(entryDir(s.dir, key), 'model.so'), 'SAME');
  const w = warnings();
  expect((await cachedBuild(s, key, meta, p.run, w.warn)).hit).toBe(true);
  expect(w.list).toEqual([]);
});

test('eviction removes the least recently used entries until the cache fits, never the one just written', async () => {
  const s = tempCache(25); // bytes: room for two 10-byte entries
  const keys = ['a', 'b', 'c'].map((k) => cacheKey({ k }));
  const ten = producer({ 'f.bin': '0123456789' });
  await cachedBuild(s, keys[0]!, meta, ten.run, () => {});
  await cachedBuild(s, keys[1]!, meta, ten.run, () => {});
  // a was used most recently (a hit), b long ago: b is the one to go when c arrives.
  const old = new Date(Date.now() - 3600_000);
  utimesSync(join(entryDir(s.dir, keys[1]!), '.used'), old, old);
  expect((await cachedBuild(s, keys[0]!, meta, ten.run, () => {})).hit).toBe(true);
  await cachedBuild(s, keys[2]!, meta, ten.run, () => {});
  expect(keys.map((k) => existsSync(entryDir(s.dir, k)))).toEqual([true, false, true]);
  // One entry bigger than the whole cache is still kept (it is what the caller is about to use).
  const tiny = tempCache(5);
  const r = await cachedBuild(tiny, keys[0]!, meta, ten.run, () => {});
  expect(existsSync(join(r.entry.dir, 'f.bin'))).toBe(true);
});

test('disabled: produced into a temporary folder every time, nothing written under the cache dir', async () => {
  const s = { ...tempCache(), enabled: false };
  const key = cacheKey({ off: 1 });
  const p = producer({ 'model.so': 'x' });
  const a = await cachedBuild(s, key, meta, p.run, () => {});
  const b = await cachedBuild(s, key, meta, p.run, () => {});
  expect([a.hit, b.hit, p.calls]).toEqual([false, false, 2]);
  expect(a.entry.dir.startsWith(s.dir)).toBe(false);
  expect(readFileSync(join(a.entry.dir, 'model.so'), 'utf8')).toBe('x');
  expect(readdirSync(s.dir)).toEqual([]);
});

test('an interrupted write leaves no entry; its staging folder is swept once older than an hour', async () => {
  const s = tempCache();
  const stale = join(stagingDir(s.dir), 'deadbeef-123-x');
  const fresh = join(stagingDir(s.dir), 'cafebabe-456-y');
  for (const d of [stale, fresh]) {
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'model.so'), 'half');
  }
  const old = new Date(Date.now() - 2 * 3600_000);
  utimesSync(stale, old, old);
  expect(readdirSync(join(s.dir, 'staging')).length).toBe(2);
  await cachedBuild(s, cacheKey({ sweep: 1 }), meta, producer({ 'm.so': 'x' }).run, () => {});
  // The fresh one may be a build in progress in another process: it stays.
  expect(readdirSync(stagingDir(s.dir))).toEqual(['cafebabe-456-y']);
});

test('a cache folder that cannot be written: the build still runs, uncached, with a warning', async () => {
  const s = tempCache();
  const blocked = { ...s, dir: join(s.dir, 'a-file') };
  writeFileSync(blocked.dir, 'not a folder');
  const w = warnings();
  const r = await cachedBuild(blocked, cacheKey({ ro: 1 }), meta, producer({ 'm.so': 'x' }).run, w.warn);
  expect([r.hit, readFileSync(join(r.entry.dir, 'm.so'), 'utf8')]).toEqual([false, 'x']);
  expect(w.list).toEqual([`compile cache ${blocked.dir} is not writable (ENOTDIR); building without it`]);
});

test('keys that are not lower-case hex are refused before anything runs', async () => {
  const p = producer({ 'm.so': 'x' });
  await expect(cachedBuild(tempCache(), '../../etc', meta, p.run, () => {})).rejects.toThrow('is not lower-case hex');
  expect(p.calls).toBe(0);
});
