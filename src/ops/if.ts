import type { Dim, Graph, TensorType, ValueInfo } from '../ir/graph';
import { defineOp } from './schema';
import type { InferOutput } from './schema';
import { ALL } from './_types';

/** What both branches agree on for one output: the dtype, and dims that match (else '?'). */
function mergeBranchTypes(a: ValueInfo | undefined, b: ValueInfo | undefined): InferOutput {
  const ta = a?.type?.kind === 'tensor' ? (a.type as TensorType) : undefined;
  const tb = b?.type?.kind === 'tensor' ? (b.type as TensorType) : undefined;
  if (!ta || !tb) return { dtype: ta?.dtype ?? tb?.dtype };
  if (!ta.shape || !tb.shape || ta.shape.length !== tb.shape.length) return { dtype: ta.dtype };
  return { dtype: ta.dtype, shape: ta.shape.map((d, i): Dim => (d === tb.shape![i] ? d : '?')) };
}

// If-1/11/13/16/19/21: runs then_branch or else_branch; both must produce the node's outputs.
export default defineOp({
  op: 'If',
  sinceVersion: 1,
  versions: [1, 11, 13, 16, 19, 21], types: { V: ALL, B: ['bool'] },
  inputs: [{ name: 'cond', type: 'B' }],
  outputs: [{ name: 'outputs', type: 'V', variadic: true }],
  attributes: {
    then_branch: { type: 'graph', required: true },
    else_branch: { type: 'graph', required: true },
  },
  infer(ctx) {
    const thenG = ctx.attr<Graph>('then_branch');
    const elseG = ctx.attr<Graph>('else_branch');
    return ctx.node.outputs.map((_, i) => mergeBranchTypes(thenG.outputs[i], elseG.outputs[i]));
  },
});
