/**
 * Regression tests (issue 9, item 5) through the compiled binary: a native backend with a higher priority
 * than interp must not silently become the default, and when it crashes hodu (not Bun) reports it with
 * the plugin, kernel, node and signal, records it, and stops choosing it. Fixture plugins segfault in
 * relu_f32: `crash-segv` always (fails `plugin test` at install), `crash-big` only on ≥ 4096 elements
 * (passes `plugin test`, crashes on a real model).
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cCompiler, describeWithTools } from '../support/optional-tools';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from './hodu';

const tmp = tempDir('hodu-plugin-crash-');
const home = join(tmp.dir, 'home');
const env = { HODU_HOME: home };
const run = (args: string[]) => hodu(args, { cwd: tmp.dir, env });
const FIXTURES = join(import.meta.dir, '..', 'fixtures', 'plugins');

/** A package around one fixture, with a priority above interp's 10 (so it would win automatic selection). */
function fixturePackage(name: string): string {
  const dir = join(tmp.dir, name);
  mkdirSync(join(dir, 'src'), { recursive: true });
  copyFileSync(join(FIXTURES, `${name}.c`), join(dir, 'src', `${name}.c`));
  copyFileSync(join(FIXTURES, 'fixture-common.h'), join(dir, 'src', 'fixture-common.h'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({
    name,
    version: '0.0.1',
    hodu: {
      type: 'backend',
      sdk: '^0.1.0',
      native: { sources: [`src/${name}.c`], library: `lib${name}.so` },
      capabilities: { runner: true, builder: false, devices: ['cpu'], priority: 100, ops: ['Relu'], dtypes: ['float32'] },
    },
  }));
  return dir;
}

function reluModel(file: string, n: number): string {
  return writeModelFile(join(tmp.dir, file), buildModel({
    nodes: [{ name: 'the_relu', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [n] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [n] } }],
  }));
}

type Row = { name: string; status: string; problems: string[]; fix?: string; auto: boolean; installed?: { crash?: { signal: string; where: string } } };
const listed = (name: string): Row => (JSON.parse(run(['plugin', 'list', '--json']).stdout) as Row[]).find((r) => r.name === name)!;

const noBunPanic = (stderr: string) => {
  expect(stderr).not.toContain('bug in Bun');
  expect(stderr).not.toContain('panic');
};

beforeAll(() => requireBinary());
afterAll(() => tmp.cleanup());

