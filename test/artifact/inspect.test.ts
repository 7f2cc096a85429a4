/** `hodu inspect FILE.so` through the compiled binary: what a built model declares, as text and --json. */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { join } from 'node:path';
import { describeWithTools } from '../support/optional-tools';
import { hodu, requireBinary, tempDir } from '../e2e/hodu';
import { ADD_MODEL_C, compileLibrary } from './build-fixture';

const tmp = tempDir('hodu-artifact-inspect-');
const lib = join(tmp.dir, 'libadd.so');

beforeAll(() => {
  requireBinary();
  compileLibrary(ADD_MODEL_C, lib);
}, 60_000);
afterAll(() => tmp.cleanup());

describeWithTools(['cc'], 'hodu inspect FILE.so', () => {
  test('text: inputs, outputs, backend, target, hodu version, opt level', () => {
    const r = hodu(['inspect', lib]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/backend\s+fixture 0/);
    expect(r.stdout).toMatch(/target\s+native/);
    expect(r.stdout).toMatch(/built by\s+hodu fixture/);
    expect(r.stdout).toMatch(/optimized\s+-O0/);
    expect(r.stdout).toMatch(/^ {2}a\s+float32\s+\[2,3\]\s+24 B/m);
    expect(r.stdout).toMatch(/^ {2}b\s+float32\s+\[3\]\s+12 B/m);
    expect(r.stdout).toMatch(/^ {2}mask\s+bool\s+\[2,3\]\s+6 B/m);
    expect(r.stdout).toMatch(/^ {2}n\s+int64\s+\[\]/m);
  });

  test('--json', () => {
    const r = hodu(['inspect', lib, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ kind: 'built-model', model: 'add-model', backend: 'fixture', backendVersion: '0', target: 'native', hoduVersion: 'fixture', optLevel: 0, threads: 1, modelSha256: '' });
    expect(j.inputs).toEqual([{ name: 'a', dtype: 'float32', shape: [2, 3], bytes: 24 }, { name: 'b', dtype: 'float32', shape: [3], bytes: 12 }]);
    expect(j.outputs.map((o: { name: string; shape: number[] }) => [o.name, o.shape])).toEqual([['y', [2, 3]], ['n', []], ['mask', [2, 3]]]);
  });
});
