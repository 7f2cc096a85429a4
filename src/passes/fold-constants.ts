/**
 * fold-constants (-O1): evaluates, once at build time, every top-level node whose result cannot depend on
 * the feeds, and turns its outputs into initializers.
 *
 *   y = f(c₁, …, cₙ)  with every cᵢ constant   ⇒   init y := f(c₁, …, cₙ)     (Constant() is the n = 0 case)
 *   y = Shape(x)      with x of static shape s  ⇒   init y := s                (Size likewise: ∏s)
 *
 * Constants are initializers that are not also graph inputs (a feed may override those) and earlier folded
 * values. Left alone: nondeterministic ops (Random*, Bernoulli, Multinomial, Dropout in training mode), nodes
 * with subgraphs, ops without an interp kernel, results that are not plain tensors or exceed MAX_FOLD_ELEMENTS
 * (folding would bloat the model), and nodes whose kernel throws (the runtime reports that error in context).
 * The now-unread inputs are left for eliminate-dead-code. Returns the same model when nothing folds.
 */
import { makeContext } from '../backends/interp/kernel';
import { getKernel } from '../backends/interp/kernel-registry';
import { opsetFor, type Model, type Node } from '../ir/graph';
import { Tensor } from '../ir/tensor';
import { shapeOrSizeValue } from '../ops/shape';
import { hasSubgraph } from '../ir/subgraphs';
import { constantValue, isDefaultDomain } from './analysis/graph-queries';
import { staticShape, valueFacts } from './analysis/value-facts';
import type { Pass } from './pass';

export const MAX_FOLD_ELEMENTS = 1 << 20;

const NONDETERMINISTIC = new Set(['RandomNormal', 'RandomUniform', 'RandomNormalLike', 'RandomUniformLike', 'Bernoulli', 'Multinomial']);

export const foldConstants: Pass = { name: 'fold-constants', level: 1, run };

function run(model: Model): Model {
  const g = model.graph;
  const facts = valueFacts(model);
  const consts = new Map<string, Tensor>();
  const constant = (name: string) => consts.get(name) ?? constantValue(g, name);
  const kept: Node[] = [];
  for (const node of g.nodes) {
    const opset = opsetFor(model, node.domain) ?? 1;
    const folded = foldShape(node, opset, staticShape(facts.get(node.inputs[0] ?? ''))) ?? evaluate(node, opset, constant);
    if (!folded) {
      kept.push(node);
      continue;
    }
    node.outputs.forEach((name, i) => name && consts.set(name, folded[i]!));
  }
  if (!consts.size) return model;
  // A folded graph output stays an output; it is now produced by its initializer.
  const initializers = new Map([...g.initializers, ...consts]);
  return { ...model, graph: { ...g, nodes: kept, initializers } };
}

function foldShape(node: Node, opset: number, dims: number[] | undefined): Tensor[] | undefined {
  const value = dims && shapeOrSizeValue(node, opset, dims);
  return value ? [value] : undefined;
}

function evaluate(node: Node, opset: number, constant: (name: string) => Tensor | undefined): Tensor[] | undefined {
  if (!isDeterministic(node, constant) || hasSubgraph(node)) return undefined;
  const inputs = node.inputs.map((n) => (n ? constant(n) : undefined));
  if (node.inputs.some((n, i) => n && !inputs[i])) return undefined;
  const kernel = getKernel(node.op, node.domain);
  if (!kernel) return undefined;
  let out;
  try {
    out = kernel(inputs, makeContext(node, opset, () => []));
  } catch {
    return undefined;
  }
  const tensors = node.outputs.map((_, i) => out[i]);
  const foldable = (t: unknown, i: number) => !node.outputs[i] || (t instanceof Tensor && t.size <= MAX_FOLD_ELEMENTS);
  return tensors.every(foldable) ? (tensors as Tensor[]) : undefined;
}

function isDeterministic(node: Node, constant: (name: string) => Tensor | undefined): boolean {
  if (NONDETERMINISTIC.has(node.op)) return false;
  if (node.op !== 'Dropout' || !isDefaultDomain(node)) return true;
  // Dropout drops only in training: opset ≥ 12 input 2 (training_mode), opset < 7 attribute is_test = 0.
  if (node.attributes.is_test?.type === 'int' && node.attributes.is_test.value === 0) return false;
  const mode = node.inputs[2];
  if (!mode) return true;
  const t = constant(mode);
  return t !== undefined && t.size === 1 && !Number(t.data[0]);
}
