/**
 * `hodu run --dump` through the compiled binary: the files are read back with hodu's own .npy reader and
 * checked against values computed here (and against the interp's dump for the cpu backend's), index.json,
 * --dump-nodes, a partitioned run (an op cpu lacks), a body value of an If left out, and a DIR that is a file.
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readNpy } from '../../src/formats/npy/read-npy';
import { loadNpz } from '../../src/formats/npz/index';
import type { Graph } from '../../src/ir/graph';
import { Tensor } from '../../src/ir/tensor';
import { generateModels } from '../models/generate';
import { REAL_MODELS_DIR, realModelsAvailable } from '../realmodels/models';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile, writeNpyFile, writeNpzFile } from '../e2e/hodu';
import { writePartitionModel } from './partition-model';

const tmp = tempDir('hodu-dump-');
const at = (f: string) => join(tmp.dir, f);
let partitioned = '';
let input = '';
const X = [-1, 2, 0.5, 3, 4, -2, 1, 0];

beforeAll(() => {
  requireBinary();
  partitioned = writePartitionModel(at('partitioned.onnx'));
  input = writeNpyFile(at('x.npy'), new Tensor('float32', [2, 4], Float32Array.from(X)));
});
afterAll(() => tmp.cleanup());

interface IndexEntry { file: string; dtype: string; shape: number[]; node: string; op: string }
const readIndex = (dir: string) => JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { values: Record<string, IndexEntry>; skipped: Record<string, string>; note: string };
const readValue = (dir: string, entry: IndexEntry) => Array.from(readNpy(readFileSync(join(dir, entry.file)), entry.file).data as Float32Array);

/** The model's values by hand: r = relu(x), h = one-hot of each row's argmax, s = h + r, y = sigmoid(s). */
function expectedValues(): Record<string, number[]> {
  const r = X.map((v) => Math.max(v, 0));
  const h = r.map(() => 0);
  for (const row of [0, 1]) {
    const vals = r.slice(row * 4, row * 4 + 4);
    h[row * 4 + vals.indexOf(Math.max(...vals))] = 1;
  }
  const s = r.map((v, i) => v + h[i]!);
  return { r, h, s, y: s.map((v) => 1 / (1 + Math.exp(-v))) };
}

