import { expect, test } from 'bun:test';
import { consumers, readCounts } from '../../src/passes/analysis/graph-queries';
import { ir } from './passes-support/build';

const model = ir(`
  graph g (x: float32[2], c: float32[]) -> (y: ?) {
    %cb = Cast(c) {to=9}
    %h = Abs(x)
    %sq = Mul(%h, %h)
    %s = Add(%sq, x)
    y = If(%cb)
      then_branch:
      graph then () -> (t: ?) {
        t = Neg(%h)
      }
      else_branch:
      graph else () -> (e: ?) {
        e = Identity(%s)
      }
  }`);

const names = (g = model.graph) => new Map([...consumers(g)].map(([v, ns]) => [v, ns.map((n) => n.op)]));

test('consumers: each reading node once, in graph order, subgraph captures included', () => {
  expect(names()).toEqual(new Map([
    ['c', ['Cast']],
    ['x', ['Abs', 'Add']],
    ['h', ['Mul', 'If']],
    ['sq', ['Add']],
    ['s', ['If']],
    ['cb', ['If']],
  ]));
});

test('consumers list a node once however often it reads the value; readCounts count each read', () => {
  const reads = readCounts(model.graph);
  // Mul reads %h twice, If once (a capture): three reads, two consumers.
  expect(reads.get('h')).toBe(3);
  expect(consumers(model.graph).get('h')!.length).toBe(2);
  expect(reads.get('x')).toBe(2);
});
