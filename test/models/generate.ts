/**
 * Writes the generated test models (deterministic, seeded weights; float32, opset 17, IR 8).
 *   bun test/models/generate.ts             → test/models/out/*.onnx
 *   bun test/models/generate.ts --examples  → also examples/mlp.onnx (the bundled demo model)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { encodeModel } from '../../src/formats/onnx/encode';
import type { Model } from '../../src/ir/graph';
import { buildMlp } from './mlp';
import { buildMobilenet } from './mobilenet';
import { buildResnet } from './resnet';
import { buildGru, buildLstm } from './rnn';
import { buildTransformer } from './transformer';

export const MODELS: Record<string, () => Model> = {
  'mlp.onnx': buildMlp,
  'resnet.onnx': buildResnet,
  'mobilenet.onnx': buildMobilenet,
  'transformer.onnx': buildTransformer,
  'lstm.onnx': buildLstm,
  'gru.onnx': buildGru,
};

/** Writes every model into `outDir` and returns the written paths. */
export async function generateModels(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const paths: string[] = [];
  for (const [file, build] of Object.entries(MODELS)) {
    const path = join(outDir, file);
    writeFileSync(path, encodeModel(build()));
    paths.push(path);
  }
  return paths;
}

if (import.meta.main) {
  const root = resolve(import.meta.dir, '..', '..');
  const written = await generateModels(join(root, 'test', 'models', 'out'));
  if (process.argv.includes('--examples')) {
    const demo = join(root, 'examples', 'mlp.onnx');
    mkdirSync(join(root, 'examples'), { recursive: true });
    writeFileSync(demo, encodeModel(buildMlp()));
    written.push(demo);
  }
  for (const p of written) console.log(p);
}
