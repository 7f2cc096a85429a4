import { nodeError } from '../../../ir/node-error';
import { defineKernel, tensorInput } from '../kernel';
import { permuteView } from '../util/copy';

// DCR: view [N, b, b, C/b², H, W], perm [0,3,4,1,5,2]; CRD: view [N, C/b², b, b, H, W], perm [0,1,4,2,5,3].
export default defineKernel('DepthToSpace', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const b = ctx.attr<number>('blocksize');
  const mode = ctx.opset >= 11 ? ctx.attr<string>('mode') : 'DCR';
  if (mode !== 'DCR' && mode !== 'CRD') throw nodeError(ctx.node, 'E_UNSUPPORTED_ATTR', `unsupported mode '${mode}'`, "modes are 'DCR' and 'CRD'");
  if (x.rank !== 4 || b < 1 || x.dims[1]! % (b * b) !== 0) {
    throw nodeError(ctx.node, 'E_SHAPE', `input [${x.dims.join(',')}] must be 4-D with channels divisible by blocksize² (${b * b})`);
  }
  const [n, c, h, w] = x.dims as [number, number, number, number];
  const c2 = c / (b * b);
  const outDims = [n, c2, h * b, w * b];
  return [mode === 'DCR' ? permuteView(x, [n, b, b, c2, h, w], [0, 3, 4, 1, 5, 2], outDims) : permuteView(x, [n, c2, b, b, h, w], [0, 1, 4, 2, 5, 3], outDims)];
});
