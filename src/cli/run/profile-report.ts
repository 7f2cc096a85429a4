/**
 * `hodu run --profile`: a per-op and a per-node table on stderr (time, share, calls, GFLOP/s), or "profile" in
 * --json with every node's timing too (and each partition's wall time in a partitioned run); `--profile-out`
 * writes the same timings as a Chrome trace. Each timing names the backend that ran it; a native partition is
 * timed per node when its plugin has the step-timing export (ffi/hodu_plugin.h, hodu_backend_profile), else
 * as one entry.
 */
import type { Model } from '../../ir/graph';
import type { NodeTiming, RuntimeValue } from '../../sdk/backend';
import { roundTo, summarizeProfile, type CountedTiming } from '../../runtime/profile-summary';
import { countFlops } from '../../runtime/profile/count-flops';
import { chromeTrace } from '../../runtime/profile/trace';
import { writeFileAtomic } from '../../util/atomic-write';
import { colors } from '../ui/colors';
import { err, table } from '../ui/output';

interface ProfiledRun {
  backend: string;
  profile?: NodeTiming[];
  partitionTimes?: { partition: number; backend: string; nodes: number; ms: number }[];
}

/** How many nodes the stderr table lists (all of them are in --json and the trace). */
const NODE_ROWS = 20;

/** A partition whose backend timed none of its nodes (PartitionedSession.profile's single entry). */
const wholePartition = (t: NodeTiming) => t.op.endsWith(' partition');

/** The run's timings with FLOP counts (undefined: the backend records no timings). */
export function countedTimings(run: ProfiledRun, model: Model, feeds: ReadonlyMap<string, RuntimeValue>): CountedTiming[] | undefined {
  if (!run.profile) return undefined;
  return countFlops(run.profile.map((t) => ({ ...t, backend: t.backend ?? run.backend })), model, feeds);
}

/** What --json prints as "profile". */
export function profileReport(run: ProfiledRun, timings: readonly CountedTiming[]) {
  return {
    ...summarizeProfile(timings),
    /** Every node in run order (rounded as the totals). */
    nodes: timings.map(({ node, op, ms, backend, partition, fused, depth, flops }) => ({
      node, op, backend, ms: roundTo(ms, 3),
      ...(partition !== undefined ? { partition } : {}),
      ...(fused?.length ? { fused } : {}),
      ...(depth ? { depth } : {}),
      ...(flops !== undefined ? { flops } : {}),
    })),
    ...(run.partitionTimes ? { partitions: run.partitionTimes.map((p) => ({ ...p, ms: roundTo(p.ms, 3) })) } : {}),
  };
}

/** Writes the Chrome trace atomically; returns how its spans were placed ('measured' or 'sequential'). */
export function writeTrace(path: string, timings: readonly CountedTiming[], ctx: { model: string; backend: string }): string {
  const trace = chromeTrace(timings, ctx);
  writeFileAtomic(path, new TextEncoder().encode(JSON.stringify(trace)));
  return trace.otherData.layout;
}

const nodeLabel = (t: { node: string; fused?: NodeTiming['fused'] }) => (t.fused?.length ? `${t.node} (+ ${t.fused.map((f) => f.node).join(', ')})` : t.node);
// The report is rounded (ms to 3 decimals, GFLOP/s to 2): a 0 there is a value below that, not nothing.
const gflops = (r: { gflops?: number }) => (r.gflops === undefined ? '' : r.gflops === 0 ? '<0.01' : significant(r.gflops));

/** Two decimals from 1 up, else two significant digits: a 4 µs node shows as 0.004 ms, not as 0 ms. */
function significant(v: number): string {
  if (Math.abs(v) >= 1) return v.toFixed(2);
  return String(Number(v.toPrecision(2)));
}

const ms = (v: number) => (v === 0 ? '<0.001 ms' : `${significant(v)} ms`);

export async function printProfile(report: ReturnType<typeof profileReport>): Promise<void> {
  const c = await colors();
  const partitioned = new Set(report.byOp.map((o) => o.backend)).size > 1 || report.partitions !== undefined;
  const backend = (r: { backend?: string }) => (partitioned ? [r.backend ?? ''] : []);
  err();
  err(c.bold(`profile: ${ms(report.totalMs)} in nodes`) + c.dim(' (self times: an If/Loop/Scan excludes the nodes of its body, which are listed on their own)'));
  const opHead = ['op', ...(partitioned ? ['backend'] : []), 'calls', 'time', '%', 'GFLOP/s'].map((h) => c.dim(h));
  err(table([opHead, ...report.byOp.map((o) => [o.op, ...backend(o), `${o.calls}×`, ms(o.ms), `${o.percent.toFixed(1)}%`, gflops(o)])]));
  err();
  const shown = report.byNode.slice(0, NODE_ROWS);
  err(c.bold('slowest nodes') + (report.byNode.length > shown.length ? c.dim(` (${shown.length} of ${report.byNode.length})`) : ''));
  const nodeHead = ['node', 'op', ...(partitioned ? ['backend'] : []), 'calls', 'time', '%', 'GFLOP/s'].map((h) => c.dim(h));
  err(table([nodeHead, ...shown.map((t) => [nodeLabel(t), t.op, ...backend(t), `${t.calls}×`, ms(t.ms), `${t.percent.toFixed(1)}%`, gflops(t)])]));
  if (report.byNode.length > shown.length) err(c.dim(`${report.byNode.length - shown.length} more in --json and --profile-out`));
  if (report.nodes.some((t) => t.fused?.length)) err(c.dim('a node with (+ …) ran fused with the nodes named: its time includes theirs'));
  const whole = [...new Set(report.nodes.filter(wholePartition).map((t) => t.backend))];
  for (const b of whole) err(c.dim(`note: backend '${b}' does not time its steps (its plugin has no hodu_backend_profile export): each of its partitions is one entry`));
}
