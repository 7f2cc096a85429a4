import { shapeError } from './_shape';
import { defineOp } from './registry';

// SpaceToDepth-1/13: [N, C, H, W] -> [N, C*b², H/b, W/b].
export default defineOp({
  op: 'SpaceToDepth',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { blocksize: { type: 'int', required: true } },
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype, shape: ['?', '?', '?', '?'] }];
    if (x.shape.length !== 4) throw shapeError(ctx, `input must be 4-D, got [${x.shape.join(',')}]`);
    const b = ctx.attr<number>('blocksize');
    const [n, c, h, w] = x.shape;
    const div = (d: typeof n) => (typeof d === 'number' ? d / b : '?');
    return [{ dtype: x.dtype, shape: [n!, typeof c === 'number' ? c * b * b : '?', div(h), div(w)] }];
  },
});
