import { expect, test } from 'bun:test';
import { fromNumbers } from '../../src/ir/tensor';
import { foldConstants } from '../../src/passes/fold-constants';
import { expectSameOutputs, f32, int, model, node, numbers, text, values } from './passes-support/build';

const constant = (name: string, t: ReturnType<typeof f32>) => node('Constant', [], [name], { value: { type: 'tensor', value: t } });

test('a Constant node and an Add of two constants become initializers; the node reading x stays', () => {
  const before = model({
    inputs: { x: [2, 3] },
    outputs: ['y'],
    inits: { a: f32([3], [1, 2, 3]) },
    nodes: [constant('k', f32([3], [10, 20, 30])), node('Add', ['a', 'k'], ['s']), node('Mul', ['x', 's'], ['y'])],
  });
  const after = foldConstants.run(before);
  expect(text(after)).toBe(['graph g (x: float32[2,3]) -> (y: ?) {', '  init a: float32[3]', '  init k: float32[3]', '  init s: float32[3]', '  y = Mul(x, s)', '}'].join('\n'));
  expect(numbers(after.graph.initializers.get('s'))).toEqual([11, 22, 33]);
  expectSameOutputs(before, after, { x: f32([2, 3], values(6)) });
});

test('Shape of a statically shaped input folds to its dims; of a symbolic one it stays', () => {
  const before = model({
    inputs: { x: [2, 3], z: ['N', 3] },
    outputs: ['s', 't'],
    nodes: [node('Shape', ['x'], ['s']), node('Shape', ['z'], ['t'], { start: int(1) })],
  });
  const after = foldConstants.run(before);
  expect(text(after)).toBe(['graph g (x: float32[2,3], z: float32[N,3]) -> (s: ?, t: ?) {', '  init s: int64[2]', '  t = Shape(z) {start=1}', '}'].join('\n'));
  expect(numbers(after.graph.initializers.get('s'))).toEqual([2, 3]);
});

test('random ops, training-mode Dropout and initializers a feed may override are not folded', () => {
  const before = model({
    inputs: { d: [2] },
    outputs: ['r', 'y', 'e'],
    inits: { c: f32([2], [1, 2]), d: f32([2], [3, 4]), on: fromNumbers('bool', [], [1]) },
    nodes: [node('RandomUniform', [], ['r'], { shape: { type: 'ints', value: [2] } }), node('Dropout', ['c', '', 'on'], ['y']), node('Neg', ['d'], ['e'])],
  });
  expect(foldConstants.run(before)).toBe(before);
});

test('returns the same model when nothing is constant', () => {
  const before = model({ inputs: { x: [2] }, outputs: ['y'], nodes: [node('Relu', ['x'], ['y'])] });
  expect(foldConstants.run(before)).toBe(before);
});
