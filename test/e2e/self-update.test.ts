/**
 * `hodu self-update` through real compiled release binaries (two versions, signed with a test key) against a
 * real HTTP release site on 127.0.0.1. Every failure case checks that the installed binary is byte-for-byte
 * unchanged and that no temp file is left next to it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEW_VERSION, OLD_VERSION, releaseKit, type ReleaseKit } from '../fixtures/release/release-kit';
import { noProxyEnv, startReleaseServer, startStalledServer, trickle, type ReleaseServer } from '../fixtures/release/release-server';
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
async function run(exe: string, args: string[], opts: { env?: Record<string, string>; prefix?: string[]; hangGuardMs?: number } = {}) {
  const p = Bun.spawn([...(opts.prefix ?? []), exe, ...args], {
    cwd: work,
    env: { ...noProxyEnv(), NO_COLOR: '1', HODU_HOME: join(work, 'home'), HODU_UPDATE_URL: server.url, ...opts.env },
    stdout: 'pipe',
    stderr: 'pipe',
    // A hang guard, not a timing assertion: a stalled server must not hang hodu (killed → code is null-ish).
    timeout: opts.hangGuardMs,
  });
  const [stdout, stderr, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { code, stdout, stderr, killed: p.signalCode !== null };
}

/** A HODU_HOME whose config.toml holds `toml`. */
function homeWith(toml: string): string {
  const home = join(work, `home-${++n}`);
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'config.toml'), toml);
  return home;
}

/** A manifest signed with the kit's release key (what a replay or a compromised mirror could serve). */
function signedManifest(text: string): { text: string; sig: string } {
  return { text, sig: sign(null, Buffer.from(text), createPrivateKey(kit.privateKeyPem)).toString('base64') };
}

function serveManifest(m: { text: string; sig: string }): void {
  server.override('/stable/manifest.json', () => new Response(m.text));
  server.override('/stable/manifest.json.sig', () => new Response(m.sig));
}

const sha = (file: string) => new Bun.CryptoHasher('sha256').update(readFileSync(file)).digest('hex');
const version = async (exe: string) => (await run(exe, ['--version'])).stdout.trim();
const leftovers = (exe: string) => readdirSync(join(exe, '..')).filter((f) => f !== 'hodu' && f !== 'hodu.old');

