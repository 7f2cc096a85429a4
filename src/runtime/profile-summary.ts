import type { NodeTiming } from '../sdk/backend';

/** A node timing with its FLOP count when the op has one (src/runtime/profile/flops.ts). */
export interface CountedTiming extends NodeTiming {
  flops?: number;
}

interface Row {
  ms: number;
  /** Share of the run's node time, 0..100. */
  percent: number;
  /** How many times it ran: an op's node count, or a node's runs (more than one inside a Loop/Scan body). */
  calls: number;
  /** Billions of FLOPs per second over the calls that have a FLOP count (absent: the op has none). */
  gflops?: number;
}

interface OpRow extends Row {
  op: string;
  /** The backend that ran these nodes, when the timings name it (a partitioned run: Conv on cpu and on interp are two rows). */
  backend?: string;
}

interface NodeRow extends Row {
  node: string;
  op: string;
  backend?: string;
  fused?: NodeTiming['fused'];
}

interface ProfileSummary {
  totalMs: number;
  /** Slowest op first. */
  byOp: OpRow[];
  /** Every node once (its runs summed), slowest first. */
  byNode: NodeRow[];
}

/** Sums as they accumulate: time, calls, and the FLOPs and time of the calls that have a count. */
interface Acc {
  ms: number;
  calls: number;
  flops: number;
  flopMs: number;
}

function add(acc: Acc, t: CountedTiming): void {
  acc.ms += t.ms;
  acc.calls++;
  if (t.flops !== undefined) {
    acc.flops += t.flops;
    acc.flopMs += t.ms;
  }
}

/**
 * Per-op and per-node totals of one run, slowest first. Timings are self times (an If/Loop/Scan node's
 * excludes its body's nodes, which are timings of their own), so each millisecond is counted once and the
 * rows add up to the time spent in nodes. Rounded as --json prints them: ms to 3 decimals, shares to 0.1%,
 * GFLOP/s to 2.
 */
export function summarizeProfile(timings: readonly CountedTiming[]): ProfileSummary {
  const totalMs = timings.reduce((s, t) => s + t.ms, 0);
  const row = (acc: Acc): Row => ({
    ms: roundTo(acc.ms, 3),
    percent: totalMs > 0 ? roundTo((acc.ms / totalMs) * 100, 1) : 0,
    calls: acc.calls,
    ...(acc.flopMs > 0 ? { gflops: roundTo(acc.flops / (acc.flopMs * 1e6), 2) } : {}),
  });
  const ops = new Map<string, { op: string; backend?: string; acc: Acc }>();
  // A node in a Loop body runs once per iteration: one row with the sum, not one per run. Unnamed nodes
  // cannot be told apart, so each run of one stays a row of its own.
  const nodes = new Map<string, { t: CountedTiming; acc: Acc }>();
  timings.forEach((t, i) => {
    const opKey = `${t.backend ?? ''}\0${t.op}`;
    const o = ops.get(opKey) ?? { op: t.op, ...(t.backend ? { backend: t.backend } : {}), acc: { ms: 0, calls: 0, flops: 0, flopMs: 0 } };
    add(o.acc, t);
    ops.set(opKey, o);
    const nodeKey = t.node ? `${t.op}\0${t.node}\0${t.backend ?? ''}` : `#${i}`;
    const n = nodes.get(nodeKey) ?? { t, acc: { ms: 0, calls: 0, flops: 0, flopMs: 0 } };
    add(n.acc, t);
    nodes.set(nodeKey, n);
  });
  const slowestFirst = <T extends { acc: Acc }>(a: T, b: T) => b.acc.ms - a.acc.ms;
  const byOp = [...ops.values()].sort(slowestFirst).map((o) => ({ op: o.op, ...(o.backend ? { backend: o.backend } : {}), ...row(o.acc) }));
  const byNode = [...nodes.values()].sort(slowestFirst).map(({ t, acc }) => ({
    node: t.node,
    op: t.op,
    ...(t.backend ? { backend: t.backend } : {}),
    ...row(acc),
    ...(t.fused?.length ? { fused: t.fused } : {}),
  }));
  return { totalMs: roundTo(totalMs, 3), byOp, byNode };
}

export function roundTo(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
