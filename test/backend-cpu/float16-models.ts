/**
 * float16 models for backend-cpu's tests (float16.test.ts against the interp, arm64-binary.test.ts across
 * binaries): single nodes without a float16 kernel, a chain of them, and a small CNN mixing them with the
 * native float16 ones, with float16 weights from a fixed seed.
 */
import type { Attribute, Node } from '../../src/ir/graph';
import { fromNumbers, type Tensor } from '../../src/ir/tensor';
import { mulberry32 } from '../../src/util/prng';
import { buildModel, writeModelFile } from '../e2e/hodu';
import { int, ints } from './support';

const rand = mulberry32(1603);
/** float16 weights uniform in [-scale, scale). */
const weight = (dims: number[], scale = 0.5): Tensor =>
  fromNumbers('float16', dims, Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => (rand() * 2 - 1) * scale));
const f16 = (shape: number[]) => ({ kind: 'tensor' as const, dtype: 'float16' as const, shape });
const node = (name: string, op: string, inputs: string[], outputs: string[], attributes: Record<string, Attribute> = {}): Node =>
  ({ name, op, domain: '', inputs, outputs, attributes });

export interface F16Model {
  nodes: Node[];
  inputs: Record<string, number[]>;
  outputs: Record<string, number[]>;
  weights?: Record<string, Tensor>;
  /** Tolerance against the interp: one float16 step (rtol 1e-3) for one node, more for a chain. */
  rtol: number;
  atol: number;
  /** Outputs declared float32 (a Cast's), the rest float16. */
  float32Outputs?: string[];
  /** The convs backend-cpu fuses with the steps after them, as its HODU_CPU_FUSE_TRACE prints them: "conv + n". */
  fused?: string[];
}

