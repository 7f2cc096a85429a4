/**
 * `hodu run --explain`: the backend choice and, for a native backend run partitioned with the interp
 * (src/runtime/partition/), each partition (backend, node count, ops) and each node that fell back, with why.
 * One JSON shape for --json and one text rendering of it for stderr.
 */
import type { PartitionReport } from '../../runtime/partition/report';

export interface RunExplanation {
  backend: string;
  reason: string;
  /** Absent when the backend ran the whole model itself (the interp, or a backend without a kernel list). */
  partitions?: PartitionReport['partitions'];
  fallbacks?: PartitionReport['fallbacks'];
  folded?: number;
  inlined?: PartitionReport['inlined'];
  bodies?: PartitionReport['bodies'];
  note?: string;
}

export function explanation(backend: string, reason: string, report: PartitionReport | undefined): RunExplanation {
  if (!report) return { backend, reason };
  return { backend, reason, partitions: report.partitions, fallbacks: report.fallbacks, folded: report.folded, ...(report.inlined ? { inlined: report.inlined } : {}), ...(report.bodies ? { bodies: report.bodies } : {}), ...(report.note ? { note: report.note } : {}) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The text form, one line per entry (no colors: the caller dims or bolds whole lines). */
export function renderExplanation(e: RunExplanation): string[] {
  const lines = [`backend: ${e.backend} — ${e.reason}`];
  if (!e.partitions) {
    lines.push(`the whole model runs on ${e.backend} (not partitioned)`);
    return lines;
  }
  const nodes = e.partitions.reduce((a, p) => a + p.nodes, 0);
  const folded = e.folded ? `; ${plural(e.folded, 'node')} folded to constants` : '';
  lines.push(`partitions: ${e.partitions.length}, ${plural(nodes, 'node')}${folded}`);
  partitionLines(e.partitions, e.fallbacks ?? [], '', lines);
  inlinedLines(e.inlined ?? [], '', lines);
  for (const b of e.bodies ?? []) {
    lines.push(`body of ${b.body}: ${plural(b.partitions.length, 'partition')}`);
    partitionLines(b.partitions, b.fallbacks, '  ', lines);
    inlinedLines(b.inlined ?? [], '  ', lines);
  }
  if (e.note) lines.push(`note: ${e.note}`);
  return lines;
}

function inlinedLines(inlined: NonNullable<RunExplanation['inlined']>, indent: string, lines: string[]): void {
  if (!inlined.length) return;
  lines.push(`${indent}replaced by their taken branch (condition known from the input shapes): ${plural(inlined.length, 'If')}`);
  for (const i of inlined) lines.push(`${indent}  ${i.node}: ${i.branch}`);
}

function partitionLines(partitions: NonNullable<RunExplanation['partitions']>, fallbacks: NonNullable<RunExplanation['fallbacks']>, indent: string, lines: string[]): void {
  const width = Math.max(0, ...partitions.map((p) => p.backend.length));
  const index = `#${partitions.length - 1}`.length;
  partitions.forEach((p, i) => {
    lines.push(`${indent}  ${`#${i}`.padEnd(index)}  ${p.backend.padEnd(width)}  ${plural(p.nodes, 'node').padEnd(9)}  ${p.ops.join(', ')}`);
    if (p.movedToInterp) lines.push(`${indent}       moved to the interp: ${p.movedToInterp}`);
    if (p.splitWhenReached) lines.push(`${indent}       split when reached, with the shapes '${p.splitWhenReached}' produced`);
  });
  if (fallbacks.length) {
    lines.push(`${indent}fell back to the interp: ${plural(fallbacks.length, 'node')}`);
    for (const f of fallbacks) lines.push(`${indent}  ${f.node} (${f.op}): ${f.reason}`);
  }
}
