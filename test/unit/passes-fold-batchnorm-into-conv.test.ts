import { expect, test } from 'bun:test';
import { foldBatchNormIntoConv } from '../../src/passes/fold-batchnorm-into-conv';
import { dedent, expectSameOutputs, f32, ir, numbers, text, values } from './passes-support/build';

// Conv 2 → 2 channels, 1x1 kernel; BN with hand-picked params so the folded values are checkable by hand.
const params = `
      init gamma: float32[2] = [2,0.5]
      init beta: float32[2] = [1,0]
      init mean: float32[2] = [0.5,1]
      init var: float32[2] = [3,0]`;

/** x → Conv(W, B) → c → BatchNormalization → y, with extra graph outputs and BN attributes. */
const convBn = ({ outputs = 'y: ?', bnAttrs = '' } = {}) =>
  ir(`
    graph g (x: float32[1,2,3,3]) -> (${outputs}) {
      init W: float32[2,2,1,1] = [1,2,3,4]
      init B: float32[2] = [0.5,-1]${params}
      %c = Conv(x, W, B) {kernel_shape=[1,1]}
      y = BatchNormalization(%c, gamma, beta, mean, var) {epsilon=1.0${bnAttrs}}
    }`);

test('Conv → BN becomes one Conv with W·s and (b − μ)·s + β, s = γ/√(σ²+ε)', () => {
  const before = convBn();
  const after = foldBatchNormIntoConv.run(before);
  // The old weights and BN parameters stay for eliminate-dead-code.
  expect(text(after)).toBe(dedent(`
    graph g (x: float32[1,2,3,3]) -> (y: ?) {
      init W: float32[2,2,1,1]
      init B: float32[2]
      init gamma: float32[2]
      init beta: float32[2]
      init mean: float32[2]
      init var: float32[2]
      init W_bn: float32[2,2,1,1]
      init B_bn: float32[2]
      y = Conv(x, W_bn, B_bn) {kernel_shape=[1,1]}
    }`));
  // s = [2/√4, 0.5/√1] = [1, 0.5]; W rows scaled by s; b' = [(0.5 − 0.5)·1 + 1, (−1 − 1)·0.5 + 0] = [1, −1]
  expect(numbers(after.graph.initializers.get('W_bn'))).toEqual([1, 2, 1.5, 2]);
  expect(numbers(after.graph.initializers.get('B_bn'))).toEqual([1, -1]);
  expectSameOutputs(before, after, { x: f32([1, 2, 3, 3], values(18)) });
});

test('a Conv without bias gets one: b′ = −μ·s + β', () => {
  const before = ir(`
    graph g (x: float32[1,2,2,2]) -> (y: ?) {
      init W: float32[2,2,1,1] = [1,2,3,4]${params}
      %c = Conv(x, W)
      y = BatchNormalization(%c, gamma, beta, mean, var) {epsilon=1.0}
    }`);
  const after = foldBatchNormIntoConv.run(before);
  expect(after.graph.nodes.map((n) => `${n.op}(${n.inputs.join(', ')})`)).toEqual(['Conv(x, W_bn, Conv_c_bias_bn)']);
  expect(numbers(after.graph.initializers.get('Conv_c_bias_bn'))).toEqual([0.5, -0.5]);
  expectSameOutputs(before, after, { x: f32([1, 2, 2, 2], values(8, 7)) });
});

test('left alone: the Conv output also read elsewhere, and a training-mode BN', () => {
  const shared = convBn({ outputs: 'y: ?, c: ?' });
  expect(foldBatchNormIntoConv.run(shared)).toBe(shared);
  const training = convBn({ bnAttrs: ', training_mode=1' });
  expect(foldBatchNormIntoConv.run(training)).toBe(training);
});
