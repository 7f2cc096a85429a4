import { normalizeAxis } from '../ir/axis';
import type { Dim } from '../ir/graph';
import { constInts, shapeError } from './_dim-inference';
import { defineOp } from './schema';
import { ALL, INDEX } from './_types';

// Pad-1: `paddings`/`value` attributes; Pad-2: `pads`/`value`; Pad-11: inputs pads, constant_value;
// Pad-18: axes input; Pad-19: mode 'wrap'. pads = [x1_begin, x2_begin, ..., x1_end, x2_end], negative crops.
export default defineOp({
  op: 'Pad',
  sinceVersion: 1,
  versions: [1, 2, 11, 13, 18, 19, 21], types: { T: ALL, Tind: INDEX },
  inputs: [{ name: 'data', type: 'T' }, { name: 'pads', type: 'int64', optional: true }, { name: 'constant_value', type: 'T', optional: true }, { name: 'axes', type: 'Tind', optional: true }],
  outputs: [{ name: 'output', type: 'T' }],
  attributes: {
    mode: { type: 'string', default: 'constant' },
    pads: { type: 'ints' },
    paddings: { type: 'ints' },
    value: { type: 'float', default: 0 },
  },
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype }];
    const rank = x.shape.length;
    const pads = ctx.opset < 2 ? ctx.attr<number[] | undefined>('paddings') : ctx.opset < 11 ? ctx.attr<number[] | undefined>('pads') : constInts(ctx.inputs[1]);
    const axesIn = ctx.opset >= 18 && ctx.inputs[3] ? constInts(ctx.inputs[3]) : x.shape.map((_, i) => i);
    if (!pads || !axesIn) return [{ dtype: x.dtype, shape: x.shape.map(() => '?') }];
    const axes = axesIn.map((a) => normalizeAxis(a, rank, ctx.node));
    if (pads.length !== 2 * axes.length) throw shapeError(ctx, `pads has ${pads.length} values, expected ${2 * axes.length}`);
    const out: Dim[] = x.shape.slice();
    axes.forEach((a, i) => {
      const d = out[a]!;
      out[a] = typeof d === 'number' ? d + pads[i]! + pads[i + axes.length]! : pads[i] === 0 && pads[i + axes.length] === 0 ? d : '?';
    });
    return [{ dtype: x.dtype, shape: out }];
  },
});
