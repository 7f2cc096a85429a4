import type { Dim, Graph, TensorType } from '../ir/graph';
import { defineOp } from './schema';
import type { InferOutput } from './schema';
import { ALL } from './_types';

// Loop-1/11/13/16/19/21. Inputs (M?, cond?, v_initial...); body (iter_num, cond, v...) -> (cond, v..., scan...).
// Outputs: the final loop-carried values, then each scan output stacked along a new first axis.
export default defineOp({
  op: 'Loop',
  sinceVersion: 1,
  versions: [1, 11, 13, 16, 19, 21], types: { V: ALL, I: ['int64'], B: ['bool'] },
  inputs: [{ name: 'M', type: 'I', optional: true }, { name: 'cond', type: 'B', optional: true }, { name: 'v_initial', type: 'V', variadic: true, optional: true }],
  outputs: [{ name: 'v_final_and_scan_outputs', type: 'V', variadic: true }],
  attributes: { body: { type: 'graph', required: true } },
  infer(ctx) {
    const body = ctx.attr<Graph>('body');
    const carried = ctx.inputs.length - 2;
    const bodyType = (i: number) => {
      const t = body.outputs[i]?.type;
      return t?.kind === 'tensor' ? (t as TensorType) : undefined;
    };
    // Without a cond input the loop runs exactly M times, so a constant M is the scan outputs' length.
    const m = ctx.inputs[0]?.value;
    const count = !ctx.node.inputs[1] && m?.size === 1 ? Number(m.data[0]) : -1;
    const trips: Dim = Number.isSafeInteger(count) && count >= 0 ? count : '?';
    return ctx.node.outputs.map((_, i): InferOutput => {
      const b = bodyType(1 + i);
      if (i < carried) {
        const init = ctx.inputs[2 + i];
        // A carried value may change shape between iterations: keep only the dims both agree on.
        const same = init?.shape && b?.shape && init.shape.length === b.shape.length;
        return { dtype: init?.dtype ?? b?.dtype, shape: same ? init!.shape!.map((d, k): Dim => (d === b!.shape![k] ? d : '?')) : undefined };
      }
      return { dtype: b?.dtype, shape: b?.shape ? [trips, ...b.shape] : undefined };
    });
  },
});
