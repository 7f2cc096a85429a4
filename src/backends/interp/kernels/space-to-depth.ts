import { nodeError } from '../../../ir/node-error';
import { defineKernel, tensorInput } from '../kernel';
import { permuteView } from '../util/copy';

// View [N, C, H/b, b, W/b, b], perm [0,3,5,1,2,4] -> [N, C*b², H/b, W/b].
export default defineKernel('SpaceToDepth', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const b = ctx.attr<number>('blocksize');
  if (x.rank !== 4 || b < 1 || x.dims[2]! % b !== 0 || x.dims[3]! % b !== 0) {
    throw nodeError(ctx.node, 'E_SHAPE', `input [${x.dims.join(',')}] must be 4-D with H and W divisible by blocksize ${b}`);
  }
  const [n, c, h, w] = x.dims as [number, number, number, number];
  return [permuteView(x, [n, c, h / b, b, w / b, b], [0, 3, 5, 1, 2, 4], [n, c * b * b, h / b, w / b])];
});
