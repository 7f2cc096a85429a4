/**
 * Opset upgrades whose rewrite is more than an attribute move: Clip-11 (bounds typed as the input), Softmax
 * family 13 (coerce-to-2D semantics kept by Flatten/Reshape), Upsample → Resize-10 → Resize-11 (asymmetric
 * coordinates, the nearest rounding fixed from the scales), BatchNormalization spatial, legacy broadcast,
 * and If bodies. Each converted model must compute what the original computes (harness.ts).
 */
import { afterAll, describe, expect, test } from 'bun:test';
import { emptyGraph, type Graph } from '../../src/ir/graph';
import { float32Tensor, int64Tensor } from '../../src/ir/tensor';
import { tempDir } from '../e2e/hodu';
import { float, int, ints } from '../models/builder';
import { expectSameAfterUpgrade, feedsFor, model, opsOf } from './harness';

const tmp = tempDir('hodu-convert-sem-');
afterAll(() => tmp.cleanup());
const str = (value: string) => ({ type: 'string' as const, value });

describe('Clip-11', () => {
  test('min/max attributes become float32 inputs; an absent bound stays absent', async () => {
    const m = model(9, [4, 5], (b, x) => [b.node('Clip', [x], { min: float(-0.5), max: float(1.25) }), b.node('Clip', [x], { max: float(0.3) })], [[], []]);
    const r = await expectSameAfterUpgrade(tmp.dir, 'clip', m, 13, feedsFor({ x: [4, 5] }));
    const [both, maxOnly] = r.model.graph.nodes;
    expect(both!.inputs).toHaveLength(3);
    expect(maxOnly!.inputs[1]).toBe('');
    expect(r.model.graph.initializers.get(both!.inputs[1]!)!.dtype).toBe('float32');
  });
});

describe('Softmax, LogSoftmax, Hardmax 13', () => {
  test('axis 1 of a rank-3 input (not the last): Flatten → op(axis=-1) → Reshape keeps the old meaning', async () => {
    const m = model(11, [2, 3, 4], (b, x) => [b.node('Softmax', [x], { axis: int(1) }), b.node('Hardmax', [x], { axis: int(1) })], [[], []]);
    const r = await expectSameAfterUpgrade(tmp.dir, 'softmax-axis1', m, 13, feedsFor({ x: [2, 3, 4] }));
    expect(opsOf(r.model).filter((op) => op === 'Flatten')).toHaveLength(2);
    expect(r.json.opset.addedNodes).toBe(6);
  });
  test('default axis (1) of a rank-2 input and axis -1: only the attribute changes', async () => {
    const m = model(11, [3, 5], (b, x) => [b.node('LogSoftmax', [x]), b.node('Softmax', [x], { axis: int(-1) })], [[], []]);
    const r = await expectSameAfterUpgrade(tmp.dir, 'softmax-last', m, 13, feedsFor({ x: [3, 5] }));
    expect(opsOf(r.model)).toEqual(['LogSoftmax', 'Softmax']);
    expect(r.model.graph.nodes[0]!.attributes.axis).toEqual({ type: 'int', value: -1 });
  });
});

describe('Upsample and Resize', () => {
  const resize10 = (scales: number[], mode: string) =>
    model(10, [1, 2, 4, 6], (b, x) => b.node('Resize', [x, b.constant('scales', float32Tensor(scales, [4]))], { mode: str(mode) }));
  test('Resize-10 nearest enlarging → Resize-11 asymmetric/floor, carried to 13', async () => {
    const r = await expectSameAfterUpgrade(tmp.dir, 'resize-up', resize10([1, 1, 2, 1.5], 'nearest'), 13, feedsFor({ x: [1, 2, 4, 6] }));
    const n = r.model.graph.nodes[0]!;
    expect(n.inputs).toHaveLength(3);
    expect(n.attributes.nearest_mode).toEqual(str('floor'));
    expect(n.attributes.coordinate_transformation_mode).toEqual(str('asymmetric'));
  });
  test('Resize-10 nearest shrinking → ceil; linear → asymmetric linear', async () => {
    const down = await expectSameAfterUpgrade(tmp.dir, 'resize-down', resize10([1, 1, 0.5, 0.5], 'nearest'), 11, feedsFor({ x: [1, 2, 4, 6] }));
    expect(down.model.graph.nodes[0]!.attributes.nearest_mode).toEqual(str('ceil'));
    await expectSameAfterUpgrade(tmp.dir, 'resize-linear', resize10([1, 1, 2, 2], 'linear'), 11, feedsFor({ x: [1, 2, 4, 6] }));
  });
  test('Upsample-7 (scales attribute) and Upsample-9 (scales input) become Resize', async () => {
    const u7 = model(7, [1, 1, 3, 3], (b, x) => b.node('Upsample', [x], { scales: { type: 'floats', value: [1, 1, 2, 3] }, mode: str('nearest') }));
    const r7 = await expectSameAfterUpgrade(tmp.dir, 'upsample7', u7, 13, feedsFor({ x: [1, 1, 3, 3] }));
    expect(opsOf(r7.model)).toEqual(['Resize']);
    const u9 = model(9, [1, 2, 3, 4], (b, x) => b.node('Upsample', [x, b.constant('s', float32Tensor([1, 1, 2, 2], [4]))], { mode: str('linear') }));
    expect(opsOf((await expectSameAfterUpgrade(tmp.dir, 'upsample9', u9, 11, feedsFor({ x: [1, 2, 3, 4] }))).model)).toEqual(['Resize']);
  });
});

