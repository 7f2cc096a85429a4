import type { Attribute, Graph, Model, ValueType } from './graph';
import { isSubgraphAttr, namedSubgraphs } from './subgraphs';
import { shapeToString } from './tensor';

/**
 * Text form of the IR, used by `hodu inspect --graph` and by pass tests (before/after pairs):
 *
 *   graph main (x: float32[N,4]) -> (y: float32[N,2]) {
 *     init w: float32[4,2]
 *     %h = MatMul(x, w)
 *     y = Relu(%h) {alpha=0.1}
 *   }
 * Intermediate values are prefixed with `%`; subgraphs are printed nested.
 */
export function printModel(model: Model): string {
  const opsets = model.opsetImports.map((o) => `${o.domain || 'ai.onnx'}:${o.version}`).join(', ');
  return `model ir=${model.irVersion} opsets=[${opsets}]\n${printGraph(model.graph)}`;
}

export function printGraph(g: Graph, indent = ''): string {
  const io = new Set([...g.inputs.map((i) => i.name), ...g.outputs.map((o) => o.name), ...g.initializers.keys()]);
  const ref = (n: string) => (n === '' ? '_' : io.has(n) ? n : `%${n}`);
  const sig = (list: Graph['inputs']) => list.map((v) => `${v.name}: ${printType(v.type)}`).join(', ');
  const lines = [`${indent}graph ${g.name} (${sig(g.inputs.filter((i) => !g.initializers.has(i.name)))}) -> (${sig(g.outputs)}) {`];
  for (const [name, t] of g.initializers) lines.push(`${indent}  init ${name}: ${t.dtype}${shapeToString(t.dims)}`);
  for (const n of g.nodes) {
    const attrs = Object.entries(n.attributes).filter(([, a]) => !isSubgraphAttr(a));
    const attrText = attrs.length ? ` {${attrs.map(([k, a]) => `${k}=${printAttr(a)}`).join(', ')}}` : '';
    const op = n.domain && n.domain !== 'ai.onnx' ? `${n.domain}.${n.op}` : n.op;
    lines.push(`${indent}  ${n.outputs.map(ref).join(', ')} = ${op}(${n.inputs.map(ref).join(', ')})${attrText}`);
    for (const [k, sg] of namedSubgraphs(n)) lines.push(`${indent}    ${k}:`, printGraph(sg, `${indent}    `));
  }
  lines.push(`${indent}}`);
  return lines.join('\n');
}

export function printType(t: ValueType | undefined): string {
  if (!t) return '?';
  switch (t.kind) {
    case 'tensor':
      return `${t.dtype}${t.shape ? shapeToString(t.shape) : '[*]'}`;
    case 'sequence':
      return `seq<${printType(t.elem)}>`;
    case 'optional':
      return `optional<${printType(t.elem)}>`;
    case 'map':
      return `map<${t.key},${printType(t.value)}>`;
  }
}

function printAttr(a: Attribute): string {
  switch (a.type) {
    case 'float':
    case 'int':
      return String(a.value);
    case 'string':
      return JSON.stringify(a.value);
    case 'floats':
    case 'ints':
      return `[${a.value.join(',')}]`;
    case 'strings':
      return `[${a.value.map((s) => JSON.stringify(s)).join(',')}]`;
    case 'tensor':
    case 'sparse_tensor':
      return `tensor<${a.value.dtype}${shapeToString(a.value.dims)}>`;
    case 'tensors':
      return `[${a.value.map((t) => `tensor<${t.dtype}${shapeToString(t.dims)}>`).join(',')}]`;
    case 'type_proto':
      return printType(a.value);
    case 'ref':
      return `@${a.value}`;
    default:
      return a.type;
  }
}
