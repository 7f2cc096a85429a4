/**
 * fold-batchnorm-into-conv (-O2): an inference BatchNormalization right after a Conv becomes part of it.
 *
 *   y = BN(Conv(x, W, b), γ, β, μ, σ²)  ⇒  y = Conv(x, W·s, (b − μ)·s + β),   s = γ / √(σ² + ε)
 *
 * (s scales output channel m: W[m, …] · s[m]; b = 0 when the Conv has no bias.) Applies only when the Conv
 * output is read by that BN alone, W, b, γ, β, μ, σ² are constants, the BN is in inference mode (one output,
 * training_mode = 0, is_test = 1 before opset 7, spatial = 1) and the dtype is a float. The arithmetic is
 * done in float64 and stored in W's dtype; new initializers get fresh names (W may be shared). The old
 * weights are left for eliminate-dead-code. Returns the same model when nothing is folded.
 */
import { opsetFor, type Model, type Node } from '../ir/graph';
import { fromNumbers, toNumbers, type Tensor } from '../ir/tensor';
import { nodeAttr } from '../ops/registry';
import { constantValue, freshName, isDefaultDomain, producers, readCounts } from './analysis/graph-queries';
import type { Pass } from './pass';

const FLOATS = new Set(['float32', 'float64', 'float16']);

export const foldBatchNormIntoConv: Pass = { name: 'fold-batchnorm-into-conv', level: 2, run };

function run(model: Model): Model {
  let g = model.graph;
  const reads = readCounts(g);
  const producedBy = producers(g);
  const replaced = new Map<Node, Node | null>(); // Conv → fused Conv, BN → null (removed)
  for (const bn of g.nodes) {
    if (bn.op !== 'BatchNormalization' || !isDefaultDomain(bn) || !isInference(bn, opsetFor(model) ?? 1)) continue;
    const conv = producedBy.get(bn.inputs[0]!);
    if (!conv || conv.op !== 'Conv' || !isDefaultDomain(conv) || replaced.has(conv) || reads.get(conv.outputs[0]!) !== 1) continue;
    const [W, b] = [constantValue(g, conv.inputs[1]!), conv.inputs[2] ? constantValue(g, conv.inputs[2]) : undefined];
    const params = bn.inputs.slice(1, 5).map((n) => constantValue(g, n));
    if (!W || !FLOATS.has(W.dtype) || (conv.inputs[2] && !b) || params.some((p) => !p)) continue;
    const M = W.dims[0]!;
    const [gamma, beta, mean, variance] = params.map((p) => toNumbers(p!));
    if ([gamma, beta, mean, variance].some((p) => p!.length !== M) || (b && b.size !== M)) continue;
    const eps = nodeAttr<number>(bn, 'epsilon');
    const s = Array.from({ length: M }, (_, m) => gamma![m]! / Math.sqrt(variance![m]! + eps));
    const w = toNumbers(W);
    const perChannel = W.size / M;
    const newW = Float64Array.from(w, (v, i) => v * s[Math.floor(i / perChannel)]!);
    const bias = b ? toNumbers(b) : new Float64Array(M);
    const newB = Float64Array.from({ length: M }, (_, m) => (bias[m]! - mean![m]!) * s[m]! + beta![m]!);
    const wName = freshName(g, `${conv.inputs[1]}_bn`);
    g = { ...g, initializers: new Map(g.initializers).set(wName, cast(W, W.dims, newW)) };
    const bName = freshName(g, `${conv.inputs[2] || `${conv.name}_bias`}_bn`);
    g = { ...g, initializers: new Map(g.initializers).set(bName, cast(W, [M], newB)) };
    replaced.set(conv, { ...conv, inputs: [conv.inputs[0]!, wName, bName], outputs: [bn.outputs[0]!] });
    replaced.set(bn, null);
  }
  if (!replaced.size) return model;
  const nodes = g.nodes.flatMap((n) => (replaced.has(n) ? (replaced.get(n) ? [replaced.get(n)!] : []) : [n]));
  const gone = new Set(g.nodes.filter((n) => replaced.has(n)).map((n) => n.outputs[0]!));
  return { ...model, graph: { ...g, nodes, valueInfo: g.valueInfo.filter((v) => !gone.has(v.name) || nodes.some((n) => n.outputs.includes(v.name))) } };
}

function isInference(bn: Node, opset: number): boolean {
  const int = (name: string) => nodeAttr<number>(bn, name);
  if (bn.outputs.slice(1).some((o) => o) || bn.inputs.length < 5) return false;
  if (opset < 7 && int('is_test') !== 1) return false;
  return int('training_mode') === 0 && int('spatial') === 1;
}

function cast(like: Tensor, dims: readonly number[], values: Float64Array): Tensor {
  return fromNumbers(like.dtype, dims, values);
}
