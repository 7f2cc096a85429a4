import { defineOp } from './schema';
import { toNumbers } from '../ir/tensor';

/** Element count of Range: max(ceil((limit - start) / delta), 0). */
export function rangeCount(start: number, limit: number, delta: number): number {
  return Math.max(Math.ceil((limit - start) / delta), 0);
}

// Range-11: 1-D [start, start+delta, ...) below limit; all three inputs are scalars of one dtype.
export default defineOp({
  op: 'Range',
  sinceVersion: 11,
  versions: [11], types: { T: ['float32', 'float64', 'int16', 'int32', 'int64'] },
  inputs: [{ name: 'start', type: 'T' }, { name: 'limit', type: 'T' }, { name: 'delta', type: 'T' }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: {},
  infer(ctx) {
    const [s, l, d] = ctx.inputs.map((i) => i?.value);
    const dtype = ctx.inputs[0]?.dtype;
    if (!s || !l || !d || !d.size) return [{ dtype, shape: ['?'] }];
    return [{ dtype, shape: [rangeCount(toNumbers(s)[0]!, toNumbers(l)[0]!, toNumbers(d)[0]!)] }];
  },
});
