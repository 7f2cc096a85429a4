/**
 * The float16 twin of a float32 model, for the bench's float16 rows (the same model, stored as float16, run by
 * hodu and by onnxruntime side by side): float32 weights (initializers and Constant tensors), graph inputs,
 * outputs and declared value types become float16, Cast to float becomes Cast to float16. The inputs ONNX
 * types as float32 whatever the data's type (Resize's roi and scales, Upsample's scales) stay float32.
 * Models with subgraphs are refused (the bench converts none).
 */
import type { Graph, Model, Node, ValueInfo } from '../../src/ir/graph';
import { hasSubgraph } from '../../src/ir/subgraphs';
import { fromNumbers, toNumbers, type Tensor } from '../../src/ir/tensor';

/** Input slots typed float32 by the spec, not by the model's data type. */
const FLOAT32_SLOTS: Record<string, number[]> = { Resize: [1, 2], Upsample: [1] };
const FLOAT = 1, FLOAT16 = 10; // TensorProto data types, as Cast's `to` holds them

const half = (t: Tensor): Tensor => (t.dtype === 'float32' ? fromNumbers('float16', [...t.dims], Array.from(toNumbers(t))) : t);
const halfInfo = (v: ValueInfo): ValueInfo => (v.type?.kind === 'tensor' && v.type.dtype === 'float32' ? { ...v, type: { ...v.type, dtype: 'float16' } } : v);

export function float16Twin(model: Model): Model {
  const g = model.graph;
  const keep = new Set<string>();
  for (const n of g.nodes) {
    if (hasSubgraph(n)) throw new Error(`float16Twin: ${n.op} node '${n.name}' has a subgraph`);
    for (const slot of FLOAT32_SLOTS[n.op] ?? []) if (n.inputs[slot]) keep.add(n.inputs[slot]!);
  }
  const node = (n: Node): Node => {
    const a = n.attributes;
    if (n.op === 'Cast' && a.to?.type === 'int' && a.to.value === FLOAT) return { ...n, attributes: { ...a, to: { type: 'int', value: FLOAT16 } } };
    if ((n.op === 'Constant' && !keep.has(n.outputs[0]!)) || n.op === 'ConstantOfShape') {
      if (a.value?.type === 'tensor') return { ...n, attributes: { ...a, value: { type: 'tensor', value: half(a.value.value) } } };
    }
    return n;
  };
  const graph: Graph = {
    ...g,
    nodes: g.nodes.map(node),
    inputs: g.inputs.map((v) => (keep.has(v.name) ? v : halfInfo(v))),
    outputs: g.outputs.map(halfInfo),
    valueInfo: g.valueInfo.map((v) => (keep.has(v.name) ? v : halfInfo(v))),
    initializers: new Map([...g.initializers].map(([name, t]) => [name, keep.has(name) ? t : half(t)])),
  };
  return { ...model, graph };
}
