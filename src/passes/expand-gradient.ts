/**
 * expand-gradient (-O0: needed to run at all): replaces each `ai.onnx.preview.training.Gradient` node with
 * explicit nodes — a copy of the forward computation from `xs` (and `zs`) to `y`, fed by the Gradient
 * node's own inputs, followed by reverse-mode differentiation of it:
 *
 *   c = Add(a, b); d = Mul(c, a); da, db = Gradient(a, b) {xs=[a,b], y=d}
 *   ──►  …forward copy…; g_d = ones_like(d); g_c = g_d·a; g_a = g_d·c + g_c; g_b = g_c; da = g_a; db = g_b
 *
 * As in the spec, y's gradient seed is all ones (the gradient of Σy). Gradients of broadcast inputs are
 * summed back to the input's shape with the hodu-internal `ai.hodu.SumToShape`. Differentiating through an
 * op without a rule below is an E_UNSUPPORTED_OP error naming the node.
 */
import { HoduError } from '../errors';
import type { Graph, Model, Node } from '../ir/graph';
import { float32Tensor } from '../ir/tensor';
import type { Pass } from './pass';
import { nodeLabel } from '../ir/node-label';
import { HODU_DOMAIN, TRAINING_DOMAIN } from '../ir/op-id';


export const expandGradients: Pass = { name: 'expand-gradient', level: 0, run };

function run(model: Model): Model {
  if (!model.graph.nodes.some(isGradient)) return model;
  const graph: Graph = { ...model.graph, nodes: model.graph.nodes.flatMap((n, i) => (isGradient(n) ? expandOne(model.graph, n, i) : [n])) };
  const opsets = model.opsetImports.some((o) => o.domain === HODU_DOMAIN) ? model.opsetImports : [...model.opsetImports, { domain: HODU_DOMAIN, version: 1 }];
  return { ...model, graph, opsetImports: opsets };
}

function isGradient(n: Node): boolean {
  return n.op === 'Gradient' && n.domain === TRAINING_DOMAIN;
}

function stringsAttr(n: Node, name: string): string[] {
  const a = n.attributes[name];
  return a?.type === 'strings' ? a.value : [];
}

/** Emits nodes with unique names under the Gradient node's name. */
class Emitter {
  readonly nodes: Node[] = [];
  private count = 0;
  constructor(private readonly prefix: string) {}
  value(hint: string): string {
    return `${this.prefix}/${hint}_${this.count++}`;
  }
  op(op: string, inputs: string[], attributes: Node['attributes'] = {}, domain = ''): string {
    const out = this.value(op.toLowerCase());
    this.nodes.push({ name: out, op, domain, inputs, outputs: [out], attributes });
    return out;
  }
  constant(v: number, like: string): string {
    const c = this.op('Constant', [], { value: { type: 'tensor', value: float32Tensor([v], []) } });
    return this.op('CastLike', [c, like]);
  }
  filled(v: number, like: string): string {
    const shape = this.op('Shape', [like]);
    const filled = this.op('ConstantOfShape', [shape], { value: { type: 'tensor', value: float32Tensor([v], [1]) } });
    return this.op('CastLike', [filled, like]);
  }
  sumTo(g: string, like: string): string {
    return this.op('SumToShape', [g, like], {}, HODU_DOMAIN);
  }
}

