import { extname } from 'node:path';
import { HoduError } from '../errors';
import type { OpsetUpgradeReport } from '../convert/opset/upgrade';
import { formatFor, holdsTensors, loadAnyFile } from '../formats/registry';
import type { OptLevel } from '../passes/pass';
import type { TensorMap } from '../sdk/format';
import { writeFileAtomic, writeFilesAtomic } from '../util/atomic-write';
import { checkWritableFile } from '../util/check-writable';
import type { ExtractedWeight } from './convert-weights';
import type { ModelConvertOptions } from './convert-model';
import { countNodes } from './inspect';

interface ConvertResult {
  kind: 'model' | 'tensors' | 'weights';
  from: string;
  to: string;
  count: number;
  bytes: number;
  /** --opset: what the upgrade did. */
  opset?: OpsetUpgradeReport;
  optLevel?: OptLevel;
  /** --external-data: the side file (not written when no tensor reaches the threshold: tensors 0). */
  externalData?: { file: string; tensors: number; bytes: number; thresholdBytes: number };
  /** model → tensor file: each weight and where it came from. */
  weights?: ExtractedWeight[];
}

/**
 * Converts between formats: a model to a model format (re-saving an ONNX file, optionally upgraded, optimized
 * or with external data), a model to a tensor file (its weights), tensors to a tensor format
 * (npy ⇄ npz ⇄ safetensors). Outputs are written atomically.
 */
export async function convertFile(input: string, output: string, options: ModelConvertOptions = {}): Promise<ConvertResult> {
  // The target's format and path are checked before the input is read: a typo fails at once.
  const target = await formatFor(output);
  checkWritableFile(output);
  const modelFlags = [options.opset !== undefined && '--opset', options.optLevel !== undefined && '-O', options.externalData && '--external-data'].filter(Boolean);
  const loaded = await loadAnyFile(input);
  if (loaded.kind === 'model' && !holdsTensors(target, output) && target.saveModel) {
    if (options.externalData && target.name !== 'onnx') throw new HoduError('E_USAGE', '--external-data writes ONNX external data; the output must be .onnx', { hint: 'hodu convert model.onnx out.onnx --external-data' });
    const { encodeConverted, transformModel } = await import('./convert-model');
    const r = transformModel(loaded.model, options);
    const enc = target.name === 'onnx' ? await encodeConverted(r.model, output, Boolean(options.externalData)) : { bytes: await target.saveModel(r.model, { path: output }) };
    // The side file and the model together: a failed write leaves neither replaced (a model beside data it does not describe).
    writeFilesAtomic([...(enc.data?.tensors ? [[enc.data.file, enc.data.bytes] as const] : []), [output, enc.bytes] as const]);
    const { EXTERNAL_THRESHOLD } = await import('../formats/onnx/encode-external');
    const externalData = enc.data && { file: enc.data.file, tensors: enc.data.tensors, bytes: enc.data.bytes.byteLength, thresholdBytes: EXTERNAL_THRESHOLD };
    // Nodes inside If/Loop bodies count, as in `hodu inspect -O0` (the file as stored).
    return { kind: 'model', from: input, to: output, count: countNodes(r.model.graph), bytes: enc.bytes.byteLength, opset: r.opset, optLevel: r.optLevel, externalData };
  }
  if (loaded.kind === 'model') {
    if (options.opset !== undefined || options.externalData) {
      throw new HoduError('E_USAGE', `${modelFlags.join(' and ')} apply when writing a model (.onnx), not weights`, { hint: 'hodu convert model.onnx out.onnx --opset 18' });
    }
    const { extractWeights } = await import('./convert-weights');
    let model = loaded.model;
    if (options.optLevel !== undefined) model = (await import('../passes/pipeline')).optimize(model, options.optLevel);
    const { tensors, weights } = extractWeights(model);
    if (!tensors.size) throw new HoduError('E_CONVERT', `${input} has no weights (no initializers and no Constant nodes) to write to ${output}`, { hint: 'to re-save the model, write .onnx' });
    const bytes = await saveTensors(target, tensors, input, output);
    return { kind: 'weights', from: input, to: output, count: tensors.size, bytes: bytes.byteLength, weights };
  }
  if (modelFlags.length) {
    throw new HoduError('E_USAGE', `${modelFlags.join(' and ')} ${modelFlags.length > 1 ? 'apply' : 'applies'} to models; ${input} holds tensors`, { hint: 'a tensor file converts as is (hodu convert in.npz out.safetensors); --opset, -O and --external-data act on a .onnx model' });
  }
  const bytes = await saveTensors(target, loaded.tensors, input, output);
  return { kind: 'tensors', from: input, to: output, count: loaded.tensors.size, bytes: bytes.byteLength };
}

async function saveTensors(target: Awaited<ReturnType<typeof formatFor>>, tensors: TensorMap, input: string, output: string): Promise<Uint8Array> {
  // An .onnx file holds a model: a tensor written there could not be read back as one (use .pb for that).
  if (!target.saveTensors || !holdsTensors(target, output)) {
    const hint = target.name === 'onnx' ? 'write one tensor as .pb (an ONNX TensorProto), or use .npz, .safetensors or .npy' : 'write .npz, .safetensors, .npy or .pb';
    throw new HoduError('E_CONVERT', `${input} holds tensors; ${extname(output)} (${target.name}) ${target.name === 'onnx' ? 'holds a model, not' : 'cannot hold'} tensors`, { hint });
  }
  const single = target.name === 'npy' || target.name === 'onnx';
  if (single && tensors.size !== 1) {
    throw new HoduError('E_CONVERT', `${input} holds ${tensors.size} tensors; a ${extname(output)} file holds exactly one`, { hint: 'write .npz or .safetensors instead' });
  }
  const bytes = await target.saveTensors(tensors, { path: output });
  writeFileAtomic(output, bytes);
  return bytes;
}
