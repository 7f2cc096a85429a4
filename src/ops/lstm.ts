import { inferRnn, rnnAttributes, rnnInputs } from './_rnn';
import { defineOp } from './registry';

// LSTM-1 (output_sequence), -7, -14 (layout). Gates i, o, f, c; peepholes P = [Pi, Po, Pf].
export default defineOp({
  op: 'LSTM',
  sinceVersion: 1,
  untilVersion: 21,
  inputs: [...rnnInputs, { name: 'initial_c', optional: true }, { name: 'P', optional: true }],
  outputs: [{ name: 'Y', optional: true }, { name: 'Y_h', optional: true }, { name: 'Y_c', optional: true }],
  attributes: { ...rnnAttributes, input_forget: { type: 'int', default: 0 } },
  infer: (ctx) => inferRnn(ctx, 2),
});