export const F16_MODELS: Record<string, F16Model> = {
  conv: {
    nodes: [node('conv', 'Conv', ['x', 'w', 'b'], ['y'], { pads: ints(1, 1, 1, 1) })],
    inputs: { x: [2, 5, 9, 7] }, outputs: { y: [2, 6, 9, 7] }, weights: { w: weight([6, 5, 3, 3]), b: weight([6]) }, rtol: 1e-3, atol: 1e-4,
  },
  // 64 channels of 56²: 200704 outputs, enough for the conversions to be split between threads.
  'conv-large': {
    nodes: [node('conv', 'Conv', ['x', 'w'], ['y'], { pads: ints(1, 1, 1, 1) })],
    inputs: { x: [1, 16, 56, 56] }, outputs: { y: [1, 64, 56, 56] }, weights: { w: weight([64, 16, 3, 3], 0.2) }, rtol: 1e-3, atol: 1e-4,
  },
  matmul: {
    nodes: [node('mm', 'MatMul', ['a', 'b'], ['y']), node('mmw', 'MatMul', ['a', 'w'], ['z'])],
    inputs: { a: [3, 7, 33], b: [3, 33, 9] }, outputs: { y: [3, 7, 9], z: [3, 7, 17] }, weights: { w: weight([33, 17]) }, rtol: 1e-3, atol: 1e-4,
  },
  gemm: {
    nodes: [node('gemm', 'Gemm', ['a', 'w', 'c'], ['y'], { transB: int(1), alpha: { type: 'float', value: 0.5 } })],
    inputs: { a: [5, 40] }, outputs: { y: [5, 11] }, weights: { w: weight([11, 40]), c: weight([11]) }, rtol: 1e-3, atol: 1e-4,
  },
  layernorm: {
    nodes: [node('ln', 'LayerNormalization', ['x', 'g', 'b'], ['y'], { axis: int(-1) })],
    inputs: { x: [4, 6, 24] }, outputs: { y: [4, 6, 24] }, weights: { g: weight([24], 1), b: weight([24]) }, rtol: 1e-3, atol: 1e-4,
  },
  // Consecutive widened nodes (no float16 kernel between them), every link a graph output.
  chain: {
    nodes: [
      node('c1', 'Conv', ['x', 'w1'], ['a'], { pads: ints(1, 1, 1, 1) }),
      node('c2', 'Conv', ['a', 'w2'], ['b'], { pads: ints(1, 1, 1, 1) }),
      node('mm', 'MatMul', ['b', 'w3'], ['c']),
      node('ln', 'LayerNormalization', ['c', 'g'], ['y'], { axis: int(-1) }),
    ],
    inputs: { x: [1, 8, 12, 12] },
    outputs: { a: [1, 8, 12, 12], b: [1, 8, 12, 12], c: [1, 8, 12, 12], y: [1, 8, 12, 12] },
    weights: { w1: weight([8, 8, 3, 3], 0.2), w2: weight([8, 8, 3, 3], 0.2), w3: weight([12, 12], 0.4), g: weight([12], 1) },
    rtol: 5e-3, atol: 1e-3,
  },
  softmax: {
    nodes: [node('sm', 'Softmax', ['x'], ['y'], { axis: int(1) })],
    inputs: { x: [3, 17, 5] }, outputs: { y: [3, 17, 5] }, rtol: 1e-3, atol: 1e-5,
  },
  // A small CNN: chains of widened nodes (Conv → MaxPool → Conv), native float16 ones between them (Relu,
  // Add, Flatten), an intermediate that is also a graph output (a), and a graph input read by two nodes.
  cnn: {
    nodes: [
      node('c1', 'Conv', ['x', 'w1', 'b1'], ['a'], { pads: ints(1, 1, 1, 1) }),
      node('p1', 'MaxPool', ['a'], ['p'], { kernel_shape: ints(2, 2), strides: ints(2, 2) }),
      node('c2', 'Conv', ['p', 'w2', 'b2'], ['c'], { pads: ints(1, 1, 1, 1), strides: ints(2, 2) }),
      node('r2', 'Relu', ['c'], ['d']),
      node('c3', 'Conv', ['x', 'w3'], ['e'], { strides: ints(4, 4), kernel_shape: ints(1, 1) }),
      node('add', 'Add', ['d', 'e'], ['f']),
      node('gap', 'GlobalAveragePool', ['f'], ['g']),
      node('flat', 'Flatten', ['g'], ['h']),
      node('fc', 'Gemm', ['h', 'w4', 'b4'], ['l'], { transB: int(1) }),
      node('sm', 'Softmax', ['l'], ['y']),
    ],
    inputs: { x: [2, 3, 16, 16] },
    outputs: { y: [2, 10], a: [2, 8, 16, 16] },
    weights: { w1: weight([8, 3, 3, 3]), b1: weight([8]), w2: weight([16, 8, 3, 3], 0.3), b2: weight([16]), w3: weight([16, 3, 1, 1]), w4: weight([10, 16]), b4: weight([10]) },
    // Relu into c2; c1's output is a graph output; c3 adds d (c2's fused Relu, computed before it) to its output
    rtol: 5e-3, atol: 1e-3, fused: ['c2 + 1', 'c3 + 1'],
  },
  // Residual blocks in float16: the skip an earlier fused conv wrote (float32 copy only) and a float16 graph input
  // (decoded for the fused conv, which reads it in place of the Add), each added by the conv after it, then Relu.
  residual: {
    nodes: [
      node('c1', 'Conv', ['x', 'w1', 'b1'], ['a'], { pads: ints(1, 1, 1, 1) }),
      node('r1', 'Relu', ['a'], ['ra']),
      node('c2', 'Conv', ['ra', 'w2', 'b2'], ['c'], { pads: ints(1, 1, 1, 1) }),
      node('add', 'Add', ['c', 'ra'], ['s']),
      node('r2', 'Relu', ['s'], ['y']),
      node('c3', 'Conv', ['x', 'w3'], ['d'], { kernel_shape: ints(1, 1) }),
      node('add2', 'Add', ['skip', 'd'], ['e']),
      node('r3', 'Relu', ['e'], ['y2']),
    ],
    inputs: { x: [2, 6, 9, 11], skip: [2, 6, 9, 11] },
    outputs: { y: [2, 6, 9, 11], y2: [2, 6, 9, 11] },
    weights: { w1: weight([6, 6, 3, 3], 0.3), b1: weight([6]), w2: weight([6, 6, 3, 3], 0.3), b2: weight([6]), w3: weight([6, 6, 1, 1]) },
    rtol: 5e-3, atol: 1e-3, fused: ['c1 + 1', 'c2 + 2', 'c3 + 2'],
  },
  // A float16 model's conv fused with what follows it on the float32 copies (a per-channel Mul and Add as an
  // exported BatchNorm, Relu; Sigmoid and Mul as SiLU), a float16 step between widened ones (Cast to float16: its
  // input rounded there, its output widened again), a Concat of a widened and a float16 value (run on the float32
  // copies: FLEXIBLE_F16 in plugin.c) and a Cast to a float32 output.
  fused: {
    nodes: [
      node('c1', 'Conv', ['x', 'w1'], ['a'], { pads: ints(1, 1, 1, 1) }),
      node('m1', 'Mul', ['a', 's1'], ['b']),
      node('a1', 'Add', ['b', 't1'], ['c']),
      node('r1', 'Relu', ['c'], ['d']),
      node('k', 'Cast', ['d'], ['d2'], { to: int(10) }),
      node('c2', 'Conv', ['x', 'w2'], ['e'], { kernel_shape: ints(1, 1) }),
      node('cat', 'Concat', ['d2', 'e'], ['f'], { axis: int(1) }),
      node('c3', 'Conv', ['f', 'w3', 'b3'], ['g'], { pads: ints(1, 1, 1, 1), strides: ints(2, 2) }),
      node('sg', 'Sigmoid', ['g'], ['h']),
      node('silu', 'Mul', ['g', 'h'], ['y']),
      node('cast', 'Cast', ['y'], ['yf'], { to: int(1) }),
    ],
    inputs: { x: [2, 4, 13, 11] },
    outputs: { y: [2, 8, 7, 6], yf: [2, 8, 7, 6] },
    weights: {
      w1: weight([8, 4, 3, 3]), s1: weight([1, 8, 1, 1], 2), t1: weight([1, 8, 1, 1]), w2: weight([8, 4, 1, 1]),
      w3: weight([8, 16, 3, 3], 0.2), b3: weight([8]),
    },
    rtol: 5e-3, atol: 1e-3, float32Outputs: ['yf'], fused: ['c1 + 3', 'c3 + 1'],
  },
};

/** Writes `m` as an ONNX file at `path` (float16 inputs and outputs of the given shapes); returns the path. */
export function writeF16Model(path: string, m: F16Model): string {
  return writeModelFile(path, buildModel({
    nodes: m.nodes,
    inputs: Object.entries(m.inputs).map(([n, s]) => ({ name: n, type: f16(s) })),
    outputs: Object.entries(m.outputs).map(([n, s]) => ({ name: n, type: m.float32Outputs?.includes(n) ? { ...f16(s), dtype: 'float32' as const } : f16(s) })),
    initializers: new Map(Object.entries(m.weights ?? {})),
  }));
}
