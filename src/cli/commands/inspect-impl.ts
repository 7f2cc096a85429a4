import type { OptLevel } from '../../passes/pipeline';
import { loadAnyFile } from '../../formats/registry';
import { summarizeModel, summarizeTensors, type ModelSummary, type TensorFileSummary } from '../../runtime/inspect';
import { colors } from '../ui/colors';
import { formatBytes, formatCount, formatShape, out, outJson, table } from '../ui/output';

const TOP_INITIALIZERS = 10;

export async function executeInspect(path: string, opts: { json: boolean; initializers: boolean; graph: boolean; optLevel: OptLevel }): Promise<void> {
  const level = opts.optLevel;
  const loaded = await loadAnyFile(path);
  if (loaded.kind === 'tensors') {
    const summary = summarizeTensors(loaded.format, loaded.tensors);
    return opts.json ? outJson({ file: path, ...summary }) : renderTensors(path, summary);
  }
  // With -O1+ the model is shown as it would run (functions inlined, passes applied); -O0 shows the file.
  const model = level > 0 ? (await import('../../runtime/prepare')).prepareModel(loaded.model, level) : loaded.model;
  if (opts.graph) {
    const { printModel } = await import('../../ir/printer');
    return out(printModel(model));
  }
  const summary = summarizeModel(model);
  if (opts.json) return outJson({ file: path, ...summary });
  await renderModel(path, summary, opts.initializers);
}

async function renderModel(path: string, s: ModelSummary, allInitializers: boolean): Promise<void> {
  const c = await colors();
  out(c.bold(path));
  out(table([
    ['producer', s.producer],
    ['ir version', String(s.irVersion)],
    ['opsets', Object.entries(s.opsets).map(([d, v]) => `${d} ${v}`).join(', ')],
    ['nodes', String(s.nodes)],
    ['parameters', `${formatCount(s.parameters)} (${formatBytes(s.parameterBytes)})`],
  ]));
  out();
  out(c.bold('inputs'));
  out(table(s.inputs.map((v) => [v.name, c.cyan(v.dtype), formatShape(v.shape)])) || '  (none)');
  out(c.bold('outputs'));
  out(table(s.outputs.map((v) => [v.name, c.cyan(v.dtype), formatShape(v.shape)])) || '  (none)');
  out();
  out(c.bold('ops'));
  out(table(Object.entries(s.ops).map(([op, n]) => [op, String(n)])) || '  (none)');
  if (s.initializers.length) {
    out();
    const sorted = [...s.initializers].sort((a, b) => b.bytes - a.bytes);
    const shown = allInitializers ? sorted : sorted.slice(0, TOP_INITIALIZERS);
    out(c.bold(allInitializers ? 'initializers' : `largest initializers (${shown.length} of ${sorted.length}; --initializers for all)`));
    out(table(shown.map((i) => [i.name, c.cyan(i.dtype), formatShape(i.shape), formatBytes(i.bytes)])));
  }
  const meta = Object.entries(s.metadata);
  if (meta.length) {
    out();
    out(c.bold('metadata'));
    out(table(meta.map(([k, v]) => [k, v])));
  }
}

async function renderTensors(path: string, s: TensorFileSummary): Promise<void> {
  const c = await colors();
  out(`${c.bold(path)}  ${s.format}, ${s.tensors.length} tensor${s.tensors.length === 1 ? '' : 's'}, ${formatBytes(s.totalBytes)}`);
  out(table(s.tensors.map((t) => [t.name, c.cyan(t.dtype), formatShape(t.shape), formatBytes(t.bytes)])));
}
