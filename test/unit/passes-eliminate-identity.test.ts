import { expect, test } from 'bun:test';
import { eliminateIdentity } from '../../src/passes/eliminate-identity';
import { dedent, expectSameOutputs, f32, ir, text, values } from './passes-support/build';

const feeds = { x: f32([2, 3], values(6)) };

test('an inner Identity, an identity Transpose and a shape-preserving Reshape are removed; readers read the input', () => {
  const before = ir(`
    graph g (x: float32[2,3]) -> (y: ?) {
      init s: int64[2] = [2,-1]
      %a = Relu(x)
      %b = Identity(%a)
      %c = Transpose(%b) {perm=[0,1]}
      %d = Reshape(%c, s)
      y = Neg(%d)
    }`);
  const after = eliminateIdentity.run(before);
  expect(text(after)).toBe(dedent(`
    graph g (x: float32[2,3]) -> (y: ?) {
      init s: int64[2]
      %a = Relu(x)
      y = Neg(%a)
    }`));
  expectSameOutputs(before, after, feeds);
});

test('an Identity producing a graph output: its producer writes the output name instead', () => {
  const before = ir(`
    graph g (x: float32[2,3]) -> (y: ?) {
      %a = Relu(x)
      %e = Exp(%a)
      y = Identity(%e)
    }`);
  const after = eliminateIdentity.run(before);
  expect(text(after)).toBe(dedent(`
    graph g (x: float32[2,3]) -> (y: ?) {
      %a = Relu(x)
      y = Exp(%a)
    }`));
  expectSameOutputs(before, after, feeds);
});

test('kept: input → output Identity, output → output Identity, a Dropout whose mask is read, a transposing Transpose, a reshaping Reshape', () => {
  const before = ir(`
    graph g (x: float32[2,3]) -> (y: ?, z: ?, w: ?, m: ?, t: ?, r: ?) {
      init s: int64[2] = [3,2]
      y = Identity(x)
      z = Identity(y)
      w, m = Dropout(x)
      t = Transpose(x) {perm=[1,0]}
      r = Reshape(x, s) {allowzero=0}
    }`);
  expect(eliminateIdentity.run(before)).toBe(before);
});

test('a Reshape over symbolic dims goes when the shapes are provably equal ([N,3] → [-1,3]), stays otherwise', () => {
  const reshape = (dims: string) =>
    ir(`
      graph g (x: float32[${dims}]) -> (y: ?) {
        init s: int64[2] = [-1,3]
        %r = Reshape(x, s)
        y = Relu(%r)
      }`);
  expect(text(eliminateIdentity.run(reshape('N,3')))).toBe(dedent(`
    graph g (x: float32[N,3]) -> (y: ?) {
      init s: int64[2]
      y = Relu(x)
    }`));
  const unknown = reshape('N,M');
  expect(eliminateIdentity.run(unknown)).toBe(unknown);
});
