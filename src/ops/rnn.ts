import { inferRnn, rnnAttributes, rnnInputs } from './_rnn';
import { defineOp } from './registry';

// RNN-1 (output_sequence), -7, -14 (layout). Ht = f(Xt·Wᵀ + Ht-1·Rᵀ + Wb + Rb).
export default defineOp({
  op: 'RNN',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: rnnInputs,
  outputs: [{ name: 'Y', optional: true }, { name: 'Y_h', optional: true }],
  attributes: rnnAttributes,
  infer: (ctx) => inferRnn(ctx, 1),
});
