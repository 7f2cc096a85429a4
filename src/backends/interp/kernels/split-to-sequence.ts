import { normalizeAxis } from '../../../ir/axis';
import { nodeError } from '../../../ir/node-error';
import { Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, optionalInput, tensorInput } from '../kernel';
import { sliceAxis } from '../util/copy';

export default defineKernel('SplitToSequence', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const axis = normalizeAxis(ctx.attr<number>('axis'), x.rank, ctx.node);
  const dim = x.dims[axis]!;
  const splitT = optionalInput(inputs, 1);
  let sizes: number[];
  if (!splitT) sizes = new Array<number>(dim).fill(1);
  else if (splitT.rank === 0) {
    const chunk = toIntList(splitT)[0]!;
    if (chunk <= 0) throw nodeError(ctx.node, 'E_INPUT', `split chunk size must be positive, got ${chunk}`);
    sizes = Array.from({ length: Math.ceil(dim / chunk) }, (_, i) => Math.min(chunk, dim - i * chunk));
  } else sizes = toIntList(splitT);
  if (sizes.some((s) => s < 0) || sizes.reduce((a, b) => a + b, 0) !== dim) {
    throw nodeError(ctx.node, 'E_INPUT', `split [${sizes.join(',')}] does not sum to dim ${dim} on axis ${axis}`);
  }
  // keepdims=0 only applies when no split is given (every piece has size 1 on the axis).
  const squeeze = !splitT && ctx.attr<number>('keepdims') === 0;
  let begin = 0;
  return [
    sizes.map((len) => {
      const part = sliceAxis(x, axis, begin, len);
      begin += len;
      return squeeze ? new Tensor(part.dtype, part.dims.filter((_, a) => a !== axis), part.data) : part;
    }),
  ];
});
