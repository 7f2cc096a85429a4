/**
 * The self-update library with its outside world injected (deno/rustup style): a fake release site
 * (an in-memory fetch), a temp install root and a fake smoke test. The compiled-binary flows are in
 * test/e2e/self-update.test.ts.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoduError } from '../../src/errors';
import { joinUrl } from '../../src/update/http';
import { managedInstall } from '../../src/update/install-kind';
import { parseManifest, serializeManifest, verifyManifestSignature, type ReleaseManifest } from '../../src/update/manifest';
import { checkForUpdate, rollback, selfUpdate, type UpdateEnv } from '../../src/update/self-update';

const root = mkdtempSync(join(tmpdir(), 'hodu-update-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function keyPair(): { priv: KeyObject; pub: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return { priv: privateKey, pub: spki.subarray(spki.length - 32).toString('base64') };
}
const release = keyPair();
const BASE = 'https://releases.test/hodu';
const NEW_BYTES = new TextEncoder().encode('#!/bin/sh\necho "hodu 1.1.0"\n');
const sha256 = (b: Uint8Array) => new Bun.CryptoHasher('sha256').update(b).digest('hex');

function manifest(over: Partial<ReleaseManifest> = {}): ReleaseManifest {
  return {
    schema: 1, name: 'hodu', version: '1.1.0', channel: 'stable', date: '2025-01-02T03:04:05.000Z', commit: 'abc',
    platforms: { 'linux-x64': { url: '../1.1.0/hodu-linux-x64', size: NEW_BYTES.length, sha256: sha256(NEW_BYTES) } },
    ...over,
  };
}

/** An in-memory release site: path → body. */
function site(files: Record<string, string | Uint8Array>): { fetch: UpdateEnv['fetch']; requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    fetch: async (url) => {
      requests.push(url);
      const path = url.slice(BASE.length);
      const body = files[path];
      return body === undefined ? new Response('nope', { status: 404, statusText: 'Not Found' }) : new Response(body);
    },
  };
}

function signed(m: ReleaseManifest, key = release.priv): { text: string; sig: string } {
  const text = serializeManifest(m);
  return { text, sig: sign(null, Buffer.from(text), key).toString('base64') };
}

function standardSite(m = manifest(), asset: Uint8Array = NEW_BYTES) {
  const s = signed(m);
  return site({ '/stable/manifest.json': s.text, '/stable/manifest.json.sig': s.sig, [`/${m.version}/manifest.json`]: s.text, [`/${m.version}/manifest.json.sig`]: s.sig, [`/${m.version}/hodu-linux-x64`]: asset });
}

