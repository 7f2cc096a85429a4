import { inferRnn, rnnAttributes, rnnInputs } from './_rnn';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// RNN-1 (output_sequence), -7, -14 (layout). Ht = f(Xt·Wᵀ + Ht-1·Rᵀ + Wb + Rb).
export default defineOp({
  op: 'RNN',
  sinceVersion: 1,
  versions: [1, 7, 14], types: { T: FLOATS, T1: ['int32'] },
  inputs: rnnInputs,
  outputs: [{ name: 'Y', type: 'T', optional: true }, { name: 'Y_h', type: 'T', optional: true }],
  attributes: rnnAttributes,
  infer: (ctx) => inferRnn(ctx, 1),
});
