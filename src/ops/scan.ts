import { normalizeAxis } from '../ir/axis';
import type { Dim, Graph, TensorType } from '../ir/graph';
import { defineOp } from './schema';
import type { InferOutput } from './schema';
import { NUMERIC_BOOL } from './_types';

// Scan-8: inputs (sequence_lens?, states..., scans...), every input batched on axis 0, scanned on axis 1,
// `directions` per scan input. Scan-9/11/16/19/21: no batch and no sequence_lens; scan_input_axes/directions
// and scan_output_axes/directions (negative axes from 11). The body maps (states, scan slices) to
// (new states, scan output slices); scan output slices are stacked along their scan axis.
export default defineOp({
  op: 'Scan',
  sinceVersion: 8,
  versions: [8, 9, 11, 16, 19, 21], types: { V: NUMERIC_BOOL },
  inputs: [{ name: 'initial_state_and_scan_inputs', type: 'V', variadic: true, optional: true }],
  outputs: [{ name: 'final_state_and_scan_outputs', type: 'V', variadic: true }],
  attributes: {
    body: { type: 'graph', required: true },
    num_scan_inputs: { type: 'int', required: true },
    directions: { type: 'ints' },
    scan_input_directions: { type: 'ints' },
    scan_output_directions: { type: 'ints' },
    scan_input_axes: { type: 'ints' },
    scan_output_axes: { type: 'ints' },
  },
  infer(ctx) {
    const body = ctx.attr<Graph>('body');
    const batched = ctx.opset < 9;
    const states = ctx.inputs.length - (batched ? 1 : 0) - ctx.attr<number>('num_scan_inputs');
    const outAxes = ctx.attr<number[] | undefined>('scan_output_axes') ?? [];
    // Opset ≥ 9: the number of iterations is the first scan input's length along its scan axis.
    const inAxes = ctx.attr<number[] | undefined>('scan_input_axes') ?? [];
    const first = ctx.inputs[states];
    const length: Dim = !batched && first?.shape
      ? (first.shape[normalizeAxis(inAxes[0] ?? 0, first.shape.length, ctx.node, 'scan_input_axes entry')] ?? '?')
      : '?';
    return ctx.node.outputs.map((_, i): InferOutput => {
      const b = body.outputs[i]?.type;
      const bt = b?.kind === 'tensor' ? (b as TensorType) : undefined;
      if (i < states) {
        const init = ctx.inputs[i + (batched ? 1 : 0)];
        return { dtype: init?.dtype ?? bt?.dtype, shape: init?.shape?.slice() };
      }
      if (!bt?.shape) return { dtype: bt?.dtype };
      const shape: Dim[] = bt.shape.slice();
      if (batched) return { dtype: bt.dtype, shape: ['?', '?', ...shape] };
      // A new axis is inserted, so the output rank (one more than the body output's) bounds it.
      const axis = normalizeAxis(outAxes[i - states] ?? 0, shape.length + 1, ctx.node, 'scan_output_axes entry');
      shape.splice(axis, 0, length);
      return { dtype: bt.dtype, shape };
    });
  },
});
