import { nodeError } from '../../../ir/node-error';
import { defineKernel } from '../kernel';

export default defineKernel('OptionalGetElement', (inputs, ctx) => {
  const v = inputs[0];
  if (v === undefined || v === null) {
    throw nodeError(ctx.node, 'E_INPUT', 'the optional input is empty', 'guard the read with OptionalHasElement and an If');
  }
  return [v];
});
