/**
 * Whether one node can run on a native backend, judged from its kernel list (src/sdk/kernel-names.ts) and the
 * node's value facts once the feeds are known: the kernel name carries the dtypes, so `erf_f32` in the list
 * means Erf over float32 and nothing else (the list is the authority on dtypes: a backend whose capabilities say
 * float32 still has `reshape_f32_i64`, whose shape input is int64). Control flow, sequences, optionals and strings stay on the interp,
 * and so does a node with a value whose shape is not static (the planner needs every shape).
 */
import type { DType } from '../../ir/dtype';
import type { Node } from '../../ir/graph';
import { opId } from '../../ir/op-id';
import { hasSubgraph } from '../../ir/subgraphs';
import type { ValueFact } from '../../passes/analysis/infer-values';
import { kernelPrefix, opToKernelName } from '../../sdk/kernel-names';

/** What the native side of a partitioned session can run. */
export interface NativeTarget {
  /** The backend's name, for reasons ("cpu has no kernel …"). */
  name: string;
  /** Its kernel names (`add_f32`, …). */
  kernels: readonly string[];
  /** Nodes the plugin refused at create() (by name, with its message): they stay on the interp. */
  refused?: ReadonlyMap<string, string>;
}

type NodeSupport = { native: true; kernel: string } | { native: false; reason: string };

const shapeText = (f: ValueFact) => `[${f.shape?.join(',') ?? '*'}]`;

/** Whether `node` runs on `target`, or why it stays on the interp. `facts`: every value's inferred dtype and shape. */
export function nativeSupport(node: Node, facts: ReadonlyMap<string, ValueFact>, target: NativeTarget): NodeSupport {
  if (hasSubgraph(node)) return { native: false, reason: `control flow (${node.op}) is run by the host, not a backend (its bodies are listed apart)` };
  const refused = target.refused?.get(node.name);
  if (refused) return { native: false, reason: `${target.name} refused it at create(): ${refused}` };
  const dtypes: DType[] = [];
  for (const name of [...node.inputs, ...node.outputs]) {
    if (name === '') continue;
    const f = facts.get(name);
    if (!f?.dtype) return { native: false, reason: `value '${name}' is not a tensor of known dtype (a sequence, an optional, or not inferred)` };
    if (f.dtype === 'string') return { native: false, reason: `value '${name}' is a string tensor` };
    if (!f.shape || f.shape.some((d) => typeof d !== 'number' || d < 0)) return { native: false, reason: `value '${name}' has no static shape (${shapeText(f)})` };
    dtypes.push(f.dtype);
  }
  let kernel: string;
  try {
    kernel = opToKernelName(node.op, dtypes, node.domain);
  } catch (e) {
    return { native: false, reason: e instanceof Error ? e.message : String(e) };
  }
  if (!target.kernels.includes(kernel)) {
    const prefix = `${kernelPrefix(node.op, node.domain)}_`;
    const other = target.kernels.filter((k) => k.startsWith(prefix));
    return {
      native: false,
      reason: other.length ? `${target.name} has no kernel '${kernel}' (it has ${other.join(', ')})` : `${target.name} has no kernel for ${opId(node.domain, node.op)} ('${kernel}')`,
    };
  }
  return { native: true, kernel };
}

export { anyNodeNative } from '../../sdk/kernel-coverage';
