import { HoduError } from '../../../errors';
import { sizeOf, Tensor, toIntList } from '../../../ir/tensor';
import { defineKernel, tensorInput } from '../kernel';
import { nodeLabel } from '../util/indexing';

// Reshape never copies: the output shares the input's storage (kernels never mutate inputs).
export default defineKernel('Reshape', (inputs, ctx) => {
  const data = tensorInput(inputs, 0, ctx);
  const shape = ctx.opset < 5 ? ctx.attr<number[] | undefined>('shape') : toIntList(tensorInput(inputs, 1, ctx));
  if (!shape) throw new HoduError('E_ATTR', `${nodeLabel(ctx)}: missing attribute 'shape'`, { hint: 'the model is malformed' });
  const allowZero = ctx.opset >= 14 && ctx.attr<number>('allowzero') === 1;
  const fail = (why: string) =>
    new HoduError('E_SHAPE', `${nodeLabel(ctx)}: cannot reshape [${data.dims.join(',')}] to [${shape.join(',')}]: ${why}`, {
      hint: 'check the input shape against what the model expects (hodu inspect MODEL)',
    });
  const out: number[] = [];
  let inferAt = -1;
  shape.forEach((s, i) => {
    if (s === -1) {
      if (inferAt >= 0) throw fail('more than one -1');
      inferAt = i;
      out.push(1);
    } else if (s === 0 && !allowZero) {
      if (i >= data.rank) throw fail(`0 at position ${i} copies a dim the input does not have`);
      out.push(data.dims[i]!);
    } else if (s < 0) throw fail(`invalid value ${s}`);
    else out.push(s);
  });
  if (allowZero && inferAt >= 0 && shape.includes(0)) throw fail('allowzero=1 shape cannot contain both 0 and -1');
  if (inferAt >= 0) {
    const rest = sizeOf(out);
    if (rest === 0 ? data.size !== 0 : data.size % rest !== 0) throw fail('the element count does not divide');
    out[inferAt] = rest === 0 ? 0 : data.size / rest;
  }
  if (sizeOf(out) !== data.size) throw fail(`${data.size} elements cannot fill ${sizeOf(out)}`);
  return [new Tensor(data.dtype, out, data.data)];
});
