import { HoduError } from '../../../errors';
import { fromNumbers } from '../../../ir/tensor';
import { dtypeFromOnnx } from '../../../ir/dtype-codes';
import { defineKernel, tensorInput } from '../kernel';
import { nodeLabel } from '../util/indexing';

export default defineKernel('EyeLike', (inputs, ctx) => {
  const x = tensorInput(inputs, 0, ctx);
  if (x.rank !== 2) throw new HoduError('E_SHAPE', `${nodeLabel(ctx)}: input must be 2-D, got [${x.dims.join(',')}]`);
  const code = ctx.attr<number | undefined>('dtype');
  const dtype = code === undefined ? x.dtype : dtypeFromOnnx(code, nodeLabel(ctx));
  if (dtype === 'string') throw new HoduError('E_DTYPE', `${nodeLabel(ctx)}: cannot build an identity matrix of strings`);
  const k = ctx.attr<number>('k');
  const [rows, cols] = x.dims as [number, number];
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    const j = i + k;
    if (j >= 0 && j < cols) values[i * cols + j] = 1;
  }
  return [fromNumbers(dtype, x.dims, values)];
});
