import { HoduError } from '../../errors';
import { defineHoduCommand } from '../command';
import { jsonArg, parseOptLevel } from '../shared-args';

export default defineHoduCommand({
  meta: { name: 'convert', description: 'Convert a model or tensor file to another format (by extension); extract weights, upgrade the opset' },
  args: {
    input: { type: 'positional', description: 'Model (.onnx) or tensor file (.npy, .npz, .safetensors, .pb)', required: true },
    output: { type: 'positional', description: 'Output file; its extension picks the format (a model to .npz/.safetensors writes its weights)', required: true },
    opset: { type: 'string', description: 'Upgrade the model to this ai.onnx opset (mechanical rewrites only; see docs/convert.md)', valueHint: 'N' },
    // No default: without -O the model is saved as it was read (the pipeline's default of 2 is for run/inspect).
    'opt-level': { type: 'string', alias: 'O', description: 'Apply hodu\'s graph optimizations of this level (as `hodu run -O N`) before saving', valueHint: 'level' },
    'external-data': { type: 'boolean', description: 'Write initializers and Constant tensors of 1 KiB or more to OUTPUT.data (ONNX external data)', default: false },
    ...jsonArg,
  },
  examples: [
    'hodu convert weights.npz weights.safetensors',
    'hodu convert model.onnx weights.safetensors',
    'hodu convert model.onnx model-18.onnx --opset 18',
    'hodu convert model.onnx small.onnx -O2',
    'hodu convert model.onnx out.onnx --external-data',
    'hodu convert model.onnx resaved.onnx',
  ],
  async run({ args }) {
    const { convertFile } = await import('../../runtime/convert');
    const { err, formatBytes, outJson } = await import('../ui/output');
    const r = await convertFile(args.input, args.output, {
      opset: args.opset === undefined ? undefined : parseOpset(args.opset),
      optLevel: args['opt-level'] === undefined ? undefined : parseOptLevel(args['opt-level']),
      externalData: Boolean(args['external-data']),
    });
    if (args.json) return outJson(r);
    const what = r.kind === 'model' ? `${r.count} nodes` : `${r.count} ${r.kind === 'weights' ? 'weight' : 'tensor'}${r.count === 1 ? '' : 's'}`;
    err(`wrote ${r.to} (${what}, ${formatBytes(r.bytes)})`);
    if (r.opset) err(`opset ${r.opset.from} → ${r.opset.to}: ${r.opset.rewritten.length} node${r.opset.rewritten.length === 1 ? '' : 's'} rewritten, ${r.opset.addedNodes} added`);
    if (r.externalData && !r.externalData.tensors) err(`no tensor reaches ${r.externalData.thresholdBytes} bytes: everything stays in ${r.to}, no ${r.externalData.file} written`);
    else if (r.externalData) err(`wrote ${r.externalData.file} (${r.externalData.tensors} tensors of ≥ ${r.externalData.thresholdBytes} bytes, ${formatBytes(r.externalData.bytes)})`);
  },
});

function parseOpset(text: string): number {
  if (!/^[0-9]{1,3}$/.test(text) || Number(text) < 1) {
    throw new HoduError('E_USAGE', `--opset must be an opset number, got '${text}'`, { hint: 'e.g. --opset 18' });
  }
  return Number(text);
}
