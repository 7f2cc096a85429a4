/**
 * Opset upgrades that move attributes to inputs (Reshape-5, Squeeze/Unsqueeze-13, Split-13/18, ReduceSum-13,
 * Reduce*-18, Slice-10, Pad-11, TopK-10): each model is built at the old opset, converted by the binary, and
 * must compute the same on hodu and onnxruntime (harness.ts).
 */
import { afterAll, describe, expect, test } from 'bun:test';
import type { Model } from '../../src/ir/graph';
import { int, ints, float } from '../models/builder';
import { tempDir } from '../e2e/hodu';
import { expectSameAfterUpgrade, feedsFor, model, opsOf } from './harness';

const tmp = tempDir('hodu-convert-');
afterAll(() => tmp.cleanup());

const inputsOf = (m: Model, name: string) => m.graph.nodes.find((n) => n.op === name)!.inputs;

describe('attribute → input moves', () => {
  test('Reshape-1 shape attribute → Reshape-5 input, carried to 13', async () => {
    const m = model(4, [2, 3, 4], (b, x) => b.node('Reshape', [x], { shape: ints([4, -1, 3]) }));
    const r = await expectSameAfterUpgrade(tmp.dir, 'reshape', m, 13, feedsFor({ x: [2, 3, 4] }));
    expect(inputsOf(r.model, 'Reshape')).toHaveLength(2);
    expect(r.model.graph.nodes[0]!.attributes.shape).toBeUndefined();
  });

  test('Squeeze-11 and Unsqueeze-11 axes → inputs at 13', async () => {
    const m = model(11, [3, 1, 4], (b, x) => b.node('Unsqueeze', [b.node('Squeeze', [x], { axes: ints([1]) })], { axes: ints([0, -1]) }));
    const r = await expectSameAfterUpgrade(tmp.dir, 'squeeze', m, 13, feedsFor({ x: [3, 1, 4] }));
    expect(inputsOf(r.model, 'Squeeze')).toHaveLength(2);
    expect(inputsOf(r.model, 'Unsqueeze')).toHaveLength(2);
  });

  test('Squeeze-11 without axes stays without (squeeze every 1)', async () => {
    const m = model(11, [1, 3, 1], (b, x) => b.node('Squeeze', [x]));
    const r = await expectSameAfterUpgrade(tmp.dir, 'squeeze-all', m, 13, feedsFor({ x: [1, 3, 1] }));
    expect(inputsOf(r.model, 'Squeeze')).toEqual(['x']);
  });

  test('Split-11 split attribute → input at 13; equal Split gets num_outputs at 18', async () => {
    const uneven = model(11, [6, 2], (b, x) => b.nodeN('Split', [x], { axis: int(0), split: ints([1, 5]) }, 2), [[], []]);
    const r13 = await expectSameAfterUpgrade(tmp.dir, 'split', uneven, 13, feedsFor({ x: [6, 2] }));
    expect(inputsOf(r13.model, 'Split')).toHaveLength(2);
    const even = model(11, [6, 2], (b, x) => b.nodeN('Split', [x], { axis: int(0) }, 3), [[], [], []]);
    const r18 = await expectSameAfterUpgrade(tmp.dir, 'split-even', even, 18, feedsFor({ x: [6, 2] }));
    expect(r18.model.graph.nodes[0]!.attributes.num_outputs).toEqual({ type: 'int', value: 3 });
  });

  test('ReduceSum-11 axes → input at 13; ReduceMean/ReduceMax at 18, with and without axes', async () => {
    const sum = model(11, [2, 3, 4], (b, x) => b.node('ReduceSum', [x], { axes: ints([1]), keepdims: int(0) }));
    expect(inputsOf((await expectSameAfterUpgrade(tmp.dir, 'reducesum', sum, 13, feedsFor({ x: [2, 3, 4] }))).model, 'ReduceSum')).toHaveLength(2);
    const others = model(13, [2, 3, 4], (b, x) => [b.node('ReduceMean', [x], { axes: ints([-1, 0]) }), b.node('ReduceMax', [x], { keepdims: int(0) }), b.node('ReduceL2', [x], { axes: ints([2]) })], [[], [], []]);
    const r = await expectSameAfterUpgrade(tmp.dir, 'reduce18', others, 18, feedsFor({ x: [2, 3, 4] }));
    expect(inputsOf(r.model, 'ReduceMean')).toHaveLength(2);
    expect(inputsOf(r.model, 'ReduceMax')).toEqual(['x']); // no axes: reduce all, in both forms
    // ReduceSum did not change at 18, so a ReduceSum-13 is left as it is.
    const sum13 = model(13, [2, 3], (b, x) => b.node('ReduceSum', [x, b.shape('ax', [1])]));
    expect((await expectSameAfterUpgrade(tmp.dir, 'reducesum13', sum13, 18, feedsFor({ x: [2, 3] }))).json.opset.rewritten).toEqual([]);
  });

  test('Slice-9 starts/ends/axes → inputs at 10', async () => {
    const m = model(9, [5, 6], (b, x) => b.node('Slice', [x], { starts: ints([1, -4]), ends: ints([100, -1]), axes: ints([0, 1]) }));
    const r = await expectSameAfterUpgrade(tmp.dir, 'slice', m, 13, feedsFor({ x: [5, 6] }));
    expect(inputsOf(r.model, 'Slice')).toHaveLength(4);
  });

  test('Pad-2 pads/value → inputs at 11 (value typed as the data)', async () => {
    const m = model(9, [2, 3], (b, x) => b.node('Pad', [x], { pads: ints([0, 1, 1, 2]), value: float(1.5) }));
    const r = await expectSameAfterUpgrade(tmp.dir, 'pad', m, 11, feedsFor({ x: [2, 3] }));
    expect(inputsOf(r.model, 'Pad')).toHaveLength(3);
  });

  test('TopK-1 k attribute → input at 10 (values and indices)', async () => {
    const m = model(9, [3, 7], (b, x) => b.nodeN('TopK', [x], { k: int(3) }, 2), [[], []]);
    m.graph.outputs[1]!.type = { kind: 'tensor', dtype: 'int64' };
    const r = await expectSameAfterUpgrade(tmp.dir, 'topk', m, 11, feedsFor({ x: [3, 7] }));
    expect(inputsOf(r.model, 'TopK')).toHaveLength(2);
    expect(opsOf(r.model)).toEqual(['TopK']);
  });
});
