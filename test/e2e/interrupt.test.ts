/**
 * Ctrl+C through the compiled binary, mid-operation: the signal is sent to hodu's process group (what a
 * terminal does), and afterwards the state on disk must be exactly as before, with exit code 130 (143 for
 * SIGTERM).
 */
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from 'bun:test';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEW_VERSION, releaseKit, type ReleaseKit } from '../fixtures/release/release-kit';
import { noProxyEnv, startReleaseServer, trickle, type ReleaseServer } from '../fixtures/release/release-server';
import { HODU, hodu, requireBinary } from './hodu';

setDefaultTimeout(60_000);

let kit: ReleaseKit;
let server: ReleaseServer;
let work: string;

beforeAll(() => {
  requireBinary();
  kit = releaseKit();
  server = startReleaseServer(kit.site);
  work = mkdtempSync(join(tmpdir(), 'hodu-interrupt-'));
}, 180_000);
afterAll(() => {
  server.stop();
  rmSync(work, { recursive: true, force: true });
});

interface Running {
  exited: Promise<number>;
  stderr: () => string;
  /** Sends the signal to the whole process group, like Ctrl+C in a terminal. */
  signal(s: NodeJS.Signals): void;
}

function start(exe: string, args: string[], env: Record<string, string>, cwd = work): Running {
  const child = spawn(exe, args, { cwd, env: { ...noProxyEnv(), NO_COLOR: '1', ...env }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<number>((resolve) => child.on('exit', (code, sig) => resolve(code ?? (sig ? -1 : 0))));
  return { exited, stderr: () => stderr, signal: (s) => process.kill(-child.pid!, s) };
}

async function waitFor(what: string, cond: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(50);
  }
}

const sha = (file: string) => new Bun.CryptoHasher('sha256').update(readFileSync(file)).digest('hex');

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`${signal} mid-download: exit ${code}, temp file removed, binary untouched`, async () => {
    const dir = join(work, `update-${signal}`);
    mkdirSync(dir, { recursive: true });
    const exe = join(dir, 'hodu');
    linkSync(kit.oldBinary, exe);
    server.override(`/${NEW_VERSION}/${kit.asset}`, trickle(kit.newBinary, 1 << 20));
    try {
      const run = start(exe, ['self-update'], { HODU_HOME: join(dir, 'home'), HODU_UPDATE_URL: server.url });
      const temp = () => readdirSync(dir).find((f) => f.includes('.update-'));
      // The temp download exists and has received the first MiB: hodu is now waiting on the stalled server.
      await waitFor('the partial download', () => {
        const t = temp();
        return t !== undefined && Bun.file(join(dir, t)).size >= 1 << 20;
      });
      run.signal(signal);
      expect(await run.exited).toBe(code);
      expect(readdirSync(dir).sort()).toEqual(['hodu']);
      expect(sha(exe)).toBe(sha(kit.oldBinary));
    } finally {
      server.override(`/${NEW_VERSION}/${kit.asset}`, undefined);
    }
  });
}

test('SIGINT mid plugin build: exit 130, no staging folder, plugins.json unchanged, plugin not installed', async () => {
  const home = join(work, 'plugin-home');
  const env = { HODU_HOME: home };
  // One plugin installed for real, so there is a plugins.json to keep intact.
  expect(hodu(['plugin', 'new', 'keep', '--type', 'backend', '--lang', 'c'], { cwd: work, env }).code).toBe(0);
  const first = hodu(['plugin', 'install', '--path', 'keep'], { cwd: work, env });
  expect(first.code).toBe(0);
  const registry = join(home, 'plugins', 'plugins.json');
  const before = readFileSync(registry, 'utf8');

  expect(hodu(['plugin', 'new', 'slow', '--type', 'backend', '--lang', 'c'], { cwd: work, env }).code).toBe(0);
  // A "compiler" that announces itself and then takes its time, like a big native build.
  const marker = join(work, 'cc-started');
  const cc = join(work, 'slow-cc.sh');
  writeFileSync(cc, `#!/bin/sh\ntouch '${marker}'\nsleep 30\nexec cc "$@"\n`);
  chmodSync(cc, 0o755);
  const run = start(HODU, ['plugin', 'install', '--path', 'slow'], { ...env, CC: cc });
  await waitFor('the compiler to start', () => existsSync(marker));
  expect(readdirSync(join(home, 'plugins')).some((f) => f.startsWith('.staging-'))).toBe(true);
  run.signal('SIGINT');
  expect(await run.exited).toBe(130);
  expect(readdirSync(join(home, 'plugins')).filter((f) => f.startsWith('.'))).toEqual([]);
  expect(readFileSync(registry, 'utf8')).toBe(before);
  expect(existsSync(join(home, 'plugins', 'slow'))).toBe(false);
});

// The race behind a flaky exit 1: the compiler dies of the terminal's Ctrl+C and is reported before Bun
// dispatches hodu's own copy of the signal. Here only the compiler gets it, so hodu must go by its death alone.
test('a compiler that dies of SIGINT is an interruption: exit 130, no staging folder, plugin not installed', async () => {
  const home = join(work, 'plugin-home-cc-sigint');
  const env = { HODU_HOME: home };
  expect(hodu(['plugin', 'new', 'cut', '--type', 'backend', '--lang', 'c'], { cwd: work, env }).code).toBe(0);
  const cc = join(work, 'sigint-cc.sh');
  writeFileSync(cc, '#!/bin/sh\nkill -INT $$\n');
  chmodSync(cc, 0o755);
  const run = start(HODU, ['plugin', 'install', '--path', 'cut'], { ...env, CC: cc });
  expect(await run.exited).toBe(130);
  expect(run.stderr()).not.toContain('E_PLUGIN_BUILD');
  expect(readdirSync(join(home, 'plugins')).filter((f) => f.startsWith('.'))).toEqual([]);
  expect(existsSync(join(home, 'plugins', 'cut'))).toBe(false);
  expect(existsSync(join(home, 'plugins', 'plugins.json'))).toBe(false);
});

// hodu build compiles in a temporary folder and stages its cache entry: Ctrl+C while the compiler runs must leave
// neither (nor the output), and the compiler must not be taken for one that failed (no E_BUILD_COMPILE).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  test(`${signal} mid hodu build: exit ${code}, no artifact, no build folder, no cache entry or staging left`, async () => {
    const dir = join(work, `build-${signal}`);
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const marker = join(dir, 'cc-started');
    const cc = join(dir, 'slow-cc.sh');
    writeFileSync(cc, `#!/bin/sh\ntouch '${marker}'\nsleep 30\nexec cc "$@"\n`);
    chmodSync(cc, 0o755);
    const env = { HODU_HOME: join(dir, 'home'), HODU_CACHE_DIR: join(dir, 'cache'), TMPDIR: tmp, CC: cc };
    const model = join(import.meta.dir, '..', '..', 'examples', 'mlp.onnx');
    const run = start(HODU, ['build', model, '-o', 'm.so'], env, dir);
    await waitFor('the compiler to start', () => existsSync(marker));
    run.signal(signal);
    expect(await run.exited).toBe(code);
    expect(run.stderr()).not.toContain('E_BUILD_COMPILE');
    expect(existsSync(join(dir, 'm.so'))).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.startsWith('hodu-build-'))).toEqual([]);
    const entries = join(dir, 'cache', 'entries');
    expect(existsSync(entries) ? readdirSync(entries) : []).toEqual([]);
    const staging = join(dir, 'cache', 'staging');
    expect(existsSync(staging) ? readdirSync(staging) : []).toEqual([]);
  });
}
