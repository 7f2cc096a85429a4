import { nodeError } from '../../../ir/node-error';
import { reshapeTensor } from '../../../ir/tensor';
import { defineKernel } from '../kernel';
import { binaryOperands, mapBinary, where } from '../util/binary';

const prelu = { num: (x: number, s: number) => (x < 0 ? x * s : x), big: (x: bigint, s: bigint) => (x < 0n ? x * s : x) };

// Slope broadcasts to X only (unidirectional): the output always has X's shape.
export default defineKernel('PRelu', (inputs, ctx) => {
  const [x, given] = binaryOperands(inputs, ctx);
  // Before opset 7 a 1-D slope of size C was per channel (axis 1), as in [C,1,1] for NCHW.
  const perChannel = ctx.opset < 7 && given.rank === 1 && x.rank > 2 && given.dims[0] === x.dims[1] && given.dims[0] !== 1;
  const slope = perChannel ? reshapeTensor(given, [given.dims[0]!, ...new Array<number>(x.rank - 2).fill(1)]) : given;
  const y = mapBinary(x, slope, x.dtype, prelu, where(ctx));
  if (y.dims.length !== x.dims.length || y.dims.some((d, i) => d !== x.dims[i])) {
    throw nodeError(ctx.node, 'E_SHAPE', `slope [${slope.dims}] does not broadcast to X [${x.dims}]`, 'slope must broadcast to X without growing it');
  }
  return [y];
});