describe('--dump', () => {
  for (const backend of ['interp', 'cpu']) {
    test(`every value, on ${backend}${backend === 'cpu' ? ' (partitioned: Hardmax runs on the interp)' : ''}, reads back with the values computed by hand`, () => {
      const dir = at(`dump-${backend}`);
      const r = hodu(['run', partitioned, '--input', input, '--backend', backend, '--dump', dir, '--explain']);
      expect(r.code).toBe(0);
      if (backend === 'cpu') expect(r.stderr).toContain('Hardmax');
      expect(r.stderr).toContain(`dumped 4 values to ${dir}`);
      const index = readIndex(dir);
      expect(Object.keys(index.values)).toEqual(['r', 'h', 's', 'y']);
      expect(index.values.h).toEqual({ file: 'h.npy', dtype: 'float32', shape: [2, 4], node: 'hardmax', op: 'Hardmax' });
      expect(index.note).toContain('If/Loop/Scan bodies are not dumped');
      const want = expectedValues();
      for (const [name, entry] of Object.entries(index.values)) {
        const got = readValue(dir, entry);
        want[name]!.forEach((v, i) => expect(got[i]!).toBeCloseTo(v, 5));
      }
      // only the model's own output is printed
      expect(r.stdout).toContain('y  float32[2,4]');
      expect(r.stdout).not.toContain('h  float32');
    });
  }

  test('--dump-nodes matches node names and value names; --json reports the count', () => {
    const dir = at('dump-filter');
    const r = hodu(['run', partitioned, '--input', input, '--backend', 'cpu', '--dump', dir, '--dump-nodes', '^(hardmax|s)$', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).dump).toEqual({ dir, values: 2, skipped: 0 });
    expect(Object.keys(readIndex(dir).values)).toEqual(['h', 's']);
    expect(readdirSync(dir).sort()).toEqual(['h.npy', 'index.json', 's.npy']);
    // --output still holds only the model's outputs
    const out = at('filtered-out.npz');
    expect(hodu(['run', partitioned, '--input', input, '--dump', at('dump-filter2'), '--output', out]).code).toBe(0);
  });

  test('unsafe value names become safe, distinct file names', () => {
    const t = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [2] };
    const path = writeModelFile(at('names.onnx'), buildModel({
      nodes: [
        { name: 'n1', op: 'Relu', domain: '', inputs: ['x'], outputs: ['/layer/out:0'], attributes: {} },
        { name: 'n2', op: 'Neg', domain: '', inputs: ['/layer/out:0'], outputs: ['_layer_out_0'], attributes: {} },
        { name: 'n3', op: 'Abs', domain: '', inputs: ['_layer_out_0'], outputs: ['../y'], attributes: {} },
      ],
      inputs: [{ name: 'x', type: t }],
      outputs: [{ name: '../y', type: t }],
    }));
    const dir = at('dump-names');
    expect(hodu(['run', path, '--random-inputs', '--dump', dir]).code).toBe(0);
    const index = readIndex(dir);
    expect(Object.fromEntries(Object.entries(index.values).map(([k, v]) => [k, v.file]))).toEqual({ '/layer/out:0': '_layer_out_0.npy', '_layer_out_0': '_layer_out_0~2.npy', '../y': '__y.npy' });
    expect(readdirSync(dir).sort()).toEqual(['__y.npy', '_layer_out_0.npy', '_layer_out_0~2.npy', 'index.json']);
  });

  test('a value inside an If body is not dumped; the If node\'s own output is', async () => {
    const f32 = { kind: 'tensor' as const, dtype: 'float32' as const, shape: [3] };
    const branch = (name: string, nodes: Graph['nodes'], output: string): Graph => ({ name, nodes, inputs: [], outputs: [{ name: output }], valueInfo: [], initializers: new Map() });
    const path = writeModelFile(at('if.onnx'), buildModel({
      nodes: [{ name: 'if', op: 'If', domain: '', inputs: ['cond'], outputs: ['y'], attributes: {
        then_branch: { type: 'graph', value: branch('then', [{ name: 'inner_neg', op: 'Neg', domain: '', inputs: ['a'], outputs: ['inner'], attributes: {} }], 'inner') },
        else_branch: { type: 'graph', value: branch('else', [{ name: 'inner_abs', op: 'Abs', domain: '', inputs: ['a'], outputs: ['inner2'], attributes: {} }], 'inner2') },
      } }],
      inputs: [{ name: 'cond', type: { kind: 'tensor', dtype: 'bool', shape: [] } }, { name: 'a', type: f32 }],
      outputs: [{ name: 'y', type: f32 }],
    }));
    const inPath = await writeNpzFile(at('if-in.npz'), new Map([['cond', new Tensor('bool', [], Uint8Array.from([1]))], ['a', new Tensor('float32', [3], Float32Array.from([1, -2, 3]))]]));
    const dir = at('dump-if');
    expect(hodu(['run', path, '--input', inPath, '--dump', dir]).code).toBe(0);
    const index = readIndex(dir);
    expect(Object.keys(index.values)).toEqual(['y']);
    expect(readValue(dir, index.values.y!)).toEqual([-1, 2, -3]);
  });

  test('a DIR that is an existing file is refused before the run', () => {
    writeFileSync(at('a-file'), 'x');
    const r = hodu(['run', partitioned, '--input', input, '--dump', at('a-file')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('it is a file, not a folder');
    expect(r.stderr).not.toContain('ran on');
  });

  test('a generated model on cpu: the dumped graph output equals --output, and every value equals the interp dump', async () => {
    const dir = at('gen');
    const mobilenet = (await generateModels(dir)).find((p) => basename(p) === 'mobilenet.onnx')!;
    const out = at('mobilenet-out.npz');
    for (const backend of ['interp', 'cpu']) {
      const r = hodu(['run', mobilenet, '--random-inputs', '--backend', backend, '--dump', at(`mb-${backend}`), ...(backend === 'cpu' ? ['--output', out] : [])]);
      expect(r.code).toBe(0);
    }
    const interp = readIndex(at('mb-interp'));
    const cpu = readIndex(at('mb-cpu'));
    expect(Object.keys(cpu.values)).toEqual(Object.keys(interp.values));
    expect(Object.keys(cpu.values).length).toBeGreaterThan(5);
    for (const [name, entry] of Object.entries(cpu.values)) {
      const want = readValue(at('mb-interp'), interp.values[name]!);
      readValue(at('mb-cpu'), entry).forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(1e-4 + 1e-3 * Math.abs(want[i]!)));
    }
    const [outName, outTensor] = [...(await loadNpz(readFileSync(out)))][0]!;
    expect(readValue(at('mb-cpu'), cpu.values[outName]!)).toEqual(Array.from(outTensor.data as Float32Array));
  });

  test.skipIf(!realModelsAvailable())('a real model with a top-level If (Silero VAD v5) on cpu: the If\'s outputs are dumped, its body values are not', () => {
    const dir = at('silero');
    const r = hodu(['run', join(REAL_MODELS_DIR, 'silero_vad_v5.onnx'), '--random-inputs', '--shape', 'input=1x512', '--shape', 'state=2x1x128', '--input', 'sr=16000', '--backend', 'cpu', '--dump', dir, '--output', at('silero-out.npz')]);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    const index = readIndex(dir);
    const ifs = Object.values(index.values).filter((v) => v.op === 'If');
    expect(ifs.length).toBeGreaterThan(0);
    expect(Object.keys(index.values).length).toBe(readdirSync(dir).length - 1);
    // the model's own outputs are among the dumped values, equal to what --output wrote
    return loadNpz(readFileSync(at('silero-out.npz'))).then((outs) => {
      for (const [name, t] of outs) expect(readValue(dir, index.values[name]!)).toEqual(Array.from(t.data as Float32Array));
    });
  });

  test.skipIf(!realModelsAvailable())('a real model on cpu with --dump-nodes', () => {
    const dir = at('real');
    const r = hodu(['run', join(REAL_MODELS_DIR, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'), '--random-inputs', '--shape', 'x=1x3x48x192', '--backend', 'cpu', '--dump', dir, '--dump-nodes', 'conv2d_0|softmax']);
    expect(r.code).toBe(0);
    const index = readIndex(dir);
    const names = Object.keys(index.values);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(/conv2d_0|softmax/.test(n) || /conv2d_0|softmax/.test(index.values[n]!.node)).toBe(true);
    for (const entry of Object.values(index.values)) expect(readNpy(readFileSync(join(dir, entry.file)), entry.file).dims).toEqual(entry.shape);
  });
});
