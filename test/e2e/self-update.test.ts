/**
 * `hodu self-update` through real compiled release binaries (two versions, signed with a test key) against a
 * real HTTP release site on 127.0.0.1. Every failure case checks that the installed binary is byte-for-byte
 * unchanged and that no temp file is left next to it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEW_VERSION, OLD_VERSION, releaseKit, type ReleaseKit } from '../fixtures/release/release-kit';
import { noProxyEnv, startReleaseServer, type ReleaseServer } from '../fixtures/release/release-server';
import { testWithTools } from '../support/optional-tools';

setDefaultTimeout(60_000);

let kit: ReleaseKit;
let server: ReleaseServer;
let work: string;

beforeAll(() => {
  kit = releaseKit();
  server = startReleaseServer(kit.site);
  work = mkdtempSync(join(tmpdir(), 'hodu-self-update-'));
  chmodSync(work, 0o755);
}, 180_000);
afterAll(() => {
  server.stop();
  rmSync(work, { recursive: true, force: true });
});

let n = 0;
/** A fresh install folder holding `binary` as `hodu`. */
function install(binary: string, sub = ''): string {
  const dir = join(work, `install-${++n}`, sub);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  // A hard link is enough: self-update only ever renames over `hodu`, never writes into it.
  linkSync(binary, join(dir, 'hodu'));
  return join(dir, 'hodu');
}

