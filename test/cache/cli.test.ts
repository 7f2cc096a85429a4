// `hodu cache status/clean` through the compiled binary, on a cache the test fills through the API (the
// builder's tests add entries made by a real `hodu build`).
import { beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKey, cachedBuild, fileSha256, type CacheSettings, type CacheStatus } from '../../src/cache';
import { entryDir, stagingDir } from '../../src/cache/layout';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';
import { producer } from './support';

beforeAll(requireBinary);

const DAY = 86400_000;

/** A cache with two models built from a.onnx (one used 10 days ago), one from b.onnx, and a kernel library. */
async function filledCache() {
  const t = tempDir('hodu-cache-cli-');
  process.on('exit', t.cleanup);
  const s: CacheSettings = { dir: join(t.dir, 'cache'), enabled: true, maxSize: 1 << 30 };
  const modelA = join(t.dir, 'a.onnx');
  const modelB = join(t.dir, 'b.onnx');
  writeFileSync(modelA, 'model a bytes');
  writeFileSync(modelB, 'model b bytes');
  const keys = { a1: cacheKey({ m: 'a', t: 1 }), a2: cacheKey({ m: 'a', t: 2 }), b: cacheKey({ m: 'b' }), lib: cacheKey({ lib: 'cpu' }) };
  const model = (label: string, path: string) => ({ kind: 'model' as const, label, modelSha256: fileSha256(path) });
  await cachedBuild(s, keys.a1, model('a.onnx', modelA), producer({ 'model.so': 'x'.repeat(1000) }).run, () => {});
  await cachedBuild(s, keys.a2, model('a.onnx', modelA), producer({ 'model.so': 'y'.repeat(2000) }).run, () => {});
  await cachedBuild(s, keys.b, model('b.onnx', modelB), producer({ 'model.so': 'z'.repeat(4000) }).run, () => {});
  await cachedBuild(s, keys.lib, { kind: 'library', label: 'cpu 0.1.0 x86_64-linux-gnu' }, producer({ 'libkernels.a': 'k'.repeat(8000) }).run, () => {});
  await cachedBuild(s, keys.b, model('b.onnx', modelB), producer({}).run, () => {}); // a hit
  const old = new Date(Date.now() - 10 * DAY);
  utimesSync(join(entryDir(s.dir, keys.a1), '.used'), old, old);
  const env = { HODU_HOME: join(t.dir, 'home'), HODU_CACHE_DIR: s.dir };
  return { s, keys, modelA, modelB, env, exists: (k: string) => existsSync(entryDir(s.dir, k)) };
}

const json = (args: string[], env: Record<string, string>) => {
  const r = hodu(args, { env });
  expect(`${r.code} ${r.stderr}`).toBe('0 ');
  return JSON.parse(r.stdout);
};

