import type { Model } from '../../ir/graph';
import type { OptLevel } from '../../passes/pipeline';
import { HoduError } from '../../errors';
import { loadAnyFile } from '../../formats/registry';
import { isBuiltModelPath } from '../../runtime/artifact/detect';
import { countNodes, summarizeModel, summarizeTensors, type ModelSummary } from '../../runtime/inspect';
import { checkWritableFile } from '../../util/check-writable';
import { isSameFile } from '../../util/same-file';
import { colors } from '../ui/colors';
import { formatBytes, formatCount, formatShape, out, outJson, table } from '../ui/output';

const TOP_INITIALIZERS = 10;

export type GraphFormat = 'text' | 'dot' | 'svg';

interface InspectOptions {
  json: boolean;
  initializers: boolean;
  /** --graph FORMAT (a bare --graph is text). */
  graph?: GraphFormat;
  /** -o FILE: where --graph writes. */
  output?: string;
  node?: string;
  shapes: boolean;
  /** --dim NAME=N and --shape NAME=DIMS, as given. */
  dims: string[];
  shapeSpecs: string[];
  stats: boolean;
  values: boolean;
  optLevel: OptLevel;
}

export async function executeInspect(path: string, opts: InspectOptions): Promise<void> {
  checkFlags(path, opts);
  const level = opts.optLevel;
  const graphFlags = [opts.graph && '--graph', opts.initializers && '--initializers', opts.node !== undefined && '--node', opts.shapes && '--shapes'].filter((f): f is string => Boolean(f));
  if (isBuiltModelPath(path)) return (await import('./built-model')).inspectBuiltModel(path, { json: opts.json, graphFlags });
  const loaded = await loadAnyFile(path);
  if (loaded.kind === 'tensors') {
    const modelOnly = [...graphFlags, ...(opts.dims.length ? ['--dim'] : []), ...(opts.shapeSpecs.length ? ['--shape'] : [])];
    if (modelOnly.length) throw new HoduError('E_USAGE', `${modelOnly.join(', ')} ${modelOnly.length > 1 ? 'apply' : 'applies'} to models; ${path} is a tensor file`, { hint: `e.g. hodu inspect ${path} --stats --values` });
    if (opts.stats || opts.values) return (await import('./tensor-file')).inspectTensorFile(path, loaded.format, loaded.tensors, opts);
    const summary = summarizeTensors(loaded.format, loaded.tensors);
    return opts.json ? outJson({ file: path, ...summary }) : (await import('./tensor-file')).renderTensorList(path, summary);
  }
  if (opts.stats || opts.values) {
    throw new HoduError('E_USAGE', `--${opts.stats ? 'stats' : 'values'} applies to tensor files (.npy, .npz, .safetensors, .pb); ${path} is a model`, { hint: 'e.g. hodu inspect outputs.npz --stats; for a model\'s weights: hodu convert model.onnx weights.npz, then inspect that' });
  }
  // With -O1+ the model is shown as it would run (functions inlined, passes applied); -O0 shows the file.
  const prepared = level > 0 ? (await import('../../runtime/prepare')).prepareModel(loaded.model, level) : loaded.model;
  const model = await bindFlagShapes(prepared, opts);
  if (opts.graph) return (await import('./graph')).writeGraph(model, opts.graph, opts.output);
  if (opts.node !== undefined) return (await import('./node')).inspectNode(path, model, opts.node, opts.json);
  if (opts.shapes) return (await import('./shapes')).inspectShapes(path, model, opts.json);
  // The node count of the file itself is what `convert` reports; the summary is of the model as it runs.
  const summary = { ...summarizeModel(model), optLevel: level, nodesInFile: countNodes(loaded.model.graph) };
  if (opts.json) return outJson({ file: path, ...summary });
  await renderModel(path, summary, opts.initializers);
}

/** Flags that cannot go together, refused before anything loads. */
function checkFlags(path: string, opts: InspectOptions): void {
  const views = [opts.graph && '--graph', opts.node !== undefined && '--node', opts.shapes && '--shapes'].filter(Boolean);
  if (views.length > 1) throw new HoduError('E_USAGE', `${views.join(' and ')} cannot be used together`, { hint: 'pick one view per command: --graph, --node NAME or --shapes' });
  if (opts.output !== undefined && !opts.graph) throw new HoduError('E_USAGE', '-o/--output writes the graph: it needs --graph', { hint: 'e.g. hodu inspect model.onnx --graph dot -o model.dot' });
  // A typo in -o must not cost a long SVG drawing first.
  if (opts.output !== undefined) checkWritableFile(opts.output);
  // `-o model.onnx` (or a link to it) would replace the model with its own drawing.
  if (opts.output !== undefined && isSameFile(opts.output, path)) {
    throw new HoduError('E_USAGE', `-o ${opts.output} is the model being inspected: writing the graph there would replace the model`, { hint: `give another file, e.g. hodu inspect ${path} --graph dot -o model.dot` });
  }
  if (opts.node === '') throw new HoduError('E_USAGE', '--node needs a node name', { hint: 'e.g. --node conv1 (`hodu inspect MODEL --graph` lists the nodes)' });
}

/** The model with --dim and --shape applied (nothing to do without them). */
async function bindFlagShapes(model: Model, opts: InspectOptions): Promise<Model> {
  if (!opts.dims.length && !opts.shapeSpecs.length) return model;
  const { parseDimBinding } = await import('../../runtime/dim-bindings');
  const { parseShapeOverride } = await import('../../runtime/shape-spec');
  const { bindShapes } = await import('../../runtime/inspect-values');
  const shapes = new Map(opts.shapeSpecs.map((s) => {
    const { name, dims } = parseShapeOverride(s);
    return [name, dims] as const;
  }));
  return bindShapes(model, { dims: opts.dims.map(parseDimBinding), shapes });
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
