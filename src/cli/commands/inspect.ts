import { defineHoduCommand } from '../command';
import { jsonArg, optArgs, parseOptLevel } from '../shared-args';

export default defineHoduCommand({
  meta: { name: 'inspect', description: 'Show a model (inputs, outputs, ops, parameters) or a tensor file' },
  args: {
    file: { type: 'positional', description: 'Model (.onnx, or a .so written by `hodu build`) or tensor file (.npy, .npz, .safetensors, .pb)', required: true },
    initializers: { type: 'boolean', description: 'List every weight (initializers and Constant node tensors) with its size', default: false },
    graph: { type: 'boolean', description: 'Print the whole graph in hodu\'s IR text form', default: false },
    ...optArgs(),
    ...jsonArg,
  },
  examples: ['hodu inspect model.onnx', 'hodu inspect model.onnx --json', 'hodu inspect model.onnx --graph', 'hodu inspect model.onnx --graph -O2', 'hodu inspect weights.safetensors'],
  async run({ args }) {
    const { executeInspect } = await import('../inspect/execute');
    await executeInspect(args.file, { json: Boolean(args.json), initializers: Boolean(args.initializers), graph: Boolean(args.graph), optLevel: parseOptLevel(args['opt-level']) });
  },
});
