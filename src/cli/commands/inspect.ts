import { defineHoduCommand } from '../command';
import { jsonArg, optArgs, parseOptLevel } from '../shared-args';
import type { GraphFormat } from '../inspect/execute';
import { HoduError } from '../../errors';

const GRAPH_FORMATS = ['text', 'dot', 'svg'] as const;

export default defineHoduCommand({
  meta: { name: 'inspect', description: 'Show a model (inputs, outputs, ops, parameters) or a tensor file' },
  args: {
    file: { type: 'positional', description: 'Model (.onnx, or a .so written by `hodu build`) or tensor file (.npy, .npz, .safetensors, .pb)', required: true },
    initializers: { type: 'boolean', description: 'List every weight (initializers and Constant node tensors) with its size', default: false },
    graph: { type: 'string', description: "Print the whole graph: text (hodu's IR text form; also a bare --graph), dot (Graphviz digraph with inferred shapes on the edges) or svg (drawn by Graphviz's dot, which must be installed)", valueHint: GRAPH_FORMATS.join('|') },
    output: { type: 'string', alias: 'o', description: 'With --graph: write it to FILE (atomically) instead of stdout', valueHint: 'file' },
    node: { type: 'string', description: 'Show one node (by name, or by the name of a value it makes): attributes, inputs and outputs with inferred dtypes and shapes, producers and consumers', valueHint: 'name' },
    shapes: { type: 'boolean', description: "List every value's inferred dtype and shape (after shape inference; with --dim and --shape)", default: false },
    dim: { type: 'string', description: 'With --shapes, --node or --graph: set a symbolic input dim by name: batch=1; repeatable', valueHint: 'spec' },
    shape: { type: 'string', description: 'With --shapes, --node or --graph: set an input shape: NAME=1x3x224x224; repeatable (wins over --dim for that input)', valueHint: 'spec' },
    stats: { type: 'boolean', description: 'For a tensor file: min, max, mean, std (over finite elements), NaN and Inf counts of each tensor', default: false },
    values: { type: 'boolean', description: 'For a tensor file: a preview of each tensor\'s values (numpy style)', default: false },
    ...optArgs(),
    ...jsonArg,
  },
  bareValues: { graph: 'text' },
  examples: [
    'hodu inspect model.onnx',
    'hodu inspect model.onnx --json',
    'hodu inspect model.onnx --graph',
    'hodu inspect model.onnx --graph -O0',
    'hodu inspect model.onnx --graph dot -o model.dot',
    'hodu inspect model.onnx --graph svg -o model.svg',
    'hodu inspect model.onnx --node conv1',
    'hodu inspect model.onnx --shapes --dim batch=1',
    'hodu inspect weights.safetensors',
    'hodu inspect outputs.npz --stats --values',
  ],
  async run({ args }) {
    const graph = args.graph === undefined ? undefined : String(args.graph);
    if (graph !== undefined && !(GRAPH_FORMATS as readonly string[]).includes(graph)) {
      throw new HoduError('E_USAGE', `--graph must be text, dot or svg, got '${graph}'`, { hint: 'e.g. --graph dot -o model.dot (a bare --graph is text)' });
    }
    const { executeInspect } = await import('../inspect/execute');
    await executeInspect(args.file, {
      json: Boolean(args.json),
      initializers: Boolean(args.initializers),
      graph: graph as GraphFormat | undefined,
      output: args.output === undefined ? undefined : String(args.output),
      node: args.node === undefined ? undefined : String(args.node),
      shapes: Boolean(args.shapes),
      dims: list(args.dim),
      shapeSpecs: list(args.shape),
      stats: Boolean(args.stats),
      values: Boolean(args.values),
      optLevel: parseOptLevel(args['opt-level']),
    });
  },
});

function list(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}
