/** The embedded cpu backend's library file (src/backends/cpu/materialize.ts) and its fallbacks, in-process. */
import { afterAll, expect, test } from 'bun:test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEmbeddedCpu } from '../../src/backends/cpu/index';
import { embeddedLibraryPath, materializeLibrary } from '../../src/backends/cpu/materialize';
import { HoduError } from '../../src/errors';

const dir = mkdtempSync(join(tmpdir(), 'hodu-embedded-cpu-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytes = new TextEncoder().encode('not really a shared library, but bytes with a checksum');
const sha = createHash('sha256').update(bytes).digest('hex');

test('the file is named by version and checksum under $HODU_HOME/embedded', () => {
  expect(embeddedLibraryPath('/h', { version: '0.1.0', sha256: sha })).toBe(`/h/embedded/cpu-0.1.0-${sha.slice(0, 12)}.so`);
});

test('written when missing, left alone when right, written again when it differs', () => {
  const path = join(dir, 'a', 'embedded', 'cpu.so');
  let reads = 0;
  const read = () => (reads++, bytes);
  expect(materializeLibrary(path, sha, read)).toEqual({ path, wrote: 'missing' });
  expect(readFileSync(path)).toEqual(Buffer.from(bytes));
  const mtime = statSync(path).mtimeMs;
  expect(materializeLibrary(path, sha, read)).toEqual({ path });
  expect(reads).toBe(1);
  expect(statSync(path).mtimeMs).toBe(mtime);
  writeFileSync(path, 'tampered');
  expect(materializeLibrary(path, sha, read)).toEqual({ path, wrote: 'checksum mismatch' });
  expect(readFileSync(path)).toEqual(Buffer.from(bytes));
});

test('writing the library of a new build removes the libraries of earlier builds not written for a day, and nothing else', () => {
  const home = join(dir, 'prune');
  const path = embeddedLibraryPath(home, { version: '0.2.0', sha256: sha });
  mkdirSync(join(home, 'embedded'), { recursive: true });
  const old = join(home, 'embedded', 'cpu-0.1.0-0123456789ab.so');
  const recent = join(home, 'embedded', 'cpu-0.1.9-ba9876543210.so');
  const other = join(home, 'embedded', 'notes.txt');
  for (const f of [old, recent, other]) writeFileSync(f, 'x');
  const twoDaysAgo = (Date.now() - 2 * 24 * 3600 * 1000) / 1000;
  utimesSync(old, twoDaysAgo, twoDaysAgo);
  utimesSync(other, twoDaysAgo, twoDaysAgo);
  expect(materializeLibrary(path, sha, () => bytes)).toEqual({ path, wrote: 'missing' });
  expect([existsSync(old), existsSync(recent), existsSync(other), existsSync(path)]).toEqual([false, true, true, true]);
});

test('embedded bytes that do not match the recorded checksum are refused, nothing written', () => {
  const path = join(dir, 'b', 'cpu.so');
  const e = (() => {
    try {
      return materializeLibrary(path, sha, () => new TextEncoder().encode('damaged'));
    } catch (x) {
      return x;
    }
  })();
  expect(e).toBeInstanceOf(HoduError);
  expect((e as HoduError).code).toBe('E_PLUGIN_LOAD');
  expect(() => statSync(path)).toThrow();
});

test('a library built for another CPU, or none built in: unavailable with the reason, never a session', async () => {
  const other = process.arch === 'arm64' ? 'x86_64' : 'aarch64';
  const foreign = await loadEmbeddedCpu({}, { version: '0.1.0', sha256: sha, arch: other, ops: ['Relu'], dtypes: ['float32'] });
  expect(foreign.available?.()).toEqual({ ok: false, reason: expect.stringContaining(`built for ${other}`) });
  const none = await loadEmbeddedCpu({}, undefined);
  expect(none.available?.()).toEqual({ ok: false, reason: expect.stringContaining('no cpu backend library is built into this hodu') });
  expect(() => none.createSession({} as never)).toThrow('the embedded cpu backend is unavailable');
});
