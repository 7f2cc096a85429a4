/**
 * `hodu inspect M --node NAME` and `--shapes [--dim NAME=N] [--shape NAME=DIMS]` through the compiled binary,
 * on a generated model whose shapes are worked out by hand below, and on a real model with symbolic dims and
 * If bodies (silero VAD). Expected values come from the model's structure and the ONNX shape rules, not from
 * hodu's output.
 */
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor } from '../../src/ir/tensor';
import { REAL_MODELS_DIR } from '../realmodels/models';
import { buildModel, hodu, requireBinary, tempDir, writeModelFile } from '../e2e/hodu';
import { generateModels } from '../models/generate';

const tmp = tempDir('hodu-inspect-node-');
const SILERO = join(REAL_MODELS_DIR, 'silero_vad_legacy.onnx');
let mlp = '';
let dynamic = '';

/**
 * x: float32[batch,seq,8] → MatMul(w: [8,4]) → y0 [batch,seq,4] → Transpose(perm 0,2,1) → y [batch,4,seq];
 * the Constant k (int64 [2] = [5, 6], with a 100-element float tensor attribute on a second Constant) feeds
 * nothing but the graph output `k`.
 */
function writeDynamicModel(path: string): string {
  const big = new Tensor('float32', [10, 10], Float32Array.from({ length: 100 }, (_, i) => i - 50));
  return writeModelFile(path, buildModel({
    nodes: [
      { name: 'mm', op: 'MatMul', domain: '', inputs: ['x', 'w'], outputs: ['y0'], attributes: {} },
      { name: 'tr', op: 'Transpose', domain: '', inputs: ['y0'], outputs: ['y'], attributes: { perm: { type: 'ints', value: [0, 2, 1] } } },
      { name: 'const_k', op: 'Constant', domain: '', inputs: [], outputs: ['k'], attributes: { value: { type: 'tensor', value: new Tensor('int64', [2], BigInt64Array.from([5n, 6n])) } } },
      { name: 'const_big', op: 'Constant', domain: '', inputs: [], outputs: ['big'], attributes: { value: { type: 'tensor', value: big } } },
    ],
    inputs: [{ name: 'x', type: { kind: 'tensor', dtype: 'float32', shape: ['batch', 'seq', 8] } }],
    outputs: [{ name: 'y', type: { kind: 'tensor', dtype: 'float32' } }, { name: 'k', type: { kind: 'tensor', dtype: 'int64' } }, { name: 'big', type: { kind: 'tensor', dtype: 'float32' } }],
    initializers: new Map([['w', new Tensor('float32', [8, 4])]]),
  }));
}

beforeAll(async () => {
  requireBinary();
  await generateModels(tmp.dir);
  mlp = join(tmp.dir, 'mlp.onnx');
  dynamic = writeDynamicModel(join(tmp.dir, 'dynamic.onnx'));
});
afterAll(() => tmp.cleanup());

