/**
 * Automatic backend selection loads only the backend it picks (issue 10 item 6). Two C backends from the
 * template, each built with a load-time constructor that appends its name to a log file whenever the library
 * is loaded, in any process (the isolation probe, the run's child, or hodu itself with --no-isolate). So the
 * log shows exactly which libraries a `hodu run` dlopened.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from '../../src/ir/graph';
import { cCompiler, describeWithTools } from '../support/optional-tools';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from './hodu';

const tmp = tempDir('hodu-plugin-select-');
const home = join(tmp.dir, 'home');
const loadLog = join(tmp.dir, 'loads.log');
const env = { HODU_HOME: home, HODU_TEST_LOAD_LOG: loadLog };
const run = (args: string[]) => hodu(args, { cwd: tmp.dir, env });
const pluginsJson = join(home, 'plugins', 'plugins.json');

beforeAll(() => requireBinary());
afterAll(() => tmp.cleanup());

/** Which plugin libraries were loaded since the last call (one line per load), then forgets them. */
function takeLoads(): string[] {
  const lines = existsSync(loadLog) ? readFileSync(loadLog, 'utf8').split('\n').filter(Boolean) : [];
  rmSync(loadLog, { force: true });
  return lines;
}

/** A template C backend named `name` at `priority`, logging its loads; `without` drops kernels (and their ops). */
function makePlugin(name: string, priority: number, without: { op: string; kernel: string }[] = []): void {
  expect(run(['plugin', 'new', name, '--type', 'backend', '--lang', 'c']).code).toBe(0);
  const dir = join(tmp.dir, name);
  writeFileSync(join(dir, 'src', 'load-log.c'), [
    '#include <stdio.h>',
    '#include <stdlib.h>',
    '__attribute__((constructor)) static void log_load(void) {',
    '  const char *file = getenv("HODU_TEST_LOAD_LOG");',
    '  FILE *f = file ? fopen(file, "a") : NULL;',
    `  if (f) { fputs("${name}\\n", f); fclose(f); }`,
    '}',
    '',
  ].join('\n'));
  let c = readFileSync(join(dir, 'src', 'plugin.c'), 'utf8');
  for (const { kernel } of without) {
    const entry = new RegExp(`\\{"${kernel}", \\w+\\},\\s*`);
    const listed = `"${kernel}", `;
    expect(c).toMatch(entry);
    expect(c).toContain(listed);
    c = c.replace(entry, '').replace(listed, '');
  }
  writeFileSync(join(dir, 'src', 'plugin.c'), c);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.hodu.native.sources.push('src/load-log.c');
  pkg.hodu.capabilities.priority = priority;
  pkg.hodu.capabilities.ops = pkg.hodu.capabilities.ops.filter((op: string) => !without.some((w) => w.op === op));
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
}

function unaryModel(op: string): string {
  const node: Node = { name: `the_${op.toLowerCase()}`, op, domain: '', inputs: ['x'], outputs: ['y'], attributes: {} };
  return writeModelFile(join(tmp.dir, `${op.toLowerCase()}.onnx`), buildModel({
    nodes: [node],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
  }));
}

function autoRun(model: string, extra: string[] = []): { backend: string; stderr: string } {
  const r = run(['run', model, '--random-inputs', '--json', '--verbose', ...extra]);
  expect(r.code).toBe(0);
  return { backend: JSON.parse(r.stdout).backend, stderr: r.stderr };
}

describeWithTools([cCompiler()], 'automatic selection among installed backends', () => {
  let relu = '';
  let tanh = '';
  beforeAll(() => {
    // `high` outranks `low` but has no Tanh kernel.
    makePlugin('high', 60, [{ op: 'Tanh', kernel: 'tanh_f32' }]);
    makePlugin('low', 55);
    for (const name of ['high', 'low']) expect(run(['plugin', 'install', '--path', name]).code).toBe(0);
    relu = unaryModel('Relu');
    tanh = unaryModel('Tanh');
  }, 180_000);

  test('install probes each library (the log works) and records its kernels in plugins.json', () => {
    const loads = takeLoads();
    expect(loads).toContain('high');
    expect(loads).toContain('low');
    const registry = JSON.parse(readFileSync(pluginsJson, 'utf8'));
    expect(registry.plugins.low.supports.kernels).toContain('tanh_f32');
    expect(registry.plugins.high.supports.kernels).toContain('relu_f32');
    expect(registry.plugins.high.supports.kernels).not.toContain('tanh_f32');
  });

  test('both fit: the higher priority one is loaded, the other never', () => {
    takeLoads();
    expect(autoRun(relu).backend).toBe('high');
    const loads = takeLoads();
    expect(loads).toContain('high');
    expect(loads).not.toContain('low');
    // In-process too: only the chosen library is dlopened by hodu.
    expect(autoRun(relu, ['--no-isolate']).backend).toBe('high');
    expect([...new Set(takeLoads())]).toEqual(['high']);
  });

  test('the higher one lacks an op of the model: passed over by its record, without loading it', () => {
    takeLoads();
    const r = autoRun(tanh);
    expect(r.backend).toBe('low');
    expect(r.stderr).toContain('high: does not support op Tanh (as recorded at install; not loaded)');
    const loads = takeLoads();
    expect(loads).toContain('low');
    expect(loads).not.toContain('high');
  });

  test('an entry written before the record is loaded to ask, said so in plugin list, and migrated by plugin test', () => {
    const registry = JSON.parse(readFileSync(pluginsJson, 'utf8'));
    delete registry.plugins.high.supports;
    writeFileSync(pluginsJson, JSON.stringify({ ...registry, version: 2 }));
    const listed = run(['plugin', 'list']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('high: its supported ops are not recorded');

    takeLoads();
    const r = autoRun(tanh);
    expect(r.backend).toBe('low');
    expect(r.stderr).toContain('high: does not support op Tanh');
    expect(takeLoads()).toContain('high');

    expect(run(['plugin', 'test', 'high']).code).toBe(0);
    expect(JSON.parse(readFileSync(pluginsJson, 'utf8')).plugins.high.supports.kernels).toContain('relu_f32');
    expect(run(['plugin', 'list']).stdout).not.toContain('not recorded');
    takeLoads();
    expect(autoRun(tanh).backend).toBe('low');
    expect(takeLoads()).not.toContain('high');
  });
});
