/**
 * `buildMetadata`: the int64 array a DispatchManifest step carries for its kernel. Everything a kernel needs
 * beyond the tensor table (resolved attributes, broadcast strides, matrix sizes) is precomputed here, so a
 * C kernel never parses attributes or re-derives shapes. Layouts are documented per op in
 * docs/dispatch-manifest.md (section "Metadata"); floats are stored as their float32 bit pattern.
 * Ops without an entry get an empty array (their kernel needs only the tensor table).
 */
import { HoduError } from '../errors';
import type { Node } from '../ir/graph';
import { readAttr } from '../ops/attrs';
import { getOpSchema } from '../ops/registry';

type Shape = readonly number[];
interface MetaContext {
  node: Node;
  inputs: (Shape | undefined)[];
  outputs: readonly Shape[];
  opset: number;
  attr<T>(name: string): T;
}
type Builder = (c: MetaContext) => number[];

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);
/** The float32 bit pattern of `v` as a non-negative integer (C: memcpy into a float). */
export function floatBits(v: number): number {
  f32[0] = v;
  return u32[0]!;
}

/** Element strides of `dims` broadcast into `out` (0 along broadcast axes), right-aligned. */
export function broadcastStrides(dims: Shape, out: Shape): number[] {
  const strides = new Array<number>(out.length).fill(0);
  let acc = 1;
  for (let i = dims.length - 1, j = out.length - 1; i >= 0; i--, j--) {
    strides[j] = dims[i] === 1 && out[j] !== 1 ? 0 : acc;
    acc *= dims[i]!;
  }
  return strides;
}

const product = (dims: Shape) => dims.reduce((a, b) => a * b, 1);
const need = (c: MetaContext, i: number): Shape => {
  const s = c.inputs[i];
  if (!s) throw new HoduError('E_PLAN', `${c.node.op} node '${c.node.name}': input ${i} has no static shape`);
  return s;
};

// [rank, out_dims(rank), a_strides(rank), b_strides(rank)]
const binary: Builder = (c) => {
  const out = c.outputs[0]!;
  return [out.length, ...out, ...broadcastStrides(need(c, 0), out), ...broadcastStrides(need(c, 1), out)];
};

// [M, K, N, batch_rank, out_batch_dims(br), a_batch_strides(br), b_batch_strides(br)]; 1-D operands promoted.
const matmul: Builder = (c) => {
  const a0 = need(c, 0);
  const b0 = need(c, 1);
  const a = a0.length === 1 ? [1, a0[0]!] : a0;
  const b = b0.length === 1 ? [b0[0]!, 1] : b0;
  const m = a[a.length - 2]!;
  const k = a[a.length - 1]!;
  const n = b[b.length - 1]!;
  const aBatch = a.slice(0, -2);
  const bBatch = b.slice(0, -2);
  const rank = Math.max(aBatch.length, bBatch.length);
  const outBatch = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = aBatch[i - (rank - aBatch.length)] ?? 1;
    const db = bBatch[i - (rank - bBatch.length)] ?? 1;
    outBatch[i] = da === 1 ? db : da;
  }
  const scale = (s: number[], by: number) => s.map((x) => x * by);
  return [m, k, n, rank, ...outBatch, ...scale(broadcastStrides(aBatch, outBatch), m * k), ...scale(broadcastStrides(bBatch, outBatch), k * n)];
};

// [M, K, N, transA, transB, alpha_bits, beta_bits, has_c, c_stride_m, c_stride_n]
const gemm: Builder = (c) => {
  const a = need(c, 0);
  const transA = c.attr<number | undefined>('transA') ? 1 : 0;
  const transB = c.attr<number | undefined>('transB') ? 1 : 0;
  const [m, n] = c.outputs[0]!;
  const k = transA ? a[0]! : a[1]!;
  const cs = c.inputs[2];
  const [sm, sn] = cs ? broadcastStrides(cs, [m!, n!]) : [0, 0];
  return [m!, k, n!, transA, transB, floatBits(c.attr<number>('alpha')), floatBits(c.attr<number>('beta')), cs ? 1 : 0, sm!, sn!];
};