describeWithTools([cCompiler()], 'item 5: native backend crashes are hodu\'s to report', () => {
  let small = '';
  let big = '';
  beforeAll(() => {
    small = reluModel('small.onnx', 8);
    big = reluModel('big.onnx', 8192);
  });

  test('install runs plugin test and records it: a failing plugin is installed but never chosen automatically', () => {
    const r = run(['plugin', 'install', '--path', fixturePackage('crash-segv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("warning: plugin 'crash-segv' failed plugin test");
    expect(r.stderr).toContain('SIGSEGV');
    const row = listed('crash-segv');
    expect(row).toMatchObject({ status: 'failed', auto: false, fix: 'hodu plugin test crash-segv' });

    // No --backend: an embedded backend runs the model, the cpu one as it has a Relu kernel (before: the
    // priority-100 plugin ran in-process, Bun panicked, exit 139).
    const auto = hodu(['run', small, '--random-inputs', '--json', '--verbose'], { cwd: tmp.dir, env });
    noBunPanic(auto.stderr);
    expect(auto.code).toBe(0);
    expect(JSON.parse(auto.stdout).backend).toBe('cpu');
    expect(auto.stderr).toContain('backend: cpu — chosen automatically');
    expect(auto.stderr).toContain('crash-segv: failed `hodu plugin test`');
  });

  test('--backend NAME still runs an untrusted plugin, with a warning, and its crash is reported by hodu', () => {
    const r = run(['run', small, '--random-inputs', '--backend', 'crash-segv']);
    noBunPanic(r.stderr);
    expect(r.stderr).toContain("warning: plugin 'crash-segv' failed `hodu plugin test`");
    expect(r.stderr).toContain('using it because --backend asked for it');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[E_PLUGIN_CRASH]: plugin 'crash-segv' crashed with SIGSEGV while running kernel 'relu_f32' (step 0, node 'the_relu')");
    expect(r.stderr).toContain('hodu plugin disable crash-segv');
  });

  test('a plugin that passed plugin test and crashes on a real model: reported, recorded, and passed over next time', () => {
    const installed = run(['plugin', 'install', '--path', fixturePackage('crash-big')]);
    expect(installed.code).toBe(0);
    expect(installed.stderr).toContain('plugin test: ');
    expect(listed('crash-big')).toMatchObject({ status: 'ok', auto: true });

    // Chosen automatically (priority 100, tested), isolated by default: the crash is hodu's error, exit 1.
    const crashed = run(['run', big, '--random-inputs']);
    noBunPanic(crashed.stderr);
    expect(crashed.code).toBe(1);
    expect(crashed.stderr).toContain("error[E_PLUGIN_CRASH]: plugin 'crash-big' crashed with SIGSEGV while running kernel 'relu_f32' (step 0, node 'the_relu')");
    expect(crashed.stderr).toContain('--backend interp');
    expect(crashed.stderr).toContain('hodu plugin disable crash-big');

    // plugin list and doctor say so.
    const row = listed('crash-big');
    expect(row.status).toBe('crashed');
    expect(row.auto).toBe(false);
    expect(row.installed?.crash).toMatchObject({ signal: 'SIGSEGV' });
    expect(row.installed?.crash?.where).toContain("kernel 'relu_f32'");
    const table = run(['plugin', 'list']).stdout;
    expect(table).toMatch(/crash-big\s+backend.*crashed/);
    const doctor = JSON.parse(run(['doctor', '--json']).stdout) as { checks?: unknown[] } | unknown[];
    const checks = (Array.isArray(doctor) ? doctor : (doctor as { checks: unknown[] }).checks) as { title: string; status: string; detail: string }[];
    const line = checks.find((c) => c.title === 'plugin crash-big');
    expect(line?.status).toBe('warn');
    expect(line?.detail).toContain('crashed with SIGSEGV');

    // The next automatic run passes over it.
    const after = run(['run', big, '--random-inputs', '--json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout).backend).toBe('cpu');
  });

  test('plugin disable/enable: a disabled plugin is refused by --backend and listed as disabled', () => {
    expect(run(['plugin', 'disable', 'crash-big']).code).toBe(0);
    expect(listed('crash-big')).toMatchObject({ status: 'disabled', fix: 'hodu plugin enable crash-big' });
    const refused = run(['run', small, '--random-inputs', '--backend', 'crash-big']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("error[E_PLUGIN_DISABLED]: plugin 'crash-big' is disabled");
    expect(refused.stderr).toContain('hodu plugin enable crash-big');
    expect(run(['plugin', 'disable', 'crash-big']).stderr).toContain('already disabled');
    expect(run(['plugin', 'enable', 'crash-big']).code).toBe(0);
    // Enabled again, but the recorded crash still keeps it out of automatic selection until it passes a test.
    expect(listed('crash-big').status).toBe('crashed');
    expect(run(['plugin', 'test', 'crash-big']).code).toBe(0);
    expect(listed('crash-big')).toMatchObject({ status: 'ok', auto: true });
    expect(run(['plugin', 'disable', 'interp']).stderr).toContain('built into hodu');
  });

  test('--no-isolate runs a native plugin in-process, with a warning; plugins.json is valid throughout', () => {
    const r = run(['run', small, '--random-inputs', '--backend', 'crash-big', '--no-isolate', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).backend).toBe('crash-big');
    expect(r.stderr).toContain("plugin 'crash-big' runs inside hodu (--no-isolate)");
    const registry = JSON.parse(readFileSync(join(home, 'plugins', 'plugins.json'), 'utf8'));
    expect(registry.plugins['crash-big'].test.passed).toBe(true);
  });
});
