/**
 * `hodu build --dry-run`: the report of src/runtime/dry-run/build.ts (text on stdout, or --json), nothing
 * compiled or written; exit 1 (E_BUILD_UNSUPPORTED) when the backend cannot build the model, the ops listed.
 */
import { HoduError } from '../../errors';
import type { BuildDryRunOptions, BuildDryRunReport } from '../../runtime/dry-run/build';
import { formatBytes, out, outJson } from '../ui/output';

export async function executeBuildDryRun(flags: BuildDryRunOptions & { json: boolean }): Promise<void> {
  const { buildDryRun } = await import('../../runtime/dry-run/build');
  const report = await buildDryRun(flags);
  if (flags.json) outJson(report);
  else for (const line of renderBuildDryRun(report)) out(line);
  if (report.canBuild) return;
  const what = report.partition.error ?? `it has no kernel for ${report.missingOps.join(', ')}`;
  throw new HoduError('E_BUILD_UNSUPPORTED', `backend '${report.backend}' cannot build ${report.model}: ${what}`, {
    hint: `\`hodu run --backend ${report.backend}\` still runs it (those nodes on the interp); a built model must run entirely on its backend`,
  });
}

function renderBuildDryRun(r: BuildDryRunReport): string[] {
  const lines = [`dry run of hodu build ${r.model} → ${r.output} (nothing compiled or written)`];
  lines.push(`format      ${r.format.name} (${r.format.source} format plugin ${r.format.name} ${r.format.version})`);
  lines.push(`artifact    ${r.artifact.format} for ${r.artifact.target}`);
  lines.push(`inputs      ${r.inputs.map((i) => `${i.name} [${i.shape.join(',')}]`).join(', ') || '(none)'}`);
  const changes = r.passes.changed.map((c) => `${c.pass} (-${c.removed} +${c.added} nodes${c.weightsRemoved || c.weightsAdded ? `, -${c.weightsRemoved} +${c.weightsAdded} weights` : ''})`);
  lines.push(`passes      -O${r.passes.optLevel}: ${changes.length ? `${changes.length} would change the graph: ${changes.join(', ')}` : `none of ${r.passes.ran.length} would change the graph`}`);
  lines.push(`backend     ${r.backend} (builds the artifact; device ${r.device}, default threads ${r.threads || "the machine's cores"})`);
  const p = r.partition;
  if (p.error) lines.push(`partition   cannot plan: ${p.error.split('\n')[0]}`);
  else lines.push(`partition   every one of ${p.steps} planned steps on ${p.backend}${p.missing.length ? `, except ${p.missing.length} op${p.missing.length === 1 ? '' : 's'} it has no kernel for:` : ''}`);
  for (const m of p.missing) lines.push(`  ${m.op}: ${m.nodes.slice(0, 5).join(', ')}${m.nodes.length > 5 ? `, … ${m.nodes.length - 5} more` : ''}`);
  if (r.memory) lines.push(`memory      arena ${formatBytes(r.memory.arena)} (intermediates, planned), weights ${formatBytes(r.memory.weights)}, inputs ${formatBytes(r.memory.inputs)}, outputs ${formatBytes(r.memory.outputs)}`);
  lines.push(`cache       ${r.cache.applies}: ${r.cache.state} (key ${r.cache.key?.slice(0, 16)}…) — ${r.cache.detail}`);
  lines.push('candidates');
  for (const c of r.candidates) lines.push(`  ${c.name} (${[c.source, c.priority !== undefined ? `priority ${c.priority}` : ''].filter(Boolean).join(', ')}): ${c.status === 'chosen' ? 'builds it' : `not used — ${c.reason}`}`);
  lines.push(r.canBuild ? 'result      can build' : `result      cannot build${r.missingOps.length ? `: ${r.backend} has no kernel for ${r.missingOps.join(', ')}` : ''}`);
  return lines;
}
