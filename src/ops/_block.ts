/** Shape inference shared by DepthToSpace and SpaceToDepth, which trade channels for spatial extent. */
import type { Dim } from '../ir/graph';
import { shapeError } from './_dim-inference';
import type { InferContext, InferOutput } from './schema';

/**
 * [N, C, H, W] -> [N, channels(C, b), spatial(H, b), spatial(W, b)] with b = blocksize; unknown dims stay '?'
 * and an input of unknown rank gives four unknown dims.
 */
export function inferBlockRearrange(
  channels: (c: number, b: number) => number,
  spatial: (d: number, b: number) => number,
): (ctx: InferContext) => InferOutput[] {
  return (ctx) => {
    const x = ctx.inputs[0];
    if (!x?.shape) return [{ dtype: x?.dtype, shape: ['?', '?', '?', '?'] }];
    if (x.shape.length !== 4) throw shapeError(ctx, `input must be 4-D, got [${x.shape.join(',')}]`);
    const b = ctx.attr<number>('blocksize');
    const [n, c, h, w] = x.shape;
    const scale = (d: Dim | undefined, f: (d: number, b: number) => number): Dim => (typeof d === 'number' ? f(d, b) : '?');
    return [{ dtype: x.dtype, shape: [n!, scale(c, channels), scale(h, spatial), scale(w, spatial)] }];
  };
}
