import { normalizeAxis } from '../ir/axis';
import type { Dim } from '../ir/graph';
import { toNumbers } from '../ir/tensor';
import { defineOp } from './schema';
import { ALL_BUT_BF16, NUMERIC_BUT_BF16 } from './_types';

// OneHot-9/11 (negative indices and axis): inserts a `depth` axis at `axis`; on/off values from `values`.
export default defineOp({
  op: 'OneHot',
  sinceVersion: 9,
  versions: [9, 11], types: { T1: NUMERIC_BUT_BF16, T2: NUMERIC_BUT_BF16, T3: ALL_BUT_BF16 },
  inputs: [{ name: 'indices', type: 'T1' }, { name: 'depth', type: 'T2' }, { name: 'values', type: 'T3' }],
  outputs: [{ name: 'output', type: 'T3' }],
  attributes: { axis: { type: 'int', default: -1 } },
  infer(ctx) {
    const [indices, depth, values] = ctx.inputs;
    if (!indices?.shape) return [{ dtype: values?.dtype }];
    const rank = indices.shape.length + 1;
    const axis = normalizeAxis(ctx.attr<number>('axis'), rank, ctx.node);
    const d: Dim = depth?.value ? Math.trunc(toNumbers(depth.value)[0]!) : '?';
    const shape = indices.shape.slice();
    shape.splice(axis, 0, d);
    return [{ dtype: values?.dtype, shape }];
  },
});
