/**
 * What the passes know about each value of the top-level graph: dtype and shape (dims may be symbolic),
 * from the declared input/value_info types, the initializers and each op schema's `infer`. Unlike the
 * planner's inferStaticGraph (src/plan/static-shapes.ts), which needs every shape static and throws
 * otherwise, this is best effort: an op that cannot be inferred leaves its outputs unknown.
 */
import type { DType } from '../../ir/dtype';
import { opsetFor, type Dim, type Model } from '../../ir/graph';
import type { Tensor } from '../../ir/tensor';
import { readAttr } from '../../ops/attrs';
import { getOpSchema } from '../../ops/registry';
import type { InferInput } from '../../ops/schema';
import { constantValue } from './graph-queries';

export interface ValueFact {
  dtype?: DType;
  shape?: Dim[];
  value?: Tensor;
}

export function valueFacts(model: Model): Map<string, ValueFact> {
  const g = model.graph;
  const facts = new Map<string, ValueFact>();
  for (const v of [...g.inputs, ...g.valueInfo]) {
    if (v.type?.kind === 'tensor') facts.set(v.name, { dtype: v.type.dtype, shape: v.type.shape });
  }
  for (const [name, t] of g.initializers) facts.set(name, { dtype: t.dtype, shape: [...t.dims], value: constantValue(g, name) });
  for (const node of g.nodes) {
    const schema = getOpSchema(node.op, node.domain);
    if (!schema?.infer) continue;
    const inputs: (InferInput | undefined)[] = node.inputs.map((n) => (n ? facts.get(n) ?? {} : undefined));
    let outs;
    try {
      outs = schema.infer({ node, opset: opsetFor(model, node.domain) ?? 1, inputs, attr: (name) => readAttr(node, schema, name) });
    } catch {
      continue; // An op inference rejects is left for the runtime to report.
    }
    node.outputs.forEach((name, i) => {
      const o = outs[i];
      if (!name || !o) return;
      const known = facts.get(name);
      facts.set(name, { dtype: o.dtype ?? known?.dtype, shape: o.shape ?? known?.shape });
    });
  }
  return facts;
}

/** The shape when every dim is a known number. */
export function staticShape(f: ValueFact | undefined): number[] | undefined {
  if (!f?.shape || f.shape.some((d) => typeof d !== 'number' || d < 0)) return undefined;
  return f.shape as number[];
}

/** Two shapes provably equal: same rank, each dim the same number or the same named symbol ('?' is unknown). */
export function sameShape(a: Dim[] | undefined, b: Dim[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((d, i) => d === b[i] && d !== '?' && d !== '');
}
