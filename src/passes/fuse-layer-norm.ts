/**
 * fuse-layer-norm (-O2): LayerNorm as PyTorch exports it before opset 17 becomes one LayerNormalization
 * (as onnxruntime's LayerNormFusion does):
 *
 *   μ = ReduceMean(x, [-1]); d = Sub(x, μ); σ² = ReduceMean(Pow(d, 2), [-1]);
 *   y = Add(Mul(Div(d, Sqrt(Add(σ², ε))), γ), β)   ⇒   y = LayerNormalization(x, γ, β) {axis=-1, epsilon=ε}
 *
 * Applies only when both ReduceMeans reduce the last axis alone with keepdims (axes an attribute, or a
 * constant input from opset 18), the exponent is a constant 2, ε is a scalar constant, γ and β are constant
 * vectors of the last axis' size (either may be absent: γ = 1 is written then; Mul and Add may take them
 * on either side), x is float32 or float16, and no intermediate value has another reader or is a graph
 * output. Otherwise the chain is left as it is. Returns the same model when nothing is fused.
 *
 * The model's ai.onnx opset is left alone even below 17: hodu's registry, verifier, interp and cpu plugin
 * look ops up by name, not by the model's opset, so LayerNormalization runs there; bumping the opset instead
 * would change what other nodes mean (ReduceMean's axes become an input at 18, Split's at 13, …). The
 * optimized model lives in memory only (ort-backend prepares at -O0), so no file with it is written.
 */
import { opsetFor, type Model, type Node } from '../ir/graph';
import { fromNumbers, toIntList, toNumbers } from '../ir/tensor';
import { constantValue, consumers, freshName, isDefaultDomain, producers, readCounts } from './analysis/graph-queries';
import { valueFacts } from './analysis/value-facts';
import type { Pass } from './pass';

const DTYPES = new Set(['float32', 'float16']);

export const fuseLayerNorm: Pass = { name: 'fuse-layer-norm', level: 2, run };

function run(model: Model): Model {
  let g = model.graph;
  const facts = valueFacts(model);
  const reads = readCounts(g);
  const producedBy = producers(g);
  const readers = consumers(g);
  const opset = opsetFor(model) ?? 1;
  const removed = new Set<Node>();
  const fused = new Map<Node, Node>(); // the chain's last node → its LayerNormalization
  const onlyReader = (value: string, n = 1) => reads.get(value) === n;
  const from = (value: string | undefined, op: string) => {
    const node = value ? producedBy.get(value) : undefined;
    return node && node.op === op && isDefaultDomain(node) && !removed.has(node) && !fused.has(node) ? node : undefined;
  };
  const scalar = (name: string | undefined) => {
    const t = name ? constantValue(g, name) : undefined;
    return t && t.size === 1 && t.dims.length <= 1 ? toNumbers(t)[0] : undefined;
  };
  for (const div of g.nodes) {
    if (div.op !== 'Div' || !isDefaultDomain(div) || removed.has(div)) continue;
    const [dName, stdName] = div.inputs;
    const sqrt = from(stdName, 'Sqrt');
    const addEps = from(sqrt?.inputs[0], 'Add');
    const sub = from(dName, 'Sub');
    const mean = from(sub?.inputs[1], 'ReduceMean');
    if (!sqrt || !addEps || !sub || !mean) continue;
    const x = sub.inputs[0]!;
    const xFact = facts.get(x);
    const rank = xFact?.shape?.length;
    const D = xFact?.shape?.[rank! - 1];
    if (mean.inputs[0] !== x || !rank || typeof D !== 'number' || !DTYPES.has(xFact!.dtype ?? '')) continue;
    const epsSide = scalar(addEps.inputs[1]) !== undefined ? 1 : 0;
    const epsilon = scalar(addEps.inputs[epsSide]);
    const variance = from(addEps.inputs[1 - epsSide], 'ReduceMean');
    const pow = from(variance?.inputs[0], 'Pow');
    if (epsilon === undefined || !variance || !pow || pow.inputs[0] !== dName || scalar(pow.inputs[1]) !== 2) continue;
    if (!reducesLastAxis(mean, rank, opset, g) || !reducesLastAxis(variance, rank, opset, g)) continue;
    // d is read by Pow and Div; every other link of the chain by the next link alone.
    const chain = [mean, sub, pow, variance, addEps, sqrt];
    if (!onlyReader(dName!, 2) || ![mean, pow, variance, addEps, sqrt].every((n) => onlyReader(n.outputs[0]!))) continue;
    let last = div;
    const vectorOn = (node: Node | undefined) => {
      if (!node || node.inputs.length !== 2 || !onlyReader(last.outputs[0]!)) return undefined;
      const side = node.inputs[0] === last.outputs[0] ? 1 : node.inputs[1] === last.outputs[0] ? 0 : -1;
      const t = side < 0 ? undefined : constantValue(g, node.inputs[side]!);
      return t && t.dims.length === 1 && t.dims[0] === D && t.dtype === xFact!.dtype ? node.inputs[side]! : undefined;
    };
    const readerOf = (value: string) => readers.get(value)?.find((n) => n.inputs.includes(value) && isDefaultDomain(n) && !removed.has(n));
    const mul = readerOf(div.outputs[0]!);
    let gamma = mul?.op === 'Mul' ? vectorOn(mul) : undefined;
    if (gamma) {
      chain.push(div);
      last = mul!;
    }
    const add = readerOf(last.outputs[0]!);
    const beta = add?.op === 'Add' ? vectorOn(add) : undefined;
    if (beta) {
      chain.push(last);
      last = add!;
    }
    if (!gamma) {
      gamma = freshName(g, `${div.name || 'layer_norm'}_scale`);
      g = { ...g, initializers: new Map(g.initializers).set(gamma, fromNumbers(xFact!.dtype!, [D], new Array(D).fill(1))) };
    }
    chain.forEach((n) => removed.add(n));
    fused.set(last, {
      name: last.name, op: 'LayerNormalization', domain: '',
      inputs: beta ? [x, gamma, beta] : [x, gamma], outputs: [last.outputs[0]!],
      attributes: { axis: { type: 'int', value: -1 }, epsilon: { type: 'float', value: epsilon }, stash_type: { type: 'int', value: 1 } },
    });
  }
  if (!fused.size) return model;
  // The LayerNormalization takes the last node's place: x and the constants are defined before the chain.
  const nodes = g.nodes.flatMap((n) => (removed.has(n) ? [] : [fused.get(n) ?? n]));
  const gone = new Set([...removed].flatMap((n) => n.outputs));
  return { ...model, graph: { ...g, nodes, valueInfo: g.valueInfo.filter((v) => !gone.has(v.name)) } };
}

/** The ReduceMean keeps dims and reduces the last axis of a rank-`rank` input alone. */
function reducesLastAxis(node: Node, rank: number, opset: number, g: Model['graph']): boolean {
  const keep = node.attributes.keepdims;
  if (keep && keep.value !== 1) return false;
  const attr = node.attributes.axes;
  let axes: number[] | undefined;
  if (opset < 18) axes = attr?.type === 'ints' ? attr.value : undefined;
  else if (node.inputs[1]) {
    const t = constantValue(g, node.inputs[1]);
    axes = t ? toIntList(t) : undefined;
  }
  return axes?.length === 1 && (axes[0] === -1 || axes[0] === rank - 1);
}
