import { defineHoduCommand } from '../command';
import { jsonArg } from '../shared-args';

export default defineHoduCommand({
  meta: { name: 'convert', description: 'Convert a model or tensor file to another format (by extension)' },
  args: {
    input: { type: 'positional', description: 'Model (.onnx) or tensor file (.npy, .npz, .safetensors, .pb)', required: true },
    output: { type: 'positional', description: 'Output file; its extension picks the format', required: true },
    ...jsonArg,
  },
  examples: ['hodu convert weights.npz weights.safetensors', 'hodu convert model.safetensors model.npz', 'hodu convert model.onnx resaved.onnx'],
  async run({ args }) {
    const { convertFile } = await import('../../runtime/convert');
    const { err, formatBytes, outJson } = await import('../ui/output');
    const r = await convertFile(args.input, args.output);
    if (args.json) return outJson(r);
    err(`wrote ${r.to} (${r.kind === 'model' ? `${r.count} nodes` : `${r.count} tensor${r.count === 1 ? '' : 's'}`}, ${formatBytes(r.bytes)})`);
  },
});
