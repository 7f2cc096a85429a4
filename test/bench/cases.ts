/**
 * What `npm run bench` measures: the generated models (test/models/generate.ts), MatMul 1024³, a 3×3 conv
 * 64ch@56², a BERT-style encoder (test/models/bert.ts), and the real models under .cache/real-models when
 * fetched (test/realmodels/fetch.sh), each with seeded inputs that hodu and onnxruntime are both given; and
 * float16 twins (float16-twin.ts) of the MobileNet-style model and of the PP-OCR classifier, so that the bench
 * shows float16 against onnxruntime on the same model as float32.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeModel } from '../../src/formats/onnx/decode';
import { feedInputs, type Model } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';
import { randomTensor } from '../../src/runtime/bind-inputs';
import { mulberry32 } from '../../src/util/prng';
import { buildModel, writeModelFile } from '../e2e/hodu';
import { generateModels } from '../models/generate';
import { BERT_BENCH, bertFeeds, buildBertBench } from '../models/bert';
import { encodeModel } from '../../src/formats/onnx/encode';
import { writeFileSync } from 'node:fs';
import { REAL_MODELS, REAL_MODELS_DIR, realModelFetched, realModelsAvailable, type RealModel } from '../realmodels/models';
import { realModelFeeds } from '../realmodels/compare';
import { float16Twin } from './float16-twin';

export interface BenchCase {
  name: string;
  path: string;
  /** Extra work to report, e.g. the FLOPs of MatMul 1024³ for GFLOP/s. */
  flops?: number;
  feeds(model: Model): Map<string, Tensor>;
}

const tensor = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });

function matmulModel(dir: string, n: number): string {
  return writeModelFile(join(dir, `matmul-${n}.onnx`), buildModel({
    nodes: [{ name: 'mm', op: 'MatMul', domain: '', inputs: ['a', 'b'], outputs: ['c'], attributes: {} }],
    inputs: [{ name: 'a', type: tensor([n, n]) }, { name: 'b', type: tensor([n, n]) }],
    outputs: [{ name: 'c', type: tensor([n, n]) }],
  }));
}

function conv3x3Model(dir: string): string {
  const w = randomTensor('float32', [64, 64, 3, 3], mulberry32(3));
  return writeModelFile(join(dir, 'conv3x3-64ch-56.onnx'), buildModel({
    nodes: [{ name: 'conv', op: 'Conv', domain: '', inputs: ['x', 'w'], outputs: ['y'], attributes: { pads: { type: 'ints', value: [1, 1, 1, 1] } } }],
    inputs: [{ name: 'x', type: tensor([1, 64, 56, 56]) }],
    outputs: [{ name: 'y', type: tensor([1, 64, 56, 56]) }],
    initializers: new Map([['w', w]]),
  }));
}

/** Uniform [0,1) inputs (seed 1) at the model's shapes, symbolic dims as 1: what the generated models take. */
function randomFeeds(model: Model): Map<string, Tensor> {
  const rand = mulberry32(1);
  const feeds = new Map<string, Tensor>();
  for (const v of feedInputs(model.graph)) {
    const t = v.type;
    if (!t || t.kind !== 'tensor' || !t.shape) throw new Error(`input ${v.name} has no static type`);
    feeds.set(v.name, randomTensor(t.dtype, t.shape.map((d) => (typeof d === 'number' ? d : 1)), rand));
  }
  return feeds;
}

/** A real model's inputs as the real-model comparison makes them, at the bench's shapes where the model lists them. */
function realFeeds(m: RealModel): (model: Model) => Map<string, Tensor> {
  return (model) => realModelFeeds(m, model, m.benchShapes ?? m.shapes);
}

/** The real models that get a float16 row next to their float32 one. */
const FLOAT16_REAL = new Set(['ch_ppocr_mobile_v2.0_cls_infer.onnx']);

/** Writes the float16 twin of the model at `path` into `dir`; returns its path. */
function writeFloat16Twin(dir: string, path: string): string {
  const twin = join(dir, path.split('/').pop()!.replace(/\.onnx$/, '.float16.onnx'));
  writeFileSync(twin, encodeModel(float16Twin(decodeModel(readFileSync(path), { path }))));
  return twin;
}

export async function benchCases(dir: string, opts: { real: boolean }): Promise<BenchCase[]> {
  const generated = (await generateModels(join(dir, 'models'))).map((path) => ({ name: path.split('/').pop()!, path, feeds: randomFeeds }));
  writeFileSync(join(dir, 'bert-bench.onnx'), encodeModel(buildBertBench()));
  const mobilenet = generated.find((c) => c.name === 'mobilenet.onnx')!;
  const cases: BenchCase[] = [
    ...generated,
    { name: 'mobilenet.onnx float16', path: writeFloat16Twin(dir, mobilenet.path), feeds: randomFeeds },
    { name: 'MatMul 1024³', path: matmulModel(dir, 1024), flops: 2 * 1024 ** 3, feeds: randomFeeds },
    { name: 'Conv 3×3 64ch@56²', path: conv3x3Model(dir), flops: 2 * 64 * 64 * 9 * 56 * 56, feeds: randomFeeds },
    // A PyTorch-style BERT export (test/models/bert.ts: run-time shape chains, decomposed LayerNorm/GELU), 4×256, sequence 128.
    { name: 'bert-style 4×256 seq 128', path: join(dir, 'bert-bench.onnx'), feeds: () => bertFeeds(1, 128, 16, 5, BERT_BENCH.vocab) },
  ];
  if (opts.real && realModelsAvailable()) {
    for (const m of REAL_MODELS.filter(realModelFetched)) {
      const path = join(REAL_MODELS_DIR, m.file);
      cases.push({ name: m.file, path, feeds: realFeeds(m) });
      if (FLOAT16_REAL.has(m.file)) cases.push({ name: `${m.file} float16`, path: writeFloat16Twin(dir, path), feeds: realFeeds(m) });
    }
  }
  return cases;
}

export function decodeCase(c: BenchCase): Model {
  return decodeModel(readFileSync(c.path), { path: c.path });
}
