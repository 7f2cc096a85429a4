/**
 * fuse-gelu (-O2): GELU as PyTorch exports it becomes one Gelu (as onnxruntime's GeluFusion and
 * FastGeluFusion do):
 *
 *   erf:  A = Add(Erf(Div(x, √2)), 1)                                     ⇒  Gelu(x) {approximate='none'}
 *   tanh: A = Add(Tanh(Mul(Add(x, Mul(Pow(x, 3), 0.044715)), √(2/π))), 1)  ⇒  Gelu(x) {approximate='tanh'}
 *   y = x · A · 0.5, as Mul(Mul(x, A), 0.5), Mul(Mul(x, 0.5), A) or Mul(x, Mul(A, 0.5)), operands either side
 *
 * (Div(x, √2) may also be Mul(x, 1/√2); each constant is a scalar within 1e-4 relative of its value.) Applies
 * only when x is float32 or float16 (the interp's and the cpu plugin's Gelu dtypes) and no intermediate value
 * has another reader or is a graph output. Returns the same model when nothing is fused.
 *
 * Gelu is an opset-20 op; the model's ai.onnx opset is left alone for the reason fuse-layer-norm.ts gives
 * (ops are looked up by name; a bump would change other nodes' meaning).
 */
import type { Model, Node } from '../ir/graph';
import { toNumbers } from '../ir/tensor';
import { constantValue, consumers, isDefaultDomain, producers, readCounts } from './analysis/graph-queries';
import { valueFacts } from './analysis/value-facts';
import type { Pass } from './pass';

const DTYPES = new Set(['float32', 'float16']);

export const fuseGelu: Pass = { name: 'fuse-gelu', level: 2, run };

function run(model: Model): Model {
  const g = model.graph;
  const facts = valueFacts(model);
  const reads = readCounts(g);
  const producedBy = producers(g);
  const readers = consumers(g);
  const removed = new Set<Node>();
  const fused = new Map<Node, Node>();
  const isConst = (name: string | undefined, want: number) => {
    const t = name ? constantValue(g, name) : undefined;
    if (!t || t.size !== 1 || t.dims.length > 1) return false;
    return Math.abs(toNumbers(t)[0]! - want) <= 1e-4 * Math.abs(want);
  };
  /** The node producing `value` when it is `op`, read by its consumer alone. */
  const single = (value: string | undefined, op: string) => {
    const n = value ? producedBy.get(value) : undefined;
    return n && n.op === op && isDefaultDomain(n) && reads.get(value!) === 1 && !removed.has(n) ? n : undefined;
  };
  /** The other operand of a two-input node, given one of them. */
  const other = (n: Node, value: string) => (n.inputs[0] === value ? n.inputs[1] : n.inputs[1] === value ? n.inputs[0] : undefined);
  /** Operands (binary, commutative) `a` matched by `test`; returns the other operand. */
  const operandBy = (n: Node, test: (v: string) => boolean) => (n.inputs.length !== 2 ? undefined : test(n.inputs[0]!) ? n.inputs[1] : test(n.inputs[1]!) ? n.inputs[0] : undefined);

  for (const add of g.nodes) {
    if (add.op !== 'Add' || !isDefaultDomain(add) || removed.has(add)) continue;
    const inner = operandBy(add, (v) => isConst(v, 1));
    const erf = single(inner, 'Erf');
    const tanh = single(inner, 'Tanh');
    const body = erf ? erfBody(erf) : tanh ? tanhBody(tanh) : undefined;
    if (!body) continue;
    const x = body.x;
    if (!DTYPES.has(facts.get(x)?.dtype ?? '') || reads.get(add.outputs[0]!) !== 1) continue;
    const product = productOf(add, x);
    if (!product) continue;
    [...body.nodes, add, ...product.nodes].forEach((n) => removed.add(n));
    fused.set(product.last, {
      name: product.last.name, op: 'Gelu', domain: '', inputs: [x], outputs: [product.last.outputs[0]!],
      attributes: { approximate: { type: 'string', value: erf ? 'none' : 'tanh' } },
    });
  }
  if (!fused.size) return model;
  // The Gelu takes the last Mul's place: x is defined before the whole chain.
  const nodes = g.nodes.flatMap((n) => (fused.has(n) ? [fused.get(n)!] : removed.has(n) ? [] : [n]));
  const gone = new Set([...removed].filter((n) => !fused.has(n)).flatMap((n) => n.outputs));
  return { ...model, graph: { ...g, nodes, valueInfo: g.valueInfo.filter((v) => !gone.has(v.name)) } };

  /** Erf(Div(x, √2)) or Erf(Mul(x, 1/√2)): x and the nodes. */
  function erfBody(erf: Node) {
    const div = single(erf.inputs[0], 'Div');
    if (div && isConst(div.inputs[1], Math.SQRT2)) return { x: div.inputs[0]!, nodes: [erf, div] };
    const mul = single(erf.inputs[0], 'Mul');
    const x = mul && operandBy(mul, (v) => isConst(v, Math.SQRT1_2));
    return x ? { x, nodes: [erf, mul] } : undefined;
  }

  /** Tanh(Mul(Add(x, Mul(Pow(x, 3), 0.044715)), √(2/π))), each Mul and Add's operands either side. */
  function tanhBody(tanh: Node) {
    const scaled = single(tanh.inputs[0], 'Mul');
    const sum = single(scaled && operandBy(scaled, (v) => isConst(v, Math.sqrt(2 / Math.PI))), 'Add');
    if (!scaled || !sum || sum.inputs.length !== 2) return undefined;
    for (const side of [0, 1]) {
      const x = sum.inputs[side]!;
      const cubic = single(sum.inputs[1 - side], 'Mul');
      const pow = single(cubic && operandBy(cubic, (v) => isConst(v, 0.044715)), 'Pow');
      if (cubic && pow && pow.inputs[0] === x && isConst(pow.inputs[1], 3)) return { x, nodes: [tanh, scaled, sum, cubic, pow] };
    }
    return undefined;
  }

  /** x · A · 0.5 around A = add's output: the Muls and the one whose output is the Gelu's. */
  function productOf(add: Node, x: string): { nodes: Node[]; last: Node } | undefined {
    const a = add.outputs[0]!;
    const onlyReader = (value: string) => {
      const rs = readers.get(value) ?? [];
      const n = rs.length === 1 && reads.get(value) === 1 ? rs[0] : undefined;
      return n && n.op === 'Mul' && isDefaultDomain(n) && n.inputs.length === 2 && !removed.has(n) ? n : undefined;
    };
    const m1 = onlyReader(a);
    const partner = m1 && other(m1, a);
    if (!m1 || !partner) return undefined;
    if (partner === x || isConst(partner, 0.5)) {
      // x · A (or A · 0.5) first, then the remaining factor.
      const m2 = onlyReader(m1.outputs[0]!);
      const rest = m2 && other(m2, m1.outputs[0]!);
      const ok = rest !== undefined && (partner === x ? isConst(rest, 0.5) : rest === x);
      return ok ? { nodes: [m1, m2!], last: m2! } : undefined;
    }
    // (x · 0.5) · A.
    const half = single(partner, 'Mul');
    return half && operandBy(half, (v) => isConst(v, 0.5)) === x ? { nodes: [half, m1], last: m1 } : undefined;
  }
}
