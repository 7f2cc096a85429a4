import type { OptLevel } from '../../passes/pipeline';
import { loadAnyFile } from '../../formats/registry';
import { isBuiltModelPath } from '../../runtime/artifact/detect';
import { countNodes, summarizeModel, summarizeTensors, type ModelSummary, type TensorFileSummary } from '../../runtime/inspect';
import { colors } from '../ui/colors';
import { formatBytes, formatCount, formatShape, out, outJson, table } from '../ui/output';

const TOP_INITIALIZERS = 10;

export async function executeInspect(path: string, opts: { json: boolean; initializers: boolean; graph: boolean; optLevel: OptLevel }): Promise<void> {
  const level = opts.optLevel;
  if (isBuiltModelPath(path)) return (await import('./built-model')).inspectBuiltModel(path, opts);
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
  // The node count of the file itself is what `convert` reports; the summary is of the model as it runs.
  const summary = { ...summarizeModel(model), optLevel: level, nodesInFile: countNodes(loaded.model.graph) };
  if (opts.json) return outJson({ file: path, ...summary });
  await renderModel(path, summary, opts.initializers);
}

async function renderModel(path: string, s: ModelSummary & { optLevel: OptLevel; nodesInFile: number }, allInitializers: boolean): Promise<void> {
  const c = await colors();
  out(c.bold(path));
  const tensors = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  out(table([
    ['producer', s.producer],
    ['ir version', String(s.irVersion)],
    ['opsets', Object.entries(s.opsets).map(([d, v]) => `${d} ${v}`).join(', ')],
    ['optimized', s.optLevel > 0 ? `-O${s.optLevel}, as \`hodu run\` runs it (-O0 shows the file as stored)` : '-O0 (the file as stored)'],
    ['nodes', s.nodes === s.nodesInFile ? String(s.nodes) : `${s.nodes} (${s.nodesInFile} in the file)`],
    ['parameters', `${formatCount(s.parameters)} elements, ${formatBytes(s.parameterBytes)}, in ${tensors(s.initializers.length, 'initializer')} + ${tensors(s.constants.length, 'Constant node')}`],
  ]));
  out();
  out(c.bold('inputs'));
  out(table(s.inputs.map((v) => [v.name, c.cyan(v.dtype), formatShape(v.shape)])) || '  (none)');
  out(c.bold('outputs'));
  out(table(s.outputs.map((v) => [v.name, c.cyan(v.dtype), formatShape(v.shape)])) || '  (none)');
  out();
  out(c.bold('ops'));
  out(table(Object.entries(s.ops).map(([op, n]) => [op, String(n)])) || '  (none)');
  const weights = [...s.initializers.map((w) => ({ ...w, kind: 'initializer' })), ...s.constants.map((w) => ({ ...w, kind: 'Constant' }))];
  if (weights.length) {
    out();
    const sorted = weights.sort((a, b) => b.bytes - a.bytes);
    const shown = allInitializers ? sorted : sorted.slice(0, TOP_INITIALIZERS);
    out(c.bold(allInitializers ? 'weights' : `largest weights (${shown.length} of ${sorted.length}; --initializers for all)`));
    out(table(shown.map((i) => [i.name, c.cyan(i.dtype), formatShape(i.shape), formatBytes(i.bytes), c.dim(i.kind)])));
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
