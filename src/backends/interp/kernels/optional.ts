import type { ValueType } from '../../../ir/graph';
import { nodeError } from '../../../ir/node-error';
import { defineKernel } from '../kernel';

// An absent optional is `null` at run time; a present one is its tensor or sequence itself.
export default defineKernel('Optional', (inputs, ctx) => {
  const v = inputs[0];
  if (v !== undefined) return [v];
  if (!ctx.attr<ValueType | undefined>('type')) {
    throw nodeError(ctx.node, 'E_ATTR', `an Optional without input needs the 'type' attribute`, 'the model is malformed; re-export it');
  }
  return [null];
});