describe('hodu cache status', () => {
  test('--json: location from HODU_CACHE_DIR, entries by kind, total size, hits and misses', async () => {
    const c = await filledCache();
    const status: CacheStatus = json(['cache', 'status', '--json'], c.env);
    expect(status).toMatchObject({
      dir: c.s.dir, exists: true, enabled: true, maxSize: 2 * 1024 ** 3, entries: 4, bytes: 15000, hits: 1, misses: 4,
      byKind: { model: { entries: 3, bytes: 7000 }, library: { entries: 1, bytes: 8000 } }, corrupt: 0,
    });
  });

  test('text, and the config: [cache] enabled = false and max_size show', async () => {
    const c = await filledCache();
    mkdirSync(c.env.HODU_HOME, { recursive: true });
    writeFileSync(join(c.env.HODU_HOME, 'config.toml'), '[cache]\nenabled = false\nmax_size = "1MiB"\n');
    const r = hodu(['cache', 'status'], { env: c.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(c.s.dir);
    expect(r.stdout).toMatch(/enabled\s+no/);
    expect(r.stdout).toMatch(/entries\s+4 \(3 models, 1 kernel library\)/);
    expect(r.stdout).toMatch(/size\s+14.6 KiB of 1 MiB/);
    expect(r.stdout).toContain('1 hit, 4 misses since the last clean');
  });
});

describe('hodu cache clean', () => {
  test('--older-than 7d --dry-run lists the entry unused for 10 days and removes nothing; without --dry-run it goes', async () => {
    const c = await filledCache();
    const dry = json(['cache', 'clean', '--older-than', '7d', '--dry-run', '--json'], c.env);
    expect(dry.removed.map((e: { key: string }) => e.key)).toEqual([c.keys.a1]);
    expect([dry.dryRun, dry.freedBytes, c.exists(c.keys.a1)]).toEqual([true, 1000, true]);
    expect(json(['cache', 'status', '--json'], c.env).hits).toBe(1); // a dry run resets nothing
    const r = hodu(['cache', 'clean', '--older-than', '7d'], { env: c.env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('removed model a.onnx');
    expect(r.stderr).toContain('freed 1000 B; kept 3 entries');
    expect([c.keys.a1, c.keys.a2, c.keys.b, c.keys.lib].map(c.exists)).toEqual([false, true, true, true]);
    expect(json(['cache', 'status', '--json'], c.env)).toMatchObject({ entries: 3, hits: 0, misses: 0 });
  });

  test('--model FILE removes the entries built from that file, whatever their other key parts', async () => {
    const c = await filledCache();
    const r = json(['cache', 'clean', '--model', c.modelA, '--json'], c.env);
    expect(r.removed.map((e: { key: string }) => e.key).sort()).toEqual([c.keys.a1, c.keys.a2].sort());
    expect([c.keys.a1, c.keys.a2, c.keys.b, c.keys.lib].map(c.exists)).toEqual([false, false, true, true]);
    // Combined with --older-than: both must hold.
    const both = json(['cache', 'clean', '--model', c.modelB, '--older-than', '7d', '--json'], c.env);
    expect([both.removed, c.exists(c.keys.b)]).toEqual([[], true]);
  });

  test('without flags: corrupt entries and interrupted builds go, valid entries stay', async () => {
    const c = await filledCache();
    writeFileSync(join(entryDir(c.s.dir, c.keys.b), 'model.so'), 'w'.repeat(4000)); // same size, other bytes
    const stale = join(stagingDir(c.s.dir), 'abc-1-x');
    mkdirSync(stale, { recursive: true });
    const old = new Date(Date.now() - 2 * 3600_000);
    utimesSync(stale, old, old);
    const r = json(['cache', 'clean', '--json'], c.env);
    expect(r.removed).toEqual([expect.objectContaining({ key: c.keys.b, reason: 'corrupt: model.so does not match its checksum' })]);
    expect(r.staging).toEqual(['abc-1-x']);
    expect([c.keys.a1, c.keys.a2, c.keys.b, c.keys.lib].map(c.exists)).toEqual([true, true, false, true]);
    expect(existsSync(stale)).toBe(false);
  });

  test('--all removes every entry', async () => {
    const c = await filledCache();
    const r = json(['cache', 'clean', '--all', '--json'], c.env);
    expect([r.removed.length, r.freedBytes, r.kept]).toEqual([4, 15000, { entries: 0, bytes: 0 }]);
    expect(json(['cache', 'status', '--json'], c.env)).toMatchObject({ entries: 0, bytes: 0, hits: 0, misses: 0 });
  });

  test('usage errors: --all with a filter, a bad duration, a missing model file', async () => {
    const c = await filledCache();
    const cases: [string[], string][] = [
      [['--all', '--model', c.modelA], '--all removes every entry: it cannot be combined'],
      [['--older-than', 'soon'], "--older-than must be a duration such as 7d, 12h or 30m, got 'soon'"],
      [['--model', join(c.s.dir, 'nope.onnx')], 'nope.onnx: no such file'],
    ];
    for (const [args, message] of cases) {
      const r = hodu(['cache', 'clean', ...args], { env: c.env });
      expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(message)]);
    }
    expect(json(['cache', 'status', '--json'], c.env).entries).toBe(4);
  });
});