beforeEach(() => {
  for (const p of ['/stable/manifest.json', '/stable/manifest.json.sig', `/${NEW_VERSION}/${kit.asset}`]) server.override(p, undefined);
  server.hits.length = 0;
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

describe('no going back in time (issue 9 #9)', () => {
  test('a replayed older manifest on the channel: --force refuses it (E_UPDATE_DOWNGRADE); --version pins it', async () => {
    const old = { text: readFileSync(join(kit.site, OLD_VERSION, 'manifest.json'), 'utf8'), sig: readFileSync(join(kit.site, OLD_VERSION, 'manifest.json.sig'), 'utf8') };
    serveManifest(old);
    const exe = install(kit.newBinary);
    const r = await run(exe, ['self-update', '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_DOWNGRADE]');
    expect(r.stderr).toContain(`${OLD_VERSION} is older than the installed ${NEW_VERSION}`);
    expect(r.stderr).toContain(`--version ${OLD_VERSION}`);
    expect(sha(exe)).toBe(sha(kit.newBinary));
    expect(server.hits).not.toContain(`/${OLD_VERSION}/${kit.asset}`);
    // Without --force it is simply not an update.
    const plain = await run(exe, ['self-update', '--json']);
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ updated: false, current: NEW_VERSION });
  });

  test('--force reinstalls the same version', async () => {
    const exe = install(kit.newBinary);
    const r = await run(exe, ['self-update', '--force', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ updated: true, from: NEW_VERSION, to: NEW_VERSION });
    expect(server.hits).toContain(`/${NEW_VERSION}/${kit.asset}`);
  });

  test('a newer version signed before this release was made (back-dated): refused before any download', async () => {
    const m = JSON.parse(readFileSync(join(kit.site, NEW_VERSION, 'manifest.json'), 'utf8'));
    const text = `${JSON.stringify({ ...m, version: '1.2.0', date: '2001-02-03T04:05:06.000Z' }, null, 2)}\n`;
    serveManifest(signedManifest(text));
    const exe = install(kit.oldBinary);
    for (const args of [['self-update'], ['self-update', '--force']]) {
      const r = await run(exe, args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[E_UPDATE_DOWNGRADE]');
      expect(r.stderr).toContain('dated 2001-02-03T04:05:06.000Z, before this hodu');
    }
    expect(sha(exe)).toBe(sha(kit.oldBinary));
    expect(server.hits.filter((h) => h.endsWith(kit.asset))).toEqual([]);
  });
});

describe('network limits (issue 9 #10)', () => {
  /** A body that sends `first` bytes and then nothing (Bun.serve sends it chunked). */
  function stalled(headers: Record<string, string>, first: Uint8Array): Response {
    return new Response(new ReadableStream({ start: (c) => c.enqueue(first) }), { headers });
  }

  /** Redirects `path` to a server that announces `headers` and then stalls. */
  function redirectToStalled(path: string, headers: Record<string, string>): () => void {
    const stuck = startStalledServer(headers, new Uint8Array(1024).fill(0x20));
    server.override(path, () => Response.redirect(`${stuck.url}${path}`, 302));
    return () => stuck.stop();
  }

  test('a manifest announcing 400 MB is refused from its Content-Length, before reading it', async () => {
    const stop = redirectToStalled('/stable/manifest.json', { 'content-length': String(400_000_000) });
    try {
      const r = await run(install(kit.oldBinary), ['self-update', '--check'], { hangGuardMs: 15_000 });
      expect(r.killed).toBe(false);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('error[E_UPDATE_MANIFEST]');
      expect(r.stderr).toContain('400000000 bytes');
    } finally {
      stop();
    }
  });

  test('a manifest without Content-Length is cut off at 1 MiB, not read whole', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    server.override('/stable/manifest.json', () =>
      new Response(
        new ReadableStream({
          pull(c) {
            // 64 MiB in all: enough to tell "read to the end" from "stopped near 1 MiB".
            if (pulled >= 64 << 20) return c.close();
            pulled += chunk.length;
            c.enqueue(chunk);
          },
        }),
      ),
    );
    const r = await run(install(kit.oldBinary), ['self-update', '--check'], { hangGuardMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_MANIFEST]');
    expect(r.stderr).toContain('more than 1 MiB');
    await Bun.sleep(200);
    expect(pulled).toBeLessThan(16 << 20);
  });

  test('a manifest that stalls after its headers: E_UPDATE_NETWORK after network.timeout_ms, with a hint', async () => {
    server.override('/stable/manifest.json', () => stalled({ 'content-length': '5000' }, new Uint8Array(10).fill(0x20)));
    const r = await run(install(kit.oldBinary), ['self-update', '--check'], { env: { HODU_HOME: homeWith('[network]\ntimeout_ms = 1000\n') }, hangGuardMs: 15_000 });
    expect(r.killed).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_NETWORK]');
    expect(r.stderr).toContain('no data for 1000 ms');
    expect(r.stderr).toContain('network.timeout_ms');
    expect(r.stderr).not.toContain('E_INTERNAL');
  });

  test('a binary download that stalls: E_UPDATE_NETWORK after network.timeout_ms, binary untouched, no temp file', async () => {
    server.override(`/${NEW_VERSION}/${kit.asset}`, trickle(kit.newBinary, 1 << 16));
    const exe = install(kit.oldBinary);
    const r = await run(exe, ['self-update'], { env: { HODU_HOME: homeWith('[network]\ntimeout_ms = 1500\n') }, hangGuardMs: 20_000 });
    expect(r.killed).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_NETWORK]');
    expect(r.stderr).toContain('no data for 1500 ms');
    expect(r.stderr).toContain('hint:');
    expect(sha(exe)).toBe(sha(kit.oldBinary));
    expect(leftovers(exe)).toEqual([]);
  });

  test('a binary whose Content-Length exceeds the signed size is refused before reading it', async () => {
    const size = Bun.file(kit.newBinary).size;
    const stop = redirectToStalled(`/${NEW_VERSION}/${kit.asset}`, { 'content-length': String(size + 1_000_000) });
    const exe = install(kit.oldBinary);
    const r = await run(exe, ['self-update'], { hangGuardMs: 15_000 });
    stop();
    expect(r.killed).toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_UPDATE_SIZE]');
    expect(r.stderr).toContain(`${size + 1_000_000} bytes`);
    expect(sha(exe)).toBe(sha(kit.oldBinary));
    expect(leftovers(exe)).toEqual([]);
  });

  test('network.proxy from config.toml carries the requests', async () => {
    const seen: string[] = [];
    // A forward proxy for plain http: it gets absolute-form request lines and fetches them itself.
    const proxy = Bun.serve({
      hostname: '127.0.0.1',
      port: 0,
      async fetch(req) {
        seen.push(req.url);
        const res = await fetch(req.url);
        return new Response(await res.arrayBuffer(), { status: res.status });
      },
    });
    try {
      const home = homeWith(`[network]\nproxy = "http://127.0.0.1:${proxy.port}"\n`);
      // NO_PROXY applies to network.proxy too (the test environment exempts 127.0.0.1): clear it here.
      const r = await run(install(kit.oldBinary), ['self-update', '--check', '--json'], { env: { HODU_HOME: home, NO_PROXY: '', no_proxy: '' } });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout).latest).toBe(NEW_VERSION);
      expect(seen).toContain(`${server.url}/stable/manifest.json`);
      // A dead proxy is an error naming it, not a silent direct connection.
      const dead = await run(install(kit.oldBinary), ['self-update', '--check'], { env: { HODU_HOME: homeWith('[network]\nproxy = "http://127.0.0.1:9"\n'), NO_PROXY: '', no_proxy: '' } });
      expect(dead.code).toBe(1);
      expect(dead.stderr).toContain('error[E_UPDATE_NETWORK]');
      expect(dead.stderr).toContain('proxy http://127.0.0.1:9');
    } finally {
      proxy.stop(true);
    }
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

  test('--check --json: a check that cannot be made exits 1 and still prints one JSON object (issue 9 #28b)', async () => {
    const r = await run(install(kit.oldBinary), ['self-update', '--check', '--json'], { env: { HODU_UPDATE_URL: '' } });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.error).toMatchObject({ code: 'E_UPDATE_NO_URL' });
    expect(j.error.hint).toContain('update.url');
    expect(r.stderr).toContain('error[E_UPDATE_NO_URL]');
    const missing = await run(install(kit.oldBinary), ['self-update', '--check', '--json', '--channel', 'nightly']);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).error.code).toBe('E_UPDATE_NOT_FOUND');
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

