import { nodeError } from '../../../ir/node-error';
import { fromNumbers, sizeOf, Tensor, toNumbers } from '../../../ir/tensor';
import { outDims, readWindowAttrs, resolveTransposeWindow } from '../../../ops/_window-geometry';
import { defineKernel } from '../kernel';
import { col2im } from '../util/conv';
import { checkConvBias, convKernelShape, readConvOperands } from '../util/conv-operands';
import { gemm } from '../util/gemm';

// The adjoint of Conv: col = W_gᵀ · X[n, group g] (one blocked gemm), then col2im scatters the columns into Y.
export default defineKernel('ConvTranspose', (inputs, ctx) => {
  const { x, w, b, group, batch, channels } = readConvOperands(inputs, ctx);
  if (group < 1 || channels % group !== 0 || w.dims[0] !== channels) {
    throw nodeError(ctx.node, 'E_SHAPE', `W [${w.dims}] must be [C=${channels}, M/group, k...] with C divisible by group ${group}`);
  }
  const mg = w.dims[1]!;
  const m = mg * group;
  const cg = channels / group;
  const kernel = convKernelShape(w, ctx);
  checkConvBias(b, m, ctx.node);
  const inSp = x.dims.slice(2);
  const win = resolveTransposeWindow(inSp, {
    ...readWindowAttrs(ctx.attr, kernel),
    outputPadding: ctx.attr<number[] | undefined>('output_padding'),
    outputShape: ctx.attr<number[] | undefined>('output_shape'),
  }, ctx.node);
  const outSp = outDims(win);
  if (outSp.some((d) => d < 0)) throw nodeError(ctx.node, 'E_SHAPE', `negative output shape [${outSp}] (pads too large)`);
  // In col2im terms the "image" is Y and the sliding positions are X's spatial positions.
  const geom = { inDims: outSp, outDims: inSp, kernel, strides: win.strides, dilations: win.dilations, padsBegin: win.padsBegin };
  const kSize = sizeOf(kernel);
  const inSize = sizeOf(inSp);
  const outSize = sizeOf(outSp);
  const xv = toNumbers(x);
  const wv = toNumbers(w);
  // Y accumulates in doubles whatever the dtype, so col2im only ever sees Float64Arrays (see gemm-typed.ts).
  const y = new Float64Array(batch * m * outSize);
  const col = new Float64Array(mg * kSize * inSize);
  for (let n = 0; n < batch; n++) {
    for (let g = 0; g < group; g++) {
      // W_g is stored [Cg, Mg·kSize]; we need its transpose times X_g [Cg, inSize].
      gemm({
        m: mg * kSize, n: inSize, k: cg,
        a: wv, aOffset: g * cg * mg * kSize, transA: true, lda: mg * kSize,
        b: xv, bOffset: (n * channels + g * cg) * inSize,
        c: col,
      });
      col2im(col, mg, geom, y, (n * m + g * mg) * outSize);
    }
  }
  if (b) {
    const bv = toNumbers(b);
    for (let n = 0; n < batch; n++) {
      for (let oc = 0; oc < m; oc++) {
        const off = (n * m + oc) * outSize;
        for (let i = off; i < off + outSize; i++) y[i] += bv[oc]!;
      }
    }
  }
  const dims = [batch, m, ...outSp];
  if (x.dtype === 'float64') return [new Tensor(x.dtype, dims, y)];
  if (x.dtype === 'float32') return [new Tensor(x.dtype, dims, Float32Array.from(y))];
  return [fromNumbers(x.dtype, dims, y)];
});
