import { expect, test } from 'bun:test';
import { foldConstants } from '../../src/passes/fold-constants';
import { dedent, expectSameOutputs, f32, ir, numbers, text, values } from './passes-support/build';

test('a Constant node and an Add of two constants become initializers; the node reading x stays', () => {
  const before = ir(`
    graph g (x: float32[2,3]) -> (y: ?) {
      init a: float32[3] = [1,2,3]
      %k = Constant() {value=tensor<float32[3] = [10,20,30]>}
      %s = Add(a, %k)
      y = Mul(x, %s)
    }`);
  const after = foldConstants.run(before);
  expect(text(after)).toBe(dedent(`
    graph g (x: float32[2,3]) -> (y: ?) {
      init a: float32[3]
      init k: float32[3]
      init s: float32[3]
      y = Mul(x, s)
    }`));
  expect(numbers(after.graph.initializers.get('s'))).toEqual([11, 22, 33]);
  expectSameOutputs(before, after, { x: f32([2, 3], values(6)) });
});

test('Shape of a statically shaped input folds to its dims; of a symbolic one it stays', () => {
  const before = ir(`
    graph g (x: float32[2,3], z: float32[N,3]) -> (s: ?, t: ?) {
      s = Shape(x)
      t = Shape(z) {start=1}
    }`);
  const after = foldConstants.run(before);
  expect(text(after)).toBe(dedent(`
    graph g (x: float32[2,3], z: float32[N,3]) -> (s: ?, t: ?) {
      init s: int64[2]
      t = Shape(z) {start=1}
    }`));
  expect(numbers(after.graph.initializers.get('s'))).toEqual([2, 3]);
});

test('a chain folds through a Shape of a folded value: Shape(Concat(c, c)) is [4]', () => {
  const after = foldConstants.run(
    ir(`
      graph g () -> (n: ?) {
        init c: float32[2] = [1,2]
        %cc = Concat(c, c) {axis=0}
        n = Shape(%cc)
      }`),
  );
  expect(text(after)).toBe(dedent(`
    graph g () -> (n: ?) {
      init c: float32[2]
      init cc: float32[4]
      init n: int64[1]
    }`));
  expect(numbers(after.graph.initializers.get('n'))).toEqual([4]);
});

test('random ops, training-mode Dropout and initializers a feed may override are not folded', () => {
  const before = ir(`
    graph g () -> (r: ?, y: ?, e: ?) {
      init c: float32[2] = [1,2]
      init d: float32[2] (input) = [3,4]
      init on: bool[] = [1]
      r = RandomUniform() {shape=[2]}
      y = Dropout(c, _, on)
      e = Neg(d)
    }`);
  expect(before.graph.inputs.map((i) => i.name)).toEqual(['d']);
  expect(foldConstants.run(before)).toBe(before);
});

test('returns the same model when nothing is constant', () => {
  const before = ir(`
    graph g (x: float32[2]) -> (y: ?) {
      y = Relu(x)
    }`);
  expect(foldConstants.run(before)).toBe(before);
});
