import { inferRnn, rnnAttributes, rnnInputs } from './_rnn';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// GRU-1 (output_sequence), -3 (linear_before_reset), -7, -14 (layout). Gates z, r, h.
export default defineOp({
  op: 'GRU',
  sinceVersion: 1,
  versions: [1, 3, 7, 14], types: { T: FLOATS, T1: ['int32'] },
  inputs: rnnInputs,
  outputs: [{ name: 'Y', type: 'T', optional: true }, { name: 'Y_h', type: 'T', optional: true }],
  attributes: { ...rnnAttributes, linear_before_reset: { type: 'int', default: 0 } },
  infer: (ctx) => inferRnn(ctx, 1),
});
