/** `hodu inspect M --node NAME`: one node (src/runtime/inspect-node.ts), as a table or `--json`. */
import type { Model } from '../../ir/graph';
import { describeNode, type NodeReport, type TensorSummary, type ValueEnd } from '../../runtime/inspect-node';
import { inferModelValues } from '../../runtime/inspect-values';
import { colors } from '../ui/colors';
import { out, outJson, table } from '../ui/output';

export async function inspectNode(path: string, model: Model, name: string, json: boolean): Promise<void> {
  const report = describeNode(model, inferModelValues(model), name);
  if (json) return outJson({ file: path, node: report });
  const c = await colors();
  out(`${c.bold(report.op)} ${report.name}`);
  out(table([
    ['domain', report.domain],
    ['graph', report.graph],
  ]));
  const attrs = Object.entries(report.attributes);
  out();
  out(c.bold('attributes'));
  out(attrs.length ? table(attrs.map(([k, v]) => [k, formatAttribute(v)])) : '  (none)');
  out();
  out(c.bold('inputs'));
  out(report.inputs.length ? table(report.inputs.map((v, i) => [String(i), v.name || c.dim('(omitted)'), c.cyan(v.type), v.from ? `from ${formatEnd(v.from, report.graph)}` : ''])) : '  (none)');
  out();
  out(c.bold('outputs'));
  out(report.outputs.length ? table(report.outputs.map((v, i) => [String(i), v.name || c.dim('(unused)'), c.cyan(v.type), consumers(v, report.graph)])) : '  (none)');
}

function consumers(v: NodeReport['outputs'][number], here: string): string {
  if (!v.name) return '';
  return v.to.length ? `to ${v.to.map((e) => formatEnd(e, here)).join(', ')}` : 'read by nothing';
}

function formatEnd(e: ValueEnd, here: string): string {
  const where = 'graph' in e && e.graph !== here ? ` (in ${e.graph})` : '';
  switch (e.kind) {
    case 'node':
      return `${e.op} ${e.node}${where}`;
    case 'input':
      return `graph input${where}`;
    case 'output':
      return `graph output${where}`;
    case 'initializer':
      return `initializer${where}`;
    case 'undefined':
      return 'nothing (undefined in the model)';
  }
}

function formatAttribute(v: unknown): string {
  if (isTensorSummary(v)) return formatTensor(v);
  if (Array.isArray(v) && v.every(isTensorSummary)) return v.map(formatTensor).join('; ');
  if (v && typeof v === 'object' && 'graph' in v) {
    const g = v as { graph: string; nodes: number };
    return `graph ${g.graph} (${g.nodes} node${g.nodes === 1 ? '' : 's'})`;
  }
  return JSON.stringify(v);
}

function isTensorSummary(v: unknown): v is TensorSummary {
  return Boolean(v) && typeof v === 'object' && 'tensor' in (v as object);
}

function formatTensor(t: TensorSummary): string {
  const values = `[${t.values.map(String).join(', ')}${t.stats ? ', …' : ''}]`;
  if (!t.stats) return `${t.tensor} ${values}`;
  const s = t.stats;
  const num = (x: number | null) => (x === null ? '-' : String(Number(x.toPrecision(6))));
  return `${t.tensor} ${values} min ${num(s.min)} max ${num(s.max)} mean ${num(s.mean)}${s.nan ? ` nan ${s.nan}` : ''}${s.inf ? ` inf ${s.inf}` : ''}`;
}
