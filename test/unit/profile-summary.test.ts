import { expect, test } from 'bun:test';
import { summarizeProfile } from '../../src/runtime/profile-summary';

test('per-op totals with shares, and the slowest nodes first', () => {
  const s = summarizeProfile([
    { node: 'c1', op: 'Conv', ms: 6 },
    { node: 'r1', op: 'Relu', ms: 1 },
    { node: 'c2', op: 'Conv', ms: 2 },
    { node: 'r2', op: 'Relu', ms: 1 },
  ], 2);
  expect(s.totalMs).toBe(10);
  expect(s.byOp).toEqual([{ op: 'Conv', count: 2, ms: 8, percent: 80 }, { op: 'Relu', count: 2, ms: 2, percent: 20 }]);
  expect(s.slowest.map((t) => t.node)).toEqual(['c1', 'c2']);
});

test('a node that ran several times (a Loop body) is one slowest entry with its runs summed', () => {
  const s = summarizeProfile([
    { node: 'body_mul', op: 'Mul', ms: 2 },
    { node: 'big', op: 'MatMul', ms: 5 },
    { node: 'body_mul', op: 'Mul', ms: 2 },
    { node: 'body_mul', op: 'Mul', ms: 2 },
    { node: 'loop', op: 'Loop', ms: 0.5 },
  ]);
  expect(s.slowest).toEqual([
    { node: 'body_mul', op: 'Mul', ms: 6, runs: 3 },
    { node: 'big', op: 'MatMul', ms: 5, runs: 1 },
    { node: 'loop', op: 'Loop', ms: 0.5, runs: 1 },
  ]);
  expect(s.byOp.find((o) => o.op === 'Mul')).toEqual({ op: 'Mul', count: 3, ms: 6, percent: 52.2 }); // 6 of 11.5 ms
});

test('an empty profile has no shares', () => {
  expect(summarizeProfile([])).toEqual({ totalMs: 0, byOp: [], slowest: [] });
});
