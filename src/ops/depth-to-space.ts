import { shapeError } from './_shape';
import { defineOp } from './registry';

// DepthToSpace-1/11 (mode DCR | CRD)/13: [N, C, H, W] -> [N, C/b², H*b, W*b].
export default defineOp({
  op: 'DepthToSpace',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: { blocksize: { type: 'int', required: true }, mode: { type: 'string', default: 'DCR' } },
  infer(ctx) {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype, shape: ['?', '?', '?', '?'] }];
    if (x.shape.length !== 4) throw shapeError(ctx, `input must be 4-D, got [${x.shape.join(',')}]`);
    const b = ctx.attr<number>('blocksize');
    const [n, c, h, w] = x.shape;
    const scale = (d: typeof n, f: number) => (typeof d === 'number' ? d * f : '?');
    return [{ dtype: x.dtype, shape: [n!, typeof c === 'number' ? c / (b * b) : '?', scale(h, b), scale(w, b)] }];
  },
});
