import type { NodeTiming } from '../sdk/backend';

export interface OpTiming {
  op: string;
  count: number;
  ms: number;
  /** Share of the run's node time, 0..100. */
  percent: number;
}

export interface ProfileSummary {
  totalMs: number;
  byOp: OpTiming[];
  /** The slowest nodes, slowest first. */
  slowest: NodeTiming[];
}

/** Per-op totals (slowest op first) and the `top` slowest nodes of one run. */
export function summarizeProfile(timings: readonly NodeTiming[], top = 10): ProfileSummary {
  const totalMs = timings.reduce((s, t) => s + t.ms, 0);
  const ops = new Map<string, { count: number; ms: number }>();
  for (const t of timings) {
    const o = ops.get(t.op) ?? { count: 0, ms: 0 };
    o.count++;
    o.ms += t.ms;
    ops.set(t.op, o);
  }
  const byOp = [...ops].map(([op, o]) => ({ op, count: o.count, ms: o.ms, percent: totalMs > 0 ? (o.ms / totalMs) * 100 : 0 })).sort((a, b) => b.ms - a.ms);
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, top);
  return { totalMs, byOp, slowest };
}
