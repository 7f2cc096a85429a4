/** The text form of a `--dry-run` report (src/runtime/dry-run/run.ts), one line per fact. */
import type { DryRunReport } from '../../runtime/dry-run/run';
import type { DryPartition } from '../../runtime/dry-run/partition';
import type { Fallback } from '../../runtime/partition/split';
import { formatBytes } from '../ui/output';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const shape = (dims: readonly (number | string)[]) => `[${dims.join(',')}]`;

/** A partition's node names: all of a short one, the first and last few of a long one. */
function names(nodes: readonly string[]): string {
  return nodes.length <= 8 ? nodes.join(', ') : `${nodes.slice(0, 3).join(', ')}, … ${nodes.length - 6} more …, ${nodes.slice(-3).join(', ')}`;
}

function partitionLines(parts: readonly DryPartition[], fallbacks: readonly Fallback[], indent: string, lines: string[]): void {
  const width = Math.max(0, ...parts.map((p) => p.backend.length));
  parts.forEach((p, i) => {
    lines.push(`${indent}#${i}  ${p.backend.padEnd(width)}  ${plural(p.nodes.length, 'node').padEnd(9)}  ${p.ops.join(', ')}`);
    lines.push(`${indent}      nodes: ${names(p.nodes)}`);
    if (p.splitWhenReached) lines.push(`${indent}      split when the run reaches it, with the shapes '${p.splitWhenReached}' produced`);
  });
  if (fallbacks.length) {
    lines.push(`${indent}fell back to the interp: ${plural(fallbacks.length, 'node')}`);
    for (const f of fallbacks) lines.push(`${indent}  ${f.node} (${f.op}): ${f.reason}`);
  }
}

export function renderDryRun(r: DryRunReport): string[] {
  const lines: string[] = [];
  const source = r.format.source === 'built model' ? 'a model built by hodu build' : `${r.format.source} format plugin ${r.format.name} ${r.format.version}`.trim();
  lines.push(`dry run of ${r.model} (nothing computed)`);
  lines.push(`format      ${r.format.name} (${source})`);
  lines.push(`inputs      ${r.inputs.map((i) => `${i.name} ${i.dtype}${shape(i.shape)} (${i.from})`).join(', ') || '(none)'}`);
  if (r.inputsNote) lines.push(`            note: ${r.inputsNote}`);
  const changes = r.passes.changed.map((c) => `${c.pass} (-${c.removed} +${c.added} nodes${c.weightsRemoved || c.weightsAdded ? `, -${c.weightsRemoved} +${c.weightsAdded} weights` : ''})`);
  if (r.format.source === 'built model') lines.push(`passes      -O${r.passes.optLevel}: applied when the model was built (nothing runs now)`);
  else lines.push(`passes      -O${r.passes.optLevel}: ${changes.length ? `${changes.length} of ${r.passes.ran.length} would change the graph: ${changes.join(', ')}` : `none of ${r.passes.ran.length} would change the graph`}`);
  lines.push(`backend     ${r.backend ?? '(none)'} — ${r.reason.split('\n').join('; ')}`);
  lines.push(`device      ${r.device}`);
  lines.push(`threads     ${r.threads.value} (${r.threads.from})${r.threads.native !== undefined ? `; the native backend gets ${r.threads.native}` : ''}`);
  const p = r.partition;
  const total = p.partitions.reduce((a, x) => a + x.nodes.length, 0);
  if (r.format.source === 'built model') lines.push(`partition   ${p.note}`);
  else lines.push(`partition   ${plural(p.partitions.length, 'partition')}, ${plural(total, 'node')}${p.folded ? `; ${plural(p.folded, 'node')} folded to constants (run on no backend)` : ''}`);
  partitionLines(p.partitions, p.fallbacks, '  ', lines);
  for (const i of p.inlined) lines.push(`  If '${i.node}' replaced by its ${i.branch} (the input shapes decide its condition)`);
  for (const b of p.bodies) {
    lines.push(`  body ${b.path} (${b.holder}): ${plural(b.partitions.length, 'partition')}${b.folded ? `, ${b.folded} folded` : ''}`);
    partitionLines(b.partitions, b.fallbacks, '    ', lines);
  }
  if (p.bodies.length && r.format.source !== 'built model') lines.push(`  note: ${p.note ?? 'bodies are split again when they run, with the shapes they receive'}`);
  const m = r.memory;
  lines.push(`memory      ${m.planned ? 'planned' : 'rough (not planned)'}: weights ${formatBytes(m.weights)}, inputs ${formatBytes(m.inputs)}, intermediates ${formatBytes(m.intermediates)} (${m.planned ? 'arena peak' : 'declared values summed'}), scratch ${formatBytes(m.scratch)}${m.widened ? `, f16 widening ${formatBytes(m.widened)}` : ''}, outputs ${formatBytes(m.outputs)}; total ${formatBytes(m.total)} + hodu itself`);
  if (m.reason) lines.push(`            why rough: ${m.reason.split('\n')[0]}`);
  if (m.limit !== undefined) lines.push(`            --max-memory ${formatBytes(m.limit)}: ${m.total > m.limit ? 'over the limit: the run would be refused' : 'within the limit before hodu itself is added'}`);
  lines.push(`cache       ${r.cache.applies}: ${r.cache.state}${r.cache.path ? ` (${r.cache.path})` : ''} — ${r.cache.detail}`);
  lines.push('candidates');
  for (const c of r.candidates) {
    const meta = [c.source, c.priority !== undefined ? `priority ${c.priority}` : ''].filter(Boolean).join(', ');
    lines.push(`  ${c.name} (${meta}): ${c.status === 'chosen' ? 'chosen' : `rejected — ${c.reason}`}`);
  }
  lines.push(r.canRun ? 'result      can run' : `result      cannot run${r.missingOps.length ? `: no backend has ${r.missingOps.join(', ')}` : ''}`);
  return lines;
}
