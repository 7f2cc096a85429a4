/**
 * The background update check's state file ($HODU_HOME/update-check.json) and the hidden child's decisions.
 * The terminal flow (notice, interval, detached child) is in test/e2e/self-update.test.ts.
 */
import { afterAll, afterEach, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCache, runUpdateCheck, writeCache, type CheckCache } from '../../src/update/notice';

const root = mkdtempSync(join(tmpdir(), 'hodu-notice-unit-'));
const savedHome = process.env.HODU_HOME;
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  if (savedHome === undefined) delete process.env.HODU_HOME;
  else process.env.HODU_HOME = savedHome;
});

let n = 0;
const freshHome = () => {
  const home = join(root, `home-${++n}`);
  process.env.HODU_HOME = home;
  return home;
};

test('update-check.json round-trips with sorted keys', () => {
  const file = join(root, 'round-trip.json');
  const c: CheckCache = { schema: 1, url: 'https://x.test/hodu', checkedAt: '2026-01-02T03:04:05.000Z', channel: 'stable', latest: '1.2.3' };
  writeCache(file, c);
  expect(readCache(file)).toEqual(c);
  expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')))).toEqual(['channel', 'checkedAt', 'latest', 'schema', 'url']);
});

test('a damaged or foreign update-check.json is ignored (checked again), never an error', () => {
  const file = join(root, 'bad.json');
  for (const text of ['{"schema": 1', '[]', JSON.stringify({ schema: 1, checkedAt: 'yesterday', url: 'u', channel: 'stable' }), JSON.stringify({ schema: 1, checkedAt: '2026-01-02T03:04:05.000Z', url: 'u', channel: 'stable', latest: 'v2!' }), JSON.stringify({ schema: 2 })]) {
    writeFileSync(file, text);
    expect(readCache(file)).toBeUndefined();
  }
  expect(readCache(join(root, 'missing.json'))).toBeUndefined();
});

test('the hidden check does nothing under CI, HODU_NO_UPDATE_CHECK or without an update URL', async () => {
  for (const env of [{ CI: 'true', HODU_UPDATE_URL: 'http://127.0.0.1:9' }, { HODU_NO_UPDATE_CHECK: '1', HODU_UPDATE_URL: 'http://127.0.0.1:9' }, { HODU_UPDATE_URL: '' }]) {
    const home = freshHome();
    expect(await runUpdateCheck(env)).toBe(0);
    expect(existsSync(join(home, 'update-check.json'))).toBe(false);
  }
});

test('a failed check is remembered by its error code (no retry before the interval), and exits 0', async () => {
  const home = freshHome();
  // Port 9 (discard) is closed here: the fetch fails at once.
  expect(await runUpdateCheck({ HODU_UPDATE_URL: 'http://127.0.0.1:9' })).toBe(0);
  const c = readCache(join(home, 'update-check.json'));
  expect(c).toMatchObject({ url: 'http://127.0.0.1:9', channel: 'stable' });
  expect(c?.latest).toBeUndefined();
  expect(c?.error).toMatch(/^E_UPDATE_/);
});
