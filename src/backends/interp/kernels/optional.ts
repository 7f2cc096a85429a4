import { HoduError } from '../../../errors';
import type { ValueType } from '../../../ir/graph';
import { defineKernel } from '../kernel';
import { nodeLabel } from '../util/indexing';

// An absent optional is `null` at run time; a present one is its tensor or sequence itself.
export default defineKernel('Optional', (inputs, ctx) => {
  const v = inputs[0];
  if (v !== undefined) return [v];
  if (!ctx.attr<ValueType | undefined>('type')) {
    throw new HoduError('E_ATTR', `${nodeLabel(ctx)}: an Optional without input needs the 'type' attribute`, {
      hint: 'the model is malformed; re-export it',
    });
  }
  return [null];
});
