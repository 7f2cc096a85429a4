import type { NodeTiming } from '../sdk/backend';

interface OpTiming {
  op: string;
  /** The backend that ran these nodes, when the timings name it (a partitioned run: Conv on cpu and on interp are two rows). */
  backend?: string;
  count: number;
  ms: number;
  /** Share of the run's node time, 0..100. */
  percent: number;
}

interface NodeTotal extends NodeTiming {
  /** How many times the node ran (more than once inside a Loop/Scan body); `ms` is their sum. */
  runs: number;
}

interface ProfileSummary {
  totalMs: number;
  byOp: OpTiming[];
  /** The slowest nodes, slowest first. */
  slowest: NodeTotal[];
}

/**
 * Per-op totals (slowest op first) and the `top` slowest nodes of one run. Timings are self times (an
 * If/Loop/Scan node's excludes its body's nodes, which are timings of their own), so they add up to the time
 * spent in nodes. Times are rounded to µs (3 decimals in ms), shares to 0.1%.
 */
export function summarizeProfile(timings: readonly NodeTiming[], top = 10): ProfileSummary {
  const totalMs = timings.reduce((s, t) => s + t.ms, 0);
  const ops = new Map<string, { op: string; backend?: string; count: number; ms: number }>();
  for (const t of timings) {
    const key = `${t.backend ?? ''}\0${t.op}`;
    const o = ops.get(key) ?? { op: t.op, ...(t.backend ? { backend: t.backend } : {}), count: 0, ms: 0 };
    o.count++;
    o.ms += t.ms;
    ops.set(key, o);
  }
  const byOp = [...ops.values()]
    .sort((a, b) => b.ms - a.ms)
    .map((o) => ({ ...o, ms: roundMs(o.ms), percent: totalMs > 0 ? Math.round((o.ms / totalMs) * 1000) / 10 : 0 }));
  // A node in a Loop body runs once per iteration: one entry with the sum, not one per run. Unnamed nodes
  // cannot be told apart, so each run of one stays an entry of its own.
  const nodes = new Map<string, NodeTotal>();
  timings.forEach((t, i) => {
    const key = t.node ? `${t.op}\0${t.node}\0${t.backend ?? ''}` : `#${i}`;
    const n = nodes.get(key);
    if (n) {
      n.ms += t.ms;
      n.runs++;
    } else nodes.set(key, { ...t, runs: 1 });
  });
  const slowest = [...nodes.values()].sort((a, b) => b.ms - a.ms).slice(0, top).map((t) => ({ ...t, ms: roundMs(t.ms) }));
  return { totalMs: roundMs(totalMs), byOp, slowest };
}

function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