describe('BatchNormalization and legacy attributes', () => {
  test('BatchNormalization-7 spatial=1 (and consumed_inputs) → 15', async () => {
    const m = model(7, [2, 3, 4, 4], (b, x) =>
      b.node('BatchNormalization', [x, b.around('s', [3], 1, 0.2), b.weight('bias', [3], 3), b.weight('mean', [3], 3), b.around('var', [3], 1, 0.3)], { spatial: int(1), epsilon: float(1e-3) }));
    const r = await expectSameAfterUpgrade(tmp.dir, 'bn', m, 15, feedsFor({ x: [2, 3, 4, 4] }));
    expect(r.model.graph.nodes[0]!.attributes.spatial).toBeUndefined();
  });
  test('Add-1 with legacy broadcast=1 on trailing dims and Concat-1 without axis (old default 1)', async () => {
    const m = model(3, [2, 3, 4], (b, x) => b.node('Concat', [b.node('Add', [x, b.weight('w', [4], 1)], { broadcast: int(1) }), x]));
    const r = await expectSameAfterUpgrade(tmp.dir, 'legacy', m, 13, feedsFor({ x: [2, 3, 4] }));
    expect(r.model.graph.nodes[0]!.attributes).toEqual({});
    expect(r.model.graph.nodes[1]!.attributes.axis).toEqual({ type: 'int', value: 1 });
  });
});

describe('Loop bodies', () => {
  test('Unsqueeze-11 and ReduceSum-11 inside a Loop body are upgraded to 13', async () => {
    const m = model(11, [3], (b, x) => {
      const body: Graph = {
        ...emptyGraph('body'),
        inputs: [{ name: 'i', type: { kind: 'tensor', dtype: 'int64', shape: [] } }, { name: 'c', type: { kind: 'tensor', dtype: 'bool', shape: [] } }, { name: 'v', type: { kind: 'tensor', dtype: 'float32', shape: [3] } }],
        outputs: [{ name: 'c_out', type: { kind: 'tensor', dtype: 'bool', shape: [] } }, { name: 'v_out', type: { kind: 'tensor', dtype: 'float32', shape: [3] } }],
        nodes: [
          { name: 'keep', op: 'Identity', domain: '', inputs: ['c'], outputs: ['c_out'], attributes: {} },
          { name: 'unsq', op: 'Unsqueeze', domain: '', inputs: ['v'], outputs: ['u'], attributes: { axes: ints([0]) } },
          { name: 'sum', op: 'ReduceSum', domain: '', inputs: ['u'], outputs: ['s'], attributes: { axes: ints([0]), keepdims: int(0) } },
          { name: 'half', op: 'Mul', domain: '', inputs: ['s', 'half_k'], outputs: ['v_out'], attributes: {} },
        ],
        initializers: new Map([['half_k', float32Tensor([0.5], [])]]),
      };
      const trips = b.constant('m', int64Tensor([3], []));
      return b.node('Loop', [trips, '', x], { body: { type: 'graph', value: body } });
    });
    const r = await expectSameAfterUpgrade(tmp.dir, 'loop', m, 13, feedsFor({ x: [3] }));
    const body = r.model.graph.nodes[0]!.attributes.body!.value as Graph;
    expect(body.nodes.filter((n) => n.op !== 'Identity' && n.op !== 'Mul').map((n) => n.inputs.length)).toEqual([2, 2]);
  });
});

describe('If bodies', () => {
  test('Squeeze and ReduceMean inside both branches are upgraded to 18', async () => {
    const body = (name: string, nodes: Graph['nodes'], out: string): Graph => ({
      ...emptyGraph(name), nodes, outputs: [{ name: out, type: { kind: 'tensor', dtype: 'float32' } }],
    });
    const build = () => model(11, [1, 3, 4], (b, x) => {
      const cond = b.node('Greater', [b.node('ReduceSum', [x], { keepdims: int(0) }), b.scalar('zero', 0)]);
      const thenG = body('then', [{ name: 'sq', op: 'Squeeze', domain: '', inputs: [x], outputs: ['t_out'], attributes: { axes: ints([0]) } }], 't_out');
      const elseG = body('else', [{ name: 'rm', op: 'ReduceMean', domain: '', inputs: [x], outputs: ['e_out'], attributes: { axes: ints([0]), keepdims: int(0) } }], 'e_out');
      return b.node('If', [cond], { then_branch: { type: 'graph', value: thenG }, else_branch: { type: 'graph', value: elseG } });
    });
    // One feed takes each branch: all positive (then) and all negative (else).
    for (const sign of [1, -1]) {
      const feeds = new Map([['x', float32Tensor(Array.from({ length: 12 }, (_, i) => sign * (i + 1) / 7), [1, 3, 4])]]);
      const r = await expectSameAfterUpgrade(tmp.dir, `if-${sign}`, build(), 18, feeds);
      const iff = r.model.graph.nodes.find((n) => n.op === 'If')!;
      const branches = ['then_branch', 'else_branch'].map((k) => (iff.attributes[k]!.value as Graph).nodes[0]!);
      expect(branches.map((n) => n.inputs.length)).toEqual([2, 2]);
      expect([...(iff.attributes.then_branch!.value as Graph).initializers.values()].map((t) => Array.from(t.data as BigInt64Array, Number))).toEqual([[0]]);
      // The outer ReduceSum has no axes, so it needs no rewrite; the body nodes do.
      expect(r.json.opset.rewritten.map((w) => w.node).sort()).toEqual(['rm', 'sq']);
    }
  });
});
