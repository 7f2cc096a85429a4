/**
 * Structured clone (postMessage) keeps a Tensor's fields but not its class: `instanceof Tensor` fails and the
 * `size`/`rank` getters are gone. These walk a cloned model or value map and rebuild the Tensors in place
 * (the typed arrays are reused, not copied).
 */
import type { Attribute, Graph, Model, Node } from '../../../ir/graph';
import { Tensor } from '../../../ir/tensor';
import type { RuntimeValue } from '../../../sdk/backend';

/** A Tensor's fields without its class, as postMessage delivers it. */
type ClonedTensor = Pick<Tensor, 'dtype' | 'dims' | 'data'>;

function reviveTensor(t: Tensor | ClonedTensor): Tensor {
  return t instanceof Tensor ? t : new Tensor(t.dtype, t.dims, t.data);
}

function reviveValue(v: RuntimeValue): RuntimeValue {
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? v.map(reviveTensor) : reviveTensor(v);
}

export function reviveValues(values: Map<string, RuntimeValue>): Map<string, RuntimeValue> {
  for (const [name, v] of values) values.set(name, reviveValue(v));
  return values;
}

export function reviveModel(model: Model): Model {
  reviveGraph(model.graph);
  for (const f of model.functions) f.nodes.forEach(reviveNode);
  return model;
}

function reviveGraph(g: Graph): void {
  for (const [name, t] of g.initializers) g.initializers.set(name, reviveTensor(t));
  g.nodes.forEach(reviveNode);
}

function reviveNode(node: Node): void {
  for (const [key, a] of Object.entries(node.attributes)) node.attributes[key] = reviveAttribute(a);
}

function reviveAttribute(a: Attribute): Attribute {
  switch (a.type) {
    case 'tensor':
    case 'sparse_tensor':
      return { ...a, value: reviveTensor(a.value) };
    case 'tensors':
      return { ...a, value: a.value.map(reviveTensor) };
    case 'graph':
      reviveGraph(a.value);
      return a;
    case 'graphs':
      a.value.forEach(reviveGraph);
      return a;
    default:
      return a;
  }
}
