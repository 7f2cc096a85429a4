/** Runs one real model on hodu (the interp in process, or backend-cpu through the binary) and on onnxruntime-node with the same seeded inputs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { decodeModel } from '../../src/formats/onnx/decode';
import { loadNpz } from '../../src/formats/npz/index';
import { feedInputs, type Model } from '../../src/ir/graph';
import { fromNumbers, type Tensor, toNumbers } from '../../src/ir/tensor';
import { prepareModel } from '../../src/runtime/prepare';
import { runModel } from '../../src/runtime/run-model';
import { mulberry32 } from '../../src/util/prng';
import { hodu, requireBinary, tempDir, writeNpzFile } from '../e2e/hodu';
import { REAL_MODELS_DIR, type RealModel } from './models';

export const RTOL = 1e-3;
export const ATOL = 1e-4;

export interface Comparison {
  file: string;
  outputs: number;
  maxAbsDiff: number;
  mismatch?: string;
}

/** A real model's inputs: its listed shapes (the bench passes its own) and fixed values, else uniform [-1,1) from seed 7 (the bench uses the same). */
export function realModelFeeds(m: RealModel, model: Model, shapes = m.shapes): Map<string, Tensor> {
  const rand = mulberry32(7);
  const feeds = new Map<string, Tensor>();
  for (const info of feedInputs(model.graph)) {
    const t = info.type;
    if (!t || t.kind !== 'tensor') throw new Error(`${m.file}: input ${info.name} is not a tensor`);
    const dims = shapes?.[info.name] ?? (t.shape ?? []).map((d) => (typeof d === 'number' ? d : 1));
    const n = dims.reduce((a, b) => a * b, 1);
    feeds.set(info.name, fromNumbers(t.dtype, dims, m.values?.[info.name] ?? Array.from({ length: n }, () => rand() * 2 - 1)));
  }
  return feeds;
}

/** Which hodu runs the model: the interp in this process, or the compiled binary on backend-cpu (`hodu run --backend cpu`, npz in and out). */
export type RealModelRunner = 'interp' | 'cpu';

async function runOnBinary(path: string, feeds: Map<string, Tensor>, optLevel: number): Promise<Map<string, Tensor>> {
  requireBinary();
  const { dir, cleanup } = tempDir('hodu-real-');
  try {
    const input = await writeNpzFile(join(dir, 'inputs.npz'), feeds);
    const output = join(dir, 'outputs.npz');
    const r = hodu(['run', path, '--input', input, '--output', output, '--backend', 'cpu', `-O${optLevel}`]);
    if (r.code !== 0) throw new Error(`hodu run --backend cpu exited ${r.code}: ${r.stderr}`);
    return await loadNpz(readFileSync(output), output);
  } finally {
    cleanup();
  }
}

export async function compareRealModel(m: RealModel, runner: RealModelRunner, optLevel: 0 | 1 | 2 | 3 = 0): Promise<Comparison> {
  const path = join(REAL_MODELS_DIR, m.file);
  const model = decodeModel(readFileSync(path), { path });
  const feeds = realModelFeeds(m, model);
  const session = await ort.InferenceSession.create(path);
  const ortFeeds = Object.fromEntries([...feeds].map(([k, v]) => [k, new ort.Tensor(v.dtype as 'float32', v.data as Float32Array, [...v.dims])]));
  const ours = runner === 'cpu'
    ? await runOnBinary(path, feeds, optLevel)
    : (await runModel(prepareModel(model, optLevel), new Map(feeds), { backend: 'interp' })).outputs;
  const theirs = await session.run(ortFeeds);
  let maxAbsDiff = 0;
  let mismatch: string | undefined;
  for (const name of session.outputNames) {
    const a = ours.get(name) as Tensor | undefined;
    const b = theirs[name]!;
    if (!a) {
      mismatch ??= `${name}: missing`;
      continue;
    }
    if (a.dims.join() !== b.dims.join()) mismatch ??= `${name}: shape [${a.dims}] vs onnxruntime [${b.dims}]`;
    const x = toNumbers(a);
    const y = Array.from(b.data as ArrayLike<number | bigint>, Number);
    for (let i = 0; i < y.length; i++) {
      const d = Math.abs(x[i]! - y[i]!);
      maxAbsDiff = Math.max(maxAbsDiff, d);
      if (!(d <= ATOL + RTOL * Math.abs(y[i]!))) mismatch ??= `${name}[${i}]: hodu ${x[i]} vs onnxruntime ${y[i]}`;
    }
  }
  return { file: m.file, outputs: session.outputNames.length, maxAbsDiff, mismatch };
}
