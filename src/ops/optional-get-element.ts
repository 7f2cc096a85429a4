import { defineOp } from './registry';

// OptionalGetElement-15: the value inside an optional (an error when it is empty). 18: a plain tensor or
// sequence input is passed through.
export default defineOp({
  op: 'OptionalGetElement',
  sinceVersion: 15,
  untilVersion: 21,
  inputs: [{ name: 'input' }],
  outputs: [{ name: 'output' }],
  attributes: {},
  infer: (ctx) => [{ dtype: ctx.inputs[0]?.dtype, shape: ctx.inputs[0]?.shape?.slice() }],
});
