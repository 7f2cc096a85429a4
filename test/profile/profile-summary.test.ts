import { expect, test } from 'bun:test';
import { summarizeProfile } from '../../src/runtime/profile-summary';

test('per-op and per-node rows with shares and calls, slowest first', () => {
  const s = summarizeProfile([
    { node: 'c1', op: 'Conv', ms: 6 },
    { node: 'r1', op: 'Relu', ms: 1 },
    { node: 'c2', op: 'Conv', ms: 2 },
    { node: 'r2', op: 'Relu', ms: 1 },
  ]);
  expect(s.totalMs).toBe(10);
  expect(s.byOp).toEqual([{ op: 'Conv', calls: 2, ms: 8, percent: 80 }, { op: 'Relu', calls: 2, ms: 2, percent: 20 }]);
  expect(s.byNode.map((t) => t.node)).toEqual(['c1', 'c2', 'r1', 'r2']);
  expect(s.byNode[0]).toEqual({ node: 'c1', op: 'Conv', calls: 1, ms: 6, percent: 60 });
});

test('a node that ran several times (a Loop body) is one row with its runs summed; the Loop keeps its self time', () => {
  const s = summarizeProfile([
    { node: 'body_mul', op: 'Mul', ms: 2 },
    { node: 'big', op: 'MatMul', ms: 5 },
    { node: 'body_mul', op: 'Mul', ms: 2 },
    { node: 'body_mul', op: 'Mul', ms: 2 },
    { node: 'loop', op: 'Loop', ms: 0.5 },
  ]);
  expect(s.byNode.map((n) => [n.node, n.calls, n.ms, n.percent])).toEqual([
    ['body_mul', 3, 6, 52.2], // 6 of 11.5 ms
    ['big', 1, 5, 43.5],
    ['loop', 1, 0.5, 4.3],
  ]);
  expect(s.byOp.find((o) => o.op === 'Mul')).toEqual({ op: 'Mul', calls: 3, ms: 6, percent: 52.2 });
});

test('GFLOP/s over the calls with a FLOP count; none for an op without one', () => {
  const s = summarizeProfile([
    { node: 'm1', op: 'MatMul', ms: 2, flops: 4e6 }, // 4 MFLOP in 2 ms = 2 GFLOP/s
    { node: 'm2', op: 'MatMul', ms: 1, flops: 5e6 }, // 5 MFLOP in 1 ms = 5 GFLOP/s
    { node: 'r', op: 'Reshape', ms: 1 },
  ]);
  expect(s.byOp.find((o) => o.op === 'MatMul')!.gflops).toBe(3); // 9 MFLOP in 3 ms
  expect(s.byNode.find((n) => n.node === 'm2')!.gflops).toBe(5);
  expect(s.byOp.find((o) => o.op === 'Reshape')!.gflops).toBeUndefined();
});

test('rounding: ms to 3 decimals, shares to 0.1%, GFLOP/s to 2', () => {
  const s = summarizeProfile([
    { node: 'a', op: 'Add', ms: 1.23456, flops: 1234567 },
    { node: 'b', op: 'Mul', ms: 2.0004 },
  ]);
  expect(s.totalMs).toBe(3.235);
  expect(s.byOp.map((o) => [o.op, o.ms, o.percent])).toEqual([['Mul', 2, 61.8], ['Add', 1.235, 38.2]]);
  expect(s.byNode.find((n) => n.node === 'a')!.gflops).toBe(1); // 1.234567e6 / 1.23456e6 = 1.00000…
});

test('an empty profile has no rows', () => {
  expect(summarizeProfile([])).toEqual({ totalMs: 0, byOp: [], byNode: [] });
});
