/**
 * What `--dump`, `--output` (.npz) and `--output-dir` write, read by numpy itself (np.load) rather than by
 * hodu's own reader: float32, float16, int64 and bool values, names that needed a safe file name, and
 * index.json pointing at each file. Needs python3 with numpy (.ci/run installs python3-numpy).
 */
import { afterAll, beforeAll, expect } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile } from '../e2e/hodu';
import { Tensor } from '../../src/ir/tensor';
import { testWithTools } from '../support/optional-tools';

const t = tempDir('hodu-numpy-reads-');
afterAll(() => t.cleanup());
const at = (name: string) => join(t.dir, name);
const X = [-1.5, 0, 2.25, -3, 4.5, 1e-3];
let model = '';

beforeAll(() => {
  requireBinary();
  const f = (dtype: 'float32' | 'float16' | 'int64' | 'bool') => ({ kind: 'tensor' as const, dtype, shape: [2, 3] });
  model = writeModelFile(at('dtypes.onnx'), buildModel({
    nodes: [
      { name: 'relu', op: 'Relu', domain: '', inputs: ['x'], outputs: ['layer/relu:0'], attributes: {} },
      { name: 'neg', op: 'Neg', domain: '', inputs: ['layer/relu:0'], outputs: ['y32'], attributes: {} },
      { name: 'half', op: 'Cast', domain: '', inputs: ['x'], outputs: ['y16'], attributes: { to: { type: 'int', value: 10 } } },
      { name: 'long', op: 'Cast', domain: '', inputs: ['x'], outputs: ['y64'], attributes: { to: { type: 'int', value: 7 } } },
      { name: 'positive', op: 'Cast', domain: '', inputs: ['x'], outputs: ['ybool'], attributes: { to: { type: 'int', value: 9 } } },
    ],
    inputs: [{ name: 'x', type: f('float32') }],
    outputs: [{ name: 'y32', type: f('float32') }, { name: 'y16', type: f('float16') }, { name: 'y64', type: f('int64') }, { name: 'ybool', type: f('bool') }],
  }));
  writeNpyFile(at('x.npy'), new Tensor('float32', [2, 3], Float32Array.from(X)));
});

/** np.load of every file named: dtype, shape and values (as floats) per key. */
function numpyLoad(files: Record<string, string>): Record<string, { dtype: string; shape: number[]; values: number[] }> {
  const script = `
import json, sys, numpy as np
out = {}
for key, path in json.loads(sys.argv[1]).items():
    loaded = np.load(path)
    arrays = {k: loaded[k] for k in loaded.files} if hasattr(loaded, 'files') else {key: loaded}
    for k, a in arrays.items():
        out[k] = {'dtype': str(a.dtype), 'shape': list(a.shape), 'values': a.astype(np.float64).ravel().tolist()}
print(json.dumps(out))
`;
  const r = Bun.spawnSync(['python3', '-c', script, JSON.stringify(files)], { stdout: 'pipe', stderr: 'pipe' });
  expect(r.exitCode, r.stderr.toString()).toBe(0);
  return JSON.parse(r.stdout.toString());
}

// What the model computes, worked out here: Relu then Neg (in float32: Math.fround); Cast to float16 (exact for these values but 1e-3,
// rounded to the nearest half); Cast to int64 truncates toward zero; Cast to bool is "not zero".
const relu = X.map((v) => Math.fround(Math.max(0, v)));
const expected = {
  y32: { dtype: 'float32', values: relu.map((v) => -v) },
  y16: { dtype: 'float16', values: X },
  y64: { dtype: 'int64', values: X.map((v) => Math.trunc(v)) },
  ybool: { dtype: 'bool', values: X.map((v) => (v !== 0 ? 1 : 0)) },
};

function expectValues(got: { dtype: string; shape: number[]; values: number[] } | undefined, want: { dtype: string; values: number[] }) {
  expect(got?.dtype).toBe(want.dtype);
  expect(got?.shape).toEqual([2, 3]);
  got!.values.forEach((v, i) => expect(Math.abs(v - want.values[i]!)).toBeLessThanOrEqual(want.dtype === 'float16' ? 1e-3 * 2 ** -10 * 2 : 0));
}

testWithTools(['numpy'], '--dump: numpy reads every file index.json names, with its dtype and values', () => {
  const dir = at('dump');
  const r = hodu(['run', model, '--input', at('x.npy'), '--dump', dir, '--backend', 'interp']);
  expect(r.code, r.stderr).toBe(0);
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { values: Record<string, { file: string; dtype: string }> };
  const loaded = numpyLoad(Object.fromEntries(Object.entries(index.values).map(([name, v]) => [name, join(dir, v.file)])));
  expectValues(loaded['layer/relu:0'], { dtype: 'float32', values: relu });
  for (const [name, want] of Object.entries(expected)) expectValues(loaded[name], want);
});

testWithTools(['numpy'], '--output out.npz and --output-dir: numpy reads them, keyed by the ONNX names', () => {
  const r = hodu(['run', model, '--input', at('x.npy'), '--output', at('out.npz'), '--output-dir', at('outs')]);
  expect(r.code, r.stderr).toBe(0);
  const fromNpz = numpyLoad({ npz: at('out.npz') });
  const fromDir = numpyLoad(Object.fromEntries(Object.keys(expected).map((name) => [name, join(at('outs'), `${name}.npy`)])));
  for (const [name, want] of Object.entries(expected)) {
    expectValues(fromNpz[name], want);
    expectValues(fromDir[name], want);
  }
});
