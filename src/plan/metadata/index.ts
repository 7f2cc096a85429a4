/**
 * `buildMetadata`: the int64 array a DispatchManifest step carries for its kernel. Everything a kernel needs
 * beyond the tensor table (resolved attributes, broadcast strides, matrix sizes) is precomputed here, so a
 * C kernel never parses attributes or re-derives shapes. Layouts are documented per op in
 * docs/dispatch-manifest.md (section "Metadata"); floats are stored as their float32 bit pattern.
 * Ops without an entry get an empty array (their kernel needs only the tensor table). Attributes are read
 * through the op schema, so a default is never restated here; geometry comes from src/ops, shared with
 * shape inference and the interp kernels.
 */
import type { Node } from '../../ir/graph';
import { nodeError } from '../../ir/node-error';
import { readAttr } from '../../ops/attrs';
import { getOpSchema } from '../../ops/registry';
import { batchNorm } from './batch-norm';
import { clip } from './clip';
import type { Builder } from './context';
import { conv } from './conv';
import { cumSum } from './cum-sum';
import { depthToSpace, spaceToDepth } from './depth-to-space';
import { convTranspose } from './conv-transpose';
import { argExtreme } from './arg-max';
import { alphaOnly, binary, hardSigmoid, selu } from './elementwise';
import { bitShift, isInf, mod, prelu, shrink, variadicBroadcast } from './elementwise-more';
import { concat, transpose } from './layout';
import { instanceNorm } from './instance-norm';
import { layerNorm } from './layer-norm';
import { gather } from './gather';
import { gatherElements } from './gather-elements';
import { gelu } from './gelu';
import { groupNorm } from './group-norm';
import { gemm, matmul } from './matmul';
import { pad } from './pad';
import { averagePool, maxPool } from './pool';
import { reduce } from './reduce';
import { resize, upsample } from './resize';
import { scatterNd } from './scatter-nd';
import { gru, lstm } from './rnn';
import { slice } from './slice';
import { softmax } from './softmax';
import { split } from './split';
import { trilu } from './trilu';
import { variadicPair } from './variadic';
import { where } from './where';

const BUILDERS: Record<string, Builder> = {
  Add: binary, Sub: binary, Mul: binary, Div: binary, Pow: binary, Mod: mod, PRelu: prelu,
  Equal: binary, Less: binary, LessOrEqual: binary, Greater: binary, GreaterOrEqual: binary,
  And: binary, Or: binary, Xor: binary, BitShift: bitShift,
  BitwiseAnd: binary, BitwiseOr: binary, BitwiseXor: binary, Sum: variadicBroadcast, Mean: variadicBroadcast,
  ThresholdedRelu: alphaOnly, Shrink: shrink, IsInf: isInf,
  MatMul: matmul, Gemm: gemm,
  Softmax: softmax, LogSoftmax: softmax, Hardmax: softmax,
  Conv: conv, Transpose: transpose, Concat: concat,
  LeakyRelu: alphaOnly, Elu: alphaOnly, Celu: alphaOnly,
  HardSigmoid: hardSigmoid,
  Selu: selu,
  MaxPool: maxPool, AveragePool: averagePool, BatchNormalization: batchNorm, Clip: clip,
  LayerNormalization: layerNorm, LSTM: lstm, GRU: gru,
  Max: variadicPair, Min: variadicPair, Where: where, Gather: gather, Slice: slice, Pad: pad,
  Split: split, Gelu: gelu, CumSum: cumSum, Trilu: trilu,
  InstanceNormalization: instanceNorm, Resize: resize, Upsample: upsample, ConvTranspose: convTranspose,
  ReduceSum: reduce(13), ReduceMean: reduce(18), ReduceMax: reduce(18), ReduceMin: reduce(18),
  ReduceProd: reduce(18), ReduceL1: reduce(18), ReduceL2: reduce(18), ReduceLogSum: reduce(18),
  ReduceLogSumExp: reduce(18), ReduceSumSquare: reduce(18),
  ArgMax: argExtreme, ArgMin: argExtreme, DepthToSpace: depthToSpace, SpaceToDepth: spaceToDepth,
  GatherElements: gatherElements, ScatterND: scatterNd, GroupNormalization: groupNorm,
};

/**
 * The int64 metadata of one step: `node`'s attributes and precomputed geometry for the given static
 * shapes (`inputShapes[i]` undefined for an omitted optional input). `opset` is the model's opset for the
 * node's domain (Softmax changed meaning at 13).
 */
export function buildMetadata(node: Node, inputShapes: (readonly number[] | undefined)[], outputShapes: readonly (readonly number[])[], opset = 21): bigint[] {
  const builder = node.domain === '' ? BUILDERS[node.op] : undefined;
  if (!builder) return [];
  const schema = getOpSchema(node.op, node.domain);
  const values = builder({ node, inputs: inputShapes, outputs: outputShapes, opset, attr: (name) => readAttr(node, schema, name) });
  return values.map((v) => {
    if (!Number.isSafeInteger(v)) throw nodeError(node, 'E_PLAN', `metadata value ${v} is not an integer`);
    return BigInt(v);
  });
}
