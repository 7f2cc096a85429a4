/**
 * `hodu run --dry-run` with installed backend plugins (template C backends): each one judged from plugins.json
 * without loading it (a load-time constructor logs every dlopen, in any process), the one the run would pick
 * loaded as the run loads it, and a disabled one listed with why selection never considers it.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { cCompiler, describeWithTools } from '../support/optional-tools';

const tmp = tempDir('hodu-dry-run-installed-');
const loadLog = join(tmp.dir, 'loads.log');
const env = { HODU_HOME: join(tmp.dir, 'home'), HODU_TEST_LOAD_LOG: loadLog };
const run = (args: string[]) => hodu(args, { cwd: tmp.dir, env });
beforeAll(() => requireBinary());
afterAll(() => tmp.cleanup());

function takeLoads(): string[] {
  const lines = existsSync(loadLog) ? readFileSync(loadLog, 'utf8').split('\n').filter(Boolean) : [];
  rmSync(loadLog, { force: true });
  return lines;
}

/** A template C backend at `priority` that logs its loads; `noTanh` drops its Tanh kernel. */
function makePlugin(name: string, priority: number, noTanh: boolean): void {
  expect(run(['plugin', 'new', name, '--type', 'backend', '--lang', 'c']).code).toBe(0);
  const dir = join(tmp.dir, name);
  writeFileSync(join(dir, 'src', 'load-log.c'), `#include <stdio.h>\n#include <stdlib.h>\n__attribute__((constructor)) static void log_load(void) {\n  const char *file = getenv("HODU_TEST_LOAD_LOG");\n  FILE *f = file ? fopen(file, "a") : NULL;\n  if (f) { fputs("${name}\\n", f); fclose(f); }\n}\n`);
  if (noTanh) {
    const c = readFileSync(join(dir, 'src', 'plugin.c'), 'utf8');
    const entry = /\{"tanh_f32", \w+\},\s*/;
    expect(c).toMatch(entry);
    writeFileSync(join(dir, 'src', 'plugin.c'), c.replace(entry, '').replace('"tanh_f32", ', ''));
  }
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.hodu.native.sources.push('src/load-log.c');
  pkg.hodu.capabilities.priority = priority;
  if (noTanh) pkg.hodu.capabilities.ops = pkg.hodu.capabilities.ops.filter((op: string) => op !== 'Tanh');
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  expect(run(['plugin', 'install', '--path', name]).code).toBe(0);
}

describeWithTools([cCompiler()], 'dry run among installed backends', () => {
  let tanh = '';
  beforeAll(() => {
    makePlugin('high', 60, true);
    makePlugin('low', 55, false);
    makePlugin('off', 70, false);
    expect(run(['plugin', 'disable', 'off']).code).toBe(0);
    tanh = writeModelFile(join(tmp.dir, 'tanh.onnx'), buildModel({
      nodes: [{ name: 'the_tanh', op: 'Tanh', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} }],
      inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
      outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [4] } }],
    }));
  }, 300_000);

  test('every candidate with its reason; only the chosen plugin is loaded', () => {
    takeLoads();
    const r = run(['run', tanh, '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.backend).toBe('low');
    const byName = Object.fromEntries(report.candidates.map((c: { name: string }) => [c.name, c]));
    expect(byName.low).toMatchObject({ source: 'installed', priority: 55, status: 'chosen' });
    expect(byName.high).toMatchObject({ source: 'installed', status: 'rejected', reason: 'does not support op Tanh (as recorded at install; not loaded)' });
    expect(byName.off).toMatchObject({ source: 'installed', status: 'rejected', reason: expect.stringContaining('disabled') });
    expect(byName.cpu.reason).toContain("its priority (20) is below low's (55)");
    expect(byName.interp.reason).toContain("its priority (10) is below low's (55)");
    expect([...new Set(takeLoads())]).toEqual(['low']);
    // The plugin runs isolated by default: its bodies would stay on the interp, and the threads go to it.
    expect(report.partition.partitions).toEqual([{ backend: 'low', nodes: ['the_tanh'], ops: ['Tanh'] }]);
  });

  test('--backend high: the named plugin lacks Tanh, so nothing can run it as asked: exit 1', () => {
    const r = run(['run', tanh, '--dry-run', '--json', '--backend', 'high']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.canRun).toBe(false);
    expect(report.reason).toContain('high: does not support op Tanh');
  });
});
