/**
 * `hodu inspect M --graph [text|dot|svg] [-o FILE]`: the IR text form (src/ir/printer.ts), a Graphviz
 * digraph with the inferred shapes on its edges (src/runtime/graph-render/dot.ts), or that digraph drawn as
 * SVG by Graphviz's `dot` (graph-render/svg.ts). To stdout, or written atomically to FILE: an interrupted
 * drawing never leaves half a file where the last one was.
 */
import type { Model } from '../../ir/graph';
import { writeFileAtomic } from '../../util/atomic-write';
import { err, out } from '../ui/output';
import type { GraphFormat } from './execute';

export async function writeGraph(model: Model, format: GraphFormat, output: string | undefined): Promise<void> {
  const text = await graphText(model, format);
  if (output === undefined) return out(text.endsWith('\n') ? text.slice(0, -1) : text);
  writeFileAtomic(output, text.endsWith('\n') ? text : `${text}\n`);
  err(`wrote ${output} (${format}, ${model.graph.nodes.length} top-level node${model.graph.nodes.length === 1 ? '' : 's'})`);
}

async function graphText(model: Model, format: GraphFormat): Promise<string> {
  if (format === 'text') return (await import('../../ir/printer')).printModel(model);
  const { renderDot } = await import('../../runtime/graph-render/dot');
  const { inferModelValues } = await import('../../runtime/inspect-values');
  const dot = renderDot(model, inferModelValues(model));
  return format === 'dot' ? dot : (await import('../../runtime/graph-render/svg')).dotToSvg(dot);
}
