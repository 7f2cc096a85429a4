import type { Dim } from '../ir/graph';
import { toNumbers } from '../ir/tensor';
import { inferAxis } from './_shape';
import { defineOp } from './registry';

// OneHot-9/11 (negative indices and axis): inserts a `depth` axis at `axis`; on/off values from `values`.
export default defineOp({
  op: 'OneHot',
  sinceVersion: 9,
  untilVersion: 21,
  inputs: [{ name: 'indices' }, { name: 'depth' }, { name: 'values' }],
  outputs: [{ name: 'output' }],
  attributes: { axis: { type: 'int', default: -1 } },
  infer(ctx) {
    const [indices, depth, values] = ctx.inputs;
    if (!indices?.shape) return [{ dtype: values?.dtype }];
    const rank = indices.shape.length + 1;
    const axis = inferAxis(ctx, ctx.attr<number>('axis'), rank);
    const d: Dim = depth?.value ? Math.trunc(toNumbers(depth.value)[0]!) : '?';
    const shape = indices.shape.slice();
    shape.splice(axis, 0, d);
    return [{ dtype: values?.dtype, shape }];
  },
});
