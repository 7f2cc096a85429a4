/**
 * The plugin issue's acceptance flow through the compiled binary, with HODU_HOME in a temp dir:
 * new (C backend) → install → list --json → plugin test → run --backend (in-process and isolated) → remove,
 * plus a plugin that segfaults in a kernel: reported with its signal and kernel, and hodu's state intact.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cCompiler, describeWithTools } from '../support/optional-tools';
import { hodu, requireBinary, tempDir, writeModelFile, buildModel } from './hodu';

const tmp = tempDir('hodu-plugin-flow-');
const home = join(tmp.dir, 'home');
const env = { HODU_HOME: home };
const run = (args: string[]) => hodu(args, { cwd: tmp.dir, env });
const MLP = join(import.meta.dir, '..', '..', 'examples', 'mlp.onnx');

beforeAll(() => requireBinary());
afterAll(() => tmp.cleanup());

function outputsOf(r: { stdout: string }): number[] {
  return JSON.parse(r.stdout).outputs[0].data;
}

describeWithTools([cCompiler()], 'C backend plugin from the template', () => {
  test('new → install → list → test → run → remove', () => {
    const created = run(['plugin', 'new', 'demo', '--type', 'backend', '--lang', 'c']);
    expect(created.code).toBe(0);
    const installed = run(['plugin', 'install', '--path', 'demo']);
    expect(installed.stderr).toContain('building native code from');
    expect(installed.code).toBe(0);

    const list = JSON.parse(run(['plugin', 'list', '--json']).stdout) as { name: string; status: string; embedded?: boolean }[];
    expect(list.find((p) => p.name === 'demo')).toMatchObject({ name: 'demo', status: 'ok' });
    expect(list.find((p) => p.name === 'interp')?.embedded).toBe(true);

    const tested = run(['plugin', 'test', 'demo', '--json']);
    expect(tested.code).toBe(0);
    const report = JSON.parse(tested.stdout);
    expect(report.passed).toBe(true);
    expect(report.cases.filter((o: { status: string }) => o.status === 'passed').length).toBeGreaterThan(10);

    const reference = run(['run', MLP, '--random-inputs', '--backend', 'interp', '--json']);
    const onPlugin = run(['run', MLP, '--random-inputs', '--backend', 'demo', '--json']);
    const isolated = run(['run', MLP, '--random-inputs', '--backend', 'demo', '--isolate', '--json']);
    expect(onPlugin.code).toBe(0);
    expect(JSON.parse(onPlugin.stdout).backend).toBe('demo');
    for (const r of [onPlugin, isolated]) {
      const got = outputsOf(r);
      outputsOf(reference).forEach((v, i) => expect(Math.abs(got[i]! - v)).toBeLessThan(1e-5));
    }

    expect(run(['plugin', 'remove', 'demo']).code).toBe(0);
    const after = JSON.parse(run(['plugin', 'list', '--json']).stdout) as { name: string }[];
    expect(after.map((p) => p.name)).not.toContain('demo');
  });
});

describeWithTools([cCompiler()], 'a plugin that crashes in a kernel', () => {
  const pkg = join(tmp.dir, 'crash-segv');
  let model = '';
  beforeAll(() => {
    mkdirSync(join(pkg, 'src'), { recursive: true });
    const fixtures = join(import.meta.dir, '..', 'fixtures', 'plugins');
    copyFileSync(join(fixtures, 'crash-segv.c'), join(pkg, 'src', 'crash-segv.c'));
    copyFileSync(join(fixtures, 'fixture-common.h'), join(pkg, 'src', 'fixture-common.h'));
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({
      name: 'crash-segv',
      version: '0.0.1',
      hodu: {
        type: 'backend',
        sdk: '^0.1.0',
        native: { sources: ['src/crash-segv.c'], cflags: ['-std=c11'], library: 'libcrash-segv.so' },
        capabilities: { runner: true, builder: false, devices: ['cpu'], priority: 1, ops: ['Relu'], dtypes: ['float32'] },
      },
    }));
    model = writeModelFile(join(tmp.dir, 'relu.onnx'), buildModel({
      nodes: [{ name: 'the_relu', op: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
      inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
      outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
    }));
  });

  test('installs (the crash is in a kernel, not at load)', () => {
    const r = run(['plugin', 'install', '--path', pkg]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
  });

  test('run --isolate reports the plugin, the signal and the kernel; hodu and its state survive', () => {
    const before = readFileSync(join(home, 'plugins', 'plugins.json'), 'utf8');
    const r = run(['run', model, '--random-inputs', '--backend', 'crash-segv', '--isolate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_PLUGIN_CRASH]');
    expect(r.stderr).toContain("plugin 'crash-segv' crashed with SIGSEGV");
    expect(r.stderr).toContain('relu_f32');
    // The only change to plugins.json is the recorded crash (written atomically, still valid).
    const after = JSON.parse(readFileSync(join(home, 'plugins', 'plugins.json'), 'utf8'));
    const { crash, ...rest } = after.plugins['crash-segv'];
    expect(crash).toMatchObject({ signal: 'SIGSEGV' });
    expect({ ...after, plugins: { ...after.plugins, 'crash-segv': rest } }).toEqual(JSON.parse(before));
    expect(run(['plugin', 'list', '--json']).code).toBe(0);
  });

  test('plugin test reports the crash as a failed op', () => {
    const r = run(['plugin', 'test', 'crash-segv', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.passed).toBe(false);
    expect(report.cases[0].status).toBe('failed');
    expect(report.cases[0].detail).toContain('SIGSEGV');
  });
});

describe('TypeScript templates pass plugin test out of the box', () => {
  for (const type of ['backend', 'format'] as const) {
    test(`${type} (folder, then installed)`, () => {
      const name = `ts-${type}`;
      expect(run(['plugin', 'new', name, '--type', type, '--lang', 'ts']).code).toBe(0);
      const fromFolder = run(['plugin', 'test', `./${name}`, '--json']);
      expect(fromFolder.stderr).toBe('');
      const report = JSON.parse(fromFolder.stdout);
      expect(report.passed).toBe(true);
      if (type === 'backend') expect(report.cases.filter((o: { status: string }) => o.status === 'passed').length).toBeGreaterThan(10);
      else expect(report.checks.map((c: { check: string }) => c.check)).toContain('tensor round trip');
      expect(run(['plugin', 'install', '--path', name, '--quiet']).code).toBe(0);
      expect(run(['plugin', 'test', name]).code).toBe(0);
    });
  }
});