const json = (args: string[]) => {
  const r = hodu([...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

test('--node: op, inputs with their producers, outputs with their consumers (mlp, hand-checked)', () => {
  // mlp: input → Gemm gemm_1 (fc1) → Relu relu_1 → Gemm gemm_2 (fc2.weight [64,128], transB) → Relu relu_2 → …
  const { node } = json(['inspect', mlp, '--node', 'gemm_2', '-O0']);
  expect(node.op).toBe('Gemm');
  expect(node.graph).toBe('main');
  expect(node.attributes.transB).toBe(1);
  expect(node.inputs).toEqual([
    { name: 'relu_1', type: 'float32[1,128]', from: { kind: 'node', node: 'relu_1', op: 'Relu', graph: 'main' } },
    { name: 'fc2.weight', type: 'float32[64,128]', from: { kind: 'initializer', graph: 'main' } },
    { name: 'fc2.bias', type: 'float32[64]', from: { kind: 'initializer', graph: 'main' } },
  ]);
  expect(node.outputs).toEqual([{ name: 'gemm_2', type: 'float32[1,64]', to: [{ kind: 'node', node: 'relu_2', op: 'Relu', graph: 'main' }] }]);
  const text = hodu(['inspect', mlp, '--node', 'gemm_2', '-O0']);
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('Gemm gemm_2');
  expect(text.stdout).toMatch(/relu_1\s+float32\[1,128\]\s+from Relu relu_1/);
  expect(text.stdout).toMatch(/gemm_2\s+float32\[1,64\]\s+to Relu relu_2/);
});

test('--node by a value it makes; tensor attributes summarized; graph outputs as consumers', () => {
  const k = json(['inspect', dynamic, '--node', 'k', '-O0']).node;
  expect(k.name).toBe('const_k');
  expect(k.attributes.value).toEqual({ tensor: 'int64[2]', stats: null, values: ['5', '6'] });
  expect(k.outputs[0].to).toEqual([{ kind: 'output', graph: 'main' }]);
  const big = json(['inspect', dynamic, '--node', 'const_big', '-O0']).node.attributes.value;
  expect(big.tensor).toBe('float32[10,10]');
  expect(big.values).toEqual([-50, -49, -48, -47, -46, -45, -44, -43]);
  // -50 … 49: mean -0.5, population std sqrt((100² − 1) / 12).
  expect(big.stats).toMatchObject({ count: 100, min: -50, max: 49, mean: -0.5, nan: 0, inf: 0 });
  expect(big.stats.std).toBeCloseTo(Math.sqrt((100 * 100 - 1) / 12), 10);
});

test('--node with --dim: the inferred shapes follow the binding', () => {
  const { node } = json(['inspect', dynamic, '--node', 'tr', '--dim', 'batch=2', '--dim', 'seq=7', '-O0']);
  expect(node.inputs[0]).toEqual({ name: 'y0', type: 'float32[2,7,4]', from: { kind: 'node', node: 'mm', op: 'MatMul', graph: 'main' } });
  expect(node.outputs[0]).toEqual({ name: 'y', type: 'float32[2,4,7]', to: [{ kind: 'output', graph: 'main' }] });
  expect(node.attributes.perm).toEqual([0, 2, 1]);
});

test('--node NAME unknown: E_NODE_NAME (exit 2) with close names', () => {
  const r = hodu(['inspect', mlp, '--node', 'gemm2', '-O0']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("E_NODE_NAME");
  expect(r.stderr).toContain("no node named 'gemm2'");
  expect(r.stderr).toContain("'gemm_2'");
  const far = hodu(['inspect', mlp, '--node', 'zzzzzzzzzz', '-O0']);
  expect(far.code).toBe(2);
  expect(far.stderr).toContain('--graph');
});

test('--node naming a model input or a weight says what it is and which nodes read it', () => {
  // mlp: input → Gemm gemm_1 (reads fc1.weight) → …
  const input = hodu(['inspect', mlp, '--node', 'input', '-O0']);
  expect(input.code).toBe(2);
  expect(input.stderr).toContain("'input' is an input of the model, not a node nor a node's output; read by 'gemm_1'");
  expect(input.stderr).toContain("--node 'gemm_1'");
  const weight = hodu(['inspect', mlp, '--node', 'fc2.weight', '-O0']);
  expect(weight.stderr).toContain("'fc2.weight' is a weight (initializer), not a node nor a node's output; read by 'gemm_2'");
});

test('--shapes: every value, symbolic dims kept, then bound by --dim and --shape', () => {
  const byName = (r: { graphs: { values: { name: string; dtype: string; shape: unknown }[] }[] }) => Object.fromEntries(r.graphs[0]!.values.map((v) => [v.name, `${v.dtype}[${(v.shape as unknown[]).join(',')}]`]));
  expect(byName(json(['inspect', dynamic, '--shapes', '-O0']))).toEqual({ x: 'float32[batch,seq,8]', y0: 'float32[batch,seq,4]', y: 'float32[batch,4,seq]', k: 'int64[2]', big: 'float32[10,10]' });
  expect(byName(json(['inspect', dynamic, '--shapes', '-O0', '--dim', 'batch=3']))).toMatchObject({ x: 'float32[3,seq,8]', y: 'float32[3,4,seq]' });
  // --shape wins over --dim for its input.
  expect(byName(json(['inspect', dynamic, '--shapes', '-O0', '--dim', 'batch=3', '--shape', 'x=5x6x8']))).toMatchObject({ x: 'float32[5,6,8]', y0: 'float32[5,6,4]', y: 'float32[5,4,6]' });
  const text = hodu(['inspect', dynamic, '--shapes', '-O0', '--dim', 'seq=9']);
  expect(text.stdout).toMatch(/y\s+float32\s+\[batch,4,9\]\s+Transpose tr, output/);
});

test('--shapes and --dim refuse what does not fit', () => {
  const dim = hodu(['inspect', dynamic, '--shapes', '--dim', 'bach=1']);
  expect(dim.code).toBe(2);
  expect(dim.stderr).toContain("did you mean 'batch'");
  const shape = hodu(['inspect', dynamic, '--shapes', '--shape', 'x=2x3x9']);
  expect(shape.code).toBe(2);
  expect(shape.stderr).toContain('does not fit its declared shape');
  expect(hodu(['inspect', dynamic, '--shapes', '--shape', 'nope=1']).stderr).toContain('E_INPUT_NAME');
  // Above 2^53 the number is not the one typed (99999999999999999 reads as 1e17): refused, not rounded.
  const huge = hodu(['inspect', dynamic, '--shapes', '--dim', 'batch=99999999999999999']);
  expect(huge.code).toBe(2);
  expect(huge.stderr).toContain("the size must be a non-negative integer, got '99999999999999999'");
});

test.skipIf(!existsSync(SILERO))('a real model (silero VAD): --shapes with --dim resolves through If bodies; --node in a body', () => {
  const r = json(['inspect', SILERO, '--shapes', '--dim', 'batch=1', '--dim', 'sequence=512']);
  const main = Object.fromEntries(r.graphs[0].values.map((v: { name: string; shape: unknown[] }) => [v.name, v.shape]));
  // Inputs as bound; the outputs: speech probability [batch,1] and the LSTM states [2,batch,64].
  expect(main).toMatchObject({ input: [1, 512], h: [2, 1, 64], c: [2, 1, 64], output: [1, 1], hn: [2, 1, 64], cn: [2, 1, 64] });
  expect(r.graphs.length).toBeGreaterThan(1);
  const body = r.graphs.find((g: { graph: string }) => g.graph.startsWith('main/If_'));
  expect(body).toBeDefined();
  const conv = body.values.find((v: { op?: string }) => v.op === 'Conv');
  const { node } = json(['inspect', SILERO, '--node', conv.node, '--dim', 'batch=1', '--dim', 'sequence=512']);
  expect(node.op).toBe('Conv');
  expect(node.graph).toBe(body.graph);
  expect(node.outputs[0].type).toBe(`${conv.dtype}[${conv.shape.join(',')}]`);
});
