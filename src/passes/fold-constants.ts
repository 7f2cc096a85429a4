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
 * The evaluation is the shared engine's (analysis/infer-values.ts), which the planner runs in strict mode.
 * The now-unread inputs are left for eliminate-dead-code. Returns the same model when nothing folds.
 */
import type { Model } from '../ir/graph';
import type { Tensor } from '../ir/tensor';
import { inferValues } from './analysis/infer-values';
import type { Pass } from './pass';

const MAX_FOLD_ELEMENTS = 1 << 20;

export const foldConstants: Pass = { name: 'fold-constants', level: 1, run };

function run(model: Model): Model {
  const g = model.graph;
  const { facts, remaining } = inferValues(model, { fold: true, maxFoldElements: MAX_FOLD_ELEMENTS });
  if (remaining.length === g.nodes.length) return model;
  const kept = new Set(remaining);
  const consts = new Map<string, Tensor>();
  for (const node of g.nodes) {
    if (kept.has(node)) continue;
    for (const name of node.outputs) if (name) consts.set(name, facts.get(name)!.value!);
  }
  // A folded graph output stays an output; it is now produced by its initializer.
  const initializers = new Map([...g.initializers, ...consts]);
  return { ...model, graph: { ...g, nodes: remaining, initializers } };
}
