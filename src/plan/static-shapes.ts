/**
 * Static shape inference with constant folding, the first half of planning: the passes' inference engine
 * (src/passes/analysis/infer-values.ts) in strict mode, so the planner and the optimizer agree on what folds
 * and what each shape is. Every value must come out with a static dtype and shape; anything else is an
 * E_PLAN error naming the node.
 */
import type { DType } from '../ir/dtype';
import { opsetFor, type Model, type Node } from '../ir/graph';
import type { Tensor } from '../ir/tensor';
import { inferValues } from '../passes/analysis/infer-values';

export interface StaticValue {
  dtype: DType;
  dims: number[];
  /** Present when the value is a constant (initializer or folded). */
  value?: Tensor;
}

/** A node that survives folding and must run on the backend. */
interface PlannedNode {
  node: Node;
  opset: number;
}

interface StaticGraph {
  values: Map<string, StaticValue>;
  nodes: PlannedNode[];
}

/** Infers every value's static dtype and dims, folding constant subgraphs away. Throws HoduError('E_PLAN'). */
export function inferStaticGraph(model: Model, inputShapes: ReadonlyMap<string, readonly number[]>): StaticGraph {
  const { facts, remaining } = inferValues(model, { fold: true, strict: true, inputShapes });
  // Strict inference guarantees a dtype and a static shape for every value it records.
  const values = new Map([...facts].map(([name, f]): [string, StaticValue] => [name, { dtype: f.dtype!, dims: f.shape as number[], value: f.value }]));
  return { values, nodes: remaining.map((node) => ({ node, opset: opsetFor(model, node.domain) ?? 1 })) };
}
