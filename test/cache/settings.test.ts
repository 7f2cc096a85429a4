import { expect, test } from 'bun:test';
import { resolveCacheSettings } from '../../src/cache';

test('the dir: HODU_CACHE_DIR over [cache] dir over $HODU_HOME/cache', () => {
  expect(resolveCacheSettings({}, {}, '/h').dir).toBe('/h/cache');
  expect(resolveCacheSettings({ cache: { dir: '/c' } }, {}, '/h').dir).toBe('/c');
  expect(resolveCacheSettings({ cache: { dir: '/c' } }, { HODU_CACHE_DIR: '/e' }, '/h').dir).toBe('/e');
  expect(resolveCacheSettings({ cache: { dir: '~/x' } }, { HOME: '/home/u' }, '/h').dir).toBe('/home/u/x');
  expect(resolveCacheSettings({}, { HODU_CACHE_DIR: 'rel' }, '/h').dir).toBe(`${process.cwd()}/rel`);
});

test('enabled and max_size: the config, else on and 2 GiB', () => {
  expect(resolveCacheSettings({}, {}, '/h')).toMatchObject({ enabled: true, maxSize: 2 * 1024 ** 3 });
  expect(resolveCacheSettings({ cache: { enabled: false, max_size: '10MB' } }, {}, '/h')).toMatchObject({ enabled: false, maxSize: 10_000_000 });
  expect(resolveCacheSettings({ cache: { max_size: 4096 } }, {}, '/h').maxSize).toBe(4096);
});
