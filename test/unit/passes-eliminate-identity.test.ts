import { expect, test } from 'bun:test';
import { int64Tensor } from '../../src/ir/tensor';
import { eliminateIdentity } from '../../src/passes/eliminate-identity';
import { expectSameOutputs, f32, int, ints, model, node, text, values } from './passes-support/build';

const feeds = { x: f32([2, 3], values(6)) };

test('an inner Identity, an identity Transpose and a shape-preserving Reshape are removed; readers read the input', () => {
  const before = model({
    inputs: { x: [2, 3] },
    outputs: ['y'],
    inits: { s: int64Tensor([2, -1]) },
    nodes: [node('Relu', ['x'], ['a']), node('Identity', ['a'], ['b']), node('Transpose', ['b'], ['c'], { perm: ints([0, 1]) }), node('Reshape', ['c', 's'], ['d']), node('Neg', ['d'], ['y'])],
  });
  const after = eliminateIdentity.run(before);
  expect(text(after)).toBe(['graph g (x: float32[2,3]) -> (y: ?) {', '  init s: int64[2]', '  %a = Relu(x)', '  y = Neg(%a)', '}'].join('\n'));
  expectSameOutputs(before, after, feeds);
});

test('an Identity producing a graph output: its producer writes the output name instead', () => {
  const before = model({ inputs: { x: [2, 3] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['a']), node('Exp', ['a'], ['e']), node('Identity', ['e'], ['y'])] });
  const after = eliminateIdentity.run(before);
  expect(text(after)).toBe(['graph g (x: float32[2,3]) -> (y: ?) {', '  %a = Relu(x)', '  y = Exp(%a)', '}'].join('\n'));
  expectSameOutputs(before, after, feeds);
});

test('kept: input → output Identity, output → output Identity, a Dropout whose mask is read, a transposing Transpose, a reshaping Reshape', () => {
  const before = model({
    inputs: { x: [2, 3] },
    outputs: ['y', 'z', 'w', 'm', 't', 'r'],
    inits: { s: int64Tensor([3, 2]) },
    nodes: [
      node('Identity', ['x'], ['y']),
      node('Identity', ['y'], ['z']),
      node('Dropout', ['x'], ['w', 'm']),
      node('Transpose', ['x'], ['t'], { perm: ints([1, 0]) }),
      node('Reshape', ['x', 's'], ['r'], { allowzero: int(0) }),
    ],
  });
  expect(eliminateIdentity.run(before)).toBe(before);
});

test('a Reshape over symbolic dims goes when the shapes are provably equal ([N,3] → [-1,3]), stays otherwise', () => {
  const spec = (dims: (number | string)[]) => model({ inputs: { x: dims }, outputs: ['y'], inits: { s: int64Tensor([-1, 3]) }, nodes: [node('Reshape', ['x', 's'], ['r']), node('Relu', ['r'], ['y'])] });
  const provable = eliminateIdentity.run(spec(['N', 3]));
  expect(text(provable)).toBe(['graph g (x: float32[N,3]) -> (y: ?) {', '  init s: int64[2]', '  y = Relu(x)', '}'].join('\n'));
  const unknown = spec(['N', 'M']);
  expect(eliminateIdentity.run(unknown)).toBe(unknown);
});