let n = 0;
function installRoot(): string {
  const dir = join(root, `install-${++n}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'hodu'), 'old binary');
  return join(dir, 'hodu');
}

function env(fetch: UpdateEnv['fetch'], over: Partial<UpdateEnv> = {}): UpdateEnv {
  return {
    fetch, timeoutMs: 5000, exePath: installRoot(), platform: 'linux-x64', currentVersion: '1.0.0', releaseDate: '', publicKey: release.pub, baseUrl: BASE, channel: 'stable',
    smokeTest: async (file) => (readFileSync(file, 'utf8').includes('hodu 1.1.0') ? 'hodu 1.1.0\n' : 'hodu ?\n'),
    ...over,
  };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    expect(e).toBeInstanceOf(HoduError);
    expect((e as HoduError).hint).toBeTruthy();
    return (e as HoduError).code;
  }
}

describe('manifest', () => {
  test('a signature by the release key verifies; another key, an edited byte or a bad encoding does not', async () => {
    const { text, sig } = signed(manifest());
    const bytes = new TextEncoder().encode(text);
    await verifyManifestSignature(bytes, sig, release.pub, 'm');
    expect(await codeOf(verifyManifestSignature(bytes, signed(manifest(), keyPair().priv).sig, release.pub, 'm'))).toBe('E_UPDATE_SIGNATURE');
    const edited = new TextEncoder().encode(text.replace('1.1.0', '1.1.1'));
    expect(await codeOf(verifyManifestSignature(edited, sig, release.pub, 'm'))).toBe('E_UPDATE_SIGNATURE');
    expect(await codeOf(verifyManifestSignature(bytes, 'not base64!', release.pub, 'm'))).toBe('E_UPDATE_SIGNATURE');
  });

  test('a build without a public key refuses to verify anything', async () => {
    const { text, sig } = signed(manifest());
    expect(await codeOf(verifyManifestSignature(new TextEncoder().encode(text), sig, '', 'm'))).toBe('E_UPDATE_NO_KEY');
  });

  test('malformed manifests name the bad field', () => {
    const bad = JSON.stringify({ ...manifest(), platforms: { 'linux-x64': { url: 'x', size: 3, sha256: 'ABC' } } });
    expect(() => parseManifest(new TextEncoder().encode(bad), 'm.json')).toThrow("invalid release manifest at 'platforms.linux-x64.sha256'");
    expect(() => parseManifest(new TextEncoder().encode('{"schema": 1'), 'm.json')).toThrow('m.json: not JSON');
    expect(() => parseManifest(new TextEncoder().encode(JSON.stringify({ ...manifest(), version: 'latest' })), 'm.json')).toThrow("at 'version'");
  });

  test('URLs: the base keeps its path; asset URLs resolve relative to the manifest', () => {
    expect(joinUrl('https://x.test/hodu', 'stable/manifest.json')).toBe('https://x.test/hodu/stable/manifest.json');
    expect(joinUrl('https://x.test/hodu/', 'stable/manifest.json')).toBe('https://x.test/hodu/stable/manifest.json');
    expect(new URL('../1.1.0/hodu-linux-x64', 'https://x.test/hodu/stable/manifest.json').href).toBe('https://x.test/hodu/1.1.0/hodu-linux-x64');
  });
});

describe('check and update', () => {
  test('check compares versions by semver (1.10.0 is newer than 1.9.0)', async () => {
    const s = standardSite(manifest({ version: '1.10.0' }));
    expect(await checkForUpdate(env(s.fetch, { currentVersion: '1.9.0' }))).toMatchObject({ latest: '1.10.0', updateAvailable: true });
    expect((await checkForUpdate(env(s.fetch, { currentVersion: '1.10.0' }))).updateAvailable).toBe(false);
  });

  test('update: verified download replaces the binary, the old one is kept, no temp file remains', async () => {
    const e = env(standardSite().fetch);
    const r = await selfUpdate(e);
    expect(r).toMatchObject({ updated: true, from: '1.0.0', to: '1.1.0' });
    expect(readFileSync(e.exePath)).toEqual(Buffer.from(NEW_BYTES));
    expect(readFileSync(`${e.exePath}.old`, 'utf8')).toBe('old binary');
    expect(readdirSync(join(e.exePath, '..')).sort()).toEqual(['hodu', 'hodu.old']);
    await rollback({ ...e, currentVersion: '1.1.0' });
    expect(readFileSync(e.exePath, 'utf8')).toBe('old binary');
  });

  test('an older latest (a replayed manifest) never downgrades without a pin', async () => {
    const s = standardSite(manifest({ version: '0.9.0' }));
    const e = env(s.fetch);
    expect(await selfUpdate(e)).toMatchObject({ updated: false, latest: '0.9.0' });
    expect(readFileSync(e.exePath, 'utf8')).toBe('old binary');
    expect(s.requests.some((u) => u.endsWith('hodu-linux-x64'))).toBe(false);
  });

  test('--force never installs an older manifest; a manifest dated before the installed release is refused unless pinned', async () => {
    const s = standardSite(manifest({ version: '0.9.0' }));
    expect(await codeOf(selfUpdate(env(s.fetch), { force: true }))).toBe('E_UPDATE_DOWNGRADE');
    expect(s.requests.some((u) => u.endsWith('hodu-linux-x64'))).toBe(false);
    // Released 2025-06-01; the 1.1.0 manifest says 2025-01-02: back in time.
    const released = { releaseDate: '2025-06-01T00:00:00.000Z' };
    expect(await codeOf(selfUpdate(env(standardSite().fetch, released)))).toBe('E_UPDATE_DOWNGRADE');
    expect(await codeOf(checkForUpdate(env(standardSite().fetch, released)))).toBe('E_UPDATE_DOWNGRADE');
    expect(await selfUpdate(env(standardSite().fetch, released), { version: '1.1.0' })).toMatchObject({ updated: true });
    // A dev build has no release date: the date check is skipped.
    expect(await selfUpdate(env(standardSite().fetch, { releaseDate: '' }))).toMatchObject({ updated: true });
  });

  test('a pinned version must be what the manifest describes; a channel manifest must be of that channel', async () => {
    const m = manifest({ version: '1.2.0' });
    const s = signed(m);
    const f = site({ '/1.1.0/manifest.json': s.text, '/1.1.0/manifest.json.sig': s.sig, '/stable/manifest.json': s.text, '/stable/manifest.json.sig': s.sig });
    expect(await codeOf(selfUpdate(env(f.fetch), { version: '1.1.0' }))).toBe('E_UPDATE_MANIFEST');
    const beta = signed(manifest({ channel: 'beta' }));
    const g = site({ '/stable/manifest.json': beta.text, '/stable/manifest.json.sig': beta.sig });
    expect(await codeOf(checkForUpdate(env(g.fetch)))).toBe('E_UPDATE_MANIFEST');
  });

  test('no build for this platform: E_UPDATE_NO_PLATFORM listing what exists', async () => {
    const e = env(standardSite().fetch, { platform: 'freebsd-x64' });
    await expect(selfUpdate(e)).rejects.toThrow('has no build for freebsd-x64 (it has linux-x64)');
  });

  test('a binary that does not run (smoke test) leaves the old one and no temp file', async () => {
    const e = env(standardSite().fetch, { smokeTest: async () => Promise.reject(new Error('exec format error')) });
    expect(await codeOf(selfUpdate(e))).toBe('E_UPDATE_SMOKE');
    expect(readdirSync(join(e.exePath, '..'))).toEqual(['hodu']);
    const liar = env(standardSite().fetch, { smokeTest: async () => 'hodu 0.0.1\n' });
    expect(await codeOf(selfUpdate(liar))).toBe('E_UPDATE_SMOKE');
    expect(readFileSync(liar.exePath, 'utf8')).toBe('old binary');
  });

  test('too long, too short and tampered downloads are refused before the swap', async () => {
    const longer = new Uint8Array([...NEW_BYTES, 0x0a]);
    for (const [asset, code] of [[longer, 'E_UPDATE_SIZE'], [NEW_BYTES.subarray(0, 5), 'E_UPDATE_SIZE'], [NEW_BYTES.map((b, i) => (i === 3 ? b ^ 1 : b)), 'E_UPDATE_CHECKSUM']] as const) {
      const e = env(standardSite(manifest(), asset).fetch);
      expect(await codeOf(selfUpdate(e))).toBe(code);
      expect(readdirSync(join(e.exePath, '..'))).toEqual(['hodu']);
    }
  });

  test('network failure and HTTP errors are E_UPDATE_NETWORK', async () => {
    const down = env(async () => Promise.reject(new TypeError('connection refused')));
    expect(await codeOf(checkForUpdate(down))).toBe('E_UPDATE_NETWORK');
    const broken = env(async () => new Response('x', { status: 503, statusText: 'Service Unavailable' }));
    await expect(checkForUpdate(broken)).rejects.toThrow('HTTP 503');
  });
});

describe('installs that belong to someone else', () => {
  test('package-manager paths and the marker file', () => {
    expect(managedInstall('/usr/bin/hodu')?.manager).toBe('the system package manager');
    expect(managedInstall('/opt/homebrew/Cellar/hodu/1.0.0/bin/hodu')?.command).toBe('brew upgrade hodu');
    expect(managedInstall('/home/me/.npm-global/lib/node_modules/hodu/bin/hodu')?.command).toBe('npm update -g hodu');
    expect(managedInstall('/nix/store/abc-hodu/bin/hodu')?.manager).toBe('Nix');
    expect(managedInstall('/home/me/.hodu/bin/hodu')).toBeUndefined();
    const dir = join(root, 'marked');
    mkdirSync(dir);
    writeFileSync(join(dir, '.hodu-package-manager'), 'pacman -Syu hodu\n');
    expect(managedInstall(join(dir, 'hodu'))?.command).toBe('pacman -Syu hodu');
  });

  test('rollback without a previous binary', async () => {
    const e = env(standardSite().fetch);
    expect(await codeOf(rollback(e))).toBe('E_UPDATE_NO_ROLLBACK');
    expect(existsSync(e.exePath)).toBe(true);
  });
});

test('a temp download left by a killed update (dead pid) is swept; a live one is not', async () => {
  const e = env(standardSite().fetch);
  const dir = join(e.exePath, '..');
  const dead = Bun.spawnSync(['true']).pid; // exited: its pid is free
  writeFileSync(join(dir, `.hodu.update-${dead}.tmp`), 'partial');
  writeFileSync(join(dir, `.hodu.update-1.tmp`), 'pid 1 is alive');
  await selfUpdate(e);
  expect(readdirSync(dir).sort()).toEqual(['.hodu.update-1.tmp', 'hodu', 'hodu.old']);
});
