/** config.toml, `hodu config`, and the flags > env > config > defaults precedence, through the compiled binary. */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_KEYS } from '../../src/config/keys';
import { hodu, requireBinary, tempDir } from './hodu';

const MODEL = join(import.meta.dir, '..', '..', 'examples', 'mlp.onnx');
let scratch: ReturnType<typeof tempDir>;
let n = 0;

beforeAll(() => {
  requireBinary();
  scratch = tempDir('hodu-config-');
});
afterAll(() => scratch.cleanup());

/** A fresh HODU_HOME with an optional config.toml. */
function home(config?: string): string {
  const dir = join(scratch.dir, `home-${n++}`);
  require('node:fs').mkdirSync(dir, { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, 'config.toml'), config);
  return dir;
}

/** Env with every hodu variable cleared, so the developer's shell cannot leak into a case. */
function env(h: string, extra: Record<string, string> = {}): Record<string, string> {
  const clean: Record<string, string> = { HODU_HOME: h, HODU_THREADS: '', HODU_BACKEND: '', HODU_DEVICE: '', HODU_MAX_MEMORY: '', HODU_LOG: '', VISUAL: '', EDITOR: '' };
  return { ...clean, ...extra };
}

describe('hodu config', () => {
  test('set / get / list / unset round trip keeps comments and layout', () => {
    const h = home('# my hodu settings\n\n[runtime]\n# four cores here\nthreads = 2 # was 1\n');
    expect(hodu(['config', 'set', 'runtime.threads', '4'], { env: env(h) }).code).toBe(0);
    expect(hodu(['config', 'set', 'runtime.max_memory', '2GiB'], { env: env(h) }).code).toBe(0);
    const setLog = hodu(['config', 'set', 'log.level', 'debug'], { env: env(h) });
    expect(setLog.stderr).toContain('set log.level = "debug"');
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('# my hodu settings\n\n[runtime]\n# four cores here\nthreads = 4 # was 1\nmax_memory = "2GiB"\n\n[log]\nlevel = "debug"\n');

    const get = hodu(['config', 'get', 'runtime.threads'], { env: env(h) });
    expect([get.code, get.stdout]).toEqual([0, '4\n']);
    const getDefault = hodu(['config', 'get', 'update.channel', '--json'], { env: env(h) });
    expect(JSON.parse(getDefault.stdout)).toEqual({ key: 'update.channel', value: 'stable', source: 'default', default: 'stable' });
    // The environment wins, as in a run: get prints what hodu uses, and says where it comes from.
    const overridden = hodu(['config', 'get', 'runtime.threads'], { env: env(h, { HODU_THREADS: '9' }) });
    expect([overridden.code, overridden.stdout, overridden.stderr]).toEqual([0, '9\n', 'note: from $HODU_THREADS (config.toml has 4)\n']);

    const list = JSON.parse(hodu(['config', 'list', '--json'], { env: env(h) }).stdout);
    expect(list.path).toBe(join(h, 'config.toml'));
    expect(list.values).toEqual({ 'log.level': 'debug', 'runtime.threads': 4, 'runtime.max_memory': '2GiB' });
    expect(list.keys.find((k: { key: string }) => k.key === 'registry.url')).toMatchObject({ source: 'unset' });
    const text = hodu(['config', 'list'], { env: env(h) }).stdout;
    expect(text).toMatch(/runtime\.threads\s+4\s+config\.toml/);
    expect(text).toMatch(/runtime\.device\s+cpu\s+default/);

    expect(hodu(['config', 'unset', 'runtime.max_memory'], { env: env(h) }).code).toBe(0);
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('# my hodu settings\n\n[runtime]\n# four cores here\nthreads = 4 # was 1\n\n[log]\nlevel = "debug"\n');
    expect(hodu(['config', 'path'], { env: env(h) }).stdout).toBe(`${join(h, 'config.toml')}\n`);
  });

  test('list shows the value in effect and its source: env NAME over config.toml over default', () => {
    const h = home('[runtime]\nthreads = 2\n');
    const e = env(h, { HODU_THREADS: '6', HODU_DEVICE: 'cpu', HODU_NO_UPDATE_CHECK: '1', HODU_LOG: 'plugins=debug' });
    const text = hodu(['config', 'list'], { env: e }).stdout;
    expect(text).toMatch(/runtime\.threads\s+6\s+env HODU_THREADS\s+\(config\.toml has 2\)\n/);
    expect(text).toMatch(/runtime\.device\s+cpu\s+env HODU_DEVICE\n/);
    expect(text).toMatch(/update\.check\s+false\s+env HODU_NO_UPDATE_CHECK/);
    // HODU_LOG=plugins=debug sets one module's level: log.level is still the default.
    expect(text).toMatch(/log\.level\s+warn\s+default\n/);
    const rows = JSON.parse(hodu(['config', 'list', '--json'], { env: e }).stdout).keys as { key: string }[];
    expect(rows.find((r) => r.key === 'runtime.threads')).toMatchObject({ value: 6, source: 'env', env: 'HODU_THREADS', configValue: 2 });
    // Without the variables: the file's value, then the default.
    const plain = hodu(['config', 'list'], { env: env(h) }).stdout;
    expect(plain).toMatch(/runtime\.threads\s+2\s+config\.toml\n/);
    expect(plain).toMatch(/runtime\.device\s+cpu\s+default\n/);
  });

  test('get: an unset key prints nothing and exits 1; --default prints the default', () => {
    const h = home('[runtime]\nthreads = 2\n');
    expect(hodu(['config', 'get', 'update.channel'], { env: env(h) })).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(hodu(['config', 'get', 'update.channel', '--default'], { env: env(h) })).toEqual({ code: 0, stdout: 'stable\n', stderr: '' });
    // No default either: still exit 1, even with --default.
    expect(hodu(['config', 'get', 'registry.url', '--default'], { env: env(h) })).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(hodu(['config', 'get', 'runtime.threads', '--default'], { env: env(h) })).toEqual({ code: 0, stdout: '2\n', stderr: '' });
    expect(hodu(['config', 'get', 'runtime.backend'], { env: env(h, { HODU_BACKEND: 'interp' }) }).stdout).toBe('interp\n');
    // --json describes the key in any state.
    const j = hodu(['config', 'get', 'registry.url', '--json'], { env: env(h) });
    expect([j.code, JSON.parse(j.stdout)]).toEqual([0, { key: 'registry.url', value: null, source: 'unset', default: null }]);
  });

  test('set runtime.backend/device accept only a backend/device this install has, with a suggestion; a bad one in the file is named in the run error', () => {
    const h = home('[runtime]\nthreads = 2\n');
    const bad = hodu(['config', 'set', 'runtime.backend', 'intrp'], { env: env(h) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`error[E_CONFIG_VALUE]: 'runtime.backend' must be a backend this install has (interp, cpu), got "intrp"`);
    expect(bad.stderr).toContain("did you mean 'interp'?");
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('[runtime]\nthreads = 2\n');
    expect(hodu(['config', 'set', 'runtime.backend', 'interp'], { env: env(h) }).code).toBe(0);
    const device = hodu(['config', 'set', 'runtime.device', 'gpu'], { env: env(h) });
    expect(device.code).toBe(2);
    expect(device.stderr).toContain(`error[E_CONFIG_VALUE]: 'runtime.device' must be a device one of its backends runs on (cpu), got "gpu"`);
    expect(hodu(['config', 'set', 'runtime.device', 'cpu'], { env: env(h) }).code).toBe(0);
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('[runtime]\nthreads = 2\nbackend = "interp"\ndevice = "cpu"\n');
    // Written by hand (or before a plugin was removed): the run names the key and how to change it.
    const edited = home('[runtime]\nbackend = "nope"\n');
    const run = hodu(['run', MODEL, '--random-inputs'], { env: env(edited) });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error[E_NO_BACKEND]: no backend named 'nope'; available: interp, cpu (from runtime.backend in config.toml)");
    expect(run.stderr).toContain('`hodu config unset runtime.backend`');
    const fromEnv = hodu(['run', MODEL, '--random-inputs'], { env: env(edited, { HODU_BACKEND: 'nada' }) });
    expect(fromEnv.stderr).toContain("no backend named 'nada'; available: interp, cpu (from HODU_BACKEND)");
    expect(fromEnv.stderr).toContain('unset HODU_BACKEND');
  });

  test('unset of the last key of a table removes the table (and the comment above the key)', () => {
    const h = home('# mine\n\n[runtime]\nthreads = 2\n\n[log]\n# chatty while debugging\nlevel = "debug"\n');
    expect(hodu(['config', 'unset', 'log.level'], { env: env(h) }).code).toBe(0);
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('# mine\n\n[runtime]\nthreads = 2\n');
    const r = hodu(['config', 'unset', 'runtime.threads'], { env: env(h) });
    expect([r.code, r.stderr.includes('re-written')]).toEqual([0, false]);
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('# mine\n');
  });

  test('set on a key no command reads yet says so; other keys do not', () => {
    const h = home();
    const r = hodu(['config', 'set', 'registry.url', 'http://127.0.0.1:4873/'], { env: env(h) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: no command reads registry.url yet (it is for installing plugins from a registry');
    expect(hodu(['config', 'list'], { env: env(h) }).stdout).toMatch(/registry\.url\s+http:\/\/127\.0\.0\.1:4873\/\s+config\.toml\s+\(not used yet\)/);
    const used = hodu(['config', 'set', 'runtime.threads', '2'], { env: env(h) });
    expect(used.stderr).not.toContain('warning');
  });

  test('set on every notUsedYet key warns (text and --json), so no setting is accepted silently', () => {
    const sample: Record<string, string> = { path: '/tmp/hodu-cache', size: '1GiB', url: 'http://127.0.0.1:4873/' };
    const marked = CONFIG_KEYS.filter((k) => k.notUsedYet);
    expect(marked.length).toBeGreaterThan(0);
    for (const k of marked) {
      const h = home();
      const value = sample[k.kind];
      expect([k.key, value !== undefined]).toEqual([k.key, true]);
      const r = hodu(['config', 'set', k.key, value!], { env: env(h) });
      expect([k.key, r.code, r.stderr]).toEqual([k.key, 0, expect.stringContaining(`warning: no command reads ${k.key} yet (it is for ${k.notUsedYet})`)]);
      const j = hodu(['config', 'set', k.key, value!, '--json'], { env: env(home()) });
      expect(JSON.parse(j.stdout).notUsedYet).toBe(k.notUsedYet);
    }
  });

  test('set validates against the schema and writes nothing when invalid', () => {
    const h = home('[runtime]\nthreads = 2\n');
    const r = hodu(['config', 'set', 'runtime.threads', 'lots'], { env: env(h) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error[E_CONFIG_VALUE]: 'runtime.threads' must be a non-negative integer, got "lots" (string)`);
    expect(r.stderr).toContain('hint: e.g. `hodu config set runtime.threads 0`');
    const bad = hodu(['config', 'set', 'runtime.max_memory', 'huge'], { env: env(h) });
    expect(bad.stderr).toContain("'runtime.max_memory' must be a size such as");
    const unknown = hodu(['config', 'set', 'runtime.thread', '4'], { env: env(h) });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown config key 'runtime.thread'");
    expect(unknown.stderr).toContain("did you mean 'runtime.threads'?");
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('[runtime]\nthreads = 2\n');
    const bool = hodu(['config', 'set', 'update.check', 'no'], { env: env(h) });
    expect(bool.code).toBe(0);
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('[runtime]\nthreads = 2\n\n[update]\ncheck = false\n');
  });

  test('malformed files: TOML syntax with line:col, wrong type and unknown key with line and hint', () => {
    // An unquoted string: the parser reads `in` as the start of `inf` and stops at the `t` (column 13).
    const syntax = home('[runtime]\nthreads = 4\nbackend = interp\n');
    const s = hodu(['config', 'list'], { env: env(syntax) });
    expect(s.code).toBe(1);
    expect(s.stderr).toContain(`error[E_CONFIG]: ${join(syntax, 'config.toml')}:3:13: Unexpected character`);

    const typed = home('[runtime]\nthreads = "four"\n[log]\nlevle = "debug"\n');
    const t = hodu(['run', MODEL, '--random-inputs'], { env: env(typed) });
    expect(t.code).toBe(1);
    expect(t.stdout).toBe('');
    expect(t.stderr).toContain(`${join(typed, 'config.toml')}:2:1: 'runtime.threads' must be a non-negative integer, got "four" (string)`);
    expect(t.stderr).toContain(`${join(typed, 'config.toml')}:4:1: unknown key 'log.levle'`);
    expect(t.stderr).toContain('`hodu config unset runtime.threads`');

    // unset cleans up an unknown key, after which the file is valid again.
    expect(hodu(['config', 'unset', 'log.levle'], { env: env(typed) }).code).toBe(0);
    expect(hodu(['config', 'set', 'runtime.threads', '4'], { env: env(typed) }).code).toBe(0);
    expect(hodu(['config', 'list'], { env: env(typed) }).code).toBe(0);
  });

  test('edit: a valid edit is kept, an invalid one is rolled back and saved aside', () => {
    const h = home('[runtime]\nthreads = 2\n');
    const editor = join(scratch.dir, `editor-${n++}.sh`);
    writeFileSync(editor, '#!/bin/sh\nprintf \'[runtime]\\nthreads = 6\\n\' > "$1"\n');
    chmodSync(editor, 0o755);
    const ok = hodu(['config', 'edit'], { env: env(h, { EDITOR: editor }) });
    expect(ok.code).toBe(0);
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('[runtime]\nthreads = 6\n');

    const badEditor = join(scratch.dir, `editor-${n++}.sh`);
    writeFileSync(badEditor, '#!/bin/sh\nprintf \'[runtime]\\nthreads = -3\\n\' > "$1"\n');
    chmodSync(badEditor, 0o755);
    const bad = hodu(['config', 'edit'], { env: env(h, { VISUAL: badEditor, EDITOR: editor }) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`${join(h, 'config.toml')}:2:1: 'runtime.threads' must be a non-negative integer, got -3 (integer)`);
    expect(bad.stderr).toContain('was restored');
    expect(readFileSync(join(h, 'config.toml'), 'utf8')).toBe('[runtime]\nthreads = 6\n');
    expect(readFileSync(join(h, 'config.toml.rejected'), 'utf8')).toBe('[runtime]\nthreads = -3\n');

    // No config yet and an editor that fails: nothing is left behind.
    const fresh = home();
    const fail = hodu(['config', 'edit'], { env: env(fresh, { EDITOR: 'false' }) });
    expect(fail.code).toBe(1);
    expect(fail.stderr).toContain('error[E_EDITOR]');
    expect(existsSync(join(fresh, 'config.toml'))).toBe(false);
  });
});

describe('precedence through `hodu run`: flags > env > config > defaults', () => {
  const cfg = (backend: string, threads = 3) => `[runtime]\nbackend = "${backend}"\nthreads = ${threads}\n`;
  // [case, config, env, flags, expected backend (or the missing backend named in the error), threads line]
  const table: [string, string | undefined, Record<string, string>, string[], { backend?: string; missing?: string; threads: string }][] = [
    ['flag beats env and config', cfg('nope-config'), { HODU_BACKEND: 'nope-env', HODU_THREADS: '2' }, ['--backend', 'interp', '--threads', '1'], { backend: 'interp', threads: 'threads 1 from --threads' }],
    ['env beats config (a missing env backend is what fails)', cfg('interp'), { HODU_BACKEND: 'nope-env', HODU_THREADS: '2' }, [], { missing: 'nope-env', threads: 'threads 2 from HODU_THREADS' }],
    ['env beats config (env backend works)', cfg('nope-config'), { HODU_BACKEND: 'interp', HODU_THREADS: '2' }, [], { backend: 'interp', threads: 'threads 2 from HODU_THREADS' }],
    ['config beats defaults', cfg('nope-config'), {}, [], { missing: 'nope-config', threads: 'threads 3 from runtime.threads in config.toml' }],
    ['config backend used when valid', cfg('interp', 5), {}, [], { backend: 'interp', threads: 'threads 5 from runtime.threads in config.toml' }],
    // The embedded cpu backend covers MODEL's ops, so it is the default.
    ['defaults', undefined, {}, [], { backend: 'cpu', threads: 'threads 0 from default' }],
  ];
  for (const [name, config, vars, flags, want] of table) {
    test(name, () => {
      const h = home(config);
      const r = hodu(['run', MODEL, '--random-inputs', '--json', ...flags], { env: env(h, { ...vars, HODU_LOG: 'run=debug' }) });
      expect(r.stderr).toContain(want.threads);
      if (want.backend) {
        expect(r.code).toBe(0);
        // Debug logs go to stderr only: stdout stays valid JSON.
        expect(JSON.parse(r.stdout).backend).toBe(want.backend);
      } else {
        expect(r.code).toBe(2);
        // --json: the error is the one JSON object on stdout, and the usual line on stderr.
        expect(JSON.parse(r.stdout).error.code).toBe('E_NO_BACKEND');
        expect(r.stderr).toContain(`error[E_NO_BACKEND]: no backend named '${want.missing}'`);
      }
    });
  }

  test('device: config → refused on a device nothing supports; the flag overrides it', () => {
    const h = home('[runtime]\ndevice = "gpu"\n');
    const r = hodu(['run', MODEL, '--random-inputs'], { env: env(h) });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('error[E_NO_BACKEND]');
    expect(r.stderr).toContain("'gpu'");
    expect(hodu(['run', MODEL, '--random-inputs', '--device', 'cpu'], { env: env(h) }).code).toBe(0);
  });

  test('bad values: a flag is a usage error, an env var names itself', () => {
    const h = home();
    const flag = hodu(['run', MODEL, '--random-inputs', '--threads', 'x'], { env: env(h) });
    expect([flag.code, flag.stderr.includes("--threads must be an integer from 1 to ")]).toEqual([2, true]);
    const envBad = hodu(['run', MODEL, '--random-inputs'], { env: env(h, { HODU_THREADS: '-1' }) });
    expect(envBad.code).toBe(1);
    expect(envBad.stderr).toContain("error[E_ENV]: HODU_THREADS must be an integer from 1 to ");
    expect(envBad.stderr).toContain("got '-1'");
    const logBad = hodu(['run', MODEL, '--random-inputs'], { env: env(h, { HODU_LOG: 'loud' }) });
    expect(logBad.stderr).toContain("HODU_LOG: 'loud' is not a level");
  });

  test('[log] file and format: JSON lines appended to the file and on stderr, never on stdout', () => {
    const h = home();
    const logFile = join(h, 'hodu.log');
    writeFileSync(join(h, 'config.toml'), `[log]\nlevel = "debug"\nformat = "json"\nfile = "${logFile}"\n`);
    const r = hodu(['run', MODEL, '--random-inputs', '--json'], { env: env(h) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).backend).toBe('cpu');
    const fileLines = readFileSync(logFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(fileLines.some((l) => l.module === 'run' && l.level === 'debug' && l.msg === "ran on backend 'cpu'")).toBe(true);
    expect(r.stderr.split('\n').filter(Boolean).every((l) => JSON.parse(l).module === 'run')).toBe(true);
  });

  test('[log] file that cannot be written: one warning line with the path and a hint, at any level; the run still works', () => {
    const h = home();
    const logFile = join(h, 'no-such-folder', 'hodu.log');
    // The default level logs nothing on a normal run: the warning must not wait for a log line.
    writeFileSync(join(h, 'config.toml'), `[log]\nfile = "${logFile}"\n`);
    const quiet = hodu(['run', MODEL, '--random-inputs', '--json'], { env: env(h) });
    expect(quiet.code).toBe(0);
    expect(JSON.parse(quiet.stdout).backend).toBe('cpu');
    expect(quiet.stderr).toBe(`WARN  log: cannot write log file ${logFile} (its folder does not exist); logging to stderr only. hint: fix or unset [log] file (\`hodu config set log.file PATH\` or \`hodu config unset log.file\`)\n`);
    // Many log lines: still one warning.
    writeFileSync(join(h, 'config.toml'), `[log]\nlevel = "debug"\nfile = "${logFile}"\n`);
    const loud = hodu(['run', MODEL, '--random-inputs', '--json'], { env: env(h) });
    expect(loud.code).toBe(0);
    expect(loud.stderr.split('\n').filter((l) => l.includes(logFile))).toHaveLength(1);
    expect(loud.stderr).toContain('DEBUG run:');
  });

  test('--help shows where the defaults come from', () => {
    const r = hodu(['run', '--help']);
    expect(r.stdout).toContain('$HODU_THREADS, runtime.threads, else the backend default');
    expect(r.stdout).toContain('$HODU_MAX_MEMORY, runtime.max_memory, else no limit');
  });
});
