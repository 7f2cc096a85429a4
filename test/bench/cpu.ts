/**
 * `bun test/bench/cpu.ts [--runs N] [--filter REGEX]` (npm run bench:cpu): backend-cpu vs onnxruntime-node,
 * both on ONE thread, in-process on session.run only (model loading excluded), median of N runs after a
 * warm-up, same inputs; ratio = hodu cpu / onnxruntime (lower is better). Then the sgemm micro-kernel alone:
 * GFLOP/s of a 1024³ product (plugins/backend-cpu/bench/sgemm-bench.c). Prints numbers, asserts nothing.
 * Needs a C compiler: the plugin is compiled here with the flags `hodu plugin install` uses.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { decodeModel } from '../../src/formats/onnx/decode';
import { feedInputs, type Model } from '../../src/ir/graph';
import { toNumbers, type Tensor } from '../../src/ir/tensor';
import { compileCommand } from '../../src/plugins/build-native';
import { loadNativeBackend, probeNativeLibrary } from '../../src/plugins/native/index';
import { randomTensor } from '../../src/runtime/bind-inputs';
import { prepareModel } from '../../src/runtime/prepare';
import { mulberry32 } from '../../src/util/prng';
import { buildModel, writeModelFile } from '../e2e/hodu';
import { generateModels } from '../models/generate';

const ROOT = join(import.meta.dir, '..', '..');
const PLUGIN = join(ROOT, 'plugins', 'backend-cpu');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 0) || 15;
const filter = args.includes('--filter') ? new RegExp(args[args.indexOf('--filter') + 1]!) : undefined;
const work = mkdtempSync(join(tmpdir(), 'hodu-bench-cpu-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function sh(cmd: string[], cwd: string): string {
  const r = Bun.spawnSync(cmd, { cwd, stdout: 'pipe', stderr: 'pipe' });
  if (r.exitCode !== 0) throw new Error(`${cmd.join(' ')} failed:\n${r.stderr.toString()}`);
  return r.stdout.toString();
}

/** The plugin compiled as `hodu plugin install` compiles it (same command line), into the temp dir. */
function buildPlugin(): string {
  const pkg = JSON.parse(readFileSync(join(PLUGIN, 'package.json'), 'utf8'));
  const library = join(work, pkg.hodu.native.library);
  sh(compileCommand({ ...pkg.hodu.native, library }, join(ROOT, 'ffi'), 'release'), PLUGIN);
  return library;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up (the first run of cpu also plans and creates)
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

const tensor = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });

function matmulModel(n: number): string {
  return writeModelFile(join(work, `matmul-${n}.onnx`), buildModel({
    nodes: [{ name: 'mm', op: 'MatMul', domain: '', inputs: ['a', 'b'], outputs: ['c'], attributes: {} }],
    inputs: [{ name: 'a', type: tensor([n, n]) }, { name: 'b', type: tensor([n, n]) }],
    outputs: [{ name: 'c', type: tensor([n, n]) }],
  }));
}

function conv3x3Model(): string {
  const w = randomTensor('float32', [64, 64, 3, 3], mulberry32(3));
  return writeModelFile(join(work, 'conv3x3-64ch-56.onnx'), buildModel({
    nodes: [{ name: 'conv', op: 'Conv', domain: '', inputs: ['x', 'w'], outputs: ['y'], attributes: { pads: { type: 'ints', value: [1, 1, 1, 1] } } }],
    inputs: [{ name: 'x', type: tensor([1, 64, 56, 56]) }],
    outputs: [{ name: 'y', type: tensor([1, 64, 56, 56]) }],
    initializers: new Map([['w', w]]),
  }));
}

const lib = buildPlugin();
const info = probeNativeLibrary(lib, 'cpu');
const cpu = loadNativeBackend(lib, info, { isolate: false });
const generated = await generateModels(join(work, 'models'));
const candidates = [...generated, matmulModel(1024), conv3x3Model()].filter((p) => !filter || filter.test(p));
const rows: string[][] = [['model', 'hodu cpu (ms)', 'onnxruntime 1 thread (ms)', 'ratio', 'max |diff|']];
for (const path of candidates) {
  const name = path.split('/').pop()!;
  // -O2 on both sides: onnxruntime applies its own graph optimizations by default.
  const model: Model = prepareModel(decodeModel(readFileSync(path), { path }), 2);
  const rand = mulberry32(1);
  const feeds = new Map<string, Tensor>();
  for (const v of feedInputs(model.graph)) {
    const t = v.type;
    if (!t || t.kind !== 'tensor' || !t.shape) throw new Error(`${name}: input ${v.name} has no static type`);
    feeds.set(v.name, randomTensor(t.dtype, t.shape.map((d) => (typeof d === 'number' ? d : 1)), rand));
  }
  let session;
  try {
    session = await cpu.createSession(model);
    await session.run(feeds);
  } catch (e) {
    console.error(`skipped ${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
    continue;
  }
  const ortSession = await ort.InferenceSession.create(path, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' });
  const ortFeeds = Object.fromEntries([...feeds].map(([k, v]) => [k, new ort.Tensor('float32', v.data as Float32Array, [...v.dims])]));
  const hoduMs = await time(() => session.run(feeds));
  const ortMs = await time(() => ortSession.run(ortFeeds));
  const ours = await session.run(feeds);
  const theirs = await ortSession.run(ortFeeds);
  let maxDiff = 0;
  for (const out of ortSession.outputNames) {
    const a = toNumbers(ours.get(out) as Tensor);
    const b = theirs[out]!.data as Float32Array;
    for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
  }
  rows.push([name, hoduMs.toFixed(3), ortMs.toFixed(3), `${(hoduMs / ortMs).toFixed(2)}`, maxDiff.toExponential(1)]);
  console.error(`measured ${rows.at(-1)!.join('  ')}`);
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`\nbackend-cpu vs onnxruntime-node, 1 thread each; median of ${runs} runs after warm-up; ratio = hodu / onnxruntime (lower is better)\n`);
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));

// The sgemm alone (no FFI, no planning): the same sources, built at -O2 without -march.
mkdirSync(join(work, 'sgemm'), { recursive: true });
const bench = join(work, 'sgemm', 'sgemm-bench');
sh(['cc', '-std=c11', '-O2', '-o', bench, 'bench/sgemm-bench.c', 'src/sgemm.c', 'src/gemv.c', '-lm'], PLUGIN);
console.log(`\nsgemm ${sh([bench, '1024'], PLUGIN).trim()}`);