/** Async: the release server lives in this process and must keep serving while hodu runs. */
async function run(exe: string, args: string[], opts: { env?: Record<string, string>; prefix?: string[] } = {}) {
  const p = Bun.spawn([...(opts.prefix ?? []), exe, ...args], {
    cwd: work,
    env: { ...noProxyEnv(), NO_COLOR: '1', HODU_HOME: join(work, 'home'), HODU_UPDATE_URL: server.url, ...opts.env },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [stdout, stderr, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { code, stdout, stderr };
}

const sha = (file: string) => new Bun.CryptoHasher('sha256').update(readFileSync(file)).digest('hex');
const version = async (exe: string) => (await run(exe, ['--version'])).stdout.trim();
const leftovers = (exe: string) => readdirSync(join(exe, '..')).filter((f) => f !== 'hodu' && f !== 'hodu.old');

beforeEach(() => {
  for (const p of ['/stable/manifest.json', '/stable/manifest.json.sig', `/${NEW_VERSION}/${kit.asset}`]) server.override(p, undefined);
});

describe('check', () => {
  test('--check prints installed and latest, exit 0; --json says an update is available', async () => {
    const exe = install(kit.oldBinary);
    const r = await run(exe, ['self-update', '--check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`installed  ${OLD_VERSION}`);
    expect(r.stdout).toContain(`latest     ${NEW_VERSION} (stable)`);
    const j = JSON.parse((await run(exe, ['self-update', '--check', '--json'])).stdout);
    expect(j).toMatchObject({ current: OLD_VERSION, latest: NEW_VERSION, channel: 'stable', updateAvailable: true });
    const up = JSON.parse((await run(install(kit.newBinary), ['self-update', '--check', '--json'])).stdout);
    expect(up.updateAvailable).toBe(false);
  });

  test('an unknown channel is a 404 with a hint', async () => {
    const r = await run(install(kit.oldBinary), ['self-update', '--check', '--channel', 'nightly']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_NOT_FOUND]');
    expect(r.stderr).toContain('/nightly/manifest.json');
  });
});

describe('update and rollback', () => {
  test('updates to the latest, keeps the old binary, then says up to date; --rollback swaps back and forth', async () => {
    const exe = install(kit.oldBinary);
    const r = await run(exe, ['self-update']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`hodu ${OLD_VERSION} → ${NEW_VERSION}`);
    expect(r.stderr).toContain(`Downloading hodu ${NEW_VERSION}`);
    expect(await version(exe)).toBe(`hodu ${NEW_VERSION}`);
    expect(sha(exe)).toBe(sha(kit.newBinary));
    expect(sha(`${exe}.old`)).toBe(sha(kit.oldBinary));
    expect(leftovers(exe)).toEqual([]);

    const again = await run(exe, ['self-update', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ updated: false, current: NEW_VERSION, latest: NEW_VERSION });

    const back = await run(exe, ['self-update', '--rollback']);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain(`rolled back ${NEW_VERSION} → ${OLD_VERSION}`);
    expect(await version(exe)).toBe(`hodu ${OLD_VERSION}`);
    expect(await version(`${exe}.old`)).toBe(`hodu ${NEW_VERSION}`);
    expect((await run(exe, ['self-update', '--rollback'])).code).toBe(0);
    expect(await version(exe)).toBe(`hodu ${NEW_VERSION}`);
  });

  test('--version pins a release, also an older one', async () => {
    const exe = install(kit.newBinary);
    const r = await run(exe, ['self-update', '--version', OLD_VERSION, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(await version(exe)).toBe(`hodu ${OLD_VERSION}`);
    expect(server.hits).toContain(`/${OLD_VERSION}/manifest.json`);
  });

  test('--version of a release that does not exist: E_UPDATE_NOT_FOUND, nothing changed', async () => {
    const exe = install(kit.oldBinary);
    const r = await run(exe, ['self-update', '--version', '9.9.9']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_NOT_FOUND]');
    expect(sha(exe)).toBe(sha(kit.oldBinary));
  });

  test('--rollback without a previous binary: E_UPDATE_NO_ROLLBACK', async () => {
    const r = await run(install(kit.oldBinary), ['self-update', '--rollback']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_NO_ROLLBACK]');
    expect(r.stderr).toContain('hint:');
  });
});

describe('tampering and broken downloads leave the binary untouched', () => {
  function expectUntouched(exe: string, r: { code: number; stderr: string }, code: string) {
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error[${code}]`);
    expect(r.stderr).toContain('hint:');
    expect(sha(exe)).toBe(sha(kit.oldBinary));
    expect(leftovers(exe)).toEqual([]);
    expect(existsSync(`${exe}.old`)).toBe(false);
  }

  test('a signature by another key: E_UPDATE_SIGNATURE', async () => {
    const other = generateKeyPairSync('ed25519').privateKey;
    const manifest = readFileSync(join(kit.site, 'stable', 'manifest.json'));
    server.override('/stable/manifest.json.sig', () => new Response(sign(null, manifest, other).toString('base64')));
    const exe = install(kit.oldBinary);
    expectUntouched(exe, await run(exe, ['self-update']), 'E_UPDATE_SIGNATURE');
  });

  test('a manifest edited after signing (pointing at another sha256): E_UPDATE_SIGNATURE', async () => {
    const text = readFileSync(join(kit.site, 'stable', 'manifest.json'), 'utf8').replace(/"sha256": "[0-9a-f]{4}/, '"sha256": "0000');
    server.override('/stable/manifest.json', () => new Response(text));
    const exe = install(kit.oldBinary);
    expectUntouched(exe, await run(exe, ['self-update']), 'E_UPDATE_SIGNATURE');
  });

  test('a binary with one byte changed (same size): E_UPDATE_CHECKSUM', async () => {
    const bytes = new Uint8Array(readFileSync(kit.newBinary));
    bytes[bytes.length >> 1] ^= 0xff;
    server.override(`/${NEW_VERSION}/${kit.asset}`, () => new Response(bytes));
    const exe = install(kit.oldBinary);
    expectUntouched(exe, await run(exe, ['self-update']), 'E_UPDATE_CHECKSUM');
  });

  test('a truncated download: E_UPDATE_SIZE', async () => {
    const bytes = readFileSync(kit.newBinary);
    server.override(`/${NEW_VERSION}/${kit.asset}`, () => new Response(bytes.subarray(0, bytes.length >> 1)));
    const exe = install(kit.oldBinary);
    const r = await run(exe, ['self-update']);
    expectUntouched(exe, r, 'E_UPDATE_SIZE');
    expect(r.stderr).toContain(`of ${bytes.length} bytes`);
  });
});

describe('installs hodu must not replace', () => {
  // root ignores permission bits: run as nobody then (with setpriv; the folder stays root's, 0755).
  const asRoot = process.getuid?.() === 0;
  testWithTools(asRoot ? ['setpriv'] : [], 'a read-only install folder: E_UPDATE_READONLY before any download', async () => {
    const exe = install(kit.oldBinary);
    const dir = join(exe, '..');
    if (!asRoot) chmodSync(dir, 0o555);
    const before = server.hits.length;
    const r = await run(exe, ['self-update'], asRoot ? { prefix: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'], env: { HODU_HOME: join(dir, 'no-home') } } : {});
    chmodSync(dir, 0o755);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_READONLY]');
    expect(r.stderr).toContain(`cannot write to ${dir}`);
    expect(server.hits.length).toBe(before);
    expect(sha(exe)).toBe(sha(kit.oldBinary));
  });

  test('a package-manager marker next to the binary: E_UPDATE_MANAGED with its command', async () => {
    const exe = install(kit.oldBinary);
    writeFileSync(join(exe, '..', '.hodu-package-manager'), 'brew upgrade hodu\n');
    const r = await run(exe, ['self-update']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_MANAGED]');
    expect(r.stderr).toContain('hint: update it with: brew upgrade hodu');
    expect(sha(exe)).toBe(sha(kit.oldBinary));
  });

  test('a binary inside node_modules is npm\'s', async () => {
    const exe = install(kit.oldBinary, join('node_modules', 'hodu', 'bin'));
    const r = await run(exe, ['self-update']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_MANAGED]');
    expect(r.stderr).toContain('npm update -g hodu');
  });

  test('no update URL anywhere: E_UPDATE_NO_URL naming the config key and the variable', async () => {
    const r = await run(install(kit.oldBinary), ['self-update', '--check'], { env: { HODU_UPDATE_URL: '' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_NO_URL]');
    expect(r.stderr).toContain('update.url');
    expect(r.stderr).toContain('HODU_UPDATE_URL');
  });

  test('[update] url in config.toml is used', async () => {
    const home = join(work, 'home-config');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'config.toml'), `[update]\nurl = "${server.url}"\n`);
    const r = await run(install(kit.oldBinary), ['self-update', '--check', '--json'], { env: { HODU_UPDATE_URL: '', HODU_HOME: home } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).latest).toBe(NEW_VERSION);
  });
});
