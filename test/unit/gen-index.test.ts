import { expect, test } from 'bun:test';
import { join } from 'node:path';
import { staleIndexes } from '../../scripts/gen-index';
import { indexByOp } from '../../src/ops/registry';
import { defineOp } from '../../src/ops/schema';

const root = join(import.meta.dir, '..', '..');

test('the generated registration lists (src/ops/index.ts, interp kernels/index.ts) are up to date', () => {
  expect(staleIndexes(), 'run: bun scripts/gen-index.ts').toEqual([]);
});

// The bug registration-as-data fixes: with side-effect registration, a process that imported only the SDK
// (as a plugin does) saw an empty schema map, so Gemm had no schema and inference silently did nothing.
// A fresh process is needed: in this one, other test files may already have imported every op.
test('a process that imports only the SDK still finds the Gemm schema and infers with it', () => {
  const script = `
    import '${join(root, 'src/sdk/index.ts')}';
    import { getOpSchema } from '${join(root, 'src/ops/registry.ts')}';
    const gemm = getOpSchema('Gemm');
    const node = { name: 'g', op: 'Gemm', domain: '', inputs: ['a', 'b'], outputs: ['y'], attributes: {} };
    const out = gemm?.infer?.({ node, opset: 13, inputs: [{ dtype: 'float32', shape: [2, 3] }, { dtype: 'float32', shape: [3, 4] }],
      attr: (n) => gemm.attributes[n]?.default });
    console.log(JSON.stringify({ alpha: gemm?.attributes.alpha?.default, out }));
  `;
  const r = Bun.spawnSync([process.execPath, '-e', script], { cwd: root });
  expect(r.stderr.toString()).toBe('');
  expect(JSON.parse(r.stdout.toString())).toEqual({ alpha: 1, out: [{ dtype: 'float32', shape: [2, 4] }] });
});

test('an op defined twice is reported when the registry is built, naming the op', () => {
  const def = () => defineOp({ op: 'Twice', sinceVersion: 1, versions: [1], types: {}, inputs: [], outputs: [], attributes: {} });
  expect(() => indexByOp([def(), def()], 'op schema')).toThrow(/op schema Twice is defined twice/);
  // Keys are op ids (src/ir/op-id.ts): the same op name in another domain is another op. ('ai.onnx' never
  // reaches the registry: the decoder reads it as ''.)
  expect([...indexByOp([def(), { ...def(), domain: 'com.example' }], 'op schema').keys()]).toEqual(['Twice', 'com.example::Twice']);
  expect(() => indexByOp([{ ...def(), domain: 'com.example' }, { ...def(), domain: 'com.example' }], 'op schema')).toThrow(/op schema com.example::Twice is defined twice/);
});
