import { expect, test } from 'bun:test';
import { int64Tensor } from '../../src/ir/tensor';
import { verifyModel } from '../../src/ir/verifier';
import { optimize } from '../../src/passes/pipeline';
import { expectSameOutputs, f32, model, node, text, values } from './passes-support/build';

// Shape-computing Reshape (Shape → Gather → Concat, foldable on a static input), an Identity, a MatMul + bias.
const before = model({
  inputs: { x: [4, 3] },
  outputs: ['y'],
  inits: { W: f32([3, 2], values(6, 5)), b: f32([2], [1, 2]), i0: int64Tensor([0], []), minus1: int64Tensor([-1]) },
  nodes: [
    node('Shape', ['x'], ['sh']),
    node('Gather', ['sh', 'i0'], ['n']),
    node('Unsqueeze', ['n', 'zero'], ['n1']),
    node('Concat', ['n1', 'minus1'], ['target'], { axis: { type: 'int', value: 0 } }),
    node('Reshape', ['x', 'target'], ['r']),
    node('Identity', ['r'], ['r2']),
    node('MatMul', ['r2', 'W'], ['m']),
    node('Add', ['m', 'b'], ['y']),
  ],
});
before.graph.initializers.set('zero', int64Tensor([0]));

test('-O0 returns the model itself', () => {
  expect(optimize(before, 0)).toBe(before);
});

test('-O1 folds the shape computation, drops the no-op Reshape and the Identity; -O2 also fuses to Gemm', () => {
  const passes: string[] = [];
  const o1 = optimize(before, 1, { afterPass: (p, m) => (verifyModel(m), passes.push(p.name)) });
  expect(passes).toEqual(['inline-functions', 'expand-gradient', 'fold-constants', 'eliminate-identity', 'eliminate-dead-code']);
  expect(text(o1)).toBe(['graph g (x: float32[4,3]) -> (y: ?) {', '  init W: float32[3,2]', '  init b: float32[2]', '  %m = MatMul(x, W)', '  y = Add(%m, b)', '}'].join('\n'));
  const o2 = optimize(before, 2, { afterPass: (_, m) => verifyModel(m) });
  expect(text(o2)).toBe(['graph g (x: float32[4,3]) -> (y: ?) {', '  init W: float32[3,2]', '  init b: float32[2]', '  y = Gemm(x, W, b)', '}'].join('\n'));
  expectSameOutputs(before, o1, { x: f32([4, 3], values(12)) });
  expectSameOutputs(before, o2, { x: f32([4, 3], values(12)) });
});
