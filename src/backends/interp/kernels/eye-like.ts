import { nodeError } from '../../../ir/node-error';
import { nodeLabel } from '../../../ir/node-label';
import { fromNumbers } from '../../../ir/tensor';
import { dtypeFromOnnx } from '../../../ir/dtype-codes';
import { defineKernel, tensorInput } from '../kernel';

export default defineKernel('EyeLike', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  if (x.rank !== 2) throw nodeError(ctx.node, 'E_SHAPE', `input must be 2-D, got [${x.dims.join(',')}]`);
  const code = ctx.attr<number | undefined>('dtype');
  const dtype = code === undefined ? x.dtype : dtypeFromOnnx(code, nodeLabel(ctx.node));
  if (dtype === 'string') throw nodeError(ctx.node, 'E_DTYPE', 'cannot build an identity matrix of strings');
  const k = ctx.attr<number>('k');
  const [rows, cols] = x.dims as [number, number];
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) values[i * cols + j] = 1;
  }
  return [fromNumbers(dtype, x.dims, values)];
});
