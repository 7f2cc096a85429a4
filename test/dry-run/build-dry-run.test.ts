/**
 * `hodu build --dry-run` through the binary: a miss before the first real build and a hit after it (the key
 * `hodu build` uses), no artifact and no cache entry written by the dry run, and exit 1 listing the ops the
 * builder has no kernel for (a built model has no interp to fall back on).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';
import { checkTools, cCompiler } from '../support/optional-tools';
import { writeModels } from './models';

const t = tempDir('hodu-build-dry-run-');
const cache = join(t.dir, 'cache');
const env = { HODU_HOME: join(t.dir, 'home'), HODU_CACHE_DIR: cache };
let m: ReturnType<typeof writeModels>;
beforeAll(() => {
  requireBinary();
  m = writeModels(t.dir);
});
afterAll(() => t.cleanup());

const entries = () => (existsSync(join(cache, 'entries')) ? readdirSync(join(cache, 'entries'), { recursive: true }).length : 0);
const dry = (model: string, out: string, extra: string[] = []) => {
  const r = hodu(['build', model, '-o', out, '--dry-run', '--json', ...extra], { env });
  return { ...r, report: JSON.parse(r.stdout) };
};

const tools = checkTools([cCompiler()]);
const suite = tools.run ? describe : describe.skip;

suite('hodu build --dry-run against a real build', () => {
  test('miss, then the build, then hit; the dry run writes no artifact and no cache entry', () => {
    const out = join(t.dir, 'relu.so');
    const before = dry(m.allCpu, out);
    expect(before.code).toBe(0);
    expect(before.report.cache).toMatchObject({ applies: 'compile cache', state: 'miss' });
    expect(before.report).toMatchObject({ backend: 'cpu', canBuild: true, missingOps: [], artifact: { format: 'so' } });
    expect(before.report.partition).toEqual({ backend: 'cpu', steps: 2, missing: [] });
    expect(existsSync(out)).toBe(false);
    expect(entries()).toBe(0);
    const built = hodu(['build', m.allCpu, '-o', out, '--json'], { env });
    expect(built.code).toBe(0);
    const key = JSON.parse(built.stdout).key;
    expect(before.report.cache.key).toBe(key);
    const other = join(t.dir, 'relu-again.so');
    const after = dry(m.allCpu, other);
    expect(after.report.cache).toMatchObject({ state: 'hit', key });
    expect(existsSync(other)).toBe(false);
    // Another -O is another key: a miss again.
    expect(dry(m.allCpu, other, ['-O0']).report.cache.state).toBe('miss');
    const text = hodu(['build', m.allCpu, '-o', other, '--dry-run'], { env });
    expect(text.stdout).toContain('cache       compile cache: hit');
    expect(text.stdout).toContain('result      can build');
    // The built library under run --dry-run: it runs as built, on its own backend, compiling nothing.
    const run = JSON.parse(hodu(['run', out, '--dry-run', '--json'], { env }).stdout);
    expect(run).toMatchObject({ backend: 'cpu (built)', canRun: true, format: { source: 'built model' }, cache: { applies: 'built model', state: 'n/a' } });
    expect(run.reason).toContain('is a model built by hodu');
  }, 400_000);
});

test('an op the builder lacks: exit 1, the op and its node listed, nothing written', () => {
  const out = join(t.dir, 'split.so');
  const { code, report, stderr } = dry(m.split, out);
  expect(code).toBe(1);
  expect(report.canBuild).toBe(false);
  expect(report.partition.missing).toEqual([{ op: 'Hardmax', nodes: ['y'] }]);
  expect(report.missingOps).toEqual(['Hardmax']);
  expect(report.candidates).toContainEqual(expect.objectContaining({ name: 'interp', status: 'rejected', reason: expect.stringContaining('no builder') }));
  expect(stderr).toContain('error[E_BUILD_UNSUPPORTED]');
  expect(existsSync(out)).toBe(false);
});

test('control flow cannot be built: exit 1 with the planner\'s reason', () => {
  const { code, report } = dry(m.loop, join(t.dir, 'loop.so'));
  expect(code).toBe(1);
  expect(report.partition.error).toContain('subgraph');
});
