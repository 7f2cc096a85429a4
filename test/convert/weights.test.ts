/**
 * `convert model.onnx weights.safetensors|.npz`: every initializer and Constant tensor (If bodies included) is
 * written under its value name, and reads back equal to the model's own tensors, which the test collects from
 * the decoded source file by its own walk.
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { loadNpz } from '../../src/formats/npz/index';
import { readSafetensors } from '../../src/formats/safetensors/index';
import { emptyGraph, type Graph } from '../../src/ir/graph';
import { float32Tensor, int64Tensor, type Tensor, toNumbers } from '../../src/ir/tensor';
import { REAL_MODELS_DIR } from '../realmodels/models';
import { hodu, tempDir, writeModelFile } from '../e2e/hodu';
import { int } from '../models/builder';
import { model } from './harness';

const tmp = tempDir('hodu-convert-weights-');
afterAll(() => tmp.cleanup());

/** name → tensor for every initializer and Constant `value` in the graph and its bodies (the test's own walk). */
function weightsOf(g: Graph, into = new Map<string, Tensor>()): Map<string, Tensor> {
  for (const [name, t] of g.initializers) into.set(name, t);
  for (const n of g.nodes) {
    if (n.op === 'Constant' && n.attributes.value?.type === 'tensor') into.set(n.outputs[0]!, n.attributes.value.value);
    for (const a of Object.values(n.attributes)) if (a.type === 'graph') weightsOf(a.value, into);
  }
  return into;
}

function expectSameTensors(actual: Map<string, Tensor>, expected: Map<string, Tensor>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, e] of expected) {
    const a = actual.get(name)!;
    expect([name, a.dtype, a.dims]).toEqual([name, e.dtype, e.dims]);
    expect(Array.from(toNumbers(a))).toEqual(Array.from(toNumbers(e)));
  }
}

describe('weights extraction', () => {
  test('initializers, Constant nodes and If-body weights, to .safetensors and .npz, with their sources in --json', async () => {
    const m = model(13, [3], (b, x) => {
      const k = b.node('Constant', [], { value: { type: 'tensor', value: float32Tensor([0.5, -1, 2], [3]) } });
      const y = b.node('Mul', [b.node('Add', [x, b.weight('w', [3], 1)]), k]);
      const then: Graph = { ...emptyGraph('then'), initializers: new Map([['body_bias', float32Tensor([7, 8, 9], [3])]]), outputs: [{ name: 't', type: { kind: 'tensor', dtype: 'float32' } }] };
      then.nodes = [{ name: 'body_add', op: 'Add', domain: '', inputs: [y, 'body_bias'], outputs: ['t'], attributes: {} }];
      const other: Graph = { ...emptyGraph('else'), outputs: [{ name: 'e', type: { kind: 'tensor', dtype: 'float32' } }] };
      other.nodes = [{ name: 'body_const', op: 'Constant', domain: '', inputs: [], outputs: ['e'], attributes: { value: { type: 'tensor', value: float32Tensor([1, 2, 3], [3]) } } }];
      const cond = b.node('Greater', [b.node('ReduceSum', [x], { keepdims: int(0) }), b.scalar('zero', 0)]);
      b.constant('steps', int64Tensor([4, 5]));
      return b.node('If', [cond], { then_branch: { type: 'graph', value: then }, else_branch: { type: 'graph', value: other } });
    });
    const src = writeModelFile(join(tmp.dir, 'm.onnx'), m);
    const expected = weightsOf(decodeModel(readFileSync(src), { path: src }).graph);
    expect(expected.size).toBe(6);
    const st = join(tmp.dir, 'm.safetensors');
    const r = hodu(['convert', src, st, '--json']);
    expect(r.code).toBe(0);
    expectSameTensors(readSafetensors(readFileSync(st)), expected);
    const listed = JSON.parse(r.stdout).weights as { name: string; source: string; graph: string; node?: string }[];
    expect(listed.find((w) => w.name === 'body_bias')).toMatchObject({ source: 'initializer', graph: 'main/if_1.then_branch' });
    expect(listed.find((w) => w.name === 'e')).toMatchObject({ source: 'constant', graph: 'main/if_1.else_branch', node: 'body_const' });
    expect(listed.find((w) => w.name === 'w')).toMatchObject({ source: 'initializer', graph: 'main' });
    const npz = join(tmp.dir, 'm.npz');
    expect(hodu(['convert', src, npz]).stderr).toContain('(6 weights,');
    expectSameTensors(await loadNpz(readFileSync(npz)), expected);
  });

  test('a weight name that cannot be an .npz entry (../x, /x) is refused with a hint to .safetensors; no file is left', () => {
    for (const name of ['../../evil', '/abs']) {
      const src = writeModelFile(join(tmp.dir, 'odd.onnx'), model(13, [2], (b, x) => b.node('Add', [x, b.constant(name, float32Tensor([1, 2], [2]))]), [[2]]));
      const npz = join(tmp.dir, 'odd.npz');
      const r = hodu(['convert', src, npz]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('E_ZIP');
      expect(r.stderr).toContain(JSON.stringify(`${name}.npy`));
      expect(r.stderr).toContain('write .safetensors instead');
      expect(existsSync(npz)).toBe(false);
      const st = join(tmp.dir, 'odd.safetensors');
      expect(hodu(['convert', src, st]).code).toBe(0);
      expect([...readSafetensors(readFileSync(st)).keys()]).toEqual([name]);
    }
  });

  const rec = join(REAL_MODELS_DIR, 'ch_PP-OCRv4_rec_infer.onnx');
  test.skipIf(!existsSync(rec))('a real model whose weights are all Constant nodes (PP-OCR recognition, opset 9)', () => {
    const src = rec;
    const out = join(tmp.dir, 'rec.safetensors');
    const r = hodu(['convert', src, out]);
    expect(r.code).toBe(0);
    expectSameTensors(readSafetensors(readFileSync(out)), weightsOf(decodeModel(readFileSync(src), { path: src }).graph));
  });
});
