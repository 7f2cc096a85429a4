import { nodeError } from '../../../ir/node-error';
import { stridesOf, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { takeByIndex } from '../util/copy';
import { unravel } from '../util/indexing';

export default defineKernel('ReverseSequence', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  const lens = toIntList(tensorInput(inputs, 1, ctx));
  const batchAxis = ctx.attr<number>('batch_axis');
  const timeAxis = ctx.attr<number>('time_axis');
  if (x.rank < 2 || ![0, 1].includes(batchAxis) || ![0, 1].includes(timeAxis) || batchAxis === timeAxis) {
    throw nodeError(ctx.node, 'E_ATTR', `batch_axis ${batchAxis} and time_axis ${timeAxis} must be 0 and 1 (in some order) for input [${x.dims.join(',')}]`);
  }
  const steps = x.dims[timeAxis]!;
  if (lens.length !== x.dims[batchAxis] || lens.some((l) => l < 0 || l > steps)) {
    throw nodeError(ctx.node, 'E_INPUT', `sequence_lens [${lens.join(',')}] must have ${x.dims[batchAxis]} values in 0..${steps}`);
  }
  const strides = stridesOf(x.dims);
  const index = new Int32Array(x.size);
  const coord = new Array<number>(x.rank).fill(0);
  for (let k = 0; k < x.size; k++) {
    unravel(k, x.dims, coord);
    const len = lens[coord[batchAxis]!]!;
    const t = coord[timeAxis]!;
    index[k] = k + (t < len ? len - 1 - 2 * t : 0) * strides[timeAxis]!;
  }
  return [takeByIndex(x, x.dims, index)];
});
