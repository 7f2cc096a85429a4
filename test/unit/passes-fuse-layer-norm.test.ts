import { expect, test } from 'bun:test';
import { fuseLayerNorm } from '../../src/passes/fuse-layer-norm';
import { dedent, expectSameOutputs, f32, ir, text, values } from './passes-support/build';

/** PyTorch's pre-17 LayerNorm over x [2,4]; each option swaps one piece of the chain for a variant. */
const layerNorm = ({ axes = '[-1]', pow = '%d, two', eps = 'init eps: float32[] = [0.00001]', outputs = 'y: ?', tail = '%n = Div(%d, %s)\n      %m = Mul(%n, gamma)\n      y = Add(%m, beta)', opset = 17 } = {}) =>
  ir(`
    graph g (x: float32[B,4]${eps.startsWith('init') ? '' : `, ${eps}`}) -> (${outputs}) {
      init two: float32[] = [2]
      init three: float32[] = [3]
      ${eps.startsWith('init') ? eps : ''}
      init gamma: float32[4] = [1,0.5,-2,1.5]
      init beta: float32[4] = [0.1,0.2,-0.3,0]
      %mu = ReduceMean(x) {axes=${axes}, keepdims=1}
      %d = Sub(x, %mu)
      %p = Pow(${pow})
      %v = ReduceMean(%p) {axes=${axes}, keepdims=1}
      %ve = Add(%v, eps)
      %s = Sqrt(%ve)
      ${tail}
    }`, opset);

const feeds = { x: f32([3, 4], values(12)) };

test('the decomposed LayerNorm (Mul γ, Add β on either side) becomes LayerNormalization(x, γ, β)', () => {
  for (const tail of ['%n = Div(%d, %s)\n      %m = Mul(%n, gamma)\n      y = Add(%m, beta)', '%n = Div(%d, %s)\n      %m = Mul(gamma, %n)\n      y = Add(beta, %m)']) {
    const before = layerNorm({ tail });
    const after = fuseLayerNorm.run(before);
    expect(text(after)).toBe(dedent(`
      graph g (x: float32[B,4]) -> (y: ?) {
        init two: float32[]
        init three: float32[]
        init eps: float32[]
        init gamma: float32[4]
        init beta: float32[4]
        y = LayerNormalization(x, gamma, beta) {axis=-1, epsilon=0.000009999999747378752, stash_type=1}
      }`));
    expectSameOutputs(before, after, feeds);
  }
});

test('axes [1] (the last of rank 2) and no γ/β: LayerNormalization with a scale of ones', () => {
  const before = layerNorm({ axes: '[1]', tail: 'y = Div(%d, %s)' });
  const after = fuseLayerNorm.run(before);
  expect(after.graph.nodes.map((n) => n.op)).toEqual(['LayerNormalization']);
  expect(after.graph.nodes[0]!.inputs.length).toBe(2);
  expectSameOutputs(before, after, feeds);
});

test('opset 18: the axes as a constant input', () => {
  const before = ir(`
    graph g (x: float32[B,4]) -> (y: ?) {
      init two: float32[] = [2]
      init eps: float32[] = [0.001]
      init ax: int64[1] = [-1]
      %mu = ReduceMean(x, ax)
      %d = Sub(x, %mu)
      %p = Pow(%d, two)
      %v = ReduceMean(%p, ax)
      %ve = Add(eps, %v)
      %s = Sqrt(%ve)
      y = Div(%d, %s)
    }`, 18);
  const after = fuseLayerNorm.run(before);
  expect(after.graph.nodes.map((n) => n.op)).toEqual(['LayerNormalization']);
  expectSameOutputs(before, after, feeds);
});

test('left alone: an intermediate read twice, axis 0, a fed eps, Pow 3', () => {
  const tail = '%n = Div(%d, %s)\n      %m = Mul(%n, gamma)\n      y = Add(%m, beta)';
  const cases = [
    layerNorm({ outputs: 'y: ?, z: ?', tail: `${tail}\n      z = Neg(%s)` }),
    layerNorm({ outputs: 'y: ?, z: ?', tail: `${tail}\n      z = Neg(%d)` }),
    layerNorm({ axes: '[0]' }),
    layerNorm({ eps: 'eps: float32[]' }),
    layerNorm({ pow: '%d, three' }),
  ];
  for (const m of cases) expect(fuseLayerNorm.run(m)).toBe(m);
});
