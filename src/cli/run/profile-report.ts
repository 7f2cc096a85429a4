/**
 * `hodu run --profile`: per-op totals and the slowest nodes on stderr, or "profile" in --json with every
 * node's timing too (and each partition's wall time in a partitioned run). Each timing names the backend
 * that ran it; a native partition is timed per node when its plugin has the step-timing export
 * (ffi/hodu_plugin.h, hodu_backend_profile), else as one entry.
 */
import type { NodeTiming } from '../../sdk/backend';
import { summarizeProfile } from '../../runtime/profile-summary';
import { colors } from '../ui/colors';
import { err, table } from '../ui/output';

interface ProfiledRun {
  backend: string;
  profile?: NodeTiming[];
  partitionTimes?: { partition: number; backend: string; nodes: number; ms: number }[];
}

const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

/** A partition whose backend timed none of its nodes (PartitionedSession.profile's single entry). */
const wholePartition = (t: NodeTiming) => t.op.endsWith(' partition');

/** What --json prints as "profile" (undefined: the backend records no timings). */
export function profileReport(run: ProfiledRun) {
  if (!run.profile) return undefined;
  const timings = run.profile.map((t) => ({ ...t, backend: t.backend ?? run.backend }));
  return {
    ...summarizeProfile(timings),
    /** Every node in run order (µs rounding, as the totals). */
    nodes: timings.map((t) => ({ ...t, ms: roundMs(t.ms) })),
    ...(run.partitionTimes ? { partitions: run.partitionTimes.map((p) => ({ ...p, ms: roundMs(p.ms) })) } : {}),
  };
}

const nodeLabel = (t: NodeTiming) => (t.fused?.length ? `${t.node} (+ ${t.fused.map((f) => f.node).join(', ')})` : t.node);

export async function printProfile(report: NonNullable<ReturnType<typeof profileReport>>, round: (ms: number) => number): Promise<void> {
  const c = await colors();
  err();
  err(c.bold(`profile: ${round(report.totalMs)} ms in nodes`) + c.dim(' (self times: an If/Loop/Scan excludes the nodes of its body, which are listed on their own)'));
  err(table(report.byOp.map((o) => [o.op, o.backend ?? '', `${o.count}×`, `${round(o.ms)} ms`, `${o.percent.toFixed(1)}%`])));
  err(c.bold('slowest nodes'));
  err(table(report.slowest.map((t) => [nodeLabel(t), t.op, t.backend ?? '', `${round(t.ms)} ms${t.runs > 1 ? ` in ${t.runs} runs` : ''}`])));
  if (report.nodes.some((t) => t.fused?.length)) err(c.dim('a node with (+ …) ran fused with the nodes named: its time includes theirs'));
  const whole = [...new Set(report.nodes.filter(wholePartition).map((t) => t.backend))];
  for (const b of whole) err(c.dim(`note: backend '${b}' does not time its steps (its plugin has no hodu_backend_profile export): each of its partitions is one entry`));
}
