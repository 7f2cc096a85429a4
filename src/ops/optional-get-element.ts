import { defineOp } from './schema';
import { ALL_BUT_BF16 } from './_types';

// OptionalGetElement-15: the value inside an optional (an error when it is empty). 18: a plain tensor or
// sequence input is passed through.
export default defineOp({
  op: 'OptionalGetElement',
  sinceVersion: 15,
  versions: [15, 18], types: { V: ALL_BUT_BF16 },
  inputs: [{ name: 'input', type: 'V' }],
  outputs: [{ name: 'output', type: 'V' }],
  attributes: {},
  infer: (ctx) => [{ dtype: ctx.inputs[0]?.dtype, shape: ctx.inputs[0]?.shape?.slice() }],
});
