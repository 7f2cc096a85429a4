import { inferRnn, rnnAttributes, rnnInputs } from './_rnn';
import { defineOp } from './registry';

// GRU-1 (output_sequence), -3 (linear_before_reset), -7, -14 (layout). Gates z, r, h.
export default defineOp({
  op: 'GRU',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: rnnInputs,
  outputs: [{ name: 'Y', optional: true }, { name: 'Y_h', optional: true }],
  attributes: { ...rnnAttributes, linear_before_reset: { type: 'int', default: 0 } },
  infer: (ctx) => inferRnn(ctx, 1),
});
