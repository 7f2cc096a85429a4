import { HoduError } from '../../../errors';
import { fromNumbers, sizeOf, Tensor, toNumbers } from '../../../ir/tensor';
import { outDims, readWindowAttrs, resolveTransposeWindow } from '../../../ops/_conv';
import { optionalInput, registerKernel, tensorInput } from '../kernel';
import { col2im } from '../util/conv';
import { gemm } from '../util/gemm';

// The adjoint of Conv: col = W_gᵀ · X[n, group g] (one blocked gemm), then col2im scatters the columns into Y.
export default registerKernel('ConvTranspose', (inputs, ctx) => {
  const name = `ConvTranspose node '${ctx.node.name}'`;
  const x = tensorInput(inputs, 0, ctx);
  const w = tensorInput(inputs, 1, ctx);
  const b = optionalInput(inputs, 2);
  const group = ctx.attr<number>('group');
  if (x.rank < 3 || w.rank !== x.rank) {
    throw new HoduError('E_SHAPE', `${name}: X [${x.dims}] must be [N,C,spatial...] and W [${w.dims}] of the same rank`);
  }
  const [batch, channels] = [x.dims[0]!, x.dims[1]!];
  if (group < 1 || channels % group !== 0 || w.dims[0] !== channels) {
    throw new HoduError('E_SHAPE', `${name}: W [${w.dims}] must be [C=${channels}, M/group, k...] with C divisible by group ${group}`);
  }
  const mg = w.dims[1]!;
  const m = mg * group;
  const cg = channels / group;
  const kernel = w.dims.slice(2);
  const declared = ctx.attr<number[] | undefined>('kernel_shape');
  if (declared && declared.join(',') !== kernel.join(',')) {
    throw new HoduError('E_SHAPE', `${name}: kernel_shape [${declared}] differs from W's spatial dims [${kernel}]`);
  }
  if (b && (b.rank !== 1 || b.dims[0] !== m)) throw new HoduError('E_SHAPE', `${name}: B must be [${m}], got [${b.dims}]`);
  const inSp = x.dims.slice(2);
  const win = resolveTransposeWindow(inSp, {
    ...readWindowAttrs(ctx.attr, kernel),
    outputPadding: ctx.attr<number[] | undefined>('output_padding'),
    outputShape: ctx.attr<number[] | undefined>('output_shape'),
  }, name);
  const outSp = outDims(win);
  if (outSp.some((d) => d < 0)) throw new HoduError('E_SHAPE', `${name}: negative output shape [${outSp}] (pads too large)`);
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
