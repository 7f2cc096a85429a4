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

test('an empty profile has no shares', () => {
  expect(summarizeProfile([])).toEqual({ totalMs: 0, byOp: [], slowest: [] });
});
