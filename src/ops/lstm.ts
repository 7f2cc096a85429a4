import { inferRnn, rnnAttributes, rnnInputs } from './_rnn';
import { defineOp } from './schema';
import { FLOATS } from './_types';

// LSTM-1 (output_sequence), -7, -14 (layout). Gates i, o, f, c; peepholes P = [Pi, Po, Pf].
export default defineOp({
  op: 'LSTM',
  sinceVersion: 1,
  versions: [1, 7, 14], types: { T: FLOATS, T1: ['int32'] },
  inputs: [...rnnInputs, { name: 'initial_c', type: 'T', optional: true }, { name: 'P', type: 'T', optional: true }],
  outputs: [{ name: 'Y', type: 'T', optional: true }, { name: 'Y_h', type: 'T', optional: true }, { name: 'Y_c', type: 'T', optional: true }],
  attributes: { ...rnnAttributes, input_forget: { type: 'int', default: 0 } },
  infer: (ctx) => inferRnn(ctx, 2),
});
