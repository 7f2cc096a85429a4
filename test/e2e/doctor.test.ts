/**
 * `hodu doctor` through the compiled binary. Servers run in this process, so the binary is spawned
 * asynchronously (a synchronous spawn would block them). Proxy variables are cleared: fetch honours
 * HTTP(S)_PROXY and does not exempt loopback.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Server } from 'bun';
import { HODU, requireBinary, tempDir } from './hodu';

interface Check {
  id: string;
  title: string;
  status: 'ok' | 'warn' | 'error';
  detail: string;
  hint?: string;
}

let scratch: ReturnType<typeof tempDir>;
let server: Server<undefined>;
let proxy: Server<undefined>;
const proxied: string[] = [];

beforeAll(() => {
  requireBinary();
  scratch = tempDir('hodu-doctor-');
  server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (req) => new Response(new URL(req.url).pathname === '/broken' ? 'down' : 'ok', { status: new URL(req.url).pathname === '/broken' ? 503 : 200 }) });
  proxy = Bun.serve({
    hostname: '127.0.0.1',
    port: 0,
    fetch(req) {
      proxied.push(req.url);
      return new Response('via proxy');
    },
  });
});
afterAll(() => {
  server.stop(true);
  proxy.stop(true);
  scratch.cleanup();
});

let n = 0;
function setup(config?: string, files: Record<string, string> = {}): { home: string; userHome: string } {
  const root = join(scratch.dir, `case-${n++}`);
  const home = join(root, 'hodu');
  const userHome = join(root, 'user');
  mkdirSync(home, { recursive: true });
  mkdirSync(userHome, { recursive: true });
  if (config !== undefined) writeFileSync(join(home, 'config.toml'), config);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return { home, userHome };
}

async function doctor(s: { home: string; userHome: string }, extra: Record<string, string> = {}): Promise<{ code: number; report: { ok: boolean; summary: Record<string, number>; checks: Check[] }; stderr: string }> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', HODU_HOME: s.home, HOME: s.userHome, XDG_DATA_HOME: '', XDG_CONFIG_HOME: '', FPATH: '', ...extra };
  for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy', 'ALL_PROXY', 'all_proxy', 'HODU_THREADS', 'HODU_MAX_MEMORY', 'HODU_LOG', 'CC']) if (!(k in extra)) delete env[k];
  env.NO_PROXY = '127.0.0.1,localhost';
  const p = Bun.spawn([HODU, 'doctor', '--json'], { env, stdout: 'pipe', stderr: 'pipe', cwd: scratch.dir });
  const [stdout, stderr, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { code, report: JSON.parse(stdout), stderr };
}

const byId = (checks: Check[], id: string) => checks.filter((c) => c.id === id);

describe('hodu doctor', () => {
  test('a healthy setup: every check reported, URLs reachable, exit 0', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const s = setup(`[update]\nurl = "${base}/releases/"\n`, { 'user/.config/fish/completions/hodu.fish': '# completions\n' });
    const { code, report } = await doctor(s);
    expect(report.checks.map((c) => c.id).filter((id, i, all) => all.indexOf(id) === i)).toEqual(['binary', 'home', 'config', 'plugins', 'cpu-backend', 'cc', 'update', 'disk', 'completions']);
    // A fresh home: the embedded cpu backend's library is written by the first run.
    expect(byId(report.checks, 'cpu-backend')[0]).toMatchObject({ status: 'ok', detail: expect.stringContaining(`is written to ${join(s.home, 'embedded')}/cpu-`) });
    expect(byId(report.checks, 'binary')[0]!.detail).toMatch(/^hodu \d+\.\d+\.\d+.* at .*hodu/);
    expect(byId(report.checks, 'home')[0]).toMatchObject({ status: 'ok', detail: `${s.home} ($HODU_HOME)` });
    expect(byId(report.checks, 'config')[0]).toMatchObject({ status: 'ok', detail: `${join(s.home, 'config.toml')} is valid` });
    expect(byId(report.checks, 'plugins')[0]).toMatchObject({ status: 'ok', detail: 'no plugins installed' });
    expect(byId(report.checks, 'update')[0]).toMatchObject({ status: 'ok', detail: `${base}/releases/ reachable (HTTP 200)` });
    expect(byId(report.checks, 'completions')[0]).toMatchObject({ status: 'ok', detail: `fish: ${join(s.userHome, '.config/fish/completions/hodu.fish')}` });
    expect(byId(report.checks, 'disk')[0]!.detail).toMatch(/free in /);
    // Nothing in this setup is an error (a missing compiler or cross-compiler is only a warning).
    expect(report.checks.filter((c) => c.status === 'error')).toEqual([]);
    expect(report.ok).toBe(true);
    expect(code).toBe(0);
  });

  test('an unset update URL and missing completions are warnings with the fix', async () => {
    const { code, report } = await doctor(setup(), { SHELL: '/bin/zsh' });
    expect(byId(report.checks, 'update')[0]).toMatchObject({ status: 'warn', detail: 'not configured (update.url is unset)', hint: 'hodu config set update.url URL' });
    const completions = byId(report.checks, 'completions')[0]!;
    expect(completions.status).toBe('warn');
    expect(completions.hint).toContain('hodu completions zsh > ~/.zfunc/_hodu');
    expect(code).toBe(0);
  });

  test('a broken config, an unreachable URL and a corrupt plugin registry are errors: exit 1', async () => {
    // A port that was just free: nothing listens there.
    const closed = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: () => new Response('') });
    const deadPort = closed.port;
    closed.stop(true);
    const s = setup(`[update]\nurl = "http://127.0.0.1:${deadPort}/"\n[runtime]\nthreads = "many"\n`, { 'hodu/plugins/plugins.json': '{ not json' });
    const { code, report, stderr } = await doctor(s);
    const config = byId(report.checks, 'config')[0]!;
    expect(config.status).toBe('error');
    expect(config.detail).toBe(`${join(s.home, 'config.toml')}:4:1: 'runtime.threads' must be a non-negative integer, got "many" (string)`);
    expect(config.hint).toContain('hodu config unset runtime.threads');
    // The rest of the config still applies: the update URL is probed.
    const update = byId(report.checks, 'update')[0]!;
    expect(update.status).toBe('error');
    expect(update.detail).toStartWith(`http://127.0.0.1:${deadPort}/ not reachable`);
    expect(byId(report.checks, 'plugins')[0]!.status).toBe('error');
    expect(report.ok).toBe(false);
    expect(report.summary.error).toBe(3);
    expect(code).toBe(1);
    expect(stderr).toContain('error[E_DOCTOR]: 3 checks failed: configuration, plugins, update server');
  });

  test('the configured proxy is used', async () => {
    const s = setup(`[update]\nurl = "http://releases.hodu.invalid/stable/"\n[network]\nproxy = "http://127.0.0.1:${proxy.port}"\ntimeout_ms = 2000\n`);
    proxied.length = 0;
    const { report, code } = await doctor(s);
    // .invalid hosts never resolve: only through the proxy (which answers 200) can they be reached.
    expect(byId(report.checks, 'update')[0]).toMatchObject({ status: 'ok', detail: `http://releases.hodu.invalid/stable/ reachable (HTTP 200) via proxy http://127.0.0.1:${proxy.port}` });
    expect(proxied).toEqual(['http://releases.hodu.invalid/stable/']);
    expect(code).toBe(0);
  });

  test('the origin server answering 503 is a warning', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    const { report, code } = await doctor(setup(`[update]\nurl = "${base}/broken"\n`));
    expect(byId(report.checks, 'update')[0]).toMatchObject({ status: 'warn', detail: `${base}/broken answered HTTP 503` });
    expect(code).toBe(0);
  });

  test('a working install warns about nothing no command uses: no cross-compiler, git, registry or compile-cache check', async () => {
    const base = `http://127.0.0.1:${server.port}`;
    // hodu on PATH, completions installed, an update server: nothing is left to fix. No cross-compiler,
    // no git and no registry.url here, which would matter only to commands hodu does not have.
    const s = setup(`[update]\nurl = "${base}/releases/"\n`, { 'user/.config/fish/completions/hodu.fish': '# completions\n' });
    const { code, report } = await doctor(s, { PATH: `${dirname(HODU)}:${process.env.PATH}` });
    expect(report.checks.filter((c) => ['cross-cc', 'git', 'registry', 'cache'].includes(c.id))).toEqual([]);
    const text = report.checks.map((c) => `${c.title} ${c.detail} ${c.hint ?? ''}`).join('\n');
    for (const unused of ['--target', 'cross-compiler', 'registry.url', 'git URLs', 'hodu build', 'compile cache']) expect(text).not.toContain(unused);
    // The C compiler is what `plugin install` needs (a warning where there is none); free disk is the machine's.
    expect(report.checks.filter((c) => c.status !== 'ok' && c.id !== 'cc' && c.id !== 'disk')).toEqual([]);
    expect(code).toBe(0);
  });

  test('$CC pointing at nothing is an error; HODU_HOME that cannot be created is an error', async () => {
    const s = setup(undefined, { 'a-file': 'not a folder' });
    const { report } = await doctor(s, { CC: 'no-such-cc-hodu', HODU_HOME: join(s.home, '..', 'a-file', 'hodu') });
    expect(byId(report.checks, 'cc')[0]).toMatchObject({ status: 'error', detail: "$CC is 'no-such-cc-hodu', which is not found or does not run" });
    expect(byId(report.checks, 'home')[0]!.status).toBe('error');
  });
});
