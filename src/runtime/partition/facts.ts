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

/** The dtype and dims of each fed tensor, as a plan was made for them: the same again reuses it without a key. */
export type FeedShapes = readonly { name: string; dtype: string; dims: readonly number[] }[];

/** Undefined when a feed is not a tensor (those runs build the key). */
export function feedShapesOf(feeds: ReadonlyMap<string, RuntimeValue>): FeedShapes | undefined {
  const shapes: { name: string; dtype: string; dims: readonly number[] }[] = [];
  for (const [name, v] of feeds) {
    if (!(v instanceof Tensor)) return undefined;
    shapes.push({ name, dtype: v.dtype, dims: [...v.dims] });
  }
  return shapes;
}

/** Whether `feeds` has exactly the names, dtypes and dims of `shapes` (what feedShapesKey compares, without making a string). */
export function sameFeedShapes(feeds: ReadonlyMap<string, RuntimeValue>, shapes: FeedShapes): boolean {
  if (feeds.size !== shapes.length) return false;
  for (const s of shapes) {
    const v = feeds.get(s.name);
    if (!(v instanceof Tensor) || v.dtype !== s.dtype || v.dims.length !== s.dims.length) return false;
    for (let i = 0; i < s.dims.length; i++) if (v.dims[i] !== s.dims[i]) return false;
  }
  return true;
}
