/**
 * `hodu run --profile` and `--profile-out` through the compiled binary: the per-op and per-node tables on a
 * generated model with a Loop and an If (interp), a partitioned cpu/interp model with hand-counted FLOPs, and
 * a real model on both backends; the trace is valid Chrome trace JSON.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from '../../src/ir/graph';
import type { Tensor } from '../../src/ir/tensor';
import { encodeModel } from '../../src/formats/onnx/encode';
import { audioFeeds, buildAudioRnn } from '../models/audio-rnn';
import { generateModels } from '../models/generate';
import { int, ints, randomValues } from '../backend-cpu/support';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpzFile } from '../e2e/hodu';

requireBinary();
const t = tempDir('hodu-profile-');
afterAll(() => t.cleanup());
const REAL = join(import.meta.dir, '..', '..', '.cache', 'real-models', 'ch_ppocr_mobile_v2.0_cls_infer.onnx');

interface Event { name: string; cat: string; ph: string; ts: number; dur: number; pid: number; tid: number; args: { op: string; backend: string; flops?: number } }
interface Trace { traceEvents: Event[]; displayTimeUnit: string; otherData: { layout: string } }

function readTrace(path: string): Trace {
  const trace = JSON.parse(readFileSync(path, 'utf8')) as Trace;
  expect(trace.displayTimeUnit).toBe('ms');
  expect(trace.traceEvents.length).toBeGreaterThan(0);
  for (const e of trace.traceEvents) {
    expect(e.ph).toBe('X');
    for (const k of ['name', 'cat'] as const) expect(typeof e[k]).toBe('string');
    for (const k of ['ts', 'dur', 'pid', 'tid'] as const) expect(Number.isFinite(e[k])).toBe(true);
    expect(e.dur).toBeGreaterThanOrEqual(0);
    expect(typeof e.args.op).toBe('string');
    expect(typeof e.args.backend).toBe('string');
  }
  const ts = trace.traceEvents.map((e) => e.ts);
  expect(ts).toEqual([...ts].sort((a, b) => a - b));
  return trace;
}

function expectRounded(profile: { totalMs: number; byOp: { ms: number; percent: number; gflops?: number }[]; byNode: { ms: number; percent: number; gflops?: number }[] }) {
  const decimals = (v: number, d: number) => expect(Math.round(v * 10 ** d) / 10 ** d).toBe(v);
  decimals(profile.totalMs, 3);
  for (const r of [...profile.byOp, ...profile.byNode]) {
    decimals(r.ms, 3);
    decimals(r.percent, 1);
    if (r.gflops !== undefined) decimals(r.gflops, 2);
  }
}

let audio = '';
let audioInputs = '';
let generated: string[] = [];
beforeAll(async () => {
  audio = join(t.dir, 'audio-rnn.onnx');
  await Bun.write(audio, encodeModel(buildAudioRnn()));
  audioInputs = await writeNpzFile(join(t.dir, 'audio.npz'), audioFeeds(1, 1024, 16000, 7));
  generated = await generateModels(join(t.dir, 'models'));
});

test('interp, Loop and If: body nodes are rows of their own, each node once, and the trace nests them in the Loop', () => {
  const trace = join(t.dir, 'audio.json');
  const r = hodu(['run', audio, '--input', audioInputs, '--profile', '--profile-out', trace, '--json', '--backend', 'interp']);
  expect(r.code, r.stderr).toBe(0);
  const { profile, runMs } = JSON.parse(r.stdout);
  expectRounded(profile);
  const loop = profile.byNode.find((n: { op: string }) => n.op === 'Loop');
  expect(loop.calls).toBe(1);
  const body = profile.byNode.filter((n: { calls: number }) => n.calls > 1);
  expect(body.length).toBeGreaterThan(0); // a Loop body node runs once per frame: one row, its runs summed
  // Self times: every node counted once, so they add up to no more than the run.
  expect(profile.totalMs).toBeLessThanOrEqual(runMs + 0.01);
  expect(profile.byNode.reduce((s: number, n: { ms: number }) => s + n.ms, 0)).toBeCloseTo(profile.totalMs, 1);

  const { traceEvents, otherData } = readTrace(trace);
  expect(otherData.layout).toBe('measured');
  const span = traceEvents.find((e) => e.cat === 'Loop')!;
  const inside = traceEvents.filter((e) => body.some((b: { node: string }) => b.node === e.name));
  expect(inside.length).toBeGreaterThan(1);
  for (const e of inside) {
    expect(e.ts).toBeGreaterThanOrEqual(span.ts);
    expect(e.ts + e.dur).toBeLessThanOrEqual(span.ts + span.dur + 0.01);
  }
  const human = hodu(['run', audio, '--input', audioInputs, '--profile', '--backend', 'interp']);
  expect(human.stderr).toMatch(/\n {2}op +calls +time +% +GFLOP\/s\n/);
  expect(human.stderr).toMatch(/\n {2}node +op +calls +time +% +GFLOP\/s\n/);
  expect(human.stderr).toContain('self times: an If/Loop/Scan excludes the nodes of its body');
});

const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Node['attributes'] = {}): Node => ({ name, op, domain: '', inputs, outputs, attributes });
const f32 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float32' as const, shape });

test('cpu, partitioned: rows name both backends; FLOPs of a fused step are its nodes\' hand-counted sum; sequential trace', () => {
  // conv: x [1,3,16,16], w [8,3,3,3], pads 1 → [1,8,16,16]: 2048 outputs · 27 · 2 + 2048 (bias) = 112640,
  // and the Relu fused into it 2048 → 114688. fc: Gemm [1,8]·[8,4]ᵀ = 2·4·8 = 64. Hardmax has no cpu kernel.
  const model = writeModelFile(join(t.dir, 'split.onnx'), buildModel({
    nodes: [
      node('conv', 'Conv', ['x', 'w', 'b'], ['c'], { pads: ints(1, 1, 1, 1) }),
      node('relu', 'Relu', ['c'], ['r']),
      node('hardmax', 'Hardmax', ['r'], ['h']),
      node('gap', 'GlobalAveragePool', ['h'], ['a']),
      node('flat', 'Flatten', ['a'], ['f']),
      node('fc', 'Gemm', ['f', 'fw'], ['y'], { transB: int(1) }),
    ],
    inputs: [{ name: 'x', type: f32([1, 3, 16, 16]) }],
    outputs: [{ name: 'y', type: f32([1, 4]) }],
    initializers: new Map<string, Tensor>([['w', randomValues([8, 3, 3, 3])], ['b', randomValues([8])], ['fw', randomValues([4, 8])]]),
  }));
  const trace = join(t.dir, 'split.json');
  const r = hodu(['run', model, '--random-inputs', '--profile', '--profile-out', trace, '--json', '--backend', 'cpu'], { env: { HODU_HOME: join(t.dir, 'home') } });
  expect(r.code, r.stderr).toBe(0);
  const { profile } = JSON.parse(r.stdout);
  expectRounded(profile);
  expect(new Set(profile.byOp.map((o: { backend: string }) => o.backend))).toEqual(new Set(['cpu', 'interp']));
  const flops = Object.fromEntries(profile.nodes.map((n: { node: string; flops?: number }) => [n.node, n.flops]));
  expect(flops.conv).toBe(114688);
  expect(flops.fc).toBe(64);
  expect(flops.hardmax).toBeUndefined(); // no count for Hardmax
  const { traceEvents, otherData } = readTrace(trace);
  expect(otherData.layout).toBe('sequential');
  expect(new Set(traceEvents.map((e) => e.args.backend))).toEqual(new Set(['cpu', 'interp']));
  const human = hodu(['run', model, '--random-inputs', '--profile-out', trace, '--backend', 'cpu'], { env: { HODU_HOME: join(t.dir, 'home') } });
  expect(human.code, human.stderr).toBe(0);
  expect(human.stderr).toContain(`wrote trace to ${trace} (spans laid out one after another`);
  expect(human.stderr).not.toContain('GFLOP/s'); // --profile-out alone writes the trace, no tables
});

test('generated models on interp and cpu: a valid trace, and GFLOP/s for the MatMul-heavy ops', () => {
  const transformer = generated.find((p) => p.endsWith('transformer.onnx'))!;
  for (const backend of ['interp', 'cpu']) {
    const trace = join(t.dir, `transformer-${backend}.json`);
    const r = hodu(['run', transformer, '--random-inputs', '--profile', '--profile-out', trace, '--json', '--backend', backend], { env: { HODU_HOME: join(t.dir, 'home') } });
    expect(r.code, r.stderr).toBe(0);
    const { profile } = JSON.parse(r.stdout);
    expectRounded(profile);
    expect(profile.byOp.some((o: { op: string; gflops?: number }) => o.op.startsWith('MatMul') && o.gflops !== undefined)).toBe(true);
    readTrace(trace);
  }
});

test.skipIf(!existsSync(REAL))('a real model on interp and cpu: tables, rounding and a valid trace', () => {
  for (const backend of ['interp', 'cpu']) {
    const trace = join(t.dir, `real-${backend}.json`);
    const r = hodu(['run', REAL, '--random-inputs', '--shape', 'x=1x3x48x192', '--profile', '--profile-out', trace, '--json', '--backend', backend], { env: { HODU_HOME: join(t.dir, 'home') } });
    expect(r.code, r.stderr).toBe(0);
    const { profile } = JSON.parse(r.stdout);
    expectRounded(profile);
    const conv = profile.byOp.find((o: { op: string }) => o.op.startsWith('Conv'));
    expect(conv.gflops).toBeGreaterThan(0);
    expect(readTrace(trace).traceEvents.length).toBe(profile.nodes.length);
  }
});

test('--profile-out with --benchmark is refused as --profile is', () => {
  const r = hodu(['run', generated[0]!, '--random-inputs', '--benchmark', '--profile-out', join(t.dir, 'b.json')]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('cannot be used with --benchmark');
});

test('an unwritable --profile-out fails before the run, as --output does', () => {
  const r = hodu(['run', generated[0]!, '--random-inputs', '--profile-out', t.dir]); // a folder, not a file
  expect(r.code).not.toBe(0);
  expect(r.stderr).toContain(t.dir);
  expect(r.stderr).not.toContain('ran on');
});
