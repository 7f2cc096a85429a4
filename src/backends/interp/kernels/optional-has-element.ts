import { nodeError } from '../../../ir/node-error';
import { Tensor } from '../../../ir/tensor';
import { defineKernel } from '../kernel';

export default defineKernel('OptionalHasElement', (inputs, ctx) => {
  const v = inputs[0];
  if (v === undefined && ctx.opset < 18) {
    throw nodeError(ctx.node, 'E_INPUT', `the input may be omitted only from opset 18 (model opset ${ctx.opset})`);
  }
  return [new Tensor('bool', [], Uint8Array.of(v === undefined || v === null ? 0 : 1))];
});
