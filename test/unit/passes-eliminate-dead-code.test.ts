import { expect, test } from 'bun:test';
import { emptyGraph } from '../../src/ir/graph';
import { eliminateDeadCode } from '../../src/passes/eliminate-dead-code';
import { expectSameOutputs, f32, model, node, text, values } from './passes-support/build';

test('a chain no output reads and the initializer only it used are removed', () => {
  const before = model({
    inputs: { x: [2] },
    outputs: ['y'],
    inits: { w: f32([2], [1, 2]), unused: f32([1], [0]) },
    nodes: [node('Relu', ['x'], ['y']), node('Mul', ['x', 'w'], ['d1']), node('Exp', ['d1'], ['d2'])],
  });
  const after = eliminateDeadCode.run(before);
  expect(text(after)).toBe(['graph g (x: float32[2]) -> (y: ?) {', '  y = Relu(x)', '}'].join('\n'));
  expectSameOutputs(before, after, { x: f32([2], values(2)) });
});

test('a value only a subgraph reads stays; dead nodes inside the subgraph go', () => {
  const then = { ...emptyGraph('then'), outputs: [{ name: 't' }], nodes: [node('Neg', ['h'], ['t']), node('Exp', ['h'], ['dead'])] };
  const other = { ...emptyGraph('else'), outputs: [{ name: 'e' }], nodes: [node('Identity', ['h'], ['e'])] };
  const before = model({
    inputs: { x: [2], c: [] },
    outputs: ['y'],
    nodes: [node('Cast', ['c'], ['cb'], { to: { type: 'int', value: 9 } }), node('Abs', ['x'], ['h']), node('If', ['cb'], ['y'], { then_branch: { type: 'graph', value: then }, else_branch: { type: 'graph', value: other } })],
  });
  const after = eliminateDeadCode.run(before);
  expect(text(after)).toBe([
    'graph g (x: float32[2], c: float32[]) -> (y: ?) {',
    '  %cb = Cast(c) {to=9}',
    '  %h = Abs(x)',
    '  y = If(%cb)',
    '    then_branch:',
    '    graph then () -> (t: ?) {',
    '      t = Neg(%h)',
    '    }',
    '    else_branch:',
    '    graph else () -> (e: ?) {',
    '      e = Identity(%h)',
    '    }',
    '}',
  ].join('\n'));
  expectSameOutputs(before, after, { x: f32([2], [-1, 2]), c: f32([], [1]) });
});

test('an initializer that is also a graph input is kept; nothing dead gives the same model', () => {
  const before = model({ inputs: { x: [2], w: [2] }, outputs: ['y'], inits: { w: f32([2], [1, 1]) }, nodes: [node('Relu', ['x'], ['y'])] });
  expect(eliminateDeadCode.run(before)).toBe(before);
});
