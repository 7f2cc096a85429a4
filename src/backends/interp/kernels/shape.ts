import { int64Tensor } from '../../../ir/tensor';
import { shapeRange } from '../../../ops/shape';
import { defineKernel, tensorInput } from '../kernel';

export default defineKernel('Shape', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const [s, e] = ctx.opset >= 15 ? shapeRange(x.rank, ctx.attr<number>('start'), ctx.attr<number | undefined>('end')) : [0, x.rank];
  return [int64Tensor(x.dims.slice(s, Math.max(s, e)))];
});
