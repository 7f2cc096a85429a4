/** A profiled interp node as `hodu run --profile` reports it: self time, when it ran, how deep, and its shapes. */
import type { Node } from '../../ir/graph';
import { Tensor } from '../../ir/tensor';
import type { NodeTiming } from '../../sdk/backend';
import type { NodeRunDetail } from './executor';
import type { Value } from './kernel';

const shapeOf = (v: Value | undefined): number[] | null => (v instanceof Tensor ? [...v.dims] : null);

export function interpNodeTiming(node: Node, ms: number, d: NodeRunDetail): NodeTiming {
  return {
    node: node.name,
    op: node.op,
    ms,
    startMs: d.startMs,
    wallMs: d.wallMs,
    depth: d.depth,
    shapes: { inputs: d.inputs.map(shapeOf), outputs: d.outputs.map(shapeOf) },
  };
}
