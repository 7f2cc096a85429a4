/**
 * fuse-matmul-add (-O2): a 2-D MatMul by constant weights followed by a bias Add becomes one Gemm.
 *
 *   y = Add(MatMul(A, W), c)   (or Add(c, MatMul(A, W)))   ⇒   y = Gemm(A, W, c)      (α = β = 1)
 *
 * Applies only when A is provably 2-D ([M, K], dims may be symbolic), W is a constant [K, N], c is a
 * constant of shape [N], [1, N], [1] or [] (so Add's broadcast gives [M, N], as Gemm's unidirectional
 * broadcast of C does), the MatMul result is read by that Add alone, the dtype is a float Gemm takes, and
 * the opset is ≥ 7 (Gemm's C broadcasts from 7 on). Otherwise the pair is left as it is.
 * Returns the same model when nothing is fused.
 */
import { opsetFor, type Model, type Node } from '../ir/graph';
import { constantValue, isDefaultDomain, producers, readCounts } from './analysis/graph-queries';
import { valueFacts } from './analysis/value-facts';
import type { Pass } from './pass';

const GEMM_DTYPES = new Set(['float32', 'float64', 'float16']);

export const fuseMatMulAdd: Pass = { name: 'fuse-matmul-add', level: 2, run };

function run(model: Model): Model {
  const g = model.graph;
  if ((opsetFor(model) ?? 1) < 7) return model;
  const facts = valueFacts(model);
  const reads = readCounts(g);
  const producedBy = producers(g);
  const replaced = new Map<Node, Node | null>();
  for (const add of g.nodes) {
    if (add.op !== 'Add' || !isDefaultDomain(add) || add.inputs.length !== 2) continue;
    for (const side of [0, 1]) {
      const mm = producedBy.get(add.inputs[side]!);
      const c = constantValue(g, add.inputs[1 - side]!);
      if (!mm || !c || mm.op !== 'MatMul' || !isDefaultDomain(mm) || replaced.has(mm) || reads.get(mm.outputs[0]!) !== 1) continue;
      const a = facts.get(mm.inputs[0]!);
      const w = constantValue(g, mm.inputs[1]!);
      if (a?.shape?.length !== 2 || !w || w.dims.length !== 2 || !GEMM_DTYPES.has(w.dtype) || c.dtype !== w.dtype) continue;
      const n = w.dims[1]!;
      const biasOk = c.dims.length === 0 || (c.dims.length === 1 && (c.dims[0] === n || c.dims[0] === 1)) || (c.dims.length === 2 && c.dims[0] === 1 && (c.dims[1] === n || c.dims[1] === 1));
      if (!biasOk) continue;
      replaced.set(mm, null);
      replaced.set(add, { name: add.name, op: 'Gemm', domain: '', inputs: [mm.inputs[0]!, mm.inputs[1]!, add.inputs[1 - side]!], outputs: [add.outputs[0]!], attributes: {} });
      break;
    }
  }
  if (!replaced.size) return model;
  // The Gemm takes the Add's place: A and W are defined before the MatMul, hence before the Add too.
  const nodes = g.nodes.flatMap((n) => (replaced.has(n) ? (replaced.get(n) ? [replaced.get(n)!] : []) : [n]));
  const gone = new Set([...replaced.keys()].filter((n) => n.op === 'MatMul').map((n) => n.outputs[0]!));
  return { ...model, graph: { ...g, nodes, valueInfo: g.valueInfo.filter((v) => !gone.has(v.name)) } };
}