function expandOne(graph: Graph, grad: Node, index: number): Node[] {
  const xs = stringsAttr(grad, 'xs');
  const zs = stringsAttr(grad, 'zs');
  const yAttr = grad.attributes.y;
  const y = yAttr?.type === 'string' ? yAttr.value : '';
  const where = nodeLabel(grad);
  if (!xs.length || !y) throw new HoduError('E_ATTR', `${where} needs the attributes xs and y`, { hint: 'the model is malformed' });
  if (grad.outputs.length !== xs.length) throw new HoduError('E_ATTR', `${where} has ${grad.outputs.length} outputs for ${xs.length} xs`);

  // The forward nodes before the Gradient node that y depends on, stopping at xs and zs.
  const leaves = new Set([...xs, ...zs]);
  const producer = new Map<string, Node>();
  graph.nodes.slice(0, index).forEach((n) => n.outputs.forEach((o) => producer.set(o, n)));
  const needed = new Set<Node>();
  const stack = [y];
  while (stack.length) {
    const v = stack.pop()!;
    const p = leaves.has(v) ? undefined : producer.get(v);
    if (!p || needed.has(p)) continue;
    needed.add(p);
    for (const x of p.inputs) if (x) stack.push(x); // not push(...): a node's input list is unbounded
  }
  const forward = graph.nodes.slice(0, index).filter((n) => needed.has(n));

  // Copy the forward computation, fed by the Gradient node's inputs in place of xs and zs.
  const e = new Emitter(grad.name || 'gradient');
  const rename = new Map<string, string>();
  [...xs, ...zs].forEach((name, i) => rename.set(name, grad.inputs[i] ?? name));
  const r = (v: string) => rename.get(v) ?? v;
  const copies = forward.map((n) => {
    const outputs = n.outputs.map((o) => {
      const fresh = e.value(`fwd_${o}`);
      rename.set(o, fresh);
      return fresh;
    });
    return { ...n, name: `${e.value('fwd')}:${n.name}`, inputs: n.inputs.map((v) => (v ? r(v) : v)), outputs };
  });
  for (const c of copies) e.nodes.push(c);

  // Reverse mode: contributions per value, summed when a value is used more than once.
  const grads = new Map<string, string[]>();
  const add = (v: string, g: string) => grads.set(v, [...(grads.get(v) ?? []), g]);
  const total = (v: string): string | undefined => {
    const list = grads.get(v);
    if (!list?.length) return undefined;
    return list.reduce((acc, g) => e.op('Add', [acc, g]));
  };
  add(r(y), e.filled(1, r(y)));
  for (const n of [...copies].reverse()) {
    const g = total(n.outputs[0]!);
    if (g === undefined) continue;
    for (const [input, contribution] of backward(n, g, e, where)) add(input, contribution);
  }
  // Summing an x's contributions emits nodes too, so the outputs are built before the list is returned.
  const outputs = xs.map((x, i): Node => {
    const g = total(r(x)) ?? e.filled(0, r(x));
    return { name: `${grad.name}/out_${i}`, op: 'Identity', domain: '', inputs: [g], outputs: [grad.outputs[i]!], attributes: {} };
  });
  return [...e.nodes, ...outputs];
}

/** The gradient contributions of one node's inputs, given the gradient `g` of its (single) output. */
function backward(n: Node, g: string, e: Emitter, where: string): [string, string][] {
  const [a, b] = n.inputs as [string, string];
  const out = n.outputs[0]!;
  switch (n.op) {
    case 'Identity':
      return [[a, g]];
    case 'Neg':
      return [[a, e.op('Neg', [g])]];
    case 'Add':
      return [[a, e.sumTo(g, a)], [b, e.sumTo(g, b)]];
    case 'Sub':
      return [[a, e.sumTo(g, a)], [b, e.sumTo(e.op('Neg', [g]), b)]];
    case 'Mul':
      return [[a, e.sumTo(e.op('Mul', [g, b]), a)], [b, e.sumTo(e.op('Mul', [g, a]), b)]];
    case 'Div': // d(a/b)/db = −(a/b)/b
      return [[a, e.sumTo(e.op('Div', [g, b]), a)], [b, e.sumTo(e.op('Neg', [e.op('Div', [e.op('Mul', [g, out]), b])]), b)]];
    case 'Relu': {
      const zero = e.constant(0, a);
      return [[a, e.op('Where', [e.op('Greater', [a, zero]), g, e.op('Mul', [g, zero])])]];
    }
    case 'Sigmoid': // σ' = σ(1 − σ)
      return [[a, e.op('Mul', [g, e.op('Mul', [out, e.op('Sub', [e.constant(1, out), out])])])]];
    case 'Tanh': // tanh' = 1 − tanh²
      return [[a, e.op('Mul', [g, e.op('Sub', [e.constant(1, out), e.op('Mul', [out, out])])])]];
    case 'Exp':
      return [[a, e.op('Mul', [g, out])]];
    case 'Log':
      return [[a, e.op('Div', [g, a])]];
    case 'Sqrt':
      return [[a, e.op('Div', [g, e.op('Mul', [e.constant(2, out), out])])]];
    case 'MatMul': {
      const rankOf2 = { perm: { type: 'ints' as const, value: [1, 0] } };
      return [[a, e.op('MatMul', [g, e.op('Transpose', [b], rankOf2)])], [b, e.op('MatMul', [e.op('Transpose', [a], rankOf2), g])]];
    }
    default:
      throw new HoduError('E_UNSUPPORTED_OP', `${where}: cannot differentiate through ${nodeLabel({ ...n, name: n.name.split(':').pop() ?? n.name })}`, {
        hint: 'Gradient supports Add, Sub, Mul, Div, Neg, Identity, Relu, Sigmoid, Tanh, Exp, Log, Sqrt and 2-D MatMul',
      });
  }
}
