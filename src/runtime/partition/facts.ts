/**
 * The value facts partitioning judges nodes by: the optimizer's inference engine (best effort, with constant
 * folding) over the model with each fed tensor's concrete shape in place of its declared one, so a dynamic
 * batch becomes a number. Folded nodes need no backend at all; their values are constants. An If whose
 * condition those shapes decide is replaced by its taken branch's nodes (`inlined`), which partition like any.
 */
import type { Model } from '../../ir/graph';
import { Tensor } from '../../ir/tensor';
import { inferValues, type Inference } from '../../passes/analysis/infer-values';
import type { RuntimeValue } from '../../sdk/backend';

export function inferWithFeeds(model: Model, feeds: ReadonlyMap<string, RuntimeValue>): Inference {
  const inputs = model.graph.inputs.map((i) => {
    const v = feeds.get(i.name);
    return v instanceof Tensor ? { ...i, type: { kind: 'tensor' as const, dtype: v.dtype, shape: [...v.dims] } } : i;
  });
  return inferValues({ ...model, graph: { ...model.graph, inputs } }, { fold: true, inlineIfs: true });
}

/** The key of a feed set's shapes: runs with the same key share one partition plan. */
export function feedShapesKey(feeds: ReadonlyMap<string, RuntimeValue>): string {
  const parts: string[] = [];
  for (const [name, v] of feeds) parts.push(`${name}:${v instanceof Tensor ? `${v.dtype}[${v.dims.join(',')}]` : Array.isArray(v) ? `seq${v.length}` : 'none'}`);
  return parts.sort().join(';');
}
