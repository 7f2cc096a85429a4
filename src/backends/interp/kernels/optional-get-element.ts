import { HoduError } from '../../../errors';
import { defineKernel } from '../kernel';
import { nodeLabel } from '../util/indexing';

export default defineKernel('OptionalGetElement', (inputs, ctx) => {
  const v = inputs[0];
  if (v === undefined || v === null) {
    throw new HoduError('E_INPUT', `${nodeLabel(ctx)}: the optional input is empty`, {
      hint: 'guard the read with OptionalHasElement and an If',
    });
  }
  return [v];
});
