/**
 * FLOP counts for `hodu run --profile` (GFLOP/s per op and per node), from a node's input and output shapes as
 * they were at run time. A multiply-add counts 2; an elementwise op 1 per output element; a reduction 1 per
 * input element; pooling 1 per window element read. Ops without a meaningful count (Reshape, Gather, control
 * flow…) have none, and the tables leave their GFLOP/s empty rather than guess.
 */
import type { Attribute } from '../../ir/graph';

/** A shape per input/output slot; null where the slot is absent or not a tensor. */
export type Shapes = readonly (readonly number[] | null | undefined)[];

interface FlopNode {
  op: string;
  attributes?: Record<string, Attribute>;
}

const prod = (dims: readonly number[]) => dims.reduce((a, b) => a * b, 1);

function intAttr(node: FlopNode, name: string, fallback: number): number {
  const a = node.attributes?.[name];
  return a?.type === 'int' ? a.value : fallback;
}

/** Conv: each output element is a dot product over (C_in / group) × kernel. Weight [C_out, C_in/group, k…]. */
function conv(inputs: Shapes, outputs: Shapes): number | undefined {
  const w = inputs[1];
  const y = outputs[0];
  if (!w || !y) return undefined;
  const bias = inputs[2] ? prod(y) : 0;
  return 2 * prod(y) * prod(w.slice(1)) + bias;
}

/** ConvTranspose: each input element is scattered into (C_out / group) × kernel outputs. Weight [C_in, C_out/group, k…]. */
function convTranspose(inputs: Shapes, outputs: Shapes): number | undefined {
  const x = inputs[0];
  const w = inputs[1];
  if (!x || !w) return undefined;
  const bias = inputs[2] && outputs[0] ? prod(outputs[0]) : 0;
  return 2 * prod(x) * prod(w.slice(1)) + bias;
}

/** MatMul (numpy rules): every output element is a dot product of length K, A's last dim (1-D A: its only dim). */
function matMul(inputs: Shapes, outputs: Shapes): number | undefined {
  const a = inputs[0];
  const y = outputs[0];
  if (!a || !y || a.length === 0) return undefined;
  return 2 * prod(y) * a[a.length - 1]!;
}

/** Gemm: Y[M,N] = alpha·op(A)·op(B) + beta·C; K is A's dim 1, or dim 0 with transA. C adds M·N. */
function gemm(node: FlopNode, inputs: Shapes, outputs: Shapes): number | undefined {
  const a = inputs[0];
  const y = outputs[0];
  if (!a || !y || a.length !== 2) return undefined;
  const k = intAttr(node, 'transA', 0) ? a[0]! : a[1]!;
  return 2 * prod(y) * k + (inputs[2] ? prod(y) : 0);
}

/**
 * LSTM/GRU/RNN: per step and direction, the input and recurrent projections (2·B·gates·H·(I + H)).
 * X [seq, batch, input] (layout 0) or [batch, seq, input] (layout 1); W [dirs, gates·H, input].
 */
function recurrent(node: FlopNode, inputs: Shapes): number | undefined {
  const x = inputs[0];
  const w = inputs[1];
  const r = inputs[2];
  if (!x || !w || !r || x.length !== 3 || w.length !== 3 || r.length !== 3) return undefined;
  const [seq, batch] = intAttr(node, 'layout', 0) ? [x[1]!, x[0]!] : [x[0]!, x[1]!];
  const [dirs, gatesH, input] = [w[0]!, w[1]!, w[2]!];
  const hidden = r[2]!;
  return 2 * seq * batch * dirs * gatesH * (input + hidden);
}

/** Einsum with two operands: the product of every distinct index's size, times 2 (one multiply-add per combination). */
function einsum(node: FlopNode, inputs: Shapes): number | undefined {
  const eq = node.attributes?.equation;
  if (eq?.type !== 'string' || inputs.length !== 2 || !inputs[0] || !inputs[1]) return undefined;
  const lhs = eq.value.replace(/\s/g, '').split('->')[0]!.split(',');
  if (lhs.length !== 2 || lhs.some((t) => t.includes('.'))) return undefined; // ellipsis: not "simple"
  const size = new Map<string, number>();
  for (let k = 0; k < 2; k++) {
    const term = lhs[k]!;
    const dims = inputs[k]!;
    if (term.length !== dims.length) return undefined;
    [...term].forEach((c, i) => size.set(c, Math.max(size.get(c) ?? 1, dims[i]!)));
  }
  return 2 * prod([...size.values()]);
}

/** Pooling: every output element reads its window (kernel_shape); global pooling reads the whole input. */
function pool(node: FlopNode, inputs: Shapes, outputs: Shapes): number | undefined {
  if (node.op.startsWith('Global')) return inputs[0] ? prod(inputs[0]) : undefined;
  const k = node.attributes?.kernel_shape;
  if (k?.type !== 'ints' || !outputs[0]) return undefined;
  return prod(outputs[0]) * prod(k.value);
}

const ELEMENTWISE = new Set([
  'Add', 'Sub', 'Mul', 'Div', 'Pow', 'Mod', 'Max', 'Min', 'Sum', 'Mean', 'Neg', 'Abs', 'Sqrt', 'Exp', 'Log', 'Reciprocal',
  'Relu', 'LeakyRelu', 'PRelu', 'Elu', 'Selu', 'Celu', 'Gelu', 'Sigmoid', 'HardSigmoid', 'HardSwish', 'Tanh', 'Softplus', 'Softsign',
  'Mish', 'Erf', 'Sin', 'Cos', 'Tan', 'Asin', 'Acos', 'Atan', 'Sinh', 'Cosh', 'Asinh', 'Acosh', 'Atanh', 'Floor', 'Ceil', 'Round',
  'Sign', 'Clip', 'Where', 'Equal', 'Less', 'LessOrEqual', 'Greater', 'GreaterOrEqual', 'And', 'Or', 'Xor', 'Not',
  'BatchNormalization', 'InstanceNormalization', 'LayerNormalization', 'Softmax', 'LogSoftmax', 'ThresholdedRelu', 'Shrink',
  'Dropout', 'QuantizeLinear', 'DequantizeLinear',
]);

const REDUCTIONS = new Set(['ReduceSum', 'ReduceMean', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL1', 'ReduceL2', 'ReduceLogSum',
  'ReduceLogSumExp', 'ReduceSumSquare', 'ArgMax', 'ArgMin']);

/** The node's FLOP count at these shapes, or undefined when the op has none (or the shapes are unknown). */
export function flopCount(node: FlopNode, inputs: Shapes, outputs: Shapes): number | undefined {
  switch (node.op) {
    case 'Conv':
    case 'ConvInteger':
      return conv(inputs, outputs);
    case 'ConvTranspose':
      return convTranspose(inputs, outputs);
    case 'MatMul':
    case 'MatMulInteger':
      return matMul(inputs, outputs);
    case 'Gemm':
      return gemm(node, inputs, outputs);
    case 'LSTM':
    case 'GRU':
    case 'RNN':
      return recurrent(node, inputs);
    case 'Einsum':
      return einsum(node, inputs);
    case 'MaxPool':
    case 'AveragePool':
    case 'LpPool':
    case 'GlobalMaxPool':
    case 'GlobalAveragePool':
    case 'GlobalLpPool':
      return pool(node, inputs, outputs);
  }
  if (ELEMENTWISE.has(node.op)) return outputs[0] ? prod(outputs[0]) : undefined;
  if (REDUCTIONS.has(node.op)) return inputs[0] ? prod(inputs[0]) : undefined;
  return undefined;
}