describe('background update check (issue 9 #29)', () => {
  const haveScript = Bun.which('script') !== null;
  if (!haveScript && process.env.CI !== 'true') console.warn('skipping the background update check tests: `script` (util-linux) is needed for a terminal');

  /** Runs hodu on a pseudo-terminal (util-linux `script`): stdout and stderr arrive merged in `output`. */
  async function onTty(exe: string, args: string[], env: Record<string, string>) {
    const line = [exe, ...args].map((a) => `'${a}'`).join(' ');
    const base = noProxyEnv();
    delete base.CI;
    const p = Bun.spawn(['script', '-qec', line, '/dev/null'], {
      cwd: work,
      env: { ...base, NO_COLOR: '1', HODU_UPDATE_URL: server.url, TERM: 'dumb', ...env },
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      timeout: 30_000,
    });
    p.stdin.end();
    const [output, code] = await Promise.all([new Response(p.stdout).text(), p.exited]);
    return { code, output: output.replace(/\r/g, '') };
  }

  const manifestHits = () => server.hits.filter((h) => h === '/stable/manifest.json').length;
  const notice = `hodu ${NEW_VERSION} is available (installed: ${OLD_VERSION}); run \`hodu self-update\``;

  /** Polls (hang guard 10 s) until the detached check has recorded its answer in HODU_HOME. */
  async function waitForAnswer(file: string): Promise<void> {
    const answered = () => existsSync(file) && readFileSync(file, 'utf8').includes(`"latest": "${NEW_VERSION}"`);
    for (let i = 0; i < 200 && !answered(); i++) await Bun.sleep(50);
    expect(answered()).toBe(true);
  }

  test.skipIf(!haveScript && process.env.CI !== 'true')('on a terminal: checked once per interval in the background, then a one-line notice', async () => {
    const home = join(work, `home-${++n}`);
    const exe = install(kit.oldBinary);
    const first = await onTty(exe, ['version'], { HODU_HOME: home });
    expect(first.code).toBe(0);
    expect(first.output).not.toContain('is available');
    await waitForAnswer(join(home, 'update-check.json'));
    expect(manifestHits()).toBe(1);

    const second = await onTty(exe, ['version'], { HODU_HOME: home });
    expect(second.code).toBe(0);
    expect(second.output.split('\n').filter((l) => l.includes('is available'))).toEqual([notice]);
    // Within the interval (24h by default) the cached answer is used: no second request.
    await Bun.sleep(300);
    expect(manifestHits()).toBe(1);

    // Off under --json, CI, HODU_NO_UPDATE_CHECK, update.check = false, without an update URL, and off a terminal.
    const cases: [string[], Record<string, string>][] = [
      [['version', '--json'], {}],
      [['version'], { CI: 'true' }],
      [['version'], { HODU_NO_UPDATE_CHECK: '1' }],
      [['version'], { HODU_UPDATE_URL: '' }],
    ];
    for (const [args, env] of cases) {
      const r = await onTty(exe, args, { HODU_HOME: home, ...env });
      expect(`${args.join(' ')} ${JSON.stringify(env)}: ${r.output.includes('is available')}`).toBe(`${args.join(' ')} ${JSON.stringify(env)}: false`);
    }
    writeFileSync(join(home, 'config.toml'), '[update]\ncheck = false\n');
    expect((await onTty(exe, ['version'], { HODU_HOME: home })).output).not.toContain('is available');
    rmSync(join(home, 'config.toml'));
    const piped = await run(exe, ['version'], { env: { HODU_HOME: home } });
    expect(piped.stderr).not.toContain('is available');
  });

  test.skipIf(!haveScript && process.env.CI !== 'true')('a stalled update server never delays the command; nothing is checked off a terminal', async () => {
    server.override('/stable/manifest.json', () => new Response(new ReadableStream({ start: () => undefined })));
    const home = join(work, `home-${++n}`);
    const exe = install(kit.oldBinary);
    const r = await onTty(exe, ['version'], { HODU_HOME: home });
    expect(r.code).toBe(0);
    expect(r.output).toContain(`hodu ${OLD_VERSION}`);
    // The command is over while its background check still waits on the stalled server (no answer yet).
    for (let i = 0; i < 200 && manifestHits() === 0; i++) await Bun.sleep(50);
    expect(manifestHits()).toBe(1);
    const pending = readFileSync(join(home, 'update-check.json'), 'utf8');
    expect(pending).not.toContain('"latest"');
    expect(pending).not.toContain('"error"');
    const quiet = join(work, `home-${++n}`);
    await run(exe, ['version'], { env: { HODU_HOME: quiet } });
    await Bun.sleep(500);
    expect(existsSync(join(quiet, 'update-check.json'))).toBe(false);
  });
});
