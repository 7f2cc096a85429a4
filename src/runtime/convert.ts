import { extname } from 'node:path';
import { HoduError } from '../errors';
import { formatFor, holdsTensors, loadAnyFile } from '../formats/registry';
import { writeFileAtomic } from '../util/atomic-write';
import { checkWritableFile } from '../util/check-writable';
import { countNodes } from './inspect';

interface ConvertResult {
  kind: 'model' | 'tensors';
  from: string;
  to: string;
  count: number;
  bytes: number;
}

/**
 * Converts between formats of the same kind: a model to a model format (e.g. re-saving an ONNX file),
 * tensors to a tensor format (npy ⇄ npz ⇄ safetensors). The output is written atomically.
 */
export async function convertFile(input: string, output: string): Promise<ConvertResult> {
  // The target's format and path are checked before the input is read: a typo fails at once.
  const target = await formatFor(output);
  checkWritableFile(output);
  const loaded = await loadAnyFile(input);
  let bytes: Uint8Array;
  if (loaded.kind === 'model') {
    if (!target.saveModel || holdsTensors(target, output)) {
      throw new HoduError('E_CONVERT', `${input} is a model; ${extname(output)} (${target.name}) cannot hold a model`, { hint: 'convert models to .onnx' });
    }
    bytes = await target.saveModel(loaded.model, { path: output });
  } else {
    // An .onnx file holds a model: a tensor written there could not be read back as one (use .pb for that).
    if (!target.saveTensors || !holdsTensors(target, output)) {
      const hint = target.name === 'onnx' ? 'write one tensor as .pb (an ONNX TensorProto), or use .npz, .safetensors or .npy' : 'write .npz, .safetensors, .npy or .pb';
      throw new HoduError('E_CONVERT', `${input} holds tensors; ${extname(output)} (${target.name}) ${target.name === 'onnx' ? 'holds a model, not' : 'cannot hold'} tensors`, { hint });
    }
    const single = target.name === 'npy' || target.name === 'onnx';
    if (single && loaded.tensors.size !== 1) {
      throw new HoduError('E_CONVERT', `${input} holds ${loaded.tensors.size} tensors; an ${extname(output)} file holds exactly one`, { hint: 'write .npz or .safetensors instead' });
    }
    bytes = await target.saveTensors(loaded.tensors, { path: output });
  }
  writeFileAtomic(output, bytes);
  // Nodes inside If/Loop bodies count, as in `hodu inspect -O0` (the file as stored).
  const count = loaded.kind === 'model' ? countNodes(loaded.model.graph) : loaded.tensors.size;
  return { kind: loaded.kind, from: input, to: output, count, bytes: bytes.byteLength };
}
