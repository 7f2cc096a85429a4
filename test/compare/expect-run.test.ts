/**
 * `hodu run --expect` through the compiled binary: a reference written by `hodu run --output` passes; one
 * perturbed element, a NaN made a number, an Inf of the other sign, a wrong shape, a missing or extra entry
 * each fail with exit 1 and are named in the table and the error.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNpz } from '../../src/formats/npz/index';
import { writeNpy } from '../../src/formats/npy/write-npy';
import { writeSafetensors } from '../../src/formats/safetensors/write-safetensors';
import { Tensor } from '../../src/ir/tensor';
import { REAL_MODELS_DIR, realModelsAvailable } from '../realmodels/models';
import { buildModel, hodu, requireBinary, tempDir, writeAddModel, writeModelFile, writeNpyFile, writeNpzFile } from '../e2e/hodu';

const tmp = tempDir('hodu-expect-');
const at = (f: string) => join(tmp.dir, f);
let addModel = '';
let logModel = '';
let inputs = '';
let logIn = '';

beforeAll(async () => {
  requireBinary();
  addModel = writeAddModel(at('add.onnx'));
  const a = new Tensor('float32', [2, 3], Float32Array.from([1, 2, 3, 4, 5, 6]));
  const b = new Tensor('float32', [2, 3], Float32Array.from([0.5, 0.25, 0, -1, -2, 100]));
  inputs = await writeNpzFile(at('in.npz'), new Map([['a', a], ['b', b]]));
  // log of [-1, 0, 1, e]: NaN, -Inf, 0, 1 (two outputs, so the .npy rule and missing entries can be tested)
  const t = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [4] };
  logModel = writeModelFile(at('log.onnx'), buildModel({
    nodes: [
      { name: 'log', op: 'Log', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} },
      { name: 'neg', op: 'Neg', domain: '', inputs: ['y'], outputs: ['z'], attributes: {} },
    ],
    inputs: [{ name: 'x', type: t }],
    outputs: [{ name: 'y', type: t }, { name: 'z', type: t }],
  }));
  logIn = writeNpyFile(at('x.npy'), new Tensor('float32', [4], Float32Array.from([-1, 0, 1, Math.E])));
});
afterAll(() => tmp.cleanup());

async function reference(model: string, input: string, file: string): Promise<Map<string, Tensor>> {
  const r = hodu(['run', model, '--input', input, '--output', at(file)]);
  expect(r.code).toBe(0);
  return loadNpz(readFileSync(at(file)));
}

function withValue(t: Tensor, index: number, value: number): Tensor {
  const data = (t.data as Float32Array).slice();
  data[index] = value;
  return new Tensor(t.dtype, t.dims, data);
}

describe('--expect', () => {
  test('a reference written by hodu run --output passes (exit 0, table says ok)', async () => {
    await reference(addModel, inputs, 'ref.npz');
    const r = hodu(['run', addModel, '--input', inputs, '--expect', at('ref.npz')]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok\s+y\s+float32\s+\[2,3\]\s+0\s+0\s+0 \/ 6/);
  });

  test('one perturbed element fails with exit 1, naming the output and the multi-index with both values', async () => {
    const ref = await reference(addModel, inputs, 'ref2.npz');
    // element [1,2] is 6 + 100 = 106; the reference now says 107
    await writeNpzFile(at('bad.npz'), new Map([['y', withValue(ref.get('y')!, 5, 107)]]));
    const r = hodu(['run', addModel, '--input', inputs, '--expect', at('bad.npz')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/MISMATCH\s+y\s+float32\s+\[2,3\]\s+1\s+/);
    expect(r.stdout).toContain('1 / 6');
    expect(r.stdout).toContain('[1,2]: expected 107, got 106');
    expect(r.stderr).toContain('error[E_MISMATCH]');
    expect(r.stderr).toContain('y (1 of 6 elements, at [1,2])');
    // the same difference inside a looser tolerance passes: 1 <= 0 + 0.01*107
    expect(hodu(['run', addModel, '--input', inputs, '--expect', at('bad.npz'), '--rtol', '0.01']).code).toBe(0);
  });

  test('--json carries the comparison as "expect" and still exits 1', async () => {
    const r = hodu(['run', addModel, '--input', inputs, '--expect', at('bad.npz'), '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.expect).toMatchObject({ ok: false, rtol: 1e-3, atol: 1e-4, reference: at('bad.npz') });
    expect(j.expect.outputs[0]).toMatchObject({ name: 'y', ok: false, dtypeOk: true, shapeOk: true, maxAbsDiff: 1, mismatched: 1, total: 6, firstMismatch: { index: [1, 2], expected: 107, got: 106 } });
  });

  test('NaN equals NaN and -Inf equals -Inf; a NaN made a number, or +Inf for -Inf, is a mismatch', async () => {
    const ref = await reference(logModel, logIn, 'log-ref.npz');
    const y = ref.get('y')!;
    expect(Number.isNaN((y.data as Float32Array)[0])).toBe(true);
    expect((y.data as Float32Array)[1]).toBe(-Infinity);
    expect(hodu(['run', logModel, '--input', logIn, '--expect', at('log-ref.npz')]).code).toBe(0);

    await writeNpzFile(at('log-nan.npz'), new Map([['y', withValue(y, 0, 0)], ['z', ref.get('z')!]]));
    const nan = hodu(['run', logModel, '--input', logIn, '--expect', at('log-nan.npz')]);
    expect(nan.code).toBe(1);
    expect(nan.stdout).toContain('[0]: expected 0, got NaN');

    await writeNpzFile(at('log-inf.npz'), new Map([['y', withValue(y, 1, Infinity)], ['z', ref.get('z')!]]));
    const inf = hodu(['run', logModel, '--input', logIn, '--expect', at('log-inf.npz'), '--json']);
    expect(inf.code).toBe(1);
    expect(JSON.parse(inf.stdout).expect.outputs[0].firstMismatch).toEqual({ index: [1], expected: 'Infinity', got: '-Infinity' });
  });

  test('a shape mismatch, a missing and an extra entry fail', async () => {
    const ref = await reference(logModel, logIn, 'log-ref2.npz');
    const y = ref.get('y')!;
    await writeNpzFile(at('log-shape.npz'), new Map([['y', new Tensor('float32', [2, 2], y.data)], ['z', ref.get('z')!]]));
    const shape = hodu(['run', logModel, '--input', logIn, '--expect', at('log-shape.npz')]);
    expect(shape.code).toBe(1);
    expect(shape.stdout).toContain('[4] (expected [2,2])');
    expect(shape.stderr).toContain('y (shape)');

    await writeNpzFile(at('log-extra.npz'), new Map([['y', y], ['w', y]]));
    const missing = hodu(['run', logModel, '--input', logIn, '--expect', at('log-extra.npz'), '--json']);
    expect(missing.code).toBe(1);
    const statuses = JSON.parse(missing.stdout).expect.outputs.map((o: { name: string; status: string }) => [o.name, o.status]);
    expect(statuses).toEqual([['y', 'compared'], ['z', 'extra'], ['w', 'missing']]);
  });

  test('a .npy reference stands for the one output; a .safetensors reference works as an .npz one', async () => {
    const ref = await reference(addModel, inputs, 'ref3.npz');
    writeFileSync(at('ref.npy'), writeNpy(ref.get('y')!));
    expect(hodu(['run', addModel, '--input', inputs, '--expect', at('ref.npy')]).code).toBe(0);
    writeFileSync(at('bad.npy'), writeNpy(withValue(ref.get('y')!, 0, -5)));
    expect(hodu(['run', addModel, '--input', inputs, '--expect', at('bad.npy')]).stdout).toContain('[0,0]: expected -5, got 1.5');
    writeFileSync(at('ref.safetensors'), writeSafetensors(ref));
    expect(hodu(['run', addModel, '--input', inputs, '--expect', at('ref.safetensors')]).code).toBe(0);
    const twoOutputs = hodu(['run', logModel, '--input', logIn, '--expect', at('ref.npy')]);
    expect(twoOutputs.code).toBe(2);
    expect(twoOutputs.stderr).toContain('the model has 2 outputs');
  });

  test('a missing reference fails before the run; stray and bad flags are usage errors', () => {
    const missing = hodu(['run', addModel, '--input', inputs, '--expect', at('nope.npz')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('E_NOT_FOUND');
    expect(missing.stderr).not.toContain('ran on');
    expect(hodu(['run', addModel, '--input', inputs, '--rtol', '1e-2']).stderr).toContain('--rtol only applies to --expect or --compare-backends');
    expect(hodu(['run', addModel, '--input', inputs, '--expect', at('ref.npz'), '--atol', 'lots']).code).toBe(2);
  });

  test.skipIf(!realModelsAvailable())('a real model: the interp\'s outputs as the reference of a cpu run (partitioned where cpu lacks ops)', () => {
    const model = join(REAL_MODELS_DIR, 'ch_ppocr_mobile_v2.0_cls_infer.onnx');
    const common = ['--random-inputs', '--shape', 'x=1x3x48x192'];
    expect(hodu(['run', model, ...common, '--backend', 'interp', '--output', at('cls-ref.npz')]).code).toBe(0);
    const r = hodu(['run', model, ...common, '--backend', 'cpu', '--expect', at('cls-ref.npz'), '--json']);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).expect.outputs).toMatchObject([{ name: 'softmax_0.tmp_0', ok: true, total: 2 }]);
  });

  test('--help states the default tolerances', () => {
    const help = hodu(['run', '--help']).stdout;
    expect(help).toContain('default 1e-3');
    expect(help).toContain('default 1e-4');
  });
});
