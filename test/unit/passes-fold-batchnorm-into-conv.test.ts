import { expect, test } from 'bun:test';
import { foldBatchNormIntoConv } from '../../src/passes/fold-batchnorm-into-conv';
import { expectSameOutputs, f32, int, ints, model, node, numbers, text, values } from './passes-support/build';

// Conv 2 → 2 channels, 1x1 kernel; BN with hand-picked params so the folded values are checkable by hand.
const W = f32([2, 2, 1, 1], [1, 2, 3, 4]);
const B = f32([2], [0.5, -1]);
const bnParams = { gamma: f32([2], [2, 0.5]), beta: f32([2], [1, 0]), mean: f32([2], [0.5, 1]), var: f32([2], [3, 0]) };
const bn = (x: string, y: string, attrs = {}) => node('BatchNormalization', [x, 'gamma', 'beta', 'mean', 'var'], [y], { epsilon: { type: 'float', value: 1 }, ...attrs });

function convBn(convOut: string[] = ['c'], extraOutputs: string[] = [], bnAttrs = {}) {
  return model({
    inputs: { x: [1, 2, 3, 3] },
    outputs: ['y', ...extraOutputs],
    inits: { W, B, ...bnParams },
    nodes: [node('Conv', ['x', 'W', 'B'], convOut, { kernel_shape: ints([1, 1]) }), bn('c', 'y', bnAttrs)],
  });
}

test('Conv → BN becomes one Conv with W·s and (b − μ)·s + β, s = γ/√(σ²+ε)', () => {
  const before = convBn();
  const after = foldBatchNormIntoConv.run(before);
  expect(text(after)).toContain('  y = Conv(x, W_bn, B_bn) {kernel_shape=[1,1]}');
  expect(after.graph.nodes.length).toBe(1);
  // s = [2/√4, 0.5/√1] = [1, 0.5]; W rows scaled by s; b' = [(0.5 − 0.5)·1 + 1, (−1 − 1)·0.5 + 0] = [1, −1]
  expect(numbers(after.graph.initializers.get('W_bn'))).toEqual([1, 2, 1.5, 2]);
  expect(numbers(after.graph.initializers.get('B_bn'))).toEqual([1, -1]);
  expectSameOutputs(before, after, { x: f32([1, 2, 3, 3], values(18)) });
});

test('a Conv without bias gets one: b′ = −μ·s + β', () => {
  const before = model({ inputs: { x: [1, 2, 2, 2] }, outputs: ['y'], inits: { W, ...bnParams }, nodes: [node('Conv', ['x', 'W'], ['c']), bn('c', 'y')] });
  const after = foldBatchNormIntoConv.run(before);
  expect(text(after)).toContain('  y = Conv(x, W_bn, Conv_c_bias_bn)');
  expect(numbers(after.graph.initializers.get('Conv_c_bias_bn'))).toEqual([0.5, -0.5]);
  expectSameOutputs(before, after, { x: f32([1, 2, 2, 2], values(8, 7)) });
});

test('left alone: the Conv output also read elsewhere, and a training-mode BN', () => {
  const shared = convBn(['c'], ['c']);
  expect(foldBatchNormIntoConv.run(shared)).toBe(shared);
  const training = convBn(['c'], [], { training_mode: int(1) });
  expect(foldBatchNormIntoConv.run(training)).toBe(training);
});