// [outer, n, inner]: normalize over n elements spaced `inner` apart. Before opset 13 the input is coerced to
// 2-D at axis (default 1), so the whole tail is one group; from 13 only `axis` (default -1) is reduced.
const softmax: Builder = (c) => {
  const x = need(c, 0);
  const legacy = c.opset < 13;
  let axis = c.attr<number | undefined>('axis') ?? (legacy ? 1 : -1);
  if (axis < 0) axis += x.length;
  if (axis < 0 || axis > x.length || (!legacy && axis === x.length)) {
    throw new HoduError('E_ATTR', `${c.node.op} node '${c.node.name}': axis ${axis} out of range for rank ${x.length}`);
  }
  if (legacy) return [product(x.slice(0, axis)), product(x.slice(axis)), 1];
  return [product(x.slice(0, axis)), x[axis]!, product(x.slice(axis + 1))];
};

// [spatial, group, kernel(s), strides(s), pads_begin(s), pads_end(s), dilations(s)] with auto_pad resolved.
const conv: Builder = (c) => {
  const x = need(c, 0);
  const w = need(c, 1);
  const s = x.length - 2;
  const kernel = c.attr<number[] | undefined>('kernel_shape') ?? w.slice(2);
  const strides = c.attr<number[] | undefined>('strides') ?? new Array<number>(s).fill(1);
  const dilations = c.attr<number[] | undefined>('dilations') ?? new Array<number>(s).fill(1);
  const autoPad = c.attr<string>('auto_pad');
  let pads = c.attr<number[] | undefined>('pads') ?? new Array<number>(2 * s).fill(0);
  if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    pads = new Array<number>(2 * s).fill(0);
    for (let i = 0; i < s; i++) {
      const out = c.outputs[0]![2 + i]!;
      const total = Math.max(0, (out - 1) * strides[i]! + (kernel[i]! - 1) * dilations[i]! + 1 - x[2 + i]!);
      const small = Math.floor(total / 2);
      pads[i] = autoPad === 'SAME_UPPER' ? small : total - small;
      pads[s + i] = total - pads[i]!;
    }
  } else if (autoPad === 'VALID') pads = new Array<number>(2 * s).fill(0);
  return [s, c.attr<number>('group'), ...kernel, ...strides, ...pads, ...dilations];
};

// [rank, perm(rank)]
const transpose: Builder = (c) => {
  const rank = need(c, 0).length;
  const perm = c.attr<number[] | undefined>('perm') ?? Array.from({ length: rank }, (_, i) => rank - 1 - i);
  return [rank, ...perm];
};

// [axis] normalized to [0, rank)
const concat: Builder = (c) => {
  const rank = c.outputs[0]!.length;
  const axis = c.attr<number>('axis');
  return [axis < 0 ? axis + rank : axis];
};

const alphaOnly: Builder = (c) => [floatBits(c.attr<number>('alpha'))];

const BUILDERS: Record<string, Builder> = {
  Add: binary, Sub: binary, Mul: binary, Div: binary, Pow: binary, Mod: binary, PRelu: binary,
  Equal: binary, Less: binary, LessOrEqual: binary, Greater: binary, GreaterOrEqual: binary,
  And: binary, Or: binary, Xor: binary, BitShift: binary,
  MatMul: matmul, Gemm: gemm,
  Softmax: softmax, LogSoftmax: softmax, Hardmax: softmax,
  Conv: conv, Transpose: transpose, Concat: concat,
  LeakyRelu: alphaOnly, Elu: alphaOnly, Celu: alphaOnly,
  HardSigmoid: (c) => [floatBits(c.attr<number>('alpha')), floatBits(c.attr<number>('beta'))],
  Selu: (c) => [floatBits(c.attr<number>('alpha')), floatBits(c.attr<number>('gamma'))],
};

/** Ops whose metadata layout is defined (others get an empty array). */
export function opsWithMetadata(): string[] {
  return Object.keys(BUILDERS).sort();
}

/**
 * The int64 metadata of one step: `node`'s attributes and precomputed geometry for the given static
 * shapes (`inputShapes[i]` undefined for an omitted optional input). `opset` is the model's opset for the
 * node's domain (Softmax changed meaning at 13).
 */
export function buildMetadata(node: Node, inputShapes: (readonly number[] | undefined)[], outputShapes: readonly (readonly number[])[], opset = 21): bigint[] {
  const builder = node.domain === '' || node.domain === 'ai.onnx' ? BUILDERS[node.op] : undefined;
  if (!builder) return [];
  const schema = getOpSchema(node.op, node.domain);
  const values = builder({ node, inputs: inputShapes, outputs: outputShapes, opset, attr: (name) => readAttr(node, schema, name) });
  return values.map((v) => {
    if (!Number.isSafeInteger(v)) throw new HoduError('E_PLAN', `${node.op} node '${node.name}': metadata value ${v} is not an integer`);
    return BigInt(v);
  });
}
