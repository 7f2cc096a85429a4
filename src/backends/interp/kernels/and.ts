import { nodeError } from '../../../ir/node-error';
import { Tensor } from '../../../ir/tensor';
import { defineKernel } from '../kernel';
import { binaryKernel } from '../util/binary';

const logic = binaryKernel({ num: (a, b) => +((a !== 0) && (b !== 0)) }, true);

export default defineKernel('And', (inputs, ctx) => {
  inputs.forEach((v, i) => {
    if (v instanceof Tensor && v.dtype !== 'bool') throw nodeError(ctx.node, 'E_DTYPE', `input ${i} must be bool, got ${v.dtype}`);
  });
  return logic(inputs, ctx);
});
