import { nodeError } from '../../../ir/node-error';
import { fromNumbers, sizeOf, Tensor, toNumbers } from '../../../ir/tensor';
import { outDims, readWindowAttrs, resolveWindow } from '../../../ops/_window-geometry';
import { defineKernel } from '../kernel';
import { checkConvBias, convKernelShape, readConvOperands } from '../util/conv-operands';
import { gemmOutput } from '../util/gemm';
import { runConv } from '../util/gemm-conv';

// Y[n, g·Mg + m] = W_g[m, :] · im2col(X[n, group g]) + B[m]; util/gemm-conv.ts picks the lowering per shape.
export default defineKernel('Conv', (inputs, ctx) => {
  const { x, w, b, group, batch, channels } = readConvOperands(inputs, ctx);
  const m = w.dims[0]!;
  const kernel = convKernelShape(w, ctx);
  if (group < 1 || channels % group !== 0 || m % group !== 0 || w.dims[1]! * group !== channels) {
    throw nodeError(ctx.node, 'E_SHAPE', `group ${group} does not fit X channels ${channels}, W [${w.dims}]`,
      'W must be [M, C/group, k...] with C and M divisible by group');
  }
  checkConvBias(b, m, ctx.node);
  const spatial = x.dims.slice(2);
  const win = resolveWindow(spatial, readWindowAttrs(ctx.attr, kernel), ctx.node);
  const outSp = outDims(win);
  const geom = { inDims: spatial, outDims: outSp, kernel, strides: win.strides, dilations: win.dilations, padsBegin: win.padsBegin };
  const y = gemmOutput(x.dtype, batch * m * sizeOf(outSp));
  runConv({ x: toNumbers(x), w: toNumbers(w), bias: b && toNumbers(b), batch, channels, m, group, geom, y });
  const dims = [batch, m, ...outSp];
  if (x.dtype === 'float32' || x.dtype === 'float64') return [new Tensor(x.dtype, dims, y)];
  return [fromNumbers(x.dtype, dims, y)];
});
