import { expect, test } from 'bun:test';
import { eliminateDeadCode } from '../../src/passes/eliminate-dead-code';
import { dedent, expectSameOutputs, f32, ir, text, values } from './passes-support/build';

test('a chain no output reads and the initializer only it used are removed', () => {
  const before = ir(`
    graph g (x: float32[2]) -> (y: ?) {
      init w: float32[2] = [1,2]
      init unused: float32[1] = [0]
      y = Relu(x)
      %d1 = Mul(x, w)
      %d2 = Exp(%d1)
    }`);
  const after = eliminateDeadCode.run(before);
  expect(text(after)).toBe(dedent(`
    graph g (x: float32[2]) -> (y: ?) {
      y = Relu(x)
    }`));
  expectSameOutputs(before, after, { x: f32([2], values(2)) });
});

test('a value only a subgraph reads stays; dead nodes inside the subgraph go', () => {
  const before = ir(`
    graph g (x: float32[2], c: float32[]) -> (y: ?) {
      %cb = Cast(c) {to=9}
      %h = Abs(x)
      y = If(%cb)
        then_branch:
        graph then () -> (t: ?) {
          t = Neg(%h)
          %dead = Exp(%h)
        }
        else_branch:
        graph else () -> (e: ?) {
          e = Identity(%h)
        }
    }`);
  const after = eliminateDeadCode.run(before);
  expect(text(after)).toBe(dedent(`
    graph g (x: float32[2], c: float32[]) -> (y: ?) {
      %cb = Cast(c) {to=9}
      %h = Abs(x)
      y = If(%cb)
        then_branch:
        graph then () -> (t: ?) {
          t = Neg(%h)
        }
        else_branch:
        graph else () -> (e: ?) {
          e = Identity(%h)
        }
    }`));
  expectSameOutputs(before, after, { x: f32([2], [-1, 2]), c: f32([], [1]) });
});

test('an initializer that is also a graph input is kept; nothing dead gives the same model', () => {
  const before = ir(`
    graph g (x: float32[2]) -> (y: ?) {
      init w: float32[2] (input) = [1,1]
      y = Relu(x)
    }`);
  expect(before.graph.inputs.map((i) => i.name)).toEqual(['x', 'w']);
  expect(eliminateDeadCode.run(before)).toBe(before);
});
